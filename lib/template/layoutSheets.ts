/**
 * 生成评分表: 评分, 满意度 and 上下互评 rebuilt from 考核对象 and 考核指标, keeping every value already typed.
 *
 * The rule, in words:
 * - 评分 has a row per unit of 考核对象 (in its order) and a column per indicator of 考核指标 (in its order), headed
 *   "编号 二级指标", with 分值 in row 2; a cell whose indicator does not apply to the unit is 不适用 and grey; each
 *   indicator column checks for a decimal from 0 to 分值 (scoresSheet).
 * - 满意度 has a row per unit; 上下互评 a row per unit (被评单位) and a column per unit (评议单位), the unit's own
 *   cell grey.
 * - Every value typed in the old sheets is carried to the cell of the same unit name and indicator 编号 (or column
 *   header, or rater name), never by position. A 不适用 the template had pre-filled (the indicator did not apply to
 *   the 类别 in the old row) is not a typed value and is not carried; a 不适用 typed where the indicator applied is.
 * - A value with no place in the new sheet (its unit or indicator is gone, the indicator no longer applies to the
 *   unit, a second row for a unit, a column without a header, a date or an error value) is listed by cell; the old
 *   sheet is kept beside the new one as “评分（原）” (likewise 满意度, 上下互评), so nothing typed is ever lost.
 * - A sheet whose rebuilt values equal the old ones is left as it is (not written, not renamed).
 * - Errors in 考核对象 or 考核指标 (as the reader reports them) build nothing: the grid would be built on a mistake.
 *
 * Pure: grids in, SheetOut and a preview out; the hosts show the preview and write only at the user's request.
 */
import { appliesTo } from "../applies";
import { cellAddress, qualified, type CellValue, type SheetGrid, type WorkbookGrids } from "../grid";
import { error, type Issue } from "../issue";
import { HEADERS, SCORES_MAX_ROW_LABEL, SHEET } from "../layout";
import type { Indicator, Unit } from "../model";
import type { SheetOut } from "../format";
import { keptSheetName } from "../plan/workbook";
import { cellText, isBlank, isNotApplicable, normalizeText, shownValue } from "../reader/cells";
import { readIndicators } from "../reader/indicators";
import { readParams } from "../reader/params";
import { peerRaters } from "../raters";
import { codeOfHeader } from "../reader/scores";
import { findSheet } from "../reader/sheets";
import { checkCategories, readUnits } from "../reader/units";
import { LAYOUT_MSG } from "./layoutMessages";
import { peerSheet } from "./peerSheet";
import { satisfactionRowsSheet } from "./satisfactionSheet";
import { FIRST_SCORE_ROW, scoreColumnHeader, scoresSheet, type ScoreIndicator } from "./scoresSheet";
import type { TypedValue } from "./templateData";

/** The three sheets 生成评分表 rebuilds, in workbook order. */
export const LAYOUT_SHEETS = [SHEET.scores, SHEET.satisfaction, SHEET.peer] as const;
export type LayoutSheetName = (typeof LAYOUT_SHEETS)[number];

/** A value typed in an old sheet that has no place in the new one. */
export interface LayoutOrphan {
  /** The old sheet's name as it is in the workbook now. */
  sheet: string;
  /** Its cell in the old sheet (A1). */
  cell: string;
  /** The value as the cell shows it. */
  value: string;
  /** Why it has no place, in Chinese, naming the unit and the indicator or column. */
  reason: string;
}

/** What 生成评分表 does to one sheet. */
export interface LayoutChange {
  sheet: LayoutSheetName;
  /** The old sheet's name in the workbook (it may have stray spaces); null when the workbook has none. */
  oldName: string | null;
  /** The rebuilt values differ from the old sheet's (or there was none): only then is the sheet written. */
  changed: boolean;
  /** The name the old sheet is kept under when the new one is written (评分（原）…); null when none is renamed. */
  keptAs: string | null;
  /** Units (rows) and columns (indicators, or raters) of the new sheet. */
  units: number;
  columns: number;
  addedUnits: string[];
  removedUnits: string[];
  /** Indicator 编号 (评分) or rater names (上下互评) added or gone; empty for 满意度. */
  addedColumns: string[];
  removedColumns: string[];
  /** Typed values carried into the new sheet. */
  carried: number;
  /** 评分 only: cells filled 不适用. */
  notApplicable: number;
}

