/**
 * 平时考核 (seed 002, 双月检查、季度点评): a row per unit; 1月…12月台账 (按时/逾期/未报, blank = not yet due),
 * 第1…6次检查 (0–100 or a word of 检查等级分), 第1…4季度点评 (经验介绍/检查性发言, blank = neither),
 * 取消评先资格 (是/否) and its 事由. Columns are found by their headers, in any order.
 */
import { cellAddress, type SheetGrid } from "../grid";
import type { Issue } from "../issue";
import { DAILY_HEADERS, HEADERS, LEDGER_WORDS, REVIEW_WORDS } from "../layout";
import type { CellRef, DailyRecord, LedgerMark, ReviewMark } from "../model";
import type { D } from "../decimal";
import { errorAt, isBlank, normalizeText, readNumber, readText, readYesNo, textToDecimal, trimSpaces, warnAt, type At } from "./cells";
import { DAILY_MSG } from "./dailyMessages";
import { MSG } from "./messages";
import { dataRowIndexes, hasColumns, placeIn, readTable, valueIn, type Table } from "./sheets";

const REQUIRED = [DAILY_HEADERS.name];

function refOf(at: At): CellRef {
  return { sheet: at.sheet, cell: cellAddress(at.row, at.column) };
}

/** The cell under `header` in `row`, or null when the column is absent (nothing to read there). */
function placeOf(table: Table, row: number, header: string, issues: Issue[]): At | null {
  return table.columns.has(header) ? placeIn(table, row, header, issues) : null;
}

function readWord<T extends string>(at: At, table: Table, row: number, header: string, words: Record<T, string>, wrong: (shown: string) => string): { mark: T; ref: CellRef } | null {
  const text = readText(at, valueIn(table, row, header));
  if (text === null || text === undefined) return null;
  const word = normalizeText(text);
  const found = (Object.entries(words) as [T, string][]).find(([, w]) => w === word);
  if (found === undefined) {
    errorAt(at, "daily.word", wrong(text));
    return null;
  }
  return { mark: found[0], ref: refOf(at) };
}

function readCheck(at: At, table: Table, row: number, header: string, checkWords: ReadonlyMap<string, D>): DailyRecord["checks"][number] {
  const value = valueIn(table, row, header);
  let points: D | null;
  if (typeof value === "string") {
    const word = normalizeText(value);
    const fromWord = checkWords.get(word);
    if (fromWord !== undefined) return { value: fromWord, word, ref: refOf(at) };
    points = textToDecimal(value);
    if (points === null) {
      errorAt(at, "daily.check", DAILY_MSG.notCheck(trimSpaces(value), [...checkWords.keys()].join("、")));
      return null;
    }
    warnAt(at, "cell.textNumber", MSG.textAsNumber(value, points.toString()));
  } else {
    const read = readNumber(at, value);
    if (read.kind !== "number") return null;
    points = read.value;
  }
  if (points.isNegative() || points.gt(100)) {
    errorAt(at, "daily.checkRange", DAILY_MSG.checkRange(points.toString()));
    return null;
  }
  return { value: points, word: null, ref: refOf(at) };
}

/** A month (or check, or quarter) column placed before an earlier one: read by header all the same, but worth a word. */
function warnOutOfOrder(table: Table, headers: readonly string[], issues: Issue[]): void {
  let previous: { header: string; column: number } | null = null;
  for (const header of headers) {
    const column = table.columns.get(header);
    if (column === undefined) continue;
    if (previous !== null && column < previous.column) {
      issues.push({ level: "warning", code: "daily.outOfOrder", sheet: table.sheet, cell: cellAddress(0, column), message: DAILY_MSG.outOfOrder(previous.header, header) });
    }
    previous = { header, column };
  }
}

function readRow(table: Table, row: number, unitNames: ReadonlySet<string>, checkWords: ReadonlyMap<string, D>, issues: Issue[]): DailyRecord | null {
  const nameAt = placeIn(table, row, DAILY_HEADERS.name, issues);
  const unit = readText(nameAt, valueIn(table, row, DAILY_HEADERS.name));
  if (unit === null) errorAt(nameAt, "daily.nameMissing", MSG.nameMissing());
  if (unit === null || unit === undefined) return null;
  if (!unitNames.has(unit)) {
    errorAt(nameAt, "daily.unknownUnit", MSG.unknownUnit(unit));
    return null;
  }
  const ledger = DAILY_HEADERS.ledger.map((header) => {
    const at = placeOf(table, row, header, issues);
    return at === null ? null : readWord<LedgerMark>(at, table, row, header, LEDGER_WORDS, DAILY_MSG.notLedger);
  });
  const checks = DAILY_HEADERS.checks.map((header) => {
    const at = placeOf(table, row, header, issues);
    return at === null || isBlank(valueIn(table, row, header)) ? null : readCheck(at, table, row, header, checkWords);
  });
  const reviews = DAILY_HEADERS.reviews.map((header) => {
    const at = placeOf(table, row, header, issues);
    return at === null ? null : readWord<ReviewMark>(at, table, row, header, REVIEW_WORDS, DAILY_MSG.notReview);
  });
  const markAt = placeOf(table, row, DAILY_HEADERS.disqualified, issues);
  const reasonAt = placeOf(table, row, DAILY_HEADERS.disqualifiedReason, issues);
  const marked = markAt === null ? false : readYesNo(markAt, valueIn(table, row, DAILY_HEADERS.disqualified)) === true;
  const reason = reasonAt === null ? null : readText(reasonAt, valueIn(table, row, DAILY_HEADERS.disqualifiedReason));
  if (marked && markAt !== null && (reason === null || reason === undefined)) warnAt(reasonAt ?? markAt, "daily.reasonMissing", DAILY_MSG.reasonMissing());
  if (!marked && reasonAt !== null && typeof reason === "string") warnAt(reasonAt, "daily.reasonWithoutMark", DAILY_MSG.reasonWithoutMark());
  const disqualified = marked && markAt !== null ? { reason: reason ?? "", ref: refOf(markAt) } : null;
  return { unit, ledger, checks, reviews, disqualified, row: row + 1 };
}

/** 平时考核 → one record per unit named there, in sheet order; a unit listed twice is an error. */
export function readDaily(grid: SheetGrid, unitNames: ReadonlySet<string>, checkWords: ReadonlyMap<string, D>, issues: Issue[]): DailyRecord[] {
  const table = readTable(grid, { layout: HEADERS.daily, required: REQUIRED, warnExtras: true }, issues);
  if (!hasColumns(table, REQUIRED)) return [];
  warnOutOfOrder(table, DAILY_HEADERS.ledger, issues);
  warnOutOfOrder(table, DAILY_HEADERS.checks, issues);
  warnOutOfOrder(table, DAILY_HEADERS.reviews, issues);
  const records: DailyRecord[] = [];
  const seen = new Map<string, number>();
  for (const row of dataRowIndexes(table.rows, 1)) {
    const record = readRow(table, row, unitNames, checkWords, issues);
    if (record === null) continue;
    const first = seen.get(record.unit);
    if (first !== undefined) {
      const nameColumn = table.columns.get(DAILY_HEADERS.name) ?? 0;
      errorAt(placeIn(table, row, DAILY_HEADERS.name, issues), "daily.duplicateUnit", MSG.duplicateUnitRow(record.unit, cellAddress(first, nameColumn)));
      continue;
    }
    seen.set(record.unit, row);
    records.push(record);
  }
  return records;
}
