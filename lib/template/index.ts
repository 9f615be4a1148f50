import type { SheetOut } from "../format";

export interface TemplateOptions {
  year: number;
  /** Fill with the built-in example county instead of leaving the data sheets empty. */
  example?: boolean;
}

/** The input sheets of spec §1, in order, with formats. Implemented in the template module. */
export function buildTemplate(_options: TemplateOptions): SheetOut[] {
  throw new Error("buildTemplate: not implemented yet");
}