export interface LayoutOutcome {
  /** Problems of 考核对象 and 考核指标 as the reader finds them; with any error nothing is built (sheets empty). */
  issues: Issue[];
  /** The new sheets to write, only those that changed, in workbook order. */
  sheets: SheetOut[];
  /** One per sheet of LAYOUT_SHEETS (empty when errors stopped the build). */
  changes: LayoutChange[];
  /** Every typed value with no place, by cell, in sheet order. */
  orphans: LayoutOrphan[];
  /** The preview as lines of Chinese, for every host to show before anything is written. */
  preview: string[];
}

/** What was typed in an old sheet: row key → column key → value, and the keys the old sheet had. */
interface OldSheet {
  name: string | null;
  typed: Map<string, Map<string, TypedValue>>;
  units: string[];
  columns: string[];
  carried: number;
  rows: readonly (readonly CellValue[])[];
}

type Orphans = LayoutOrphan[];

/**
 * 生成评分表 over a workbook's grids: the new 评分, 满意度 and 上下互评 (those that change), what moves, and the
 * values with no place. See the file's comment for the rule. Per-assessor forms use scoresSheet with the same rule.
 */
export function layoutSheets(book: WorkbookGrids): LayoutOutcome {
  const issues: Issue[] = [];
  const unitsGrid = findSheet(book, SHEET.units, "required", issues);
  const indicatorsGrid = findSheet(book, SHEET.indicators, "required", issues);
  if (unitsGrid === null || indicatorsGrid === null) return refused(issues);
  const unitsRead = readUnits(unitsGrid, issues);
  const indicatorsRead = readIndicators(indicatorsGrid, unitsRead.units, unitsRead.names, issues);
  checkCategories(unitsRead, indicatorsRead.indicators, issues);
  if (!issues.some((issue) => issue.level === "error") && indicatorsRead.indicators.length === 0) {
    issues.push(error("layout.noIndicators", indicatorsGrid.name, "A2", LAYOUT_MSG.noIndicators));
  }
  if (issues.some((issue) => issue.level === "error")) return refused(issues);
  const units = unitsRead.units;
  const indicators = indicatorsRead.indicators;

  const orphans: Orphans = [];
  const found = (name: string) => findSheet(book, name, "silent", []);
  const oldScores = readOldScores(found(SHEET.scores), units, indicators, orphans);
  const oldSatisfaction = readOldSatisfaction(found(SHEET.satisfaction), units, orphans);
  const oldPeer = readOldPeer(found(SHEET.peer), units, orphans);
  // 评议单位 by lib/raters.ts when 参数 互评评议单位 names them; otherwise, as always, every unit gets a column (blank
  // columns ask nobody for a 互评表: the same rule leaves them out of 分发 and 进度).
  const listed = readParams(found(SHEET.params), []).params.peerRaters ?? null;
  const filled = new Set([...oldPeer.typed.values()].flatMap((byRater) => [...byRater.keys()]));
  const raters = listed === null ? units : units.filter((unit) => peerRaters(units, listed, filled).includes(unit.name));

  const scoreIndicators: ScoreIndicator[] = indicators.map((indicator) => ({ ...indicator, maxPoints: Number(indicator.maxPoints.toString()) }));
  const built: { sheet: SheetOut; old: OldSheet; columns: string[]; notApplicable: number }[] = [
    {
      sheet: scoresSheet(scoreIndicators, units, oldScores.typed),
      old: oldScores,
      columns: indicators.map((indicator) => indicator.code),
      notApplicable: units.reduce((count, unit) => count + indicators.filter((indicator) => !appliesTo(indicator, unit)).length, 0),
    },
    {
      sheet: satisfactionRowsSheet(units.map((unit) => [unit.name, ...HEADERS.satisfaction.slice(1).map((header) => oldSatisfaction.typed.get(unit.name)?.get(header) ?? null)])),
      old: oldSatisfaction,
      columns: [],
      notApplicable: 0,
    },
    {
      sheet: peerSheet({
        raters: raters.map((unit) => unit.name),
        rows: units.map((unit) => ({ ratee: unit.name, ratings: raters.map((rater) => oldPeer.typed.get(unit.name)?.get(rater.name) ?? null) })),
      }),
      old: oldPeer,
      columns: raters.map((unit) => unit.name),
      notApplicable: 0,
    },
  ];
  const taken = new Set(book.sheets.map((sheet) => sheet.name));
  const changes = built.map(({ sheet, old, columns, notApplicable }, index): LayoutChange => {
    const changed = old.name === null || !sameValues(old.rows, sheet.rows);
    const keptAs = changed && old.name !== null ? keptSheetName(sheet.name, taken) : null;
    if (keptAs !== null) taken.add(keptAs);
    const names = units.map((unit) => unit.name);
    return {
      sheet: LAYOUT_SHEETS[index] ?? SHEET.scores,
      oldName: old.name,
      changed,
      keptAs,
      units: units.length,
      columns: columns.length,
      addedUnits: old.name === null ? [] : names.filter((name) => !old.units.includes(name)),
      removedUnits: old.units.filter((name) => !names.includes(name)),
      addedColumns: old.name === null ? [] : columns.filter((column) => !old.columns.includes(column)),
      removedColumns: old.columns.filter((column) => !columns.includes(column)),
      carried: old.carried,
      notApplicable,
    };
  });
  const sheets = built.filter((_, index) => changes[index]?.changed === true).map(({ sheet }) => sheet);
  return { issues, sheets, changes, orphans, preview: previewLines(changes, orphans) };
}

