import { columnName } from "../../lib/grid";

/** A rectangle of cells, 1-based as Excel. */
export interface CellBox {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const RANGE = /^\$?([A-Z]+)\$?(\d+)?(?::\$?([A-Z]+)\$?(\d+)?)?$/;

/**
 * "B2:F20", "B2" or a whole column "C:C" → a box. A whole column reaches down to `lastRow`
 * (the sheet's rows), so that styling a column does not touch a million cells.
 * @throws Error for a text that is not a range: ranges come from code, so that is a bug.
 */
export function parseRange(range: string, lastRow: number): CellBox {
  const match = RANGE.exec(range.trim().toUpperCase());
  if (!match) throw new Error(`parseRange: not an A1 range: ${range}`);
  const [, firstColumn = "A", firstRow, secondColumn, secondRow] = match;
  const left = columnNumber(firstColumn);
  const right = secondColumn === undefined ? left : columnNumber(secondColumn);
  const top = firstRow === undefined ? 1 : Number(firstRow);
  const bottom = secondColumn === undefined ? (firstRow === undefined ? Math.max(lastRow, 1) : top) : secondRow === undefined ? Math.max(lastRow, top) : Number(secondRow);
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** "A" → 1, "AA" → 27. */
export function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}

/** The box back in A1 form, for ExcelJS calls that take an address. */
export function boxAddress(box: CellBox): string {
  const first = `${columnName(box.left - 1)}${box.top}`;
  const last = `${columnName(box.right - 1)}${box.bottom}`;
  return first === last ? first : `${first}:${last}`;
}
