import type { CellWrite } from "../../lib/whatif/trial";
import { toExcelValue } from "./cells";

/**
 * Writes 试算's 参数 cells, and only those, in one request: each cell's value as 参数 should hold it. Text that Excel
 * would take for a formula, number or date (= + - @ …) is written with the apostrophe that keeps it text.
 */
export async function writeParamCells(context: Excel.RequestContext, sheetName: string, writes: readonly CellWrite[]): Promise<void> {
  if (writes.length === 0) return;
  const sheet = context.workbook.worksheets.getItem(sheetName);
  for (const write of writes) {
    const value = write.value;
    const plain = value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : value instanceof Date ? value.toISOString().slice(0, 10) : value.error;
    sheet.getRange(write.cell).values = [[toExcelValue(plain)]];
  }
  await context.sync();
}
