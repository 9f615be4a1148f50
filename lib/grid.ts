/**
 * What the hosts hand to lib/ and get back: grids of plain cell values.
 * * A host (Excel through the Office JavaScript API, .xlsx through ExcelJS) converts its cells to these once, at the boundary.
 */

/** An Excel error value such as #N/A or #VALUE!, kept as a value so the reader can name its cell. */
export interface CellError {
  readonly error: string;
}

/**
 * One cell as the user sees it: a number, a text, a boolean, a date, an Excel error, or empty (null).
 * For a formula cell, the host passes its cached value, never the formula.
 */
export type CellValue = string | number | boolean | Date | CellError | null;

/** Rows of cells; row 0 is the sheet's row 1. Rows may differ in length; a missing cell is empty. */
export type Grid = CellValue[][];

/** One sheet read by a host. `merged` lists merged ranges in A1 form ("B3:C3") when the host knows them. */
export interface SheetGrid {
  name: string;
  rows: Grid;
  merged?: string[];
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

/** A whole workbook as grids, in the workbook's sheet order. */
export interface WorkbookGrids {
  sheets: SheetGrid[];
}

export function isCellError(value: unknown): value is CellError {
  return typeof value === "object" && value !== null && !(value instanceof Date) && typeof (value as CellError).error === "string";
}

/** Column letters for a 0-based column index: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    name = String.fromCharCode(65 + rest) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

/** A1 address for 0-based row and column: (6, 5) → "F7". */
export function cellAddress(row: number, column: number): string {
  return `${columnName(column)}${row + 1}`;
}

/** Sheet-qualified address as users read it: 评分!F7. */
export function qualified(sheet: string, cell: string): string {
  return `${sheet}!${cell}`;
}
