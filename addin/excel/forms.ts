/**
 * 分发与回收 in Excel. addin/excel may not read or write file formats (files/ is the file layer): the task pane injects
 * the few file functions it needs (FormFiles), loaded when first used so that the pane's first load stays small.
 * Everything else is lib/forms: the forms, the reading of returns, the merge, the 回收记录. This module only moves
 * grids of cells in and out of the open workbook.
 */
import type { WorkbookGrids } from "../../lib/grid";
import { sameSheetName } from "../../lib/grid";
import { collectReturns, readReturnedFile, type CellEdit, type CollectOutcome, type FormBook, type FormReturn, type MasterContext } from "../../lib/forms";
import type { CollectPreview, ReturnedFile } from "../ui/host";
import { blockAddress } from "./address";
import { runInBatches, type Operation } from "./batches";
import { OPERATION_BYTES, gridBytes } from "./budget";
import { toExcelValue } from "./cells";

/** What the Excel host needs from the file layer for 分发与回收 (injected by the task pane). */
export interface FormFiles {
  /** The forms as .xlsx files in one .zip, its bytes. */
  zipForms(forms: readonly FormBook[]): Promise<Uint8Array>;
  /** A returned file's sheets as grids; `null` with the reason when it is not an .xlsx workbook. */
  readBook(bytes: Uint8Array): Promise<{ book: WorkbookGrids } | { book: null; reason: string }>;
}

/** The returned files read against the master and merged: the outcome, and the 以此表为准 files that apply. */
export async function collectFiles(
  master: MasterContext,
  files: readonly ReturnedFile[],
  replaceFrom: readonly string[],
  formFiles: FormFiles,
): Promise<{ outcome: CollectOutcome; replaceFrom: string[] }> {
  const returns: FormReturn[] = [];
  for (const file of files) {
    const read = await formFiles.readBook(file.bytes);
    returns.push(readReturnedFile(file.name, file.modified, read.book, master, read.book === null ? read.reason : ""));
  }
  const chosen = replaceFrom.filter((name) => returns.some((form) => form.file === name));
  return { outcome: collectReturns(master, returns, { replaceFrom: new Set(chosen) }), replaceFrom: chosen };
}

/** What the pane shows before anything is written. */
export function previewOf(outcome: CollectOutcome, replaceFrom: string[]): CollectPreview {
  return { ok: outcome.ok, log: outcome.log, issues: outcome.issues, filled: outcome.filled, replaced: outcome.replaced, replaceFrom };
}

/** Whether two outcomes write the same: the same cells with the same values and the same 回收记录. */
export function sameOutcome(a: CollectOutcome, b: CollectOutcome): boolean {
  return a.ok === b.ok && JSON.stringify(a.edits) === JSON.stringify(b.edits) && JSON.stringify(a.log) === JSON.stringify(b.log);
}

/** One run of adjacent cells in a row of a sheet, with their values. */
interface Run {
  sheet: string;
  row: number;
  column: number;
  values: (string | number | boolean)[];
}

/** The edits as runs of adjacent cells, sheet by sheet, row by row: one range write per run. */
export function editRuns(edits: readonly CellEdit[]): Run[] {
  const sorted = [...edits].sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.row - b.row || a.column - b.column));
  const runs: Run[] = [];
  for (const edit of sorted) {
    const last = runs[runs.length - 1];
    const value = toExcelValue(edit.value);
    if (last !== undefined && last.sheet === edit.sheet && last.row === edit.row && last.column + last.values.length === edit.column) last.values.push(value);
    else runs.push({ sheet: edit.sheet, row: edit.row, column: edit.column, values: [value] });
  }
  return runs;
}

/**
 * Writes a collect's cells into the open workbook: only the cells the merge fills (a sheet that is absent, such as
 * 满意度 in a workbook without one, is added). Text that looks like a formula or a number is written as text.
 * `realNames` maps an input sheet's name to the name it has in the workbook (stray spaces); `sheetNames` are the
 * workbook's sheets as read.
 */
export async function writeEdits(context: Excel.RequestContext, edits: readonly CellEdit[], sheetNames: readonly string[], realNames: ReadonlyMap<string, string>): Promise<void> {
  const worksheets = context.workbook.worksheets;
  const real = (name: string) => realNames.get(name) ?? sheetNames.find((sheet) => sameSheetName(sheet, name));
  const missing = [...new Set(edits.map((edit) => edit.sheet))].filter((name) => real(name) === undefined);
  for (const name of missing) worksheets.add(name);
  if (missing.length > 0) await context.sync();
  const operations: Operation[] = editRuns(edits).map((run) => ({
    bytes: OPERATION_BYTES + gridBytes([run.values]),
    queue: () => {
      worksheets.getItem(real(run.sheet) ?? run.sheet).getRange(blockAddress(run.row, run.column, 1, run.values.length)).values = [run.values];
    },
  }));
  await runInBatches(context, operations);
}
