import type { SheetOut } from "./format";
import type { WorkbookGrids } from "./grid";
import { error, hasErrors, type Issue } from "./issue";
import { DAILY_QUARTERS, SHEET } from "./layout";
import { renderQuarterSheet } from "./output/quarterSheet";
import { readDaily } from "./reader/daily";
import { readParams } from "./reader/params";
import { findSheet } from "./reader/sheets";
import { readUnits } from "./reader/units";
import { quarterOverview, type QuarterOverview } from "./rules/quarterReview";

export interface QuarterOutcome {
  issues: Issue[];
  /** null when any error was found. */
  overview: QuarterOverview | null;
  /** The 季度点评 output sheet; null when any error was found. */
  sheet: SheetOut | null;
}

/**
 * 季度点评 for quarter q, mid-year as well as at its end: reads only 参数, 考核对象 and 平时考核 (评分 and the other
 * annual sheets may still be empty), so the office can prepare each quarterly meeting from the same workbook.
 */
export function runQuarter(book: WorkbookGrids, q: number): QuarterOutcome {
  if (!Number.isInteger(q) || q < 1 || q > DAILY_QUARTERS) throw new RangeError(`runQuarter: quarter must be 1–4, got ${q}`);
  const issues: Issue[] = [];
  const params = readParams(findSheet(book, SHEET.params, "silent", issues), issues).params;
  const unitsGrid = findSheet(book, SHEET.units, "required", issues);
  const dailyGrid = findSheet(book, SHEET.daily, "silent", issues);
  if (unitsGrid === null) return { issues, overview: null, sheet: null };
  const { units, names } = readUnits(unitsGrid, issues);
  if (dailyGrid === null) issues.push(error("daily.missing", SHEET.daily, "A1", QUARTER_MSG.noSheet));
  const records = dailyGrid === null ? [] : readDaily(dailyGrid, names, params.daily?.checkWords ?? new Map(), issues);
  if (hasErrors(issues)) return { issues, overview: null, sheet: null };
  const overview = quarterOverview(units, records, q, params.decimals);
  return { issues, overview, sheet: renderQuarterSheet(overview, params.year, params.decimals) };
}

export const QUARTER_MSG = {
  noSheet: "工作簿中没有“平时考核”表。请先用“加载考核模板”补上缺少的表（已有的表不会改动），再按月填写工作台账、双月检查和季度点评。",
} as const;
