/**
 * Helpers for the tests of 分发与回收: a master made blank, forms filled as a 主体 would fill them, a collect's edits
 * applied to grids, a digest as the command line makes it.
 */
import type { CellEdit, FormBook, LogRow } from "../../lib/forms";
import { logSheet } from "../../lib/forms";
import type { CellValue, Grid, WorkbookGrids } from "../../lib/grid";
import { SHEET } from "../../lib/layout";
import { codeOfHeader } from "../../lib/reader/scores";
import { buildTemplate } from "../../lib/template";

/** The command line's digest (node:crypto). */
export { nodeDigest } from "../../bin/digest";

export function clone(book: WorkbookGrids): WorkbookGrids {
  return { sheets: book.sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => [...row]) })) };
}

export function exampleBook(year = 2025): WorkbookGrids {
  return { sheets: buildTemplate({ year, example: true }).map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => [...row]) })) };
}

export function grid(book: WorkbookGrids, name: string): Grid {
  const sheet = book.sheets.find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet.rows;
}

const isMark = (value: CellValue | undefined) => value === "不适用" || value === "/";

/** The master before anything came back: score cells that apply, ratings owed and 满意度 figures emptied. */
export function blankMaster(book: WorkbookGrids): WorkbookGrids {
  const copy = clone(book);
  grid(copy, SHEET.scores).forEach((row, index) => {
    if (index < 2) return;
    for (let column = 2; column < row.length; column += 1) if (!isMark(row[column])) row[column] = null;
  });
  grid(copy, SHEET.peer).forEach((row, index) => {
    if (index < 1) return;
    for (let column = 1; column < row.length; column += 1) if (!isMark(row[column])) row[column] = null;
  });
  grid(copy, SHEET.satisfaction).forEach((row, index) => {
    if (index < 1) return;
    for (let column = 1; column < row.length; column += 1) row[column] = null;
  });
  return copy;
}

/** The value the source master holds for a unit and a key (编号, rater, or 满意度 header). */
export function sourceValue(source: WorkbookGrids, sheet: string, unit: string, key: string): CellValue {
  const rows = grid(source, sheet);
  const header = rows[0] ?? [];
  const column = header.findIndex((text, index) => index > 0 && typeof text === "string" && (sheet === SHEET.scores ? codeOfHeader(text) === key : text === key));
  const row = rows.findIndex((r, index) => index > 0 && r[0] === unit);
  if (column < 0 || row < 0) return null;
  return rows[row]?.[column] ?? null;
}

export interface FillOptions {
  /** Reverse the unit rows and put blank rows between them, as a 主体 who re-sorted the sheet would. */
  resort?: boolean;
  /** Leave this unit's cell under this key blank. */
  leaveBlank?: { unit: string; key: string };
}

/** A form filled from `source` as its 主体 would: every open cell typed, grey cells left alone. */
export function fillForm(form: FormBook, source: WorkbookGrids, options: FillOptions = {}): WorkbookGrids {
  const book: WorkbookGrids = { sheets: form.sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => [...row]) as Grid })) };
  const dataName = form.kind === "score" ? SHEET.scores : form.kind === "rating" ? SHEET.peer : SHEET.satisfaction;
  const rows = grid(book, dataName);
  const header = rows[0] ?? [];
  const first = form.kind === "score" ? 2 : 1;
  rows.forEach((row, index) => {
    if (index < first) return;
    const unit = String(row[0]);
    for (let column = form.kind === "score" ? 2 : 1; column < header.length; column += 1) {
      if (isMark(row[column])) continue;
      const text = String(header[column]);
      const key = form.kind === "score" ? codeOfHeader(text) : text;
      const blank = options.leaveBlank !== undefined && options.leaveBlank.unit === unit && options.leaveBlank.key === key;
      row[column] = blank ? null : sourceValue(source, dataName, unit, key);
    }
  });
  if (options.resort === true) {
    const body = rows.splice(first).reverse();
    rows.push(...body.flatMap((row, index) => (index % 3 === 1 ? [[], row] : [row])));
  }
  return book;
}

/** A collect's edits applied to a copy of the master's grids, 回收记录 replaced (as files/forms does to a file). */
export function applyEdits(book: WorkbookGrids, edits: readonly CellEdit[], log: readonly LogRow[]): WorkbookGrids {
  const copy = clone(book);
  for (const edit of edits) {
    let sheet = copy.sheets.find((s) => s.name === edit.sheet);
    if (sheet === undefined) {
      sheet = { name: edit.sheet, rows: [] };
      copy.sheets.push(sheet);
    }
    while (sheet.rows.length <= edit.row) sheet.rows.push([]);
    const row = sheet.rows[edit.row] ?? [];
    while (row.length <= edit.column) row.push(null);
    row[edit.column] = edit.value;
  }
  const out = logSheet(log);
  copy.sheets = copy.sheets.filter((s) => s.name !== out.name);
  copy.sheets.push({ name: out.name, rows: out.rows });
  return copy;
}

/** A sheet's rows without trailing blanks and without blank rows at the end, "" as blank, for comparing. */
export function trimmed(rows: Grid): Grid {
  const out = rows.map((row) => {
    const copy = row.map((value) => (value === "" ? null : value));
    while (copy.length > 0 && (copy[copy.length - 1] === null || copy[copy.length - 1] === undefined)) copy.pop();
    return copy;
  });
  while (out.length > 0 && (out[out.length - 1] ?? []).length === 0) out.pop();
  return out;
}
