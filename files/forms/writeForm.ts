/**
 * A form (lib/forms FormBook) as .xlsx bytes, through ExcelJS: values and formats as the template's, then what only
 * forms have: cells unlocked for typing, number ranges as data validation, notes on headers, sheets protected without
 * a password, the identity sheet very hidden, and a defined name pointing at it.
 */
import { zipSync } from "fflate";
import type { FormBook, FormSheet } from "../../lib/forms";
import { applyFormat } from "../xlsx/format";
import { loadExcelJS, saveWorkbook, type Workbook, type Worksheet } from "../xlsx/library";
import { parseRange } from "../xlsx/range";
import { VALIDATION_ERROR_TITLE } from "../xlsx/messages";

/** The defined name that marks a workbook as one of our forms (its identity sheet's first cell). */
export const FORM_DEFINED_NAME = "kaohe_form";

function writeValues(sheet: Worksheet, rows: FormSheet["rows"]): void {
  rows.forEach((values, rowIndex) => {
    values.forEach((value, columnIndex) => {
      if (value === null || value === "") return;
      sheet.getCell(rowIndex + 1, columnIndex + 1).value = value;
    });
  });
}

function unlock(sheet: Worksheet, ranges: readonly string[], rowCount: number): void {
  for (const range of ranges) {
    const box = parseRange(range, rowCount);
    for (let row = box.top; row <= box.bottom; row += 1) {
      for (let column = box.left; column <= box.right; column += 1) {
        // A fresh object per cell: ExcelJS may share one style object between cells.
        const cell = sheet.getCell(row, column);
        cell.style = { ...cell.style, protection: { locked: false } };
      }
    }
  }
}

interface Validations {
  add(address: string, rule: object): void;
}

function addRangeValidations(sheet: Worksheet, form: FormSheet): void {
  const validations = (sheet as unknown as { dataValidations: Validations }).dataValidations;
  for (const rule of form.rangeValidations) {
    validations.add(rule.range, {
      type: rule.whole ? "whole" : "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [rule.min, rule.max],
      showErrorMessage: true,
      errorStyle: rule.strict ? "stop" : "warning",
      errorTitle: VALIDATION_ERROR_TITLE,
      error: rule.prompt,
      showInputMessage: false,
    });
  }
}

async function addSheet(workbook: Workbook, form: FormSheet): Promise<void> {
  const sheet = workbook.addWorksheet(form.name, { state: form.hidden ? "veryHidden" : "visible" });
  writeValues(sheet, form.rows);
  applyFormat(sheet, form.format, form.rows.length);
  unlock(sheet, form.unlocked, form.rows.length);
  addRangeValidations(sheet, form);
  for (const note of form.notes) sheet.getCell(note.cell).note = note.text;
  if (form.headerHeight !== null) sheet.getRow(1).height = form.headerHeight;
  if (form.print !== null) {
    // A4 (paper size 9), one page wide, as many pages down as it takes, the header rows on each page.
    sheet.pageSetup = { paperSize: 9, orientation: form.print.landscape ? "landscape" : "portrait", fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
    if (form.print.titleRows > 0) sheet.pageSetup.printTitlesRow = `1:${form.print.titleRows}`;
  }
  if (form.protect) {
    // No password: the protection keeps rows and columns from being shifted by accident, it is not a lock.
    await sheet.protect("", {
      selectLockedCells: true,
      selectUnlockedCells: true,
      formatColumns: true,
      formatRows: true,
      sort: false,
      autoFilter: false,
      insertRows: false,
      deleteRows: false,
      insertColumns: false,
      deleteColumns: false,
    });
  }
}

/** One form as .xlsx bytes. */
export async function writeForm(form: FormBook): Promise<Uint8Array> {
  const ExcelJS = await loadExcelJS();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "kaohe";
  for (const sheet of form.sheets) await addSheet(workbook, sheet);
  const identity = form.sheets.find((sheet) => sheet.hidden);
  if (identity !== undefined) workbook.definedNames.add(`'${identity.name}'!$A$1`, FORM_DEFINED_NAME);
  // The first visible sheet is the one that opens.
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: "visible" }];
  return saveWorkbook(workbook);
}

/** Every form written, in order: file name and bytes. */
export async function writeForms(forms: readonly FormBook[]): Promise<{ fileName: string; bytes: Uint8Array }[]> {
  const written: { fileName: string; bytes: Uint8Array }[] = [];
  for (const form of forms) written.push({ fileName: form.fileName, bytes: await writeForm(form) });
  return written;
}

/** The forms as one .zip (file names in UTF-8), for the page's 分发评分表 download. */
export function zipForms(files: readonly { fileName: string; bytes: Uint8Array }[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const file of files) entries[file.fileName] = file.bytes;
  return zipSync(entries, { level: 6 });
}
