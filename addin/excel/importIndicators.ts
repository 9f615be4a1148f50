import type { SheetOut } from "../../lib/format";
import { sameSheetName } from "../../lib/grid";
import { keptSheetName } from "../../lib/plan";
import { runInBatches, small } from "./batches";
import { formatOperations } from "./formats";
import type { Supports } from "./supports";
import { valueOperations } from "./writeSheets";

/**
 * 写入考核指标 from 导入工作安排: the only time the add-in writes an input sheet, at the user's explicit request.
 * An existing sheet of that name is never overwritten or deleted: it is renamed (考核指标（原）, 考核指标（原2）…) first,
 * then the new sheet is added with the template's formats and shown. Resolves with the name the old sheet now has.
 */
export async function importIndicatorSheet(
  context: Excel.RequestContext,
  out: SheetOut,
  sheetNames: readonly string[],
  supports: Supports,
): Promise<{ kept: string | null }> {
  const old = sheetNames.find((name) => sameSheetName(name, out.name));
  let kept: string | null = null;
  if (old !== undefined) {
    kept = keptSheetName(out.name, new Set(sheetNames));
    context.workbook.worksheets.getItem(old).name = kept;
    // The rename must land before a sheet of the old name can be added.
    await context.sync();
  }
  const sheet = context.workbook.worksheets.add(out.name);
  await runInBatches(context, valueOperations(sheet, out));
  await runInBatches(context, [...formatOperations(sheet, out.format, supports), small(() => sheet.activate())]);
  return { kept };
}
