/**
 * 审定调整: one row per unit whose 等次 the 县委、县政府 set at 审定 (考核方案 §六（一）). Each row must say which unit,
 * which of the four 等次, why (事由) and on what authority (依据); 日期 is optional. A second row for one unit is an error:
 * the meeting's decision on a unit is one decision, and two rows would leave the software to choose between them.
 */
import type { CellValue, SheetGrid } from "../grid";
import type { Issue } from "../issue";
import { HEADERS } from "../layout";
import { GRADES, type Grade, type Override } from "../model";
import { addressOf, errorAt, normalizeText, readText, reportCellError, shownValue, type At } from "./cells";
import { REVIEW_MSG } from "./messages";
import { dataRowIndexes, hasColumns, placeIn, readTable, valueIn, type Table } from "./sheets";

const [NAME, GRADE, REASON, BASIS, DATE] = HEADERS.review;
const REQUIRED = [NAME, GRADE, REASON, BASIS];

function readGrade(table: Table, row: number, unit: string | null, issues: Issue[]): Grade | undefined {
  const at = placeIn(table, row, GRADE, issues);
  const text = readText(at, valueIn(table, row, GRADE));
  if (text === undefined) return undefined;
  if (text === null) {
    errorAt(at, "review.gradeMissing", REVIEW_MSG.gradeMissing(unit ?? ""));
    return undefined;
  }
  const grade = GRADES.find((candidate) => candidate === normalizeText(text));
  if (grade === undefined) errorAt(at, "review.notGrade", REVIEW_MSG.notGrade(text));
  return grade;
}

/** 日期 as text: a date cell as YYYY-MM-DD, anything else as shown; undefined for an Excel error value (reported). */
function readDate(at: At, value: CellValue): string | null | undefined {
  if (value === null) return null;
  if (reportCellError(at, value)) return undefined;
  const text = normalizeText(shownValue(value));
  return text === "" ? null : text;
}

function readRow(table: Table, row: number, unitNames: ReadonlySet<string>, seen: Map<string, string>, issues: Issue[]): Override | null {
  const nameAt = placeIn(table, row, NAME, issues);
  const unit = readText(nameAt, valueIn(table, row, NAME));
  if (unit === null) errorAt(nameAt, "review.nameMissing", REVIEW_MSG.nameMissing());
  const known = unit !== null && unit !== undefined && unitNames.has(unit);
  if (unit !== null && unit !== undefined && !known) errorAt(nameAt, "review.unknownUnit", REVIEW_MSG.unknownUnit(unit));
  if (known) {
    const first = seen.get(unit);
    if (first !== undefined) errorAt(nameAt, "review.duplicate", REVIEW_MSG.duplicate(unit, first));
    else seen.set(unit, addressOf(nameAt));
  }
  const grade = readGrade(table, row, unit ?? null, issues);
  const reasonAt = placeIn(table, row, REASON, issues);
  const reason = readText(reasonAt, valueIn(table, row, REASON));
  if (reason === null) errorAt(reasonAt, "review.reasonMissing", REVIEW_MSG.reasonMissing(unit ?? ""));
  const basisAt = placeIn(table, row, BASIS, issues);
  const basis = readText(basisAt, valueIn(table, row, BASIS));
  if (basis === null) errorAt(basisAt, "review.basisMissing", REVIEW_MSG.basisMissing(unit ?? ""));
  const date = readDate(placeIn(table, row, DATE, issues), valueIn(table, row, DATE));
  if (!known || grade === undefined || reason === null || reason === undefined || basis === null || basis === undefined || date === undefined) return null;
  return { unit, grade, reason, basis, date, ref: { sheet: table.sheet, cell: addressOf(nameAt) } };
}

/** 审定调整 → the meeting's decisions, in sheet order; every bad row is an error (nothing is scored then). */
export function readOverrides(grid: SheetGrid, unitNames: ReadonlySet<string>, issues: Issue[]): Override[] {
  const table = readTable(grid, { layout: HEADERS.review, required: REQUIRED, warnExtras: true }, issues);
  if (!hasColumns(table, REQUIRED)) return [];
  const overrides: Override[] = [];
  const seen = new Map<string, string>();
  for (const row of dataRowIndexes(table.rows, 1)) {
    const override = readRow(table, row, unitNames, seen, issues);
    if (override !== null) overrides.push(override);
  }
  return overrides;
}