/** 生成评分表 refused for these problems (a host's own, such as a sheet it could not read, or the reader's). */
export function refused(issues: Issue[]): LayoutOutcome {
  return { issues, sheets: [], changes: [], orphans: [], preview: [LAYOUT_MSG.refused] };
}

/**
 * Whether what is about to be written is what the user saw: the preview of the workbook as it is now equals the one
 * confirmed. A workbook changed in between (a score typed, a unit added) is previewed again, never written unseen.
 */
export function previewStillHolds(now: LayoutOutcome, confirmed: readonly string[]): boolean {
  return !now.issues.some((issue) => issue.level === "error") && now.preview.length === confirmed.length && now.preview.every((line, index) => line === confirmed[index]);
}

/** A typed value as a cell of the new sheet can hold it, or null when it cannot (a date, an error value). */
function writable(value: CellValue): TypedValue | undefined {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return undefined;
}

function orphan(orphans: Orphans, sheet: string, row: number, column: number, value: CellValue, reason: string): void {
  orphans.push({ sheet, cell: cellAddress(row, column), value: shownValue(value), reason });
}

/** Every non-blank cell of a row from `columns`, as orphans (a 不适用 carries no score and is not listed). */
function orphanRow(orphans: Orphans, grid: SheetGrid, row: number, columns: readonly number[], reason: string): void {
  const cells = grid.rows[row] ?? [];
  for (const column of columns) {
    const value = cells[column] ?? null;
    if (!isBlank(value) && !isNotApplicable(value)) orphan(orphans, grid.name, row, column, value, reason);
  }
}

/** Every non-blank cell of a column below its header, as orphans. */
function orphanColumn(orphans: Orphans, grid: SheetGrid, column: number, firstRow: number, reason: string): void {
  for (let row = firstRow; row < grid.rows.length; row += 1) orphanRow(orphans, grid, row, [column], reason);
}

function widthOf(grid: SheetGrid): number {
  return grid.rows.reduce((widest, row) => Math.max(widest, row.length), 0);
}

/** The column whose header (row 1, NFKC and trimmed) is `title`, or `fallback` when none is. */
function headerColumn(grid: SheetGrid, title: string, fallback: number): number {
  const found = (grid.rows[0] ?? []).findIndex((cell) => typeof cell === "string" && normalizeText(cell) === normalizeText(title));
  return found < 0 ? fallback : found;
}

