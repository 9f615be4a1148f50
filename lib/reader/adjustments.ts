/**
 * 加减分: one row per case. 类型 is 加分 or 扣分, 分值 is positive for both (扣分 are subtracted by the rules);
 * 情节严重 and 重大法治问题 are 是/否, blank meaning 否.
 */
import type { SheetGrid } from "../grid";
import type { Issue } from "../issue";
import { ADJUSTMENT_TYPES, HEADERS } from "../layout";
import type { Adjustment } from "../model";
import { addressOf, errorAt, normalizeText, readPlainNumber, readText, readYesNo, warnAt, withContext } from "./cells";
import { MSG } from "./messages";
import { dataRowIndexes, hasColumns, placeIn, readTable, valueIn, type Table } from "./sheets";

const [NAME, TYPE, POINTS, REASON, BASIS, SERIOUS, MAJOR] = HEADERS.adjustments;
const REQUIRED = [NAME, TYPE, POINTS];

function readType(table: Table, row: number, issues: Issue[]): Adjustment["type"] | undefined {
  const at = placeIn(table, row, TYPE, issues);
  const text = readText(at, valueIn(table, row, TYPE));
  if (text === undefined) return undefined;
  if (text === null) {
    errorAt(at, "adjustment.typeMissing", MSG.adjustmentTypeMissing());
    return undefined;
  }
  const word = normalizeText(text);
  if (word === ADJUSTMENT_TYPES.bonus) return "bonus";
  if (word === ADJUSTMENT_TYPES.penalty) return "penalty";
  errorAt(at, "adjustment.type", MSG.adjustmentType(text));
  return undefined;
}

function readPoints(table: Table, row: number, issues: Issue[]) {
  const at = placeIn(table, row, POINTS, issues);
  const points = readPlainNumber(at, valueIn(table, row, POINTS), undefined, true);
  if (points === null) errorAt(at, "adjustment.pointsMissing", MSG.adjustmentPointsMissing());
  if (points === null || points === undefined) return undefined;
  if (!points.gt(0)) {
    errorAt(at, "adjustment.pointsNotPositive", MSG.adjustmentPointsNotPositive(points.toString()));
    return undefined;
  }
  return points;
}

function readRow(table: Table, row: number, unitNames: ReadonlySet<string>, issues: Issue[]): Adjustment | null {
  const nameAt = placeIn(table, row, NAME, issues);
  const unit = readText(nameAt, valueIn(table, row, NAME));
  if (unit === null) errorAt(nameAt, "adjustment.nameMissing", MSG.nameMissing());
  if (unit !== null && unit !== undefined && !unitNames.has(unit)) errorAt(nameAt, "adjustment.unknownUnit", MSG.unknownUnit(unit));
  const type = readType(table, row, issues);
  const points = readPoints(table, row, issues);
  const reasonAt = placeIn(table, row, REASON, issues);
  const reason = readText(reasonAt, valueIn(table, row, REASON));
  if (reason === null && table.columns.has(REASON)) warnAt(reasonAt, "adjustment.reasonMissing", MSG.reasonMissing());
  const basis = readText(placeIn(table, row, BASIS, issues), valueIn(table, row, BASIS));
  const serious = readYesNo(placeIn(table, row, SERIOUS, issues), valueIn(table, row, SERIOUS));
  const majorIssue = readYesNo(placeIn(table, row, MAJOR, issues), valueIn(table, row, MAJOR));
  if (unit === null || unit === undefined || !unitNames.has(unit) || type === undefined || points === undefined || serious === undefined || majorIssue === undefined) {
    return null;
  }
  return { unit, type, points, reason: reason ?? "", basis: basis ?? "", serious, majorIssue, ref: { sheet: table.sheet, cell: addressOf(nameAt) } };
}

/** 加减分 → adjustment records, in sheet order. */
export function readAdjustments(grid: SheetGrid, unitNames: ReadonlySet<string>, issues: Issue[]): Adjustment[] {
  const table = readTable(grid, { layout: HEADERS.adjustments, required: REQUIRED, warnExtras: true }, issues);
  if (!hasColumns(table, REQUIRED)) return [];
  const adjustments: Adjustment[] = [];
  for (const row of dataRowIndexes(table.rows, 1)) {
    const from = issues.length;
    const adjustment = readRow(table, row, unitNames, issues);
    // Problems in a record's other cells say whose record it is (a problem with the name itself needs no such note).
    const unit = readText(placeIn(table, row, NAME, []), valueIn(table, row, NAME));
    if (issues.length > from && typeof unit === "string" && unitNames.has(unit)) withContext(issues, from, unit);
    if (adjustment !== null) adjustments.push(adjustment);
  }
  return adjustments;
}
