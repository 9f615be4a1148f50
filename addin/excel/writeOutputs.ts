import type { SheetOut } from "../../lib/format";
import { INPUT_SHEETS } from "../../lib/layout";
import { OPERATION_BYTES } from "./budget";
import { runInBatches, type Operation } from "./batches";
import { formatOperations } from "./formats";
import type { Supports } from "./supports";
import { temporaryName, valueOperations } from "./writeSheets";

/**
 * Writes the output sheets (结果, 计算说明, 汇总) so that the workbook shows either the old ones or the new ones, never a mix:
 * the new sheets are built under temporary names (values first, in as few syncs as the payload limit allows;
 * formats after), and only the very last sync deletes the old sheets and renames the new ones.
 * Input sheets are never touched: an add-in write also empties Excel's undo stack.
 */
export async function writeOutputs(context: Excel.RequestContext, outputs: readonly SheetOut[], sheetNames: readonly string[], supports: Supports): Promise<void> {
  for (const out of outputs) {
    if ((INPUT_SHEETS as readonly string[]).includes(out.name)) throw new Error(`refusing to replace input sheet ${out.name}`);
  }
  const taken = new Set(sheetNames);
  const built = outputs.map((out) => {
    const name = temporaryName(out.name, taken);
    taken.add(name);
    return { out, sheet: context.workbook.worksheets.add(name) };
  });
  try {
    await runInBatches(context, built.flatMap(({ sheet, out }) => valueOperations(sheet, out)));
    const formats = built.flatMap(({ sheet, out }) => formatOperations(sheet, out.format, supports, out.rows.length));
    await runInBatches(context, [...formats, swapOperation(context, built, sheetNames)]);
  } catch (error) {
    await removeQuietly(context, built.map(({ sheet }) => sheet));
    throw error;
  }
}

/** Deletes the old output sheets and renames the new ones, as one operation so that it never spans two syncs. */
function swapOperation(context: Excel.RequestContext, built: { out: SheetOut; sheet: Excel.Worksheet }[], sheetNames: readonly string[]): Operation {
  return {
    bytes: OPERATION_BYTES * built.length * 3,
    queue: () => {
      for (const { out } of built) {
        if (sheetNames.includes(out.name)) context.workbook.worksheets.getItem(out.name).delete();
      }
      for (const { out, sheet } of built) sheet.name = out.name;
      built[0]?.sheet.activate();
    },
  };
}

/** After a failure, the half-built sheets go; the old outputs were never touched. */
async function removeQuietly(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<void> {
  try {
    for (const sheet of sheets) sheet.delete();
    await context.sync();
  } catch {
    // The original failure is what the user needs to see; a sheet that could not be added needs no removal.
  }
}
