import type { SheetOut } from "../../lib/format";
import { fillSheet } from "./format";
import { EscapesFound, FormulaLikeFound, graftOutputSheets } from "./graft";
import { openForGraft } from "./graftPackage";
import { loadExcelJS, saveWorkbook, type Bytes, type Workbook } from "./library";
import { NotAWorkbookError } from "./errors";
import { openWorkbook } from "./read";
import { zipWithEdits } from "./zipGraft";
import type { Compressor } from "./deflate";

/**
 * Adds the output sheets (结果, 计算说明, 汇总) to a copy of the original file and returns the new file's bytes.
 * Sheets named like an output are removed first, so each run replaces them whole. Every other part of the file is
 * copied as it was stored: the user's sheets, charts, pictures and pivot tables come back byte for byte.
 * `compress` replaces the platform's compressor for the new parts (the command line gives one that chooses the level).
 * @throws NotAWorkbookError when the original is not an .xlsx workbook.
 */
export async function writeOutputSheets(original: Bytes, outputs: readonly SheetOut[], options: { compress?: Compressor } = {}): Promise<Uint8Array> {
  // A plain view of the same bytes: a Node Buffer's slice() would not copy.
  const bytes = original instanceof Uint8Array ? new Uint8Array(original.buffer, original.byteOffset, original.byteLength) : new Uint8Array(original);
  // First assuming that no text needs a file-format escape and none looks like a formula; when one does (rare), again
  // with those texts looked for first: put in the shared strings, given the quote prefix (see graftOutputSheets).
  try {
    return await graftedCopy(original, bytes, outputs, false, options.compress);
  } catch (error) {
    if (!(error instanceof EscapesFound || error instanceof FormulaLikeFound)) throw error;
  }
  return graftedCopy(original, bytes, outputs, true, options.compress);
}

async function graftedCopy(original: Bytes, bytes: Uint8Array, outputs: readonly SheetOut[], lookFirst: boolean, compress: Compressor | undefined): Promise<Uint8Array> {
  let pkg: ReturnType<typeof openForGraft>;
  let graft: ReturnType<typeof graftOutputSheets>;
  try {
    pkg = openForGraft(bytes);
    graft = graftOutputSheets(pkg, outputs, lookFirst ? { escapes: "found", formulaLike: "quote" } : { escapes: "assumeNone", formulaLike: "assumeNone" });
  } catch (error) {
    if (error instanceof NotAWorkbookError) throw error;
    // The sheets read fine but a part the graft must edit (the sheet list, relationships, content types, styles) is
    // not in a shape it can edit safely, as in a damaged or hand-made file: ExcelJS rewrites the whole workbook instead,
    // which it tolerates, rather than the user getting an internal error.
    return writeOutputSheetsWithExcelJS(original, outputs);
  }
  return zipWithEdits(bytes, pkg.allFiles, graft.written, graft.removed, compress);
}

/**
 * The former writer: the whole workbook loaded into ExcelJS, the outputs added as ExcelJS cells, everything saved
 * again. Kept as the reference the graft is compared with in the tests.
 * @throws NotAWorkbookError when the original is not an .xlsx workbook.
 */
export async function writeOutputSheetsWithExcelJS(original: Bytes, outputs: readonly SheetOut[]): Promise<Uint8Array> {
  const workbook = await openWorkbook(original);
  removeSheets(workbook, new Set(outputs.map((out) => out.name)));
  addSheets(workbook, outputs);
  return saveWorkbook(workbook);
}

/** A new workbook holding the given sheets in order (the 考核模板). */
export async function buildWorkbook(sheets: readonly SheetOut[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "kaohe";
  addSheets(workbook, sheets);
  return saveWorkbook(workbook);
}

function removeSheets(workbook: Workbook, names: ReadonlySet<string>): void {
  for (const sheet of [...workbook.worksheets]) {
    if (names.has(sheet.name)) workbook.removeWorksheet(sheet.id);
  }
}

function addSheets(workbook: Workbook, sheets: readonly SheetOut[]): void {
  for (const out of sheets) fillSheet(workbook.addWorksheet(out.name), out);
}
