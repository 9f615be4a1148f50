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
  return plainBox(range) ?? parseRangePlain(range, lastRow);
}

/**
 * parseRange the plain way, through lib's parseA1Range: what parseRange gives for any text (the property test
 * compares the two).
 */
export function parseRangePlain(range: string, lastRow: number): CellBox {
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

/**
 * The box of a range in the form the output sheets use, "A2:C2" or "B7" (capital letters, a row number without a
 * leading zero, no $), read without a regular expression or a text per corner (计算说明 of 10,000 units has 15,000
 * styles, and the command line reads each range once, cold); null for any other text, which parseRangePlain reads.
 */
function plainBox(range: string): CellBox | null {
  const first = corner(range, 0);
  if (first === null) return null;
  const { column: left, row: top, end } = first;
  if (end === range.length) return { top, left, bottom: top, right: left };
  if (range.charCodeAt(end) !== 0x3a) return null;
  const second = corner(range, end + 1);
  if (second === null || second.end !== range.length) return null;
  const { column: right, row: bottom } = second;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** One corner from `start`: 1 to 3 capital letters, then 1 to 9 digits not starting with 0; 1-based column and row. */
function corner(text: string, start: number): { column: number; row: number; end: number } | null {
  let at = start;
  let column = 0;
  for (let code = text.charCodeAt(at); code >= 0x41 && code <= 0x5a && at - start < 3; code = text.charCodeAt(at)) {
    column = column * 26 + (code - 0x40);
    at += 1;
  }
  if (at === start) return null;
  const digitsStart = at;
  let row = 0;
  for (let code = text.charCodeAt(at); code >= 0x30 && code <= 0x39 && at - digitsStart < 9; code = text.charCodeAt(at)) {
    row = row * 10 + (code - 0x30);
    at += 1;
  }
  if (at === digitsStart || text.charCodeAt(digitsStart) === 0x30) return null;
  return { column, row, end: at };
}
