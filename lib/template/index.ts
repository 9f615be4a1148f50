import type { SheetOut } from "../format";
import { adjustmentsSheet } from "./adjustmentsSheet";
import { buildExample } from "./example";
import { guideSheet } from "./guideSheet";
import { DEFAULT_INDICATORS } from "./indicators";
import { indicatorsSheet } from "./indicatorsSheet";
import { paramsSheet } from "./paramsSheet";
import { peerSheet } from "./peerSheet";
import { satisfactionSheet } from "./satisfactionSheet";
import { scoresSheet } from "./scoresSheet";
import { emptyData } from "./templateData";
import { unitsSheet } from "./unitsSheet";

export interface TemplateOptions {
  year: number;
  /** Fill with the built-in example county instead of leaving the data sheets empty. */
  example?: boolean;
}

/**
 * The input sheets of spec §1, in order (INPUT_SHEETS), with formats.
 * @throws RangeError when `year` is not a whole year between 2000 and 2100 (a caller's bug: the hosts offer a choice).
 */
export function buildTemplate(options: TemplateOptions): SheetOut[] {
  assertYear(options.year);
  const data = options.example === true ? buildExample() : emptyData();
  return [
    guideSheet(options.year, data.county),
    paramsSheet(options.year),
    unitsSheet(data.units),
    indicatorsSheet(DEFAULT_INDICATORS),
    scoresSheet(DEFAULT_INDICATORS, data.units, data.scores),
    satisfactionSheet(data.satisfaction),
    peerSheet(data.peer),
    adjustmentsSheet(data.adjustments),
  ];
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) {
    throw new RangeError(`buildTemplate: year must be a whole number 2000–2100, got ${year}`);
  }
}

export { DEFAULT_INDICATORS, type DefaultIndicator } from "./indicators";
export { scoreColumnHeader } from "./scoresSheet";
