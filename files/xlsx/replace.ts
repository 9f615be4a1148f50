import type { SheetOut } from "../../lib/format";
import { sameSheetName } from "../../lib/grid";
import { fillSheet } from "./format";
import { saveWorkbook, type Bytes, type Workbook, type Worksheet } from "./library";
import { openWorkbook } from "./read";


/** What replaceSheets did: for each replaced sheet, the name its old version now has (null when none was kept). */
export interface ReplaceOutcome {
  bytes: Uint8Array;
  kept: Record<string, string | null>;
}

/**
 * A copy of the original file with each given sheet replaced whole, in the old sheet's place in the tab order.
 * With `keepOldAs`, the old sheet is not deleted but renamed by that function (考核指标 → 考核指标（原）), and moved
 * just after the new one; a sheet that did not exist is added at the end. Every other sheet is left as loaded.
 * @throws NotAWorkbookError when the original is not an .xlsx workbook.
 */
export async function replaceSheets(
  original: Bytes,
  sheets: readonly SheetOut[],
  keepOldAs?: (name: string, taken: ReadonlySet<string>) => string,
): Promise<ReplaceOutcome> {
  const workbook = await openWorkbook(original);
  const kept: Record<string, string | null> = {};
  for (const out of sheets) kept[out.name] = replaceOne(workbook, out, keepOldAs);
  return { bytes: await saveWorkbook(workbook), kept };
}

function replaceOne(workbook: Workbook, out: SheetOut, keepOldAs: ((name: string, taken: ReadonlySet<string>) => string) | undefined): string | null {
  const order = tabOrder(workbook);
  const old = order.find((sheet) => sameSheetName(sheet.name, out.name));
  let keptAs: string | null = null;
  if (old !== undefined) {
    if (keepOldAs === undefined) workbook.removeWorksheet(old.id);
    else {
      keptAs = keepOldAs(out.name, new Set(order.map((sheet) => sheet.name)));
      old.name = keptAs;
    }
  }
  const fresh = workbook.addWorksheet(out.name);
  fillSheet(fresh, out);
  placeSheet(workbook, order, old, fresh, keptAs !== null);
  return keptAs;
}

/** Renumbers the tabs so that the new sheet stands where the old one stood, the kept old one right after it. */
function placeSheet(workbook: Workbook, before: readonly Worksheet[], old: Worksheet | undefined, fresh: Worksheet, keepOld: boolean): void {
  if (old === undefined) return;
  const order: Worksheet[] = [];
  for (const sheet of before) {
    if (sheet !== old) order.push(sheet);
    else order.push(...(keepOld ? [fresh, old] : [fresh]));
  }
  const present = new Set(workbook.worksheets);
  order.filter((sheet) => present.has(sheet)).forEach((sheet, index) => setOrder(sheet, index + 1));
}

function tabOrder(workbook: Workbook): Worksheet[] {
  return [...workbook.worksheets].sort((a, b) => orderOf(a) - orderOf(b));
}

function orderOf(sheet: Worksheet): number {
  return (sheet as unknown as { orderNo?: number }).orderNo ?? sheet.id;
}

function setOrder(sheet: Worksheet, orderNo: number): void {
  (sheet as unknown as { orderNo: number }).orderNo = orderNo;
}
