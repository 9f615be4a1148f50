/**
 * 满意度: per unit either 满意度(%) — always a number 0–100, never a fraction — or ballot counts (票数).
 * A unit without a row, with an empty row, or without a countable ballot is not surveyed: the item does not apply.
 */
import { D, HUNDRED, ZERO } from "../decimal";
import { cellAddress, type CellValue, type SheetGrid } from "../grid";
import { error, type Issue } from "../issue";
import { HEADERS } from "../layout";
import type { SatisfactionEntry } from "../model";
import { addressOf, errorAt, isBlank, isNotApplicable, normalizeText, readNumber, textToDecimal, warnAt, withContext, type At } from "./cells";
import { MSG } from "./messages";
import { hasColumns, placeIn, readTable, valueIn, type Table } from "./sheets";
import { unitRows } from "./unitRows";
import { KnownNumbers } from "./knownNumbers";

const [NAME, PERCENT, SATISFIED, BASIC, UNSATISFIED, UNKNOWN] = HEADERS.satisfaction;
const BALLOTS = [SATISFIED, BASIC, UNSATISFIED, UNKNOWN] as const;
/** Compared with, not made anew for each comparison. */
const ONE = new D(1);
const ROW_CODES = { missing: "satisfaction.nameMissing", unknown: "satisfaction.unknownUnit", duplicate: "satisfaction.duplicateUnit" };

/** "93.5%" typed as text in 满意度(%): the number before the sign, or null when the text is not of that form. */
function percentText(value: CellValue): D | null {
  if (typeof value !== "string") return null;
  const normal = normalizeText(value);
  return normal.endsWith("%") ? textToDecimal(normal.slice(0, -1)) : null;
}

/**
 * Numbers already read good in this sheet, with their Decimal: a count or percentage typed as a number is good or not
 * whatever its row, so each is read once and its Decimal shared (a province has 10,000 rows). Zero is never
 * remembered: a map takes 0 and −0 for one key, and −0 reads as negative.
 */
interface KnownGood {
  percents: KnownNumbers<D>;
  ballots: KnownNumbers<D>;
}

function remembered(known: KnownNumbers<D>, value: CellValue): D | undefined {
  return typeof value === "number" && value !== 0 ? known.get(value) : undefined;
}

function remember(known: KnownNumbers<D>, value: CellValue, read: D, at: At, issuesBefore: number): void {
  if (typeof value === "number" && value !== 0 && at.issues.length === issuesBefore) known.set(value, read);
}

function readPercentCell(at: At, value: CellValue, known: KnownNumbers<D>): D | undefined {
  const shared = remembered(known, value);
  if (shared !== undefined) return shared;
  const before = at.issues.length;
  const percent = readPercent(at, value);
  if (percent !== undefined) remember(known, value, percent, at, before);
  return percent;
}

function readPercent(at: At, value: CellValue): D | undefined {
  let percent = percentText(value);
  if (percent !== null) {
    warnAt(at, "satisfaction.percentText", MSG.satisfactionPercentText(String(value), percent.toString()));
  } else {
    const read = readNumber(at, value);
    if (read.kind !== "number") return undefined;
    percent = read.value;
  }
  if (percent.isNegative() || percent.gt(HUNDRED)) {
    errorAt(at, "satisfaction.range", MSG.satisfactionRange(percent.toString()));
    return undefined;
  }
  if (percent.gt(ZERO) && percent.lte(ONE)) {
    warnAt(at, "satisfaction.fraction", MSG.satisfactionFraction(percent.toString(), percent.times(100).toString()));
  }
  return percent;
}

function readBallot(at: At, value: CellValue, known: KnownNumbers<D>): D | undefined {
  const shared = remembered(known, value);
  if (shared !== undefined) return shared;
  const before = at.issues.length;
  const read = readNumber(at, value);
  if (read.kind === "blank") return ZERO;
  if (read.kind !== "number") return undefined;
  if (!read.value.isInteger() || read.value.isNegative()) {
    errorAt(at, "satisfaction.ballotNotCount", MSG.ballotNotCount(read.value.toString()));
    return undefined;
  }
  remember(known, value, read.value, at, before);
  return read.value;
}

