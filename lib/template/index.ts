import type { SheetOut } from "../format";
import { adjustmentsSheet } from "./adjustmentsSheet";
import { dailySheet } from "./dailySheet";
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
 * @throws RangeError when `year` is not a four-digit whole number (a caller's bug: the hosts check what users type).
 */
export function buildTemplate(options: TemplateOptions): SheetOut[] {
  assertYear(options.year);
  const data = options.example === true ? buildExample() : emptyData();
  return [
    guideSheet(options.year, data.county),
    paramsSheet(options.year, data.county),
    unitsSheet(data.units),
    indicatorsSheet(DEFAULT_INDICATORS),
    scoresSheet(DEFAULT_INDICATORS, data.units, data.scores),
    satisfactionSheet(data.satisfaction),
    peerSheet(data.peer),
    adjustmentsSheet(data.adjustments),
    dailySheet(data.daily),
  ];
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`buildTemplate: year must be a four-digit whole number, got ${year}`);
  }
}

export { DEFAULT_INDICATORS, type DefaultIndicator } from "./indicators";
export { scoreColumnHeader } from "./scoresSheet";
export { parseTemplateYear, TEMPLATE_YEAR_HINT, TEMPLATE_YEARS } from "./year";
export { layoutSheets, LAYOUT_SHEETS, type LayoutChange, type LayoutOrphan, type LayoutOutcome, type LayoutSheetName } from "./layoutSheets";
export { FIRST_SCORE_ROW, scoresSheet, type ScoreIndicator, type ScoreUnit } from "./scoresSheet";
