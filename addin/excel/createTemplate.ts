import type { SheetOut } from "../../lib/format";
import { hasSheetNamed } from "../../lib/grid";
import { runInBatches, small } from "./batches";
import { decimalValidationOperations } from "./decimalValidations";
import { formatOperations } from "./formats";
import type { Supports } from "./supports";
import { valueOperations } from "./writeSheets";

/**
 * Adds the template's sheets that the workbook lacks, with values, formats and (where supported) drop-downs.
 * A sheet that exists is never written: its name is returned as kept.
 */
export async function createMissingSheets(
  context: Excel.RequestContext,
  sheets: readonly SheetOut[],
  sheetNames: readonly string[],
  supports: Supports,
): Promise<{ created: string[]; kept: string[] }> {
  const missing = sheets.filter((sheet) => !hasSheetNamed(sheetNames, sheet.name));
  const kept = sheets.filter((sheet) => hasSheetNamed(sheetNames, sheet.name)).map((sheet) => sheet.name);
  if (missing.length === 0) return { created: [], kept };
  const added = missing.map((out) => ({ out, sheet: context.workbook.worksheets.add(out.name) }));
  await runInBatches(context, added.flatMap(({ sheet, out }) => valueOperations(sheet, out)));
  const formats = added.flatMap(({ sheet, out }) => [...formatOperations(sheet, out.format, supports), ...decimalValidationOperations(sheet, out.format, supports)]);
  await runInBatches(context, [...formats, small(() => added[0]?.sheet.activate())]);
  return { created: missing.map((sheet) => sheet.name), kept };
}
