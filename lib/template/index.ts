import type { SheetOut } from "../format";
import { adjustmentsSheet } from "./adjustmentsSheet";
import { dailySheet } from "./dailySheet";
import { buildExample } from "./example";
import { guideSheet } from "./guideSheet";
import { DEFAULT_INDICATORS } from "./indicators";
import { indicatorsSheet } from "./indicatorsSheet";
import { paramsSheet } from "./paramsSheet";
import { peerSheet } from "./peerSheet";
import { reviewSheet } from "./reviewSheet";
import { satisfactionSheet } from "./satisfactionSheet";
import { scoresSheet } from "./scoresSheet";
import { emptyData, type TemplateUnit } from "./templateData";
import type { DefaultIndicator } from "./indicators";
import { unitsSheet } from "./unitsSheet";

export interface TemplateOptions {
  year: number;
  /** Fill with the built-in example county instead of leaving the data sheets empty. */
  example?: boolean;
  /** Next year's workbook from last year's (kaohe template --from): its units (上年名次/上年等次 filled) and indicators; no scores. */
  carried?: { units: TemplateUnit[]; indicators: DefaultIndicator[] };
}

/**
 * The input sheets of spec §1, in order (INPUT_SHEETS), with formats.
 * @throws RangeError when `year` is not a four-digit whole number (a caller's bug: the hosts check what users type).
 */
export function buildTemplate(options: TemplateOptions): SheetOut[] {
  assertYear(options.year);
  const data = options.example === true ? buildExample() : emptyData();
  const units = options.carried?.units ?? data.units;
  const indicators = options.carried?.indicators ?? DEFAULT_INDICATORS;
  return [
    guideSheet(options.year, data.county),
    paramsSheet(options.year, data.county, data.peerRaters ?? null),
    unitsSheet(units),
    indicatorsSheet(indicators),
    scoresSheet(indicators, units, data.scores),
    satisfactionSheet(data.satisfaction),
    peerSheet(data.peer),
    adjustmentsSheet(data.adjustments),
    dailySheet(data.daily),
    reviewSheet(),
  ];
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`buildTemplate: year must be a four-digit whole number, got ${year}`);
  }
}

export { DEFAULT_INDICATORS, type DefaultIndicator } from "./indicators";
export { scoreColumnHeader } from "./scoresSheet";
export { unitsSheet } from "./unitsSheet";
export type { TemplateUnit } from "./templateData";
export { parseTemplateYear, TEMPLATE_YEAR_HINT, TEMPLATE_YEARS } from "./year";
export { layoutSheets, previewStillHolds, refused as layoutRefused, LAYOUT_SHEETS, type LayoutChange, type LayoutOrphan, type LayoutOutcome, type LayoutSheetName } from "./layoutSheets";
export { FIRST_SCORE_ROW, scoresSheet, type ScoreIndicator, type ScoreUnit } from "./scoresSheet";
