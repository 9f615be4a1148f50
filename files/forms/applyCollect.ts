/**
 * Writes a collect's outcome into a copy of the master: the edited cells of 评分, 上下互评 and 满意度 (a sheet that
 * is absent is added), and 回收记录 replaced whole. Every other cell is left as loaded.
 */
import type { SheetOut } from "../../lib/format";
import type { CellEdit } from "../../lib/forms";
import { fillSheet } from "../xlsx/format";
import { saveWorkbook, type Bytes } from "../xlsx/library";
import { openWorkbook } from "../xlsx/read";

/** @throws NotAWorkbookError when the original is not an .xlsx workbook. */
export async function applyCollect(original: Bytes, edits: readonly CellEdit[], log: SheetOut): Promise<Uint8Array> {
  const workbook = await openWorkbook(original);
  const byName = (name: string) => workbook.worksheets.find((sheet) => sheet.name.trim() === name);
  for (const edit of edits) {
    const sheet = byName(edit.sheet) ?? workbook.addWorksheet(edit.sheet);
    // Texts stay texts (ExcelJS writes a string as a string, never as a formula).
    sheet.getCell(edit.row + 1, edit.column + 1).value = edit.value;
  }
  const old = byName(log.name);
  if (old !== undefined) workbook.removeWorksheet(old.id);
  fillSheet(workbook.addWorksheet(log.name), log);
  return saveWorkbook(workbook);
}
