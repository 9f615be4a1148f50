import type { SheetOut } from "../../lib/format";
import { sameSheetName } from "../../lib/grid";
import { keptSheetName } from "../../lib/plan";
import { runInBatches, small } from "./batches";
import { decimalValidationOperations } from "./decimalValidations";
import { formatOperations } from "./formats";
import type { Supports } from "./supports";
import { valueOperations } from "./writeSheets";

/**
 * 生成评分表 in Excel, after the user confirmed the preview: each new sheet (评分, 满意度, 上下互评) takes the place of
 * the old one, which is never overwritten or deleted but renamed (评分（原）, 评分（原2）…) and left right after it.
 * Resolves with the names the old sheets now have.
 */
export async function writeLayoutSheets(
  context: Excel.RequestContext,
  sheets: readonly SheetOut[],
  sheetNames: readonly string[],
  supports: Supports,
): Promise<{ kept: string[] }> {
  const order = [...sheetNames];
  const kept: string[] = [];
  for (const out of sheets) {
    const old = order.find((name) => sameSheetName(name, out.name));
    const position = old === undefined ? -1 : order.indexOf(old);
    if (old !== undefined) {
      const keptAs = keptSheetName(out.name, new Set(order));
      context.workbook.worksheets.getItem(old).name = keptAs;
      order[position] = keptAs;
      kept.push(keptAs);
      // The rename must land before a sheet of the old name can be added.
      await context.sync();
    }
    const sheet = context.workbook.worksheets.add(out.name);
    if (position >= 0) {
      sheet.position = position;
      order.splice(position, 0, out.name);
    } else order.push(out.name);
    await runInBatches(context, valueOperations(sheet, out));
    await runInBatches(context, [...formatOperations(sheet, out.format, supports), ...decimalValidationOperations(sheet, out.format, supports)]);
  }
  const first = sheets[0];
  if (first !== undefined) await runInBatches(context, [small(() => context.workbook.worksheets.getItem(first.name).activate())]);
  return { kept };
}
