import { trimSpaces } from "./text";

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

/**
 * Whether two sheet names are the same sheet as people see them: spaces of every kind around a name (also
 * full-width and zero-width ones) do not count. The one comparison of sheet names for the reader and every host.
 */
export function sameSheetName(a: string, b: string): boolean {
  return trimSpaces(a) === trimSpaces(b);
}

/** Whether `names` holds a sheet that is `name` as people see it (sameSheetName). */
export function hasSheetNamed(names: readonly string[], name: string): boolean {
  return names.some((other) => sameSheetName(other, name));
}

/** 0-based column of column letters: "A" → 0, "Z" → 25, "AA" → 26, "XFD" → 16383; -1 when not 1–3 letters A–Z. */
export function columnIndex(letters: string): number {
  if (letters.length === 0 || letters.length > 3) return -1;
  let n = 0;
  for (let i = 0; i < letters.length; i += 1) {
    const code = letters.charCodeAt(i);
    if (code < 65 || code > 90) return -1;
    n = n * 26 + (code - 64);
  }
  return n - 1;
}

/** One corner of an A1 range, 0-based; `row` is null for a whole column ("C" of "C:C"). */
export interface A1Corner {
  row: number | null;
  column: number;
}

/** An A1 range as written: its first and last corner (the same corner for one cell), not put in order. */
export interface A1Range {
  from: A1Corner;
  to: A1Corner;
}

export interface A1Options {
  /**
   * Only what a stored .xlsx part holds: capital letters, no $, no spaces, every corner with a row. Off: ranges as
   * code and people write them ("$B$2", "c:c", " B2:F20 ").
   */
  strict?: boolean;
}

const CORNER = /^\$?([A-Za-z]{1,3})\$?(\d*)$/;
const STRICT_CORNER = /^([A-Z]{1,3})(\d+)$/;

/**
 * The one reading of A1 ranges: "B2:F20", "B2", "C:C", "$B$2:$F$20" → corners, 0-based; null when the text is not
 * one (a row number 0 is not one). The fast reader's per-cell references ("AB12" in every <c>) are read in place
 * by files/xlsx/sheetXml.ts without making strings; this is for ranges.
 */
export function parseA1Range(text: string, options: A1Options = {}): A1Range | null {
  const strict = options.strict === true;
  const parts = (strict ? text : text.trim()).split(":");
  if (parts.length > 2) return null;
  const corners = parts.map((part) => parseCorner(part, strict));
  const [from, to = from] = corners;
  if (from === undefined || from === null || to === null || to === undefined) return null;
  return { from, to };
}

function parseCorner(text: string, strict: boolean): A1Corner | null {
  const match = (strict ? STRICT_CORNER : CORNER).exec(text);
  if (match === null) return null;
  const column = columnIndex((match[1] ?? "").toUpperCase());
  const digits = match[2] ?? "";
  if (digits === "") return { row: null, column };
  const row = Number(digits);
  return row >= 1 ? { row: row - 1, column } : null;
}
