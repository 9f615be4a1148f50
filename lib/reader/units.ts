/**
 * 考核对象: one row per unit. Names are compared after trimming spaces of every kind, so "城关镇" followed by a full-width space (U+3000) and "城关镇"
 * are the same unit, and a second row for it is an error.
 */
import { cellAddress, type CellValue, type SheetGrid } from "../grid";
import type { Issue } from "../issue";
import { CATEGORIES, defaultRankGroup, HEADERS, LIST_SEPARATOR, RANK_GROUPS } from "../layout";
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
  // indexOf, not find with a callback: the command line reads 10,000 of these before the code is warm.
  const grade = GRADES[GRADES.indexOf(text as Grade)];
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

/** Whether every cell of a row but its 序号 is blank (a hole too, as every() skips it). */
function onlyNumberTyped(cells: readonly CellValue[], numberColumn: number | undefined): boolean {
  for (let column = 0; column < cells.length; column += 1) {
    if (column !== numberColumn && !isBlank(cells[column])) return false;
  }
  return true;
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
    if (onlyNumberTyped(table.rows[row] ?? [], numberColumn)) continue;
    const unit = readRow(table, row, seen, names, issues);
    if (unit !== null) units.push(unit);
  }
  if (names.size === 0) issues.push({ level: "error", code: "unit.none", sheet: table.sheet, cell: cellAddress(1, table.columns.get(NAME) ?? 1), message: MSG.noUnits() });
  return { units, names, table };
}

const SCHEME_CATEGORIES = new Set<string>(CATEGORIES.map((category) => category.name));

/**
 * A 类别 decides which 分类职责 indicators a unit is scored on, so a typo ("镇" for 乡镇) would silently score the unit
 * on the 全部 indicators only and rank it with the wrong group. A 类别 that is neither one of the seven nor named by
 * any indicator's 适用类别 is therefore an error at each cell that holds it; a category a user added on purpose is
 * named by at least one indicator, and stays allowed.
 */
export function checkCategories(read: UnitsRead, indicators: readonly Indicator[], issues: Issue[]): void {
  const table = read.table;
  if (table === null) return;
  const used = new Set(indicators.flatMap((indicator) => (indicator.categories === "all" ? [] : indicator.categories)));
  const allowed = [...SCHEME_CATEGORIES, ...[...used].filter((category) => !SCHEME_CATEGORIES.has(category))].join(LIST_SEPARATOR);
  for (const unit of read.units) {
    if (SCHEME_CATEGORIES.has(unit.category) || used.has(unit.category)) continue;
    errorAt(placeIn(table, unit.row - 1, CATEGORY, issues), "unit.unknownCategory", MSG.unknownCategory(unit.name, unit.category, allowed));
  }
}

/**
 * 排名分组 decides whom a unit is ranked, graded and rated with. The rule for a group that looks like a typo:
 * - 乡镇 and 县直单位 (the defaults), and any group 参数 names (互评权重-X, 优秀分数线-X …), are groups on purpose;
 * - any other group of one unit is an error (a typo such as “县直” would rank the unit first of a group of one);
 * - any other group of several units is a 提示 naming them (they are ranked apart, as a 政法单位 group would be);
 * - a group on purpose that only one unit has is a 提示 when the workbook has other units: it is ranked first alone.
 * A blank 排名分组 takes the default of the 类别 and is never questioned.
 */
export function checkRankGroups(read: UnitsRead, namedInParams: ReadonlySet<string>, issues: Issue[]): void {
  const table = read.table;
  if (table === null) return;
  const members = new Map<string, Unit[]>();
  for (const unit of read.units) {
    const list = members.get(unit.rankGroup);
    if (list === undefined) members.set(unit.rankGroup, [unit]);
    else list.push(unit);
  }
  const onPurpose = (group: string) => (RANK_GROUPS as readonly string[]).includes(group) || namedInParams.has(group);
  const known = [...members.keys()].filter(onPurpose);
  const suggestions = [...new Set<string>([...RANK_GROUPS, ...known])].join("”或“");
  for (const [group, units] of members) {
    const first = units[0];
    if (first === undefined) continue;
    const at = placeIn(table, first.row - 1, RANK_GROUP, issues);
    if (!onPurpose(group) && units.length === 1) errorAt(at, "unit.rankGroupAlone", MSG.rankGroupAlone(first.name, group, suggestions));
    else if (!onPurpose(group)) warnAt(at, "unit.rankGroupUnnamed", MSG.rankGroupUnnamed(group, units.map((unit) => unit.name).join("、")));
    else if (units.length === 1 && read.units.length > 1) warnAt(at, "unit.rankGroupSingle", MSG.rankGroupSingle(group, first.name));
  }
}
