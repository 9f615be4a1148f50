/**
 * Returns in (回收): a returned workbook read as one of our forms. Values are found by unit name and indicator 编号
 * (or rater name, or 满意度 column), never by position: re-sorted rows and extra blank rows read the same. Every value
 * passes the checks 检查数据 makes, reported at the form's own file and cell ("[评分表-县司法局.xlsx]评分!C5").
 */
import { appliesTo } from "../applies";
import type { D } from "../decimal";
import { cellAddress, type CellValue, type SheetGrid, type WorkbookGrids } from "../grid";
import { error, hasErrors, type Issue } from "../issue";
import { HEADERS, NOT_APPLICABLE, SHEET } from "../layout";
import type { AssessmentInput, Indicator, Unit } from "../model";
import { errorAt, isBlank, isNotApplicable, normalizeText, readNumber, readText, textToDecimal, trimSpaces, warnAt, type At } from "../reader/cells";
import { HINT, MSG } from "../reader/messages";
import { codeOfHeader } from "../reader/scores";
import { cellAt, dataRowIndexes, readTable } from "../reader/sheets";
import { formAssessor } from "./assessors";
import { goodLimit } from "./build";
import { describeChanges, type MasterLines } from "./fingerprint";
import { readIdentity, type FormIdentity } from "./identity";
import { COLLECT_TEXT } from "./messages";
import type { FormKind } from "./types";

/** What a master offers to the reading of returns. */
export interface MasterContext {
  input: AssessmentInput;
  book: WorkbookGrids;
  lines: MasterLines;
  fingerprint: string;
}

/** A value as merged: a number, or a text (不适用, a rating word). 满意度 rows carry their five cells. */
export type MergeValue = string | number;

/** One filled place of a return: in which master sheet, for which unit, under which key (编号, rater, 满意度). */
export interface ReturnedCell {
  target: "score" | "peer" | "satisfaction";
  unit: string;
  /** 编号 (评分), rater name (上下互评), "满意度" for a 满意度 row. */
  key: string;
  /** 评分/上下互评: one value; 满意度: the five cells after 单位名称 (null where blank). */
  values: (MergeValue | null)[];
  /** As shown in messages: "4.5", "好", "满意度(%) 93.5". */
  shown: string;
  /** Where it was typed: sheet "[评分表-县司法局.xlsx]评分", cell "C5". */
  sheet: string;
  cell: string;
}

export interface FormReturn {
  file: string;
  modified: Date | null;
  identity: FormIdentity | null;
  cells: ReturnedCell[];
  /** Places of the form left blank: "城关镇 · 1.1（C3）". */
  blanks: string[];
  /** Errors refuse the whole form; warnings are told. */
  issues: Issue[];
  /** Why the form is refused as a whole (not a form, another master, over the 好 quota), or null. */
  refusal: string | null;
}

/** The sheet name in messages about a returned file: Excel's own way of naming another workbook's sheet. */
export function sheetIn(file: string, sheet: string): string {
  return `[${file}]${sheet}`;
}

function findSheet(book: WorkbookGrids, name: string): SheetGrid | null {
  return book.sheets.find((sheet) => trimSpaces(sheet.name) === name) ?? null;
}

const KIND_SHEET: Record<FormKind, string> = { score: SHEET.scores, rating: SHEET.peer, satisfaction: SHEET.satisfaction };

