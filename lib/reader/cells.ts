/**
 * Lenient reading of single cells. Each reader converts a cell's value once, at the boundary,
 * reports what it could not read (or read only by guessing) as an Issue at that cell, and returns:
 * the value; null for a blank cell; undefined when the cell is wrong (the error is already reported).
 */
import { D } from "../decimal";
import { cellAddress, isCellError, type CellValue } from "../grid";
import { error, warning, type Issue } from "../issue";
import { NO, NOT_APPLICABLE_MARKS, YES } from "../layout";
import type { CellRef } from "../model";
import { HINT, MSG } from "./messages";
import { cleanText, normalizeText, stripControls, trimSpaces } from "../text";

export { cleanText, normalizeText, stripControls, trimSpaces } from "../text";

/** Where a cell sits, and where its problems go. Row and column are 0-based as in Grid. */
export interface At {
  sheet: string;
  row: number;
  column: number;
  issues: Issue[];
}

/**
 * A value read from a cell, whose A1 address is worked out only when asked for (a message needs it): a province's
 * workbook has a million score cells and 300,000 ratings, and building an address string and object for each, never
 * shown, cost more time than scoring them.
 */
export class ReadCell {
  constructor(
    private readonly sheet: string,
    private readonly row: number,
    private readonly column: number,
  ) {}

  get ref(): CellRef {
    return { sheet: this.sheet, cell: cellAddress(this.row, this.column) };
  }
}

/** A1 address of a place. */
export function addressOf(at: At): string {
  return cellAddress(at.row, at.column);
}

export function errorAt(at: At, code: string, message: string): void {
  at.issues.push(error(code, at.sheet, addressOf(at), message));
}

export function warnAt(at: At, code: string, message: string): void {
  at.issues.push(warning(code, at.sheet, addressOf(at), message));
}

/**
 * Gives the problems found since `from` the context of their cell (whose score, which rating), unless they have one;
 * `about` names the unit and indicator apart, for a page that shows them when a problem is clicked.
 */
export function withContext(issues: Issue[], from: number, context: string, about: { unit?: string; indicator?: string } = {}): void {
  for (let index = from; index < issues.length; index += 1) {
    const issue = issues[index];
    if (issue === undefined || issue.context !== undefined) continue;
    const named = { ...issue, context };
    if (about.unit !== undefined && named.unit === undefined) named.unit = about.unit;
    if (about.indicator !== undefined && named.indicator === undefined) named.indicator = about.indicator;
    issues[index] = named;
  }
}

/** A decimal as people type it: optional sign, digits, at most one point. No exponents, no thousands separators. */
const PLAIN_DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The number a text stands for after trimming and NFKC, or null when it is not a plain decimal. */
export function textToDecimal(text: string): D | null {
  const normal = normalizeText(text);
  return PLAIN_DECIMAL.test(normal) ? new D(normal) : null;
}

/** The points unit people add after a number (4.5分); dropped only in cells that hold points. */
const POINTS_UNIT = "分";

/**
 * The number of a points cell typed as text: a plain decimal, optionally followed by 分 (4.5分, ４．５分, "4.5 分").
 * The rule of leniency: a unit that says what the column already means is dropped (with a warning by the caller);
 * any other unit (95% in a points cell, 八十五) is not a number. Null when it is not.
 */
export function textToPoints(text: string): D | null {
  const normal = normalizeText(text);
  return textToDecimal(normal.endsWith(POINTS_UNIT) ? normal.slice(0, -POINTS_UNIT.length) : normal);
}

/** Empty: no value, or text of spaces only. */
export function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && trimSpaces(value) === "");
}

/** 不适用 as typed: 不适用, / or ／. */
export function isNotApplicable(value: CellValue | undefined): boolean {
  return typeof value === "string" && (NOT_APPLICABLE_MARKS as readonly string[]).includes(trimSpaces(value));
}

