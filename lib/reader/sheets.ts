/**
 * Finding input sheets and their columns. Sheets are found by name after trimming spaces; columns by the text of
 * their header in row 1 (trimmed, NFKC), in any order, so that users may reorder or add columns.
 */
import { cellAddress, columnName, parseA1Range, sameSheetName, type CellValue, type Grid, type SheetGrid, type WorkbookGrids } from "../grid";
import { error, warning, type Issue } from "../issue";
import { readText, isBlank, normalizeText, reportCellError, shownValue, type At } from "./cells";
import { MSG } from "./messages";

/** An input sheet as found: its name as the user sees it, its rows, and its columns by expected header. */
export interface Table {
  sheet: string;
  rows: Grid;
  columns: Map<string, number>;
  /** Header cells that are not expected headers: (column, text). For 评分 and 上下互评 these are the data columns. */
  extras: { column: number; text: string }[];
}

/** How much it matters when a sheet is absent. */
export type Need = "required" | "optional" | "silent";

/** Finds a sheet whose trimmed name is `name`; reports its absence (error at A1, or a warning for optional sheets). */
export function findSheet(book: WorkbookGrids, name: string, need: Need, issues: Issue[]): SheetGrid | null {
  const found = book.sheets.filter((sheet) => sameSheetName(sheet.name, name));
  const first = found.find((sheet) => sheet.name === name) ?? found[0];
  if (first === undefined) {
    if (need === "required") issues.push(error("sheet.missing", name, "A1", MSG.missingSheet(name)));
    if (need === "optional") issues.push(warning("sheet.missing", name, "A1", MSG.missingOptionalSheet(name)));
    return null;
  }
  if (first.name !== name) issues.push(warning("sheet.nameSpaces", first.name, "A1", MSG.sheetNameSpaces(first.name, name)));
  if (found.length > 1) issues.push(warning("sheet.duplicate", first.name, "A1", MSG.duplicateSheet(name)));
  return first;
}

/** The cell at 0-based (row, column); a missing cell is empty. */
export function cellAt(rows: Grid, row: number, column: number): CellValue {
  return rows[row]?.[column] ?? null;
}

export function isEmptyRow(row: readonly CellValue[] | undefined): boolean {
  if (row === undefined) return true;
  // A loop, not every(): this runs for every row of every sheet. A hole is undefined here, and blank, as every() skips it.
  for (let column = 0; column < row.length; column += 1) {
    if (!isBlank(row[column])) return false;
  }
  return true;
}

/** 0-based indexes of the non-empty rows from `from` on: empty rows are skipped. */
export function dataRowIndexes(rows: Grid, from: number): number[] {
  const indexes: number[] = [];
  for (let row = from; row < rows.length; row += 1) {
    if (!isEmptyRow(rows[row])) indexes.push(row);
  }
  return indexes;
}

function columnHasData(rows: Grid, column: number): boolean {
  return rows.some((row, index) => index > 0 && !isBlank(row[column]));
}

export interface HeaderSpec {
  /** Every header of the layout, in template order (their positions name the cell of a missing column). */
  layout: readonly string[];
  /** Headers that must be present. */
  required: readonly string[];
  /** Report unknown headers as ignored columns (false for sheets whose other columns are data). */
  warnExtras: boolean;
}

/**
 * Maps the expected headers of row 1 to columns. A missing required header is an error at the cell the template
 * puts it in; an unknown header is ignored with a warning (when `warnExtras`); a duplicate header is ignored.
 */
export function readTable(grid: SheetGrid, spec: HeaderSpec, issues: Issue[]): Table {
  const rows = grid.rows;
  const header = rows[0] ?? [];
  const wanted = new Map(spec.layout.map((text) => [normalizeText(text), text]));
  const columns = new Map<string, number>();
  const extras: { column: number; text: string }[] = [];
  // Go as wide as the widest row: a column of data whose header cell is missing must not vanish unseen.
  const width = rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  for (let column = 0; column < width; column += 1) readHeader(column);
  function readHeader(column: number): void {
    const value = header[column] ?? null;
    const at: At = { sheet: grid.name, row: 0, column, issues };
    if (reportCellError(at, value)) return;
    if (isBlank(value)) {
      if (columnHasData(rows, column)) issues.push(warning("header.blank", grid.name, cellAddress(0, column), MSG.headerlessColumn()));
      return;
    }
    // A header is read as any cell that names something (上下互评's headers name the raters): one cleaning rule, control
    // characters removed with a 提示 at the cell, so “城关镇\u0007” is 城关镇 here as in 考核对象.
    const text = typeof value === "string" ? (readText(at, value) ?? "") : shownValue(value);
    const expected = wanted.get(normalizeText(text));
    if (expected === undefined) {
      extras.push({ column, text });
      if (spec.warnExtras) issues.push(warning("header.unknown", grid.name, cellAddress(0, column), MSG.unknownColumn(text)));
      return;
    }
    const first = columns.get(expected);
    if (first !== undefined) {
      issues.push(warning("header.duplicate", grid.name, cellAddress(0, column), MSG.duplicateColumn(text, cellAddress(0, first))));
      return;
    }
    columns.set(expected, column);
  }
  for (const name of spec.required) {
    if (!columns.has(name)) {
      const cell = cellAddress(0, Math.max(0, spec.layout.indexOf(name)));
      issues.push(error("header.missing", grid.name, cell, MSG.missingColumn(name, cell)));
    }
  }
  return { sheet: grid.name, rows, columns, extras };
}

/** True when every required column was found (else the rows cannot be read). */
export function hasColumns(table: Table, required: readonly string[]): boolean {
  return required.every((name) => table.columns.has(name));
}

/** The value under an expected header in a row, empty when that column is absent. */
export function valueIn(table: Table, row: number, header: string): CellValue {
  const column = table.columns.get(header);
  return column === undefined ? null : cellAt(table.rows, row, column);
}

/** A place for reporting: the cell under `header` in `row`, or the row's first cell when the column is absent. */
export function placeIn(table: Table, row: number, header: string, issues: Issue[]): At {
  return { sheet: table.sheet, row, column: table.columns.get(header) ?? 0, issues };
}

/**
 * Merged cells and hidden rows or columns in an input sheet are read like any other cells, which may not be
 * what the user expects: a merged range holds its value in the top-left cell only, a hidden row still counts.
 */
export function layoutWarnings(grid: SheetGrid, issues: Issue[]): void {
  for (const range of grid.merged ?? []) {
    const from = parseA1Range(range)?.from;
    const topLeft = from === undefined || from.row === null ? range : cellAddress(from.row, from.column);
    issues.push(warning("layout.merged", grid.name, topLeft, MSG.mergedCells(range, topLeft)));
  }
  for (const row of grid.hiddenRows ?? []) {
    if (!isEmptyRow(grid.rows[row])) issues.push(warning("layout.hiddenRow", grid.name, cellAddress(row, 0), MSG.hiddenRow(row + 1)));
  }
  for (const column of grid.hiddenColumns ?? []) {
    if (grid.rows.some((row) => !isBlank(row[column]))) {
      issues.push(warning("layout.hiddenColumn", grid.name, cellAddress(0, column), MSG.hiddenColumn(columnName(column))));
    }
  }
}