/** Reads one returned workbook against the master. */
export function readReturn(file: string, modified: Date | null, book: WorkbookGrids, master: MasterContext): FormReturn {
  const result: FormReturn = { file, modified, identity: null, cells: [], blanks: [], issues: [], refusal: null };
  const identity = readIdentity(book);
  if (identity === null) return refuse(result, COLLECT_TEXT.notAForm(file));
  result.identity = identity;
  if (identity.fingerprint !== master.fingerprint) {
    const changes = describeChanges(identity.lines, master.lines);
    return refuse(result, changes.length > 0 ? COLLECT_TEXT.wrongMaster(file, changes.join("；")) : COLLECT_TEXT.wrongMasterUnknown(file));
  }
  const grid = findSheet(book, KIND_SHEET[identity.kind]);
  if (grid === null) return refuse(result, COLLECT_TEXT.missingSheet(file, KIND_SHEET[identity.kind]));
  const sheet = sheetIn(file, grid.name);
  if (identity.kind === "score") readScoreForm(grid, sheet, identity.owner, master.input, result);
  else if (identity.kind === "rating") readRatingForm(grid, sheet, identity.owner, master.input, result);
  else readSatisfactionForm(grid, sheet, master.input, result);
  if (identity.kind === "rating" && !hasErrors(result.issues)) checkQuota(result, identity.owner, master.input);
  if (hasErrors(result.issues) && result.refusal === null) result.refusal = COLLECT_TEXT.valueErrors(file, result.issues.filter((issue) => issue.level === "error").length);
  return result;
}

function refuse(result: FormReturn, reason: string): FormReturn {
  result.refusal = reason;
  return result;
}

/** Rows by unit name from `from` (0-based); unknown and repeated names are errors. */
function unitRows(grid: SheetGrid, sheet: string, nameColumn: number, from: number, known: ReadonlyMap<string, Unit>, issues: Issue[]): { unit: Unit; row: number }[] {
  const found: { unit: Unit; row: number }[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRowIndexes(grid.rows, from)) {
    const at: At = { sheet, row, column: nameColumn, issues };
    const name = readText(at, cellAt(grid.rows, row, nameColumn));
    if (name === null || name === undefined) {
      const rest = (grid.rows[row] ?? []).some((value, column) => column !== nameColumn && !isBlank(value) && !isNotApplicable(value));
      if (name === null && rest) errorAt(at, "collect.nameMissing", MSG.nameMissing());
      continue;
    }
    const unit = known.get(name);
    if (unit === undefined) {
      errorAt(at, "collect.unknownUnit", COLLECT_TEXT.unknownUnit(name));
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      errorAt(at, "collect.duplicateUnit", COLLECT_TEXT.duplicateUnit(name, cellAddress(first, nameColumn)));
      continue;
    }
    seen.set(name, row);
    found.push({ unit, row });
  }
  return found;
}

function unitMap(input: AssessmentInput): Map<string, Unit> {
  return new Map(input.units.map((unit) => [unit.name, unit]));
}

/** A number as merged: its shortest decimal text as a JavaScript number when that is exact, else the text. */
function mergeNumber(value: D): MergeValue {
  const text = value.toString();
  return String(Number(text)) === text ? Number(text) : text;
}

function readScoreForm(grid: SheetGrid, sheet: string, owner: string, input: AssessmentInput, result: FormReturn): void {
  const issues = result.issues;
  const table = readTable({ ...grid, name: sheet }, { layout: HEADERS.scores, required: [HEADERS.scores[0]], warnExtras: false }, issues);
  const nameColumn = table.columns.get(HEADERS.scores[0]) ?? 0;
  const mine = new Map(input.indicators.filter((indicator) => formAssessor(indicator) === owner).map((indicator) => [indicator.code, indicator]));
  const columns: { indicator: Indicator; column: number }[] = [];
  for (const { column, text } of table.extras) {
    const indicator = mine.get(codeOfHeader(text));
    if (indicator === undefined) {
      const filled = grid.rows.some((row, index) => index >= 2 && !isBlank(row[column]) && !isNotApplicable(row[column]));
      if (filled) issues.push(error("collect.unknownColumn", sheet, cellAddress(0, column), COLLECT_TEXT.unknownColumn(text)));
      continue;
    }
    if (columns.some((c) => c.indicator === indicator)) {
      issues.push(error("collect.duplicateColumn", sheet, cellAddress(0, column), MSG.duplicateIndicatorColumn(indicator.code, cellAddress(0, columns.find((c) => c.indicator === indicator)?.column ?? 0))));
      continue;
    }
    columns.push({ indicator, column });
  }
  for (const { unit, row } of unitRows(grid, sheet, nameColumn, 2, unitMap(input), issues)) {
    for (const { indicator, column } of columns) {
      const value = cellAt(grid.rows, row, column);
      const at: At = { sheet, row, column, issues };
      const address = cellAddress(row, column);
      if (!appliesTo(indicator, unit)) {
        if (!isBlank(value) && !isNotApplicable(value)) errorAt(at, "collect.notApplicableFilled", COLLECT_TEXT.notApplicableFilled(unit.name, indicator.code));
        continue;
      }
      const read = readNumber(at, value, { notApplicable: true, hint: HINT.score });
      if (read.kind === "blank") {
        result.blanks.push(`${unit.name} · ${indicator.code}（${address}）`);
        continue;
      }
      if (read.kind === "invalid") continue;
      if (read.kind === "notApplicable") {
        result.cells.push({ target: "score", unit: unit.name, key: indicator.code, values: [NOT_APPLICABLE], shown: NOT_APPLICABLE, sheet, cell: address });
        continue;
      }
      const max = indicator.maxPoints.toString();
      if (read.value.isNegative() && !read.value.isZero()) {
        errorAt(at, "collect.scoreNegative", `${unit.name} · ${indicator.code}：${MSG.scoreNegative(max)}`);
        continue;
      }
      if (read.value.gt(indicator.maxPoints)) {
        errorAt(at, "collect.scoreAbove", `${unit.name} · ${indicator.code}：${MSG.scoreAbove(max)}`);
        continue;
      }
      result.cells.push({ target: "score", unit: unit.name, key: indicator.code, values: [mergeNumber(read.value)], shown: read.value.toString(), sheet, cell: address });
    }
  }
}

