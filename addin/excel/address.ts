import { columnName, parseA1Range, type A1Range } from "../../lib/grid";

/** A1 range of a block: rows × columns starting at 0-based (row, column). */
export function blockAddress(row: number, column: number, rows: number, columns: number): string {
  const first = `${columnName(column)}${row + 1}`;
  const last = `${columnName(column + Math.max(columns, 1) - 1)}${row + Math.max(rows, 1)}`;
  return first === last ? first : `${first}:${last}`;
}

function parsed(address: string): A1Range {
  const range = parseA1Range(address);
  if (range === null) throw new Error(`not an A1 range: ${address}`);
  return range;
}

/** Size of an A1 range ("B2:F20" → 19 rows × 5 columns; "C:C" → whole column, rows null). */
export function rangeSize(address: string): { rows: number | null; columns: number } {
  const { from, to } = parsed(address);
  const rows = from.row !== null && to.row !== null ? to.row - from.row + 1 : null;
  return { rows, columns: to.column - from.column + 1 };
}

/** 0-based top-left cell of an A1 range ("B2:F20" → row 1, column 1). */
export function rangeOrigin(address: string): { row: number; column: number } {
  const { from } = parsed(address);
  return { row: from.row ?? 0, column: from.column };
}
