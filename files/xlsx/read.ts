import type { CellValue, SheetGrid, WorkbookGrids } from "../../lib/grid";
import { formulaResult, toCellValue } from "./cell-value";
import { NotAWorkbookError } from "./errors";
import { loadExcelJS, loadWorkbook, type Bytes, type Workbook, type Worksheet } from "./library";
import { XLSX_MESSAGES } from "./messages";
import { openPackage, textOf, type XlsxPackage } from "./package";
import { parseDateStyles, parseSharedStrings, usesDate1904 } from "./partsXml";
import { decodeAgain, readSheetXml, type SheetContext } from "./sheetXml";
import { UnsupportedXmlError } from "./xmlScan";
import { checkWholeZip } from "./zip";

/**
 * Reads every sheet of an .xlsx file, in workbook order, as the user sees it (cached formula results, not formulas).
 * Reads the XML itself (fast, little memory); a file it does not understand fully is read by ExcelJS instead,
 * with the same result — see {@link readWorkbookGridsFast} for which files those are.
 * @throws NotAWorkbookError when the bytes are not an .xlsx workbook.
 */
export async function readWorkbookGrids(data: Bytes): Promise<WorkbookGrids> {
  try {
    const pkg = openPackage(data);
    // The parts the fast reader reads, inflated together (off the main thread where the platform can).
    await pkg.prefetch(["xl/sharedStrings.xml", "xl/styles.xml", ...pkg.sheets.map((sheet) => sheet.path)]);
    return readPackage(pkg);
  } catch (error) {
    // ExcelJS decides, with its own messages, about a file the package layer refused, except for what both readers
    // refuse before opening anything: an empty file, an old or encrypted one, unsafe entry names, a part too large.
    const refusedEarly = error instanceof NotAWorkbookError && REFUSED_EARLY.has(error.message);
    if (refusedEarly || !(error instanceof UnsupportedXmlError || error instanceof NotAWorkbookError)) throw error;
    return readWorkbookGridsWithExcelJS(data);
  }
}

const REFUSED_EARLY = new Set<string>([XLSX_MESSAGES.emptyFile, XLSX_MESSAGES.oldOrEncrypted, XLSX_MESSAGES.unsafeEntryName, XLSX_MESSAGES.partTooLarge]);

/** The library reader: ExcelJS's object model of the whole workbook (slow and memory-hungry on big files). */
export async function readWorkbookGridsWithExcelJS(data: Bytes): Promise<WorkbookGrids> {
  const workbook = await openWorkbook(data);
  const formula = (await loadExcelJS()).ValueType.Formula;
  return { sheets: sheetsInOrder(workbook).map((sheet) => readSheet(sheet, formula)) };
}

/**
 * The fast reader: the package's XML scanned once, following ExcelJS's reading rules.
 * Throws UnsupportedXmlError — and readWorkbookGrids falls back to ExcelJS — for: a strict OOXML workbook
 * (purl.oclc.org namespaces), an .xlsb or any workbook part other than xl/workbook.xml, a chartsheet or dialog
 * sheet, sheet ids that are not distinct positive whole numbers, a missing sheet part, comments or CDATA in a part,
 * overlapping or unreadable merges, unreadable cell or row references, a shared string that does not exist
 * (or no shared strings part), rich text where ExcelJS does not expect it (a run after plain text, runs in a cell
 * that is not an inline string), any element in a row other than <c> or in a cell other than f, v, t, is, r (such as
 * <rPh> in an inline string: ExcelJS loses its place there), and XML that is not well-formed.
 * Where ExcelJS loses data the fast reader reads it instead (and the results differ): prefixed elements (<x:c>),
 * rows without r, a first cell of a row without r, sheet paths with "." or "..", entries outside xl/worksheets/sheetN.xml.
 * @throws NotAWorkbookError from openPackage, UnsupportedXmlError as above.
 */
export function readWorkbookGridsFast(data: Bytes): WorkbookGrids {
  return readPackage(openPackage(data));
}

function readPackage(pkg: XlsxPackage): WorkbookGrids {
  const workbookXml = textOf(pkg, pkg.workbookPath) ?? "";
  if (pkg.workbookPath !== "xl/workbook.xml" || workbookXml.includes("purl.oclc.org/ooxml")) {
    throw new UnsupportedXmlError("not a transitional OOXML workbook at xl/workbook.xml");
  }
  checkSheetIds(pkg);
  const context = workbookContext(pkg, workbookXml);
  return {
    sheets: pkg.sheets.map((sheet) => {
      if (!sheet.path.startsWith("xl/worksheets/")) throw new UnsupportedXmlError(`${sheet.path} is not a worksheet`);
      const xml = textOf(pkg, sheet.path);
      if (xml === null) throw new UnsupportedXmlError(`${sheet.path} is missing`);
      return { name: decodeAgain(sheet.name), ...readSheetXml(xml, context) };
    }),
  };
}

/** ExcelJS keys sheets by sheetId and loses any that are not distinct whole numbers from 1. */
function checkSheetIds(pkg: XlsxPackage): void {
  const ids = pkg.sheets.map((sheet) => sheet.sheetId);
  if (ids.some((id) => !Number.isInteger(id) || id < 1) || new Set(ids).size !== ids.length) {
    throw new UnsupportedXmlError("sheet ids");
  }
}