function readRowEntry(table: Table, row: number, name: string, known: KnownGood, issues: Issue[]): SatisfactionEntry | null {
  const percentAt = placeIn(table, row, PERCENT, issues);
  const percentValue = valueIn(table, row, PERCENT);
  // 不适用 (or /) in 满意度(%) says in words what an empty row says: not surveyed.
  const hasPercent = table.columns.has(PERCENT) && !isBlank(percentValue) && !isNotApplicable(percentValue);
  const hasBallots = BALLOTS.some((header) => table.columns.has(header) && !isBlank(valueIn(table, row, header)));
  if (hasPercent && hasBallots) {
    errorAt(percentAt, "satisfaction.both", MSG.satisfactionBoth());
    return null;
  }
  if (hasPercent) {
    const percent = readPercentCell(percentAt, percentValue, known.percents);
    return percent === undefined ? null : { kind: "percent", percent, ref: { sheet: table.sheet, cell: addressOf(percentAt) } };
  }
  if (!hasBallots) return null;
  const [satisfied, basic, unsatisfied, unknown] = BALLOTS.map((header) => readBallot(placeIn(table, row, header, issues), valueIn(table, row, header), known.ballots));
  if (satisfied === undefined || basic === undefined || unsatisfied === undefined || unknown === undefined) return null;
  const firstAt = placeIn(table, row, SATISFIED, issues);
  if (satisfied.plus(basic).plus(unsatisfied).isZero()) {
    warnAt(firstAt, "satisfaction.noBallots", MSG.notSurveyed(name));
    return null;
  }
  return { kind: "ballots", satisfied, basic, unsatisfied, unknown, ref: { sheet: table.sheet, cell: addressOf(firstAt) } };
}

/** 满意度 → unit name → entry, for the units surveyed. */
export function readSatisfaction(grid: SheetGrid, unitNames: ReadonlySet<string>, issues: Issue[]): Map<string, SatisfactionEntry> {
  const entries = new Map<string, SatisfactionEntry>();
  const table = readTable(grid, { layout: HEADERS.satisfaction, required: [NAME], warnExtras: true }, issues);
  if (!hasColumns(table, [NAME])) return entries;
  const missingBallots = BALLOTS.filter((header) => !table.columns.has(header));
  if (!table.columns.has(PERCENT) && missingBallots.length > 0) {
    const missing = [PERCENT, ...missingBallots].map((header) => `“${header}”`).join("、");
    issues.push(error("header.missing", table.sheet, cellAddress(0, HEADERS.satisfaction.indexOf(PERCENT)), MSG.satisfactionColumns(missing)));
    return entries;
  }
  // A ballot heading typed wrong (比较满意 for 基本满意) would drop that column's votes with only a 提示 about an unknown
  // column, and change the percentage: when some counted ballot columns are there, all three must be.
  const counted = [SATISFIED, BASIC, UNSATISFIED];
  const absent = counted.filter((header) => !table.columns.has(header));
  if (absent.length > 0 && absent.length < counted.length) {
    for (const header of absent) {
      const cell = cellAddress(0, HEADERS.satisfaction.indexOf(header));
      issues.push(error("header.ballotMissing", table.sheet, cell, MSG.ballotColumnMissing(header, counted.filter((h) => !absent.includes(h)).join("、"))));
    }
    return entries;
  }
  const nameColumn = table.columns.get(NAME) ?? 0;
  const known: KnownGood = { percents: new KnownNumbers<D>(), ballots: new KnownNumbers<D>() };
  for (const { row, name } of unitRows(table, 1, nameColumn, unitNames, ROW_CODES, issues)) {
    const from = issues.length;
    const entry = readRowEntry(table, row, name, known, issues);
    if (issues.length > from) withContext(issues, from, name);
    if (entry !== null) entries.set(name, entry);
  }
  return entries;
}
