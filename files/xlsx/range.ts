import { columnName, parseA1Range } from "../../lib/grid";

/** A rectangle of cells, 1-based as Excel. */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * "B2:F20", "B2" or a whole column "C:C" → a box. A whole column reaches down to `lastRow`
 * (the sheet's rows), so that styling a column does not touch a million cells.
 * @throws Error for a text that is not a range: ranges come from code, so that is a bug.
 */
export function parseRange(range: string, lastRow: number): CellBox {
  const parsed = parseA1Range(range);
  if (parsed === null) throw new Error(`parseRange: not an A1 range: ${range}`);
  const { from, to } = parsed;
  const single = !range.includes(":");
  const left = from.column + 1;
  const right = to.column + 1;
  const top = from.row === null ? 1 : from.row + 1;
  const bottom = single ? (from.row === null ? Math.max(lastRow, 1) : top) : to.row === null ? Math.max(lastRow, top) : to.row + 1;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** The box back in A1 form, for ExcelJS calls that take an address. */
export function boxAddress(box: CellBox): string {
  const first = `${columnName(box.left - 1)}${box.top}`;
  const last = `${columnName(box.right - 1)}${box.bottom}`;
  return first === last ? first : `${first}:${last}`;
}