/** Reads the rows keyed by unit name: unknown names, second rows and nameless rows are orphans; returns rows by name. */
function unitRowsOf(grid: SheetGrid, nameColumn: number, firstRow: number, units: ReadonlyMap<string, Unit>, dataColumns: readonly number[], orphans: Orphans): { rows: Map<string, number>; oldUnits: string[] } {
  const rows = new Map<string, number>();
  const oldUnits: string[] = [];
  for (let row = firstRow; row < grid.rows.length; row += 1) {
    const cells = grid.rows[row] ?? [];
    if (cells.every((cell) => isBlank(cell))) continue;
    const name = cellText(cells[nameColumn] ?? null);
    if (name === null) {
      orphanRow(orphans, grid, row, dataColumns, LAYOUT_MSG.reasonNoName(grid.name));
      continue;
    }
    if (!oldUnits.includes(name)) oldUnits.push(name);
    const first = rows.get(name);
    if (first !== undefined) {
      orphanRow(orphans, grid, row, dataColumns, LAYOUT_MSG.reasonDuplicateUnit(grid.name, name, qualified(grid.name, cellAddress(first, nameColumn))));
      continue;
    }
    if (!units.has(name)) {
      orphanRow(orphans, grid, row, dataColumns, LAYOUT_MSG.reasonUnknownUnit(grid.name, name));
      continue;
    }
    rows.set(name, row);
  }
  return { rows, oldUnits };
}

function emptyOld(): OldSheet {
  return { name: null, typed: new Map(), units: [], columns: [], carried: 0, rows: [] };
}

function put(old: OldSheet, unit: string, column: string, value: TypedValue): void {
  const row = old.typed.get(unit) ?? new Map<string, TypedValue>();
  row.set(column, value);
  old.typed.set(unit, row);
  old.carried += 1;
}

/** 评分 as typed: columns by 编号 (the header's text before its first space), rows by unit name from row 3. */
function readOldScores(grid: SheetGrid | null, units: readonly Unit[], indicators: readonly Indicator[], orphans: Orphans): OldSheet {
  if (grid === null) return emptyOld();
  const old: OldSheet = { ...emptyOld(), name: grid.name, rows: grid.rows };
  const nameColumn = headerColumn(grid, HEADERS.scores[0], 0);
  const categoryColumn = headerColumn(grid, HEADERS.scores[1], -1);
  const byCode = new Map(indicators.map((indicator) => [indicator.code, indicator]));
  const columns = new Map<number, Indicator>();
  const firstColumnOf = new Map<string, number>();
  const header = grid.rows[0] ?? [];
  // Row 2 holds 分值, unless a clerk put a unit there: then it is a unit's row like the others.
  const firstRow = normalizeText(String(cellText(grid.rows[1]?.[nameColumn] ?? null) ?? SCORES_MAX_ROW_LABEL)) === SCORES_MAX_ROW_LABEL ? FIRST_SCORE_ROW : 1;
  const width = widthOf(grid);
  for (let column = 0; column < width; column += 1) {
    if (column === nameColumn || column === categoryColumn) continue;
    const text = cellText(header[column] ?? null);
    if (text === null) {
      orphanColumn(orphans, grid, column, firstRow, LAYOUT_MSG.reasonNoHeader(grid.name));
      continue;
    }
    const code = codeOfHeader(text);
    if (!old.columns.includes(code)) old.columns.push(code);
    const indicator = byCode.get(code);
    const first = firstColumnOf.get(code);
    if (indicator === undefined) orphanColumn(orphans, grid, column, firstRow, LAYOUT_MSG.reasonUnknownIndicator(code));
    else if (first !== undefined) orphanColumn(orphans, grid, column, firstRow, LAYOUT_MSG.reasonDuplicateIndicator(code, qualified(grid.name, cellAddress(0, first))));
    else {
      firstColumnOf.set(code, column);
      columns.set(column, indicator);
    }
  }
  const byName = new Map(units.map((unit) => [unit.name, unit]));
  const { rows, oldUnits } = unitRowsOf(grid, nameColumn, firstRow, byName, [...columns.keys()], orphans);
  old.units = oldUnits;
  for (const [name, row] of rows) {
    const unit = byName.get(name);
    if (unit === undefined) continue;
    const cells = grid.rows[row] ?? [];
    const oldCategory = categoryColumn < 0 ? null : cellText(cells[categoryColumn] ?? null);
    const before = { name, category: oldCategory ?? unit.category };
    for (const [column, indicator] of columns) {
      const value = cells[column] ?? null;
      if (isBlank(value)) continue;
      const appliesNow = appliesTo(indicator, unit);
      if (isNotApplicable(value)) {
        // The template pre-fills 不适用 where an indicator does not apply: only one typed where it applied is the user's.
        if (appliesNow && appliesTo(indicator, before)) put(old, name, indicator.code, shownValue(value));
        continue;
      }
      if (!appliesNow) {
        orphan(orphans, grid.name, row, column, value, LAYOUT_MSG.reasonNotApplicable(indicator.code, name, unit.category));
        continue;
      }
      const typed = writable(value);
      if (typed === undefined) orphan(orphans, grid.name, row, column, value, LAYOUT_MSG.reasonUnwritable);
      else put(old, name, indicator.code, typed);
    }
  }
  return old;
}