function dateText(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** How a cell's value is quoted in a message. */
export function shownValue(value: CellValue): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return dateText(value);
  return value.error;
}

/** Reports an Excel error value (#N/A, #VALUE! …); true when the cell held one. */
export function reportCellError(at: At, value: CellValue | undefined): boolean {
  if (!isCellError(value)) return false;
  errorAt(at, "cell.errorValue", MSG.cellError(value.error));
  return true;
}

export type NumberRead =
  | { kind: "blank" }
  | { kind: "notApplicable" }
  | { kind: "number"; value: D }
  | { kind: "invalid" };

const BLANK: NumberRead = { kind: "blank" };
const INVALID: NumberRead = { kind: "invalid" };

export interface NumberOptions {
  /** 不适用 (or /) is a legal value of this cell. */
  notApplicable?: boolean;
  /** Continues the "please type a number" sentence (HINT). */
  hint?: string;
  /** The cell holds points: a trailing 分 (4.5分) is read with a warning, as full-width digits are. */
  points?: boolean;
}

/**
 * A number cell. A JS number is taken as the cell shows it; text that is a plain decimal after trimming and NFKC
 * is accepted with a warning; any other text, a date, a boolean, NaN or Infinity is an error.
 */
export function readNumber(at: At, value: CellValue | undefined, options: NumberOptions = {}): NumberRead {
  const hint = options.hint ?? HINT.none;
  if (value === undefined || value === null) return BLANK;
  if (isCellError(value)) {
    reportCellError(at, value);
    return INVALID;
  }
  if (typeof value === "number") {
    if (Number.isFinite(value)) return { kind: "number", value: new D(value) };
    errorAt(at, "cell.notNumber", MSG.notNumber(String(value), hint));
    return INVALID;
  }
  if (typeof value === "boolean") {
    errorAt(at, "cell.booleanNotNumber", MSG.booleanNotNumber(shownValue(value), hint));
    return INVALID;
  }
  if (value instanceof Date) {
    errorAt(at, "cell.dateNotNumber", MSG.dateNotNumber(shownValue(value), hint));
    return INVALID;
  }
  if (trimSpaces(value) === "") return BLANK;
  if (options.notApplicable === true && isNotApplicable(value)) return { kind: "notApplicable" };
  const parsed = options.points === true ? textToPoints(value) : textToDecimal(value);
  if (parsed === null) {
    errorAt(at, "cell.notNumber", MSG.notNumber(value, hint));
    return INVALID;
  }
  warnAt(at, "cell.textNumber", MSG.textAsNumber(value, parsed.toString()));
  return { kind: "number", value: parsed };
}

/** A number cell where 不适用 is not allowed: the number, null when blank, undefined when wrong. */
export function readPlainNumber(at: At, value: CellValue | undefined, hint: string = HINT.none, points = false): D | null | undefined {
  const read = readNumber(at, value, { hint, points });
  if (read.kind === "number") return read.value;
  return read.kind === "blank" ? null : undefined;
}

/** An integer in [min, max]; `range` says the allowed values in words for the message. */
export function readInteger(at: At, value: CellValue | undefined, min: number, max: number, range: string): number | null | undefined {
  // A whole number in range is itself: decimal.js would read it, compare it and give back the same number. A blank
  // cell is blank without going through readNumber.
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= min && value <= max) return value;
  if (value === null || value === undefined) return null;
  const read = readPlainNumber(at, value);
  if (read === null || read === undefined) return read;
  if (!read.isInteger() || read.lt(min) || read.gt(max)) {
    errorAt(at, "cell.notInteger", MSG.notInteger(shownValue(value ?? null), range));
    return undefined;
  }
  return read.toNumber();
}

/**
 * A text cell (names, 类别, 事由…), trimmed of spaces of every kind. A number becomes its shortest decimal text;
 * a date or boolean is an error, since nobody means a name by them.
 */
