import type { CellValue } from "../../lib/grid";
import { becomesValueIfWritten } from "../../lib/format";

/**
 * One cell read through Office.js → the library's CellValue, once, at the boundary.
 * Excel error values (#N/A …) come as text with value type "Error": they become {error} so the reader names the cell.
 */
export function toCellValue(value: unknown, valueType: string | undefined): CellValue {
  if (valueType === "Error") return { error: String(value) };
  if (valueType === "Empty" || value === null || value === undefined || value === "") return null;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "string") return value;
  return String(value);
}

/**
 * A value to write through Office.js. Excel takes a string that begins with = + - or @ for a formula, and one like
 * "18.50", "1.1", "2025-3-1" or "TRUE" for a number, date or truth value (the template's 编号 1.1 would become the
 * number 1.1, 计算说明's "18.50" the number 18.5); a leading apostrophe makes Excel keep it as text (the apostrophe is
 * a prefix, not part of the value, exactly as when a user types '=1+1). Blanks are written as "" (an empty cell).
 */
export function toExcelValue(value: string | number | boolean | null): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string" && becomesValueIfWritten(value)) return `'${value}`;
  return value;
}

/** Pads a used range's values back to a grid whose row 0 is the sheet's row 1 and column 0 its column A. */
export function placeGrid(values: unknown[][], valueTypes: string[][] | undefined, rowIndex: number, columnIndex: number): CellValue[][] {
  const grid: CellValue[][] = [];
  for (let r = 0; r < rowIndex; r += 1) grid.push([]);
  values.forEach((row, r) => {
    const types = valueTypes?.[r];
    const cells: CellValue[] = new Array<CellValue>(columnIndex).fill(null);
    row.forEach((value, c) => cells.push(toCellValue(value, types?.[c])));
    grid.push(cells);
  });
  return grid;
}
