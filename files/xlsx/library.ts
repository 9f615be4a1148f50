/**
 * The one place that names the .xlsx library.
 *
 * ExcelJS, not SheetJS: npm's `xlsx` package is stuck at 0.18.5, which has published vulnerabilities
 * (prototype pollution on crafted files, regular-expression denial of service), and newer SheetJS
 * releases are only offered outside npm. ExcelJS is on npm and reads and writes what the template needs:
 * styles, data validation, frozen panes. In a browser bundle its package.json "browser" field gives the
 * prebuilt dist file, so this module (and the host) stays isomorphic: no Node modules, bytes in, bytes out.
 */
import ExcelJS from "exceljs";
import { escapeWorkbookTexts } from "./escape";
import { quoteFormulaTexts } from "./quotePrefix";

export { ExcelJS };
export type { Workbook, Worksheet, Cell, CellValue as ExcelCellValue } from "exceljs";

/** Bytes as both hosts hand them over: ArrayBuffer (browser File) or Uint8Array (Node Buffer). */
export type Bytes = ArrayBuffer | Uint8Array;

/** Loads bytes into a new ExcelJS workbook; the library's Buffer type is satisfied by any byte view. */
export async function loadWorkbook(data: Bytes): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

/**
 * Serialises a workbook to bytes: a Node Buffer and a browser ArrayBuffer both become a Uint8Array. Text that looks
 * like a formula gets Excel's quote prefix (quotePrefix.ts), which ExcelJS cannot write.
 */
export async function saveWorkbook(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  escapeWorkbookTexts(workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  return quoteFormulaTexts(new Uint8Array(buffer as ArrayBuffer));
}