/** Shared strings and styles at the paths ExcelJS reads them from. */
function workbookContext(pkg: XlsxPackage, workbookXml: string): SheetContext {
  const sharedStringsXml = textOf(pkg, "xl/sharedStrings.xml");
  const stylesXml = textOf(pkg, "xl/styles.xml");
  return {
    sharedStrings: sharedStringsXml === null ? null : parseSharedStrings(sharedStringsXml),
    dateStyles: stylesXml === null ? [] : parseDateStyles(stylesXml),
    date1904: usesDate1904(workbookXml),
  };
}

/**
 * Loads the bytes; any failure of the zip or XML layer means the file is not a workbook we can read.
 * ExcelJS inflates every part and trusts the sizes a file declares, so the whole zip is first inflated within the
 * limits of zip.ts (and its entry names checked): a zip bomb is refused before ExcelJS sees it.
 */
export async function openWorkbook(data: Bytes): Promise<Workbook> {
  if (data.byteLength === 0) throw new NotAWorkbookError(XLSX_MESSAGES.emptyFile);
  if (isCompoundFile(data)) throw new NotAWorkbookError(XLSX_MESSAGES.oldOrEncrypted);
  checkWholeZip(data instanceof Uint8Array ? data : new Uint8Array(data));
  let workbook: Workbook;
  try {
    workbook = await loadWorkbook(data);
  } catch (cause) {
    throw new NotAWorkbookError(XLSX_MESSAGES.notAWorkbook, { cause });
  }
  // A .docx or any other zip loads without error but has no workbook part, hence no sheets.
  if (workbook.worksheets.length === 0) throw new NotAWorkbookError(XLSX_MESSAGES.notAWorkbook);
  return workbook;
}

// An OLE compound file: an old .xls or .et, or an .xlsx with an opening password (Office wraps the encrypted package in one).
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether the bytes begin with the OLE compound file signature. */
function isCompoundFile(data: Bytes): boolean {
  const head = new Uint8Array(data instanceof Uint8Array ? data.buffer : data, data instanceof Uint8Array ? data.byteOffset : 0, Math.min(8, data.byteLength));
  return COMPOUND_FILE.every((byte, index) => head[index] === byte);
}

/** ExcelJS keeps sheets by id; the tab order users see is orderNo. */
function sheetsInOrder(workbook: Workbook): Worksheet[] {
  return [...workbook.worksheets].sort((a, b) => orderOf(a) - orderOf(b));
}

function orderOf(sheet: Worksheet): number {
  return (sheet as unknown as { orderNo?: number }).orderNo ?? sheet.id;
}

function readSheet(sheet: Worksheet, formula: number): SheetGrid {
  return {
    name: sheet.name,
    rows: readRows(sheet, formula),
    merged: mergedRanges(sheet),
    hiddenRows: hiddenRows(sheet),
    hiddenColumns: hiddenColumns(sheet),
  };
}

/**
 * Rows up to the last one holding a value, each up to its last value (rows are ragged).
 * The cells a merge covers, other than its top-left one, are empty, as on screen.
 */
function readRows(sheet: Worksheet, formula: number): CellValue[][] {
  const rows: CellValue[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, columnNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      // cell.value of a formula drops a cached 0 or FALSE (ExcelJS copies only truthy results); cell.result keeps it.
      const value = cell.type === formula ? formulaResult(cell.result) : toCellValue(cell.value);
      // A formula giving "" shows an empty cell, and that is what the user sees.
      if (value !== null && value !== "") cells[columnNumber - 1] = value;
    });
    rows[rowNumber - 1] = fillHoles(cells);
  });
  return trimTrailingEmptyRows(fillHoles(rows, () => []));
}

/** Sparse arrays become dense ones: a missing cell is null (or an empty row). */
function fillHoles<T>(items: T[], empty: () => T = () => null as T): T[] {
  return Array.from({ length: items.length }, (_, index) => (index in items ? (items[index] as T) : empty()));
}

function trimTrailingEmptyRows(rows: CellValue[][]): CellValue[][] {
  let end = rows.length;
  while (end > 0 && (rows[end - 1]?.length ?? 0) === 0) end -= 1;
  return rows.slice(0, end);
}

function mergedRanges(sheet: Worksheet): string[] {
  const merges = (sheet.model as unknown as { merges?: string[] }).merges ?? [];
  return [...merges];
}

/** 0-based indices of hidden rows, over every row the sheet defines (an empty row may be hidden too). */
function hiddenRows(sheet: Worksheet): number[] {
  const hidden: number[] = [];
  for (let number = 1; number <= sheet.rowCount; number += 1) {
    if (sheet.findRow(number)?.hidden === true) hidden.push(number - 1);
  }
  return hidden;
}

/** 0-based indices of hidden columns. */
function hiddenColumns(sheet: Worksheet): number[] {
  const hidden: number[] = [];
  const columns = sheet.columns ?? [];
  columns.forEach((column, index) => {
    if (column.hidden === true) hidden.push(index);
  });
  return hidden;
}
