import type { WorkbookGrids } from "../grid";
import type { Issue } from "../issue";
import type { AssessmentInput } from "../model";

export interface ReadOutcome {
  /** null when errors prevent building an input at all; otherwise built even with errors (scoring is skipped then). */
  input: AssessmentInput | null;
  issues: Issue[];
}

/** Grids of the input sheets → the assessment input, with every problem found. */
export function readAssessment(_book: WorkbookGrids): ReadOutcome {
  throw new Error("readAssessment: not implemented yet");
}
