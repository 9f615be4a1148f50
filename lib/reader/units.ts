/**
 * 考核对象: one row per unit. Names are compared after trimming spaces of every kind, so "城关镇" followed by a full-width space (U+3000) and "城关镇"
 * are the same unit, and a second row for it is an error.
 */
import { cellAddress, type SheetGrid } from "../grid";
import type { Issue } from "../issue";
import { CATEGORIES, defaultRankGroup, HEADERS } from "../layout";
import { GRADES, type Grade, type Indicator, type Unit } from "../model";
import { errorAt, isBlank, readInteger, readText, warnAt, type At } from "./cells";
import { MSG } from "./messages";
import { dataRowIndexes, hasColumns, placeIn, readTable, valueIn, type Table } from "./sheets";

const [NUMBER, NAME, CATEGORY, RANK_GROUP, LAST_RANK, LAST_GRADE] = HEADERS.units;
const REQUIRED = [NAME, CATEGORY];

export interface UnitsRead {
  /** Units read without error, in sheet order. */
  units: Unit[];
  /** Every unit name found (also of rows with errors), so that other sheets do not repeat "unknown unit". */
  names: Set<string>;
  /** Where each unit's name was typed, for messages. */
  table: Table | null;
}

function readLastGrade(at: At, value: ReturnType<typeof valueIn>): Grade | null | undefined {
  const text = readText(at, value);
  if (text === null || text === undefined) return text;
  const grade = GRADES.find((candidate) => candidate === text);
  if (grade === undefined) errorAt(at, "unit.notGrade", MSG.notGrade(text));
  return grade;
}

function readRow(table: Table, row: number, seen: Map<string, number>, names: Set<string>, issues: Issue[]): Unit | null {
  const nameAt = placeIn(table, row, NAME, issues);
  const name = readText(nameAt, valueIn(table, row, NAME));
  if (name === null) errorAt(nameAt, "unit.nameMissing", MSG.nameMissing());
  if (name === null || name === undefined) return null;
  const first = seen.get(name);
  if (first !== undefined) {
    errorAt(nameAt, "unit.duplicate", MSG.duplicateUnit(name, cellAddress(first, nameAt.column)));
    return null;
  }
  seen.set(name, row);
  names.add(name);
  const categoryAt = placeIn(table, row, CATEGORY, issues);
  const category = readText(categoryAt, valueIn(table, row, CATEGORY));
  if (category === null) errorAt(categoryAt, "unit.categoryMissing", MSG.categoryMissing(name));
  const rankGroup = readText(placeIn(table, row, RANK_GROUP, issues), valueIn(table, row, RANK_GROUP));
  const lastRank = readInteger(placeIn(table, row, LAST_RANK, issues), valueIn(table, row, LAST_RANK), 1, Number.MAX_SAFE_INTEGER, MSG.lastRankRange);
  const lastGrade = readLastGrade(placeIn(table, row, LAST_GRADE, issues), valueIn(table, row, LAST_GRADE));
  if (category === null || category === undefined || rankGroup === undefined || lastRank === undefined || lastGrade === undefined) return null;
  return { name, category, rankGroup: rankGroup ?? defaultRankGroup(category), lastRank, lastGrade, row: row + 1 };
}

/** 考核对象 → units. A missing sheet is an error for the caller to report; no unit at all is an error here. */
export function readUnits(grid: SheetGrid, issues: Issue[]): UnitsRead {
  const table = readTable(grid, { layout: HEADERS.units, required: REQUIRED, warnExtras: true }, issues);
  const units: Unit[] = [];
  const names = new Set<string>();
  if (!hasColumns(table, REQUIRED)) return { units, names, table };
  const seen = new Map<string, number>();
  const numberColumn = table.columns.get(NUMBER);
  for (const row of dataRowIndexes(table.rows, 1)) {
    // A row with only its 序号 typed in advance is still an empty row.
    if ((table.rows[row] ?? []).every((value, column) => column === numberColumn || isBlank(value))) continue;
    const unit = readRow(table, row, seen, names, issues);
    if (unit !== null) units.push(unit);
  }
  if (names.size === 0) issues.push({ level: "error", code: "unit.none", sheet: table.sheet, cell: cellAddress(1, table.columns.get(NAME) ?? 1), message: MSG.noUnits() });
  return { units, names, table };
}

const SCHEME_CATEGORIES = new Set<string>(CATEGORIES.map((category) => category.name));

/** A 类别 that is neither one of the seven nor used by any indicator is probably a typo: warn, since users may add categories. */
export function warnUnknownCategories(read: UnitsRead, indicators: readonly Indicator[], issues: Issue[]): void {
  const table = read.table;
  if (table === null) return;
  const used = new Set(indicators.flatMap((indicator) => (indicator.categories === "all" ? [] : indicator.categories)));
  const warned = new Set<string>();
  for (const unit of read.units) {
    if (SCHEME_CATEGORIES.has(unit.category) || used.has(unit.category) || warned.has(unit.category)) continue;
    warned.add(unit.category);
    warnAt(placeIn(table, unit.row - 1, CATEGORY, issues), "unit.unknownCategory", MSG.unknownCategory(unit.category));
  }
}
