import type { SheetOut } from "../../lib/format";
import { blockAddress } from "./address";
import { gridBytes, OPERATION_BYTES, splitRows } from "./budget";
import type { Operation } from "./batches";
import { toExcelValue } from "./cells";
import { TEMPORARY_SUFFIX } from "./messages";

/** The width of a sheet's value grid: its longest row (Office needs a rectangle). */
export function gridWidth(rows: readonly (readonly unknown[])[]): number {
  return rows.reduce((width, row) => Math.max(width, row.length), 0);
}

/** Operations that write a sheet's values in blocks of rows, text that looks like a formula kept as text. */
export function valueOperations(sheet: Excel.Worksheet, out: SheetOut): Operation[] {
  const width = gridWidth(out.rows);
  if (width === 0) return [];
  const rectangle = out.rows.map((row) => {
    const cells = row.map(toExcelValue);
    while (cells.length < width) cells.push("");
    return cells;
  });
  return splitRows(rectangle).map((block) => ({
    bytes: OPERATION_BYTES + gridBytes(block.rows),
    queue: () => {
      sheet.getRange(blockAddress(block.start, 0, block.rows.length, width)).values = block.rows;
    },
  }));
}

/** A temporary sheet name not yet used in the workbook ("结果（计算中，可删除）", then …2, …3), for a new output being written. */
export function temporaryName(base: string, taken: ReadonlySet<string>): string {
  for (let n = 1; ; n += 1) {
    const name = `${base}${TEMPORARY_SUFFIX}${n === 1 ? "" : n}`;
    if (!taken.has(name)) return name;
  }
}