export function readText(at: At, value: CellValue | undefined): string | null | undefined {
  if (value === undefined || value === null) return null;
  if (isCellError(value)) {
    reportCellError(at, value);
    return undefined;
  }
  if (typeof value === "number") return new D(value).toString();
  if (typeof value === "boolean" || value instanceof Date) {
    errorAt(at, "cell.notText", MSG.notText(typeof value === "boolean" ? `逻辑值 ${shownValue(value)}` : `日期 ${shownValue(value)}`));
    return undefined;
  }
  const clean = stripControls(value);
  const text = trimSpaces(clean);
  // A Windows line break (CR LF) is just a line break: no warning for it alone. A text without control characters is
  // its own clean text (stripControls removes at least one character otherwise), so only the others are looked at.
  if (clean !== value && text !== "" && clean !== value.replace(/\r\n/g, "\n")) warnAt(at, "cell.controlCharacters", MSG.controlCharacters(text));
  return text === "" ? null : text;
}

/**
 * The text of a name cell as readText reads it, but without reporting anything: a number as its shortest decimal, a
 * text cleaned (cleanText); null when blank or when the cell is not a text at all. For code that only looks (the
 * 工作安排 importer, 生成评分表), so that it sees the same names as the reader.
 */
export function cellText(value: CellValue | undefined): string | null {
  if (typeof value === "number") return Number.isFinite(value) ? new D(value).toString() : null;
  if (typeof value !== "string") return null;
  const text = cleanText(value);
  return text === "" ? null : text;
}

const YES_WORDS = new Set([YES, "Y", "YES", "√", "✓", "✔", "TRUE"]);
const NO_WORDS = new Set([NO, "N", "NO", "×", "✗", "✘", "FALSE"]);

/** 是/否: also Y/N (any case), √/×, TRUE/FALSE as text or boolean; blank is 否. */
export function readYesNo(at: At, value: CellValue | undefined): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (isBlank(value)) return false;
  if (reportCellError(at, value ?? null)) return undefined;
  if (typeof value === "string") {
    const word = normalizeText(value).toUpperCase();
    if (YES_WORDS.has(word)) return true;
    if (NO_WORDS.has(word)) return false;
  }
  errorAt(at, "cell.notYesNo", MSG.notYesNo(shownValue(value ?? null)));
  return undefined;
}

const PERCENT_TEXT = /^(.*)%$/;

/**
 * A percentage of 参数, returned as a fraction: a number ≤ 1 is a fraction (Excel stores 30% as 0.3);
 * a number above 1 is read as percent with a warning; text "30%" (or ３０％) is 0.3. Must lie in 0–100%.
 */
export function readPercent(at: At, value: CellValue | undefined): D | null | undefined {
  if (typeof value === "string") {
    const match = PERCENT_TEXT.exec(normalizeText(value));
    if (match !== null) {
      const number = textToDecimal(match[1] ?? "");
      if (number === null) {
        errorAt(at, "cell.notPercent", MSG.notPercent(value));
        return undefined;
      }
      return checkFraction(at, number.div(100), value);
    }
  }
  const read = readNumber(at, value);
  if (read.kind === "blank") return null;
  if (read.kind !== "number") return undefined;
  if (read.value.gt(1)) {
    warnAt(at, "cell.percentAsPercent", MSG.percentAsPercent(read.value.toString(), read.value.toString()));
    return checkFraction(at, read.value.div(100), `${read.value.toString()}%`);
  }
  return checkFraction(at, read.value, `${read.value.times(100).toString()}%`);
}

function checkFraction(at: At, fraction: D, shown: string): D | undefined {
  if (fraction.isNegative() && !fraction.isZero()) {
    errorAt(at, "cell.percentNegative", MSG.percentNegative(shown));
    return undefined;
  }
  if (fraction.gt(1)) {
    errorAt(at, "cell.percentOver", MSG.percentOver(shown));
    return undefined;
  }
  return fraction;
}
