/**
 * Where a master's cells are: 评分 by unit name and indicator 编号, 上下互评 by ratee and rater, 满意度 by unit and
 * column header. Matching by names, never by position, so that rows and columns in any order are found.
 */
import { cellAddress, type CellValue, type SheetGrid, type WorkbookGrids } from "../grid";
import type { Issue } from "../issue";
import { HEADERS, SHEET } from "../layout";
import { isBlank, readText, trimSpaces } from "../reader/cells";
import { codeOfHeader } from "../reader/scores";
import { cellAt, dataRowIndexes, readTable } from "../reader/sheets";

/** One sheet's places: row of each unit (0-based), column of each key, the first row and column free for additions. */
export interface SheetPlaces {
  sheet: string;
  grid: SheetGrid | null;
  rows: Map<string, number>;
  columns: Map<string, number>;
  nameColumn: number;
  nextRow: number;
  nextColumn: number;
}

function namesIn(grid: SheetGrid, column: number, from: number): Map<string, number> {
  const rows = new Map<string, number>();
  const quiet: Issue[] = [];
  for (const row of dataRowIndexes(grid.rows, from)) {
    const name = readText({ sheet: grid.name, row, column, issues: quiet }, cellAt(grid.rows, row, column));
    if (typeof name === "string" && !rows.has(name)) rows.set(name, row);
  }
  return rows;
}

function findGrid(book: WorkbookGrids, name: string): SheetGrid | null {
  return book.sheets.find((sheet) => trimSpaces(sheet.name) === name) ?? null;
}

function width(grid: SheetGrid): number {
  return grid.rows.reduce((widest, row) => Math.max(widest, row.length), 0);
}

function places(book: WorkbookGrids, name: string, layout: readonly string[], keyOf: (header: string) => string, firstRow: number): SheetPlaces {
  const grid = findGrid(book, name);
  if (grid === null) return { sheet: name, grid: null, rows: new Map(), columns: new Map(), nameColumn: 0, nextRow: firstRow, nextColumn: layout.length };
  const quiet: Issue[] = [];
  const table = readTable(grid, { layout, required: [], warnExtras: false }, quiet);
  const nameColumn = table.columns.get(layout[0] ?? "") ?? 0;
  const columns = new Map<string, number>();
  for (const [header, column] of table.columns) columns.set(header, column);
  for (const { column, text } of table.extras) {
    const key = keyOf(text);
    if (!columns.has(key)) columns.set(key, column);
  }
  const lastRow = Math.max(firstRow - 1, ...dataRowIndexes(grid.rows, 0));
  return { sheet: grid.name, grid, rows: namesIn(grid, nameColumn, firstRow), columns, nameColumn, nextRow: lastRow + 1, nextColumn: Math.max(width(grid), layout.length) };
}

/** 评分: rows by unit, columns by indicator 编号 (and 单位名称, 类别). */
export function scorePlaces(book: WorkbookGrids): SheetPlaces {
  return places(book, SHEET.scores, HEADERS.scores, codeOfHeader, 2);
}

/** 上下互评: rows by ratee, columns by rater name. */
export function peerPlaces(book: WorkbookGrids): SheetPlaces {
  return places(book, SHEET.peer, HEADERS.peer, (text) => text, 1);
}

/** 满意度: rows by unit, columns by header. */
export function satisfactionPlaces(book: WorkbookGrids): SheetPlaces {
  return places(book, SHEET.satisfaction, HEADERS.satisfaction, (text) => text, 1);
}

/** The value at a unit's row and a key's column, null when either is absent. */
export function valueAt(places: SheetPlaces, unit: string, key: string): CellValue {
  const row = places.rows.get(unit);
  const column = places.columns.get(key);
  if (places.grid === null || row === undefined || column === undefined) return null;
  const value = cellAt(places.grid.rows, row, column);
  return isBlank(value) ? null : value;
}

/** Address of a unit's cell under a key, when both exist ("F7"). */
export function addressAt(places: SheetPlaces, unit: string, key: string): string | null {
  const row = places.rows.get(unit);
  const column = places.columns.get(key);
  return row === undefined || column === undefined ? null : cellAddress(row, column);
}
