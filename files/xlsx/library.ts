/**
 * The one place that names the .xlsx library.
 *
 * ExcelJS, not SheetJS: npm's `xlsx` package is stuck at 0.18.5, which has published vulnerabilities
 * (prototype pollution on crafted files, regular-expression denial of service), and newer SheetJS
 * releases are only offered outside npm. ExcelJS is on npm and reads and writes what the template needs:
 * styles, data validation, frozen panes. In a browser bundle its package.json "browser" field gives the
 * prebuilt dist file, so this module (and the host) stays isomorphic: no Node modules, bytes in, bytes out.
 *
 * Loaded only when first needed (the template, 导入工作安排, a file the fast reader leaves to it), never at start-up:
 * ExcelJS is over half of the standalone page's script and takes about half a second to import in the command line,
 * while reading and scoring go through the fast reader and the graft. A bundler makes it a chunk of its own.
 */
import type * as ExcelJSModule from "exceljs";
import { escapeWorkbookTexts } from "./escape";
import { quoteFormulaTexts } from "./quotePrefix";

export type { Workbook, Worksheet, Cell, CellValue as ExcelCellValue } from "exceljs";
export type ExcelJS = typeof ExcelJSModule;

let loading: Promise<ExcelJS> | null = null;

/** ExcelJS, imported on first use. */
export function loadExcelJS(): Promise<ExcelJS> {
  loading ??= import("exceljs").then((module) => ((module as unknown as { default?: ExcelJS }).default ?? module) as ExcelJS);
  return loading;
}

/** Bytes as both hosts hand them over: ArrayBuffer (browser File) or Uint8Array (Node Buffer). */
export type Bytes = ArrayBuffer | Uint8Array;

/** Loads bytes into a new ExcelJS workbook; the library's Buffer type is satisfied by any byte view. */
export async function loadWorkbook(data: Bytes): Promise<ExcelJSModule.Workbook> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

/**
 * Serialises a workbook to bytes: a Node Buffer and a browser ArrayBuffer both become a Uint8Array. Text that looks
 * like a formula gets Excel's quote prefix (quotePrefix.ts), which ExcelJS cannot write.
 */
export async function saveWorkbook(workbook: ExcelJSModule.Workbook): Promise<Uint8Array> {
  escapeWorkbookTexts(workbook);
  const buffer = await workbook.xlsx.writeBuffer();
  return quoteFormulaTexts(new Uint8Array(buffer as ArrayBuffer));
}