function readRatingForm(grid: SheetGrid, sheet: string, rater: string, input: AssessmentInput, result: FormReturn): void {
  const issues = result.issues;
  const table = readTable({ ...grid, name: sheet }, { layout: HEADERS.peer, required: [HEADERS.peer[0]], warnExtras: false }, issues);
  const nameColumn = table.columns.get(HEADERS.peer[0]) ?? 0;
  const own = table.extras.find((extra) => extra.text === rater);
  for (const extra of table.extras) {
    if (extra !== own) issues.push(error("collect.unknownColumn", sheet, cellAddress(0, extra.column), COLLECT_TEXT.unknownColumn(extra.text)));
  }
  if (own === undefined) {
    issues.push(error("collect.raterColumnMissing", sheet, "B1", COLLECT_TEXT.raterColumnMissing(rater)));
    return;
  }
  const words = input.params.ratingWords;
  for (const { unit, row } of unitRows(grid, sheet, nameColumn, 1, unitMap(input), issues)) {
    if (unit.name === rater) continue;
    const value = cellAt(grid.rows, row, own.column);
    const address = cellAddress(row, own.column);
    const at: At = { sheet, row, column: own.column, issues };
    if (isNotApplicable(value)) continue;
    if (isBlank(value)) {
      result.blanks.push(`${unit.name}（${address}）`);
      continue;
    }
    const rating = readRating(at, value, words);
    if (rating === undefined) continue;
    result.cells.push({ target: "peer", unit: unit.name, key: rater, values: [rating], shown: String(rating), sheet, cell: address });
  }
}

/** A rating cell: a word of 互评等级分 (as typed, normalised) or a number 0–100; undefined when wrong (reported). */
function readRating(at: At, value: CellValue, words: ReadonlyMap<string, D>): MergeValue | undefined {
  if (typeof value === "string") {
    const word = normalizeText(value);
    if (words.has(word)) return word;
    const number = textToDecimal(value);
    if (number === null) {
      errorAt(at, "collect.notRating", MSG.notRating(value, [...words.keys()].join("、")));
      return undefined;
    }
    warnAt(at, "cell.textNumber", MSG.textAsNumber(value, number.toString()));
    return inRange(at, number);
  }
  const read = readNumber(at, value);
  return read.kind === "number" ? inRange(at, read.value) : undefined;
}

function inRange(at: At, points: D): MergeValue | undefined {
  if (points.isNegative() || points.gt(100)) {
    errorAt(at, "collect.ratingRange", MSG.ratingRange(points.toString()));
    return undefined;
  }
  return mergeNumber(points);
}