/** 满意度 as typed: columns by header (NFKC), rows by unit name from row 2. */
function readOldSatisfaction(grid: SheetGrid | null, units: readonly Unit[], orphans: Orphans): OldSheet {
  if (grid === null) return emptyOld();
  const old: OldSheet = { ...emptyOld(), name: grid.name, rows: grid.rows };
  const nameColumn = headerColumn(grid, HEADERS.satisfaction[0], 0);
  const wanted = new Map(HEADERS.satisfaction.slice(1).map((header) => [normalizeText(header), header]));
  const columns = new Map<number, string>();
  const header = grid.rows[0] ?? [];
  for (let column = 0; column < widthOf(grid); column += 1) {
    if (column === nameColumn) continue;
    const text = cellText(header[column] ?? null);
    const known = text === null ? undefined : wanted.get(normalizeText(text));
    if (known !== undefined && ![...columns.values()].includes(known)) columns.set(column, known);
    else orphanColumn(orphans, grid, column, 1, text === null ? LAYOUT_MSG.reasonNoHeader(grid.name) : LAYOUT_MSG.reasonUnknownColumn(grid.name, text));
  }
  return carryRows(old, grid, nameColumn, columns, units, orphans);
}

/** 上下互评 as typed: columns by rater name, rows by 被评单位 from row 2. */
function readOldPeer(grid: SheetGrid | null, units: readonly Unit[], orphans: Orphans): OldSheet {
  if (grid === null) return emptyOld();
  const old: OldSheet = { ...emptyOld(), name: grid.name, rows: grid.rows };
  const nameColumn = headerColumn(grid, HEADERS.peer[0], 0);
  const names = new Set(units.map((unit) => unit.name));
  const columns = new Map<number, string>();
  const firstColumnOf = new Map<string, number>();
  const header = grid.rows[0] ?? [];
  for (let column = 0; column < widthOf(grid); column += 1) {
    if (column === nameColumn) continue;
    const rater = cellText(header[column] ?? null);
    if (rater === null) {
      orphanColumn(orphans, grid, column, 1, LAYOUT_MSG.reasonNoHeader(grid.name));
      continue;
    }
    if (!old.columns.includes(rater)) old.columns.push(rater);
    const first = firstColumnOf.get(rater);
    if (!names.has(rater)) orphanColumn(orphans, grid, column, 1, LAYOUT_MSG.reasonUnknownRater(rater));
    else if (first !== undefined) orphanColumn(orphans, grid, column, 1, LAYOUT_MSG.reasonDuplicateRater(rater, qualified(grid.name, cellAddress(0, first))));
    else {
      firstColumnOf.set(rater, column);
      columns.set(column, rater);
    }
  }
  return carryRows(old, grid, nameColumn, columns, units, orphans);
}

