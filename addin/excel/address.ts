import { columnName } from "../../lib/grid";

/** A1 range of a block: rows × columns starting at 0-based (row, column). */
export function blockAddress(row: number, column: number, rows: number, columns: number): string {
  const first = `${columnName(column)}${row + 1}`;
  const last = `${columnName(column + Math.max(columns, 1) - 1)}${row + Math.max(rows, 1)}`;
  return first === last ? first : `${first}:${last}`;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** Size of an A1 range ("B2:F20" → 19 rows × 5 columns; "C:C" → whole column, rows null). */
export function rangeSize(address: string): { rows: number | null; columns: number } {
  const [from = "", to = from] = address.toUpperCase().replace(/\$/g, "").split(":");
  const a = /^([A-Z]+)(\d*)$/.exec(from);
  const b = /^([A-Z]+)(\d*)$/.exec(to);
  if (!a || !b) throw new Error(`not an A1 range: ${address}`);
  const columns = columnIndex(b[1] ?? "A") - columnIndex(a[1] ?? "A") + 1;
  const rows = a[2] && b[2] ? Number(b[2]) - Number(a[2]) + 1 : null;
  return { rows, columns };
}

/** 0-based top-left cell of an A1 range ("B2:F20" → row 1, column 1). */
export function rangeOrigin(address: string): { row: number; column: number } {
  const from = address.toUpperCase().replace(/\$/g, "").split(":")[0] ?? "";
  const match = /^([A-Z]+)(\d*)$/.exec(from);
  if (!match) throw new Error(`not an A1 range: ${address}`);
  return { row: match[2] ? Number(match[2]) - 1 : 0, column: columnIndex(match[1] ?? "A") };
}