function readSatisfactionForm(grid: SheetGrid, sheet: string, input: AssessmentInput, result: FormReturn): void {
  const issues = result.issues;
  const headers = HEADERS.satisfaction;
  const table = readTable({ ...grid, name: sheet }, { layout: headers, required: [...headers], warnExtras: false }, issues);
  if (hasErrors(issues)) return;
  const nameColumn = table.columns.get(headers[0]) ?? 0;
  for (const { unit, row } of unitRows(grid, sheet, nameColumn, 1, unitMap(input), issues)) {
    const cells = headers.slice(1).map((header) => {
      const column = table.columns.get(header) ?? 0;
      return { header, column, value: cellAt(grid.rows, row, column) };
    });
    const filled = cells.filter((cell) => !isBlank(cell.value));
    const first = cells[0];
    if (filled.length === 0 || first === undefined) {
      result.blanks.push(`${unit.name}（${cellAddress(row, first?.column ?? 1)}）`);
      continue;
    }
    const percentFilled = !isBlank(first.value);
    if (percentFilled && filled.length > 1) {
      errorAt({ sheet, row, column: first.column, issues }, "collect.satisfactionBoth", `${unit.name}：${MSG.satisfactionBoth()}`);
      continue;
    }
    const values: (MergeValue | null)[] = [];
    let bad = false;
    cells.forEach((cell, index) => {
      const at: At = { sheet, row, column: cell.column, issues };
      const read = readNumber(at, cell.value);
      if (read.kind === "blank") {
        values.push(index === 0 ? null : percentFilled ? null : 0);
        return;
      }
      if (read.kind !== "number") {
        bad = true;
        return;
      }
      if (index === 0 && (read.value.isNegative() || read.value.gt(100))) {
        errorAt(at, "collect.satisfactionRange", MSG.satisfactionRange(read.value.toString()));
        bad = true;
        return;
      }
      if (index > 0 && (!read.value.isInteger() || read.value.isNegative())) {
        errorAt(at, "collect.ballotNotCount", MSG.ballotNotCount(read.value.toString()));
        bad = true;
        return;
      }
      values.push(mergeNumber(read.value));
    });
    if (bad) continue;
    const shown = percentFilled ? `${headers[1]} ${String(values[0])}` : `票数 ${values.slice(1).map(String).join("/")}`;
    result.cells.push({ target: "satisfaction", unit: unit.name, key: SHEET.satisfaction, values, shown, sheet, cell: cellAddress(row, first.column) });
  }
}

/** The word of 互评等级分 worth the most points: 好 by default. */
export function topWord(words: ReadonlyMap<string, D>): string | null {
  let best: [string, D] | null = null;
  for (const entry of words) if (best === null || entry[1].gt(best[1])) best = entry;
  return best?.[0] ?? null;
}

/** 互评“好”最多比例: a rater may give the top word to at most that share of the units it rated (rounded down). */
function checkQuota(result: FormReturn, rater: string, input: AssessmentInput): void {
  const share = input.params.goodShareCap;
  const top = topWord(input.params.ratingWords);
  if (share === null || top === null) return;
  const rated = result.cells.length;
  const count = result.cells.filter((cell) => cell.values[0] === top).length;
  const limit = goodLimit(share, rated);
  if (count > limit) result.refusal = COLLECT_TEXT.overQuota(result.file, rater, count, limit, share.times(100).toString(), rated);
}


/**
 * A returned file as a form, whatever it turned out to be: `book` null when the file layer could not read it as a
 * workbook at all (then it is refused by name, with the file layer's reason). The one rule every host follows.
 */
export function readReturnedFile(file: string, modified: Date | null, book: WorkbookGrids | null, master: MasterContext, reason = ""): FormReturn {
  if (book !== null) return readReturn(file, modified, book, master);
  const refusal = reason === "" ? COLLECT_TEXT.notAForm(file) : `${COLLECT_TEXT.notAForm(file)}（${reason}）`;
  return { file, modified, identity: null, cells: [], blanks: [], issues: [], refusal };
}