/** Carries every typed value of the known columns of each unit's row (a 不适用 too: in these sheets it is typed). */
function carryRows(old: OldSheet, grid: SheetGrid, nameColumn: number, columns: ReadonlyMap<number, string>, units: readonly Unit[], orphans: Orphans): OldSheet {
  const byName = new Map(units.map((unit) => [unit.name, unit]));
  const { rows, oldUnits } = unitRowsOf(grid, nameColumn, 1, byName, [...columns.keys()], orphans);
  old.units = oldUnits;
  for (const [name, row] of rows) {
    const cells = grid.rows[row] ?? [];
    for (const [column, key] of columns) {
      const value = cells[column] ?? null;
      if (isBlank(value)) continue;
      const typed = writable(value);
      if (typed === undefined) orphan(orphans, grid.name, row, column, value, LAYOUT_MSG.reasonUnwritable);
      else put(old, name, key, typed);
    }
  }
  return old;
}

/** Whether two grids hold the same values, blank cells and trailing blanks aside. */
function sameValues(a: readonly (readonly CellValue[])[], b: readonly (readonly CellValue[])[]): boolean {
  const trimmed = (rows: readonly (readonly CellValue[])[]): CellValue[][] => {
    const out = rows.map((row) => {
      const cells = row.map((cell) => (isBlank(cell) ? null : cell));
      while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
      return cells;
    });
    while (out.length > 0 && out[out.length - 1]?.length === 0) out.pop();
    return out;
  };
  const x = trimmed(a);
  const y = trimmed(b);
  return x.length === y.length && x.every((row, r) => row.length === (y[r]?.length ?? -1) && row.every((cell, c) => sameCell(cell, y[r]?.[c] ?? null)));
}

function sameCell(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === "object" && a !== null) return typeof b === "object" && b !== null && shownValue(a) === shownValue(b);
  return a === b;
}

/** The preview: a paragraph per sheet, then the values with no place grouped by reason, every cell named. */
function previewLines(changes: readonly LayoutChange[], orphans: readonly LayoutOrphan[]): string[] {
  const lines = changes.map(changeLine);
  if (orphans.length > 0) {
    lines.push(LAYOUT_MSG.orphansHeading(orphans.length));
    const groups = new Map<string, LayoutOrphan[]>();
    for (const item of orphans) groups.set(item.reason, [...(groups.get(item.reason) ?? []), item]);
    for (const [reason, items] of groups) {
      lines.push(LAYOUT_MSG.orphanGroup(reason, items.map((item) => `${qualified(item.sheet, item.cell)}（${item.value}）`).join("、")));
    }
  }
  return lines;
}

function changeLine(change: LayoutChange): string {
  if (!change.changed) return LAYOUT_MSG.sheetSame(change.sheet);
  const shape =
    change.sheet === SHEET.scores
      ? LAYOUT_MSG.scoresShape(change.units, change.columns, change.notApplicable)
      : change.sheet === SHEET.satisfaction
        ? LAYOUT_MSG.satisfactionShape(change.units)
        : LAYOUT_MSG.peerShape(change.units, change.columns);
  if (change.oldName === null) return `${LAYOUT_MSG.sheetNew(change.sheet)}${shape}。`;
  const parts = [shape, LAYOUT_MSG.carried(change.carried, LAYOUT_MSG.carriedBy[change.sheet] ?? "")];
  if (change.addedUnits.length > 0) parts.push(LAYOUT_MSG.addedUnits(change.addedUnits));
  if (change.removedUnits.length > 0) parts.push(LAYOUT_MSG.removedUnits(change.removedUnits));
  const [added, removed] = change.sheet === SHEET.peer ? [LAYOUT_MSG.addedRaters, LAYOUT_MSG.removedRaters] : [LAYOUT_MSG.addedIndicators, LAYOUT_MSG.removedIndicators];
  if (change.addedColumns.length > 0) parts.push(added(change.addedColumns));
  if (change.removedColumns.length > 0) parts.push(removed(change.removedColumns));
  const kept = change.keptAs === null ? "" : LAYOUT_MSG.sheetKept(change.oldName, change.keptAs);
  return `${change.sheet}：${parts.join("；")}。${kept}`;
}

export { scoreColumnHeader };
