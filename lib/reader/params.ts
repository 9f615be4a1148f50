/**
 * 参数: one row per parameter (spec §3). A missing row or sheet gives the default; a blank 值 gives the default,
 * except for the caps and 优秀比例上限, where blank means "none". A blank per-group row (优秀分数线-乡镇) sets nothing:
 * that group uses the plain parameter.
 */
import { D } from "../decimal";
import { cellAddress, type CellValue, type SheetGrid } from "../grid";
import type { Issue } from "../issue";
import { BLANK_SCORE_WORDS, DEFAULT_COPY_TO, DEFAULT_ISSUER, DEFAULT_MAIN_TO, HEADERS, PARAM, PARAM_ROWS, PER_GROUP_PARAMS, RANK_GROUPS, RANK_RULE_WORDS, RATING_FORM_WORDS } from "../layout";
import type { BlankScorePolicy, NoticeParams, Params, PerGroup, RankRule, RatingFormMode, Thresholds } from "../model";
import {
  errorAt,
  isBlank,
  normalizeText,
  readInteger,
  readPercent,
  readPlainNumber,
  readText,
  readYesNo,
  reportCellError,
  shownValue,
  textToDecimal,
  trimSpaces,
  type At,
} from "./cells";
import { chineseDate, readCalendarDay } from "./dateCell";
import { DAILY_MSG } from "./dailyMessages";
import { MSG } from "./messages";
import { dataRowIndexes, hasColumns, readTable, valueIn } from "./sheets";

const [NAME, VALUE] = HEADERS.params;

/** 参数 as read, with where each value was typed, for checks that need 考核对象 and 上下互评. */
export interface ParamsRead {
  params: Params;
  /** The sheet's name as found (参数 when absent). */
  sheet: string;
  /** Value cell (A1) by row name ("优秀分数线", "优秀分数线-乡镇", "互评权重-乡镇"). */
  cells: Map<string, string>;
  /** Row names whose 值 is not blank. */
  given: Set<string>;
  /** Rows naming a 排名分组: for the warning when no unit is in that group. */
  groupRows: { name: string; group: string; cell: string }[];
  /** Column A of the first row below the table: where a missing row can be added. */
  nextRowCell: string;
}

interface RawParam {
  row: number;
  value: CellValue;
}

const PLAIN_NAMES = new Set<string>(Object.values(PARAM).filter((name) => name !== PARAM.peerWeight));
const GROUP_NAMES = new Set<string>([...PER_GROUP_PARAMS, PARAM.peerWeight]);

/** The default as the template types it (PARAM_ROWS), so the two never disagree. */
function templateDefault(name: string): string {
  const value = PARAM_ROWS.find((row) => row.name === name)?.value;
  if (typeof value !== "string") throw new Error(`参数 ${name} has no text default in PARAM_ROWS`);
  return value;
}

/** Splits "优秀分数线-乡镇" at its first hyphen (half- or full-width): the parameter and the group. */
function splitName(text: string): { base: string; group: string | null } {
  const dash = text.search(/[-－]/);
  if (dash < 0) return { base: normalizeText(text), group: null };
  return { base: normalizeText(text.slice(0, dash)), group: trimSpaces(text.slice(dash + 1)) };
}

function rowKey(base: string, group: string | null): string {
  return group === null ? base : `${base}-${group}`;
}

/** Reads the rows of 参数 by name; unknown and duplicate names are errors. */
function collectRows(grid: SheetGrid, issues: Issue[]): { raw: Map<string, RawParam>; valueColumn: number } | null {
  const table = readTable(grid, { layout: HEADERS.params, required: [NAME, VALUE], warnExtras: true }, issues);
  if (!hasColumns(table, [NAME, VALUE])) return null;
  const nameColumn = table.columns.get(NAME) ?? 0;
  const raw = new Map<string, RawParam>();
  for (const row of dataRowIndexes(table.rows, 1)) {
    const at: At = { sheet: table.sheet, row, column: nameColumn, issues };
    const text = readText(at, valueIn(table, row, NAME));
    const value = valueIn(table, row, VALUE);
    if (text === undefined) continue;
    if (text === null) {
      if (!isBlank(value)) errorAt(at, "param.nameMissing", MSG.paramNameMissing());
      continue;
    }
    const { base, group } = splitName(text);
    if (group === null && base === PARAM.peerWeight) {
      errorAt(at, "param.needsGroup", MSG.paramNeedsGroup(base));
      continue;
    }
    const known = group === null ? PLAIN_NAMES.has(base) : GROUP_NAMES.has(base) && group !== "";
    if (!known) {
      errorAt(at, "param.unknown", MSG.unknownParam(text));
      continue;
    }
    const key = rowKey(base, group);
    const first = raw.get(key);
    if (first !== undefined) {
      errorAt(at, "param.duplicate", MSG.duplicateParam(key, cellAddress(first.row, nameColumn)));
      continue;
    }
    raw.set(key, { row, value });
  }
  return { raw, valueColumn: table.columns.get(VALUE) ?? 1 };
}

/** Reads typed parameters; each reader returns the default when the row is missing or blank. */
class ParamReader {
  constructor(
    private readonly sheet: string,
    private readonly raw: Map<string, RawParam>,
    private readonly valueColumn: number,
    private readonly issues: Issue[],
  ) {}

  at(key: string): At | null {
    const entry = this.raw.get(key);
    return entry === undefined ? null : { sheet: this.sheet, row: entry.row, column: this.valueColumn, issues: this.issues };
  }

  value(key: string): CellValue {
    return this.raw.get(key)?.value ?? null;
  }

  /** Present with a non-blank value. */
  given(key: string): boolean {
    return this.raw.has(key) && !isBlank(this.value(key));
  }

  number(key: string, fallback: D, check?: (at: At, value: D) => boolean): D {
    const at = this.at(key);
    if (at === null) return fallback;
    const read = readPlainNumber(at, this.value(key));
    if (read === null || read === undefined) return fallback;
    return check === undefined || check(at, read) ? read : fallback;
  }

  /** A cap: missing row → the default; blank → none. */
  cap(key: string, fallback: D | null): D | null {
    const at = this.at(key);
    if (at === null) return fallback;
    const read = readPlainNumber(at, this.value(key));
    if (read === undefined) return fallback;
    if (read !== null && read.isNegative() && !read.isZero()) {
      errorAt(at, "param.capNegative", MSG.capNegative(read.toString()));
      return fallback;
    }
    return read;
  }

  /** A whole number, or null when missing or blank (a rule that is off). */
  optionalInteger(key: string, min: number, max: number, range: string): number | null {
    const at = this.at(key);
    if (at === null) return null;
    return readInteger(at, this.value(key), min, max, range) ?? null;
  }

  integer(key: string, fallback: number, min: number, max: number, range: string): number {
    const at = this.at(key);
    if (at === null) return fallback;
    return readInteger(at, this.value(key), min, max, range) ?? fallback;
  }

  yesNo(key: string, fallback: boolean): boolean {
    const at = this.at(key);
    if (at === null || isBlank(this.value(key))) return fallback;
    return readYesNo(at, this.value(key)) ?? fallback;
  }

  percent(key: string, fallback: D | null): D | null {
    const at = this.at(key);
    if (at === null) return fallback;
    const read = readPercent(at, this.value(key));
    return read === undefined ? fallback : read;
  }

  /** A date as shown: a date cell as YYYY-MM-DD, a text as typed; blank → null. */
  dateText(key: string): string | null {
    const at = this.at(key);
    const value = this.value(key);
    if (at === null || isBlank(value)) return null;
    if (value instanceof Date) return shownValue(value);
    return readText(at, typeof value === "number" ? String(value) : value) ?? null;
  }

  /** An indicator 编号 (text, or a number read as its shortest decimal); null when missing or blank. */
  code(key: string): string | null {
    const at = this.at(key);
    if (at === null) return null;
    const text = readText(at, this.value(key));
    return text === null || text === undefined ? null : normalizeText(text);
  }

  /** Free text (地区): missing or blank → the default. */
  text(key: string, fallback: string): string {
    const at = this.at(key);
    if (at === null) return fallback;
    return readText(at, this.value(key)) ?? fallback;
  }

  choice<T extends string>(key: string, words: Record<T, string>, fallback: T): T {
    const at = this.at(key);
    const value = this.value(key);
    if (at === null || isBlank(value)) return fallback;
    const text = readText(at, value);
    if (text === null || text === undefined) return fallback;
    const entries = Object.entries(words) as [T, string][];
    const found = entries.find(([, word]) => normalizeText(word) === normalizeText(text));
    if (found !== undefined) return found[0];
    errorAt(at, "param.notOneOf", MSG.notOneOf(text, entries.map(([, word]) => word).join("、")));
    return fallback;
  }

  /** A text (blank or missing: the fallback); a number is read as its text. */
  optionalText(key: string, fallback: string | null): string | null {
    const at = this.at(key);
    const value = this.value(key);
    if (at === null || isBlank(value)) return fallback;
    return readText(at, value) ?? fallback;
  }

  /** A calendar day printed as 2026年1月15日 (blank or missing: null). */
  date(key: string): string | null {
    const at = this.at(key);
    const value = this.value(key);
    if (at === null || isBlank(value)) return null;
    if (reportCellError(at, value)) return null;
    const day = readCalendarDay(value);
    if (day === null) {
      errorAt(at, "param.notDate", MSG.paramNotDate(key, shownValue(value)));
      return null;
    }
    return chineseDate(day);
  }

  wordList(key: string, example: string, validate: (words: Map<string, D>) => boolean, invalid: (shown: string) => string): Map<string, D> {
    const fallback = parseWordList(example) ?? new Map<string, D>();
    const at = this.at(key);
    const value = this.value(key);
    if (at === null || isBlank(value)) return fallback;
    const text = readText(at, value);
    if (text === null || text === undefined) return fallback;
    const parsed = parseWordList(text);
    if (parsed === null) {
      errorAt(at, "param.badWordList", MSG.badWordList(shownValue(value), example));
      return fallback;
    }
    if (!validate(parsed)) {
      errorAt(at, "param.badWordList", invalid(shownValue(value)));
      return fallback;
    }
    return parsed;
  }
}

/**
 * Parses "好=100、较好=85、一般=70、差=55" (separators 、 , ， ; ；, = or ＝; points 0–100, words distinct), in order;
 * null when the text does not have that form.
 */
export function parseWordList(text: string): Map<string, D> | null {
  const parts = text.normalize("NFKC").split(/[、,;]/).map(trimSpaces).filter((part) => part !== "");
  if (parts.length === 0) return null;
  const words = new Map<string, D>();
  for (const part of parts) {
    const pieces = part.split("=");
    if (pieces.length !== 2) return null;
    const word = trimSpaces(pieces[0] ?? "");
    const points = textToDecimal(pieces[1] ?? "");
    if (word === "" || points === null || points.isNegative() || points.gt(100) || words.has(word)) return null;
    words.set(word, points);
  }
  return words;
}

const BALLOT_WORDS = ["满意", "基本满意", "不满意"] as const;

function pointsCheck(at: At, value: D): boolean {
  if (value.gte(0) && value.lte(100)) return true;
  errorAt(at, "param.pointsRange", MSG.pointsRange(value.toString()));
  return false;
}

/** Default 互评权重: the template's two groups at 50%. */
function defaultWeights(): Map<string, D> {
  const weights = new Map<string, D>();
  for (const row of PARAM_ROWS) {
    const { base, group } = splitName(row.name);
    const value = row.value;
    if (base === PARAM.peerWeight && group !== null && typeof value === "string") {
      weights.set(group, new D(value.replace("%", "")).div(100));
    }
  }
  return weights;
}

function readGroups(raw: Map<string, RawParam>): { base: string; group: string; key: string }[] {
  const found: { base: string; group: string; key: string }[] = [];
  for (const key of raw.keys()) {
    const { base, group } = splitName(key);
    if (group !== null) found.push({ base, group, key });
  }
  return found;
}

function readThresholds(reader: ParamReader, groups: { base: string; group: string; key: string }[]): PerGroup<Thresholds> {
  const base: Thresholds = {
    excellent: reader.number(PARAM.excellentLine, new D(90)),
    good: reader.number(PARAM.goodLine, new D(80)),
    pass: reader.number(PARAM.passLine, new D(60)),
  };
  const byGroup = new Map<string, Thresholds>();
  const lines = [PARAM.excellentLine, PARAM.goodLine, PARAM.passLine] as const;
  const fields = ["excellent", "good", "pass"] as const;
  for (const { base: name, group, key } of groups) {
    const index = (lines as readonly string[]).indexOf(name);
    const field = fields[index];
    if (field === undefined || !reader.given(key)) continue;
    const current = byGroup.get(group) ?? { ...base };
    byGroup.set(group, { ...current, [field]: reader.number(key, base[field]) });
  }
  return { base, byGroup };
}

function readQuota(reader: ParamReader, groups: { base: string; group: string; key: string }[]): PerGroup<D | null> {
  const byGroup = new Map<string, D | null>();
  const base = reader.percent(PARAM.excellentQuota, null);
  for (const { base: name, group, key } of groups) {
    if (name === PARAM.excellentQuota && reader.given(key)) byGroup.set(group, reader.percent(key, base));
  }
  return { base, byGroup };
}

function readWeights(reader: ParamReader, groups: { base: string; group: string; key: string }[]): Map<string, D> {
  const weights = defaultWeights();
  for (const { base: name, group, key } of groups) {
    if (name !== PARAM.peerWeight) continue;
    const value = reader.percent(key, weights.get(group) ?? null);
    if (value !== null) weights.set(group, value);
  }
  return weights;
}

function readAll(reader: ParamReader, raw: Map<string, RawParam>): Params {
  const groups = readGroups(raw);
  const ratingExample = templateDefault(PARAM.ratingWords);
  const ballotExample = templateDefault(PARAM.ballotValues);
  const ballots = reader.wordList(
    PARAM.ballotValues,
    ballotExample,
    (words) => words.size === BALLOT_WORDS.length && BALLOT_WORDS.every((word) => words.has(word)),
    (shown) => MSG.ballotWordsMismatch(shown, ballotExample),
  );
  const checkExample = templateDefault(PARAM.checkWords);
  return {
    year: reader.integer(PARAM.year, new Date().getFullYear(), 1900, 9999, MSG.yearRange),
    region: reader.text(PARAM.region, ""),
    decimals: reader.integer(PARAM.decimals, 2, 0, 6, MSG.decimalsRange),
    satisfactionPoints: reader.number(PARAM.satisfactionPoints, new D(10), pointsCheck),
    peerPoints: reader.number(PARAM.peerPoints, new D(10), pointsCheck),
    peerWeights: readWeights(reader, groups),
    trimPeer: reader.yesNo(PARAM.trimPeer, true),
    trimMinCount: reader.integer(PARAM.trimMinCount, 6, 3, 100000, MSG.trimMinRange),
    uniformRaterInvalid: reader.yesNo(PARAM.uniformRaterInvalid, false),
    ratingWords: reader.wordList(PARAM.ratingWords, ratingExample, () => true, (shown) => MSG.badWordList(shown, ratingExample)),
    ballotValues: {
      satisfied: ballots.get("满意") ?? new D(100),
      basic: ballots.get("基本满意") ?? new D(80),
      unsatisfied: ballots.get("不满意") ?? new D(30),
    },
    bonusCap: reader.cap(PARAM.bonusCap, new D(5)),
    penaltyCap: reader.cap(PARAM.penaltyCap, new D(10)),
    totalCap: reader.cap(PARAM.totalCap, null),
    thresholds: readThresholds(reader, groups),
    excellentQuota: readQuota(reader, groups),
    rankRule: reader.choice<RankRule>(PARAM.rankRule, RANK_RULE_WORDS, "dense"),
    bigDropPlaces: reader.integer(PARAM.bigDropPlaces, 5, 1, 100000, MSG.bigDropRange),
    blankScore: reader.choice<BlankScorePolicy>(PARAM.blankScore, BLANK_SCORE_WORDS, "error"),
    deadline: reader.dateText(PARAM.deadline),
    goodShareCap: reader.percent(PARAM.goodShareCap, null),
    ratingFormMode: reader.choice<RatingFormMode>(PARAM.ratingFormMode, RATING_FORM_WORDS, "words"),
    peerRaters: nonEmpty(listOf(reader.optionalText(PARAM.peerRaters, null))),
    peerMinRatings: reader.optionalInteger(PARAM.peerMinRatings, 1, 100000, MSG.minCountRange),
    satisfactionMinBallots: reader.optionalInteger(PARAM.satisfactionMinBallots, 1, 100000000, MSG.minCountRange),
    daily: {
      checkWords: reader.wordList(PARAM.checkWords, checkExample, () => true, (shown) => MSG.badWordList(shown, checkExample)),
      checkIndicator: reader.code(PARAM.checkIndicator),
      ledgerNoticeCount: reader.integer(PARAM.ledgerNoticeCount, 3, 1, 12, DAILY_MSG.ledgerNoticeRange),
      ledgerMissingPenalty: reader.cap(PARAM.ledgerMissingPenalty, null),
      selfCriticismPenalty: reader.cap(PARAM.selfCriticismPenalty, null),
      experienceBonus: reader.cap(PARAM.experienceBonus, null),
    },
    notice: readNotice(reader),
  };
}

/** A list typed with 、 (or ，,；;) between its items. */
function listOf(text: string | null): string[] {
  if (text === null) return [];
  return text.split(/[、，,；;]/).map(trimSpaces).filter((item) => item !== "");
}

function nonEmpty(list: string[]): string[] | null {
  return list.length === 0 ? null : list;
}

/** The 通报's own 参数 (地区, 发文机关…): texts, defaults as the template types them. */
function readNotice(reader: ParamReader): NoticeParams {
  return {
    region: reader.optionalText(PARAM.region, null),
    schemeName: reader.optionalText(PARAM.schemeName, null)?.replace(/^《(.*)》$/, "$1") ?? null,
    issuers: listOf(reader.optionalText(PARAM.issuer, DEFAULT_ISSUER)),
    docPrefix: reader.optionalText(PARAM.docPrefix, null),
    date: reader.date(PARAM.issueDate),
    mainTo: reader.optionalText(PARAM.mainTo, DEFAULT_MAIN_TO) ?? DEFAULT_MAIN_TO,
    copyTo: listOf(reader.optionalText(PARAM.copyTo, DEFAULT_COPY_TO)),
  };
}

/** 参数 → Params (defaults where rows are missing), with the cells each value came from. */
export function readParams(grid: SheetGrid | null, issues: Issue[]): ParamsRead {
  const sheet = grid?.name ?? HEADERS.params[0];
  const collected = grid === null ? null : collectRows(grid, issues);
  const raw = collected?.raw ?? new Map<string, RawParam>();
  const valueColumn = collected?.valueColumn ?? 1;
  const reader = new ParamReader(sheet, raw, valueColumn, issues);
  const params = readAll(reader, raw);
  const cells = new Map<string, string>();
  const groupRows: ParamsRead["groupRows"] = [];
  const given = new Set<string>();
  for (const [key, entry] of raw) {
    cells.set(key, cellAddress(entry.row, valueColumn));
    if (!isBlank(entry.value)) given.add(key);
    const { base, group } = splitName(key);
    if (group !== null) groupRows.push({ name: base, group, cell: cellAddress(entry.row, 0) });
  }
  const lastRow = Math.max(0, ...[...raw.values()].map((entry) => entry.row));
  return { params, sheet, cells, given, groupRows, nextRowCell: cellAddress(Math.max(lastRow + 1, grid?.rows.length ?? 1), 0) };
}

interface Line {
  label: string;
  value: D;
  cell: string | undefined;
  override: boolean;
}

/** Strictly 优秀 > 良好 > 合格 ≥ 0. For a group, only pairs involving its own rows are checked (the base is checked once). */
function checkLines(read: ParamsRead, lines: Line[], onlyOverrides: boolean, issues: Issue[]): void {
  const cellOr = (cell: string | undefined, fallback: string | undefined) => cell ?? fallback ?? "A1";
  for (let index = 0; index + 1 < lines.length; index += 1) {
    const higher = lines[index];
    const lower = lines[index + 1];
    if (higher === undefined || lower === undefined || higher.value.gt(lower.value)) continue;
    if (onlyOverrides && !higher.override && !lower.override) continue;
    const blameHigher = higher.override && !lower.override;
    const cell = blameHigher ? cellOr(higher.cell, lower.cell) : cellOr(lower.cell, higher.cell);
    const message = MSG.thresholdOrder(higher.label, higher.value.toString(), lower.label, lower.value.toString());
    issues.push({ level: "error", code: "param.thresholdOrder", sheet: read.sheet, cell, message });
  }
  const pass = lines[2];
  if (pass !== undefined && pass.value.isNegative() && !pass.value.isZero() && (!onlyOverrides || pass.override)) {
    issues.push({ level: "error", code: "param.thresholdNegative", sheet: read.sheet, cell: cellOr(pass.cell, undefined), message: MSG.thresholdNegative(pass.label, pass.value.toString()) });
  }
}

function thresholdLines(read: ParamsRead, group: string | null): Line[] {
  const { base, byGroup } = read.params.thresholds;
  const own = group === null ? base : (byGroup.get(group) ?? base);
  const names = [PARAM.excellentLine, PARAM.goodLine, PARAM.passLine] as const;
  const values = [own.excellent, own.good, own.pass];
  return names.map((name, index) => {
    const groupKey = group === null ? null : rowKey(name, group);
    const override = groupKey !== null && read.given.has(groupKey);
    const cell = override && groupKey !== null ? read.cells.get(groupKey) : read.cells.get(name);
    return { label: group === null || !override ? name : MSG.forGroup(name, group), value: values[index] ?? new D(0), cell, override };
  });
}

/** Checks that need the units: threshold order per group, group names, weights of the groups present. */
export function validateParams(read: ParamsRead, unitGroups: readonly string[], issues: Issue[]): void {
  checkLines(read, thresholdLines(read, null), false, issues);
  for (const group of read.params.thresholds.byGroup.keys()) checkLines(read, thresholdLines(read, group), true, issues);
  const present = new Set(unitGroups);
  // The template's own 互评权重 rows for 乡镇 and 县直单位 stay in every workbook: a county without one of the
  // groups should not be told about them. With no unit at all, 考核对象 already says what is wrong.
  const templateRow = (row: { name: string; group: string }) => row.name === PARAM.peerWeight && (RANK_GROUPS as readonly string[]).includes(row.group);
  for (const row of read.groupRows) {
    if (present.size > 0 && !present.has(row.group) && !templateRow(row)) {
      issues.push({ level: "warning", code: "param.groupUnknown", sheet: read.sheet, cell: row.cell, message: MSG.paramGroupUnknown(rowKey(row.name, row.group), row.group) });
    }
  }
  const weighted = [...present].filter((group) => read.params.peerWeights.has(group));
  if (weighted.length > 0 && weighted.every((group) => read.params.peerWeights.get(group)?.isZero() === true)) {
    const first = weighted.map((group) => read.cells.get(rowKey(PARAM.peerWeight, group))).find((cell) => cell !== undefined) ?? "A1";
    issues.push({ level: "error", code: "param.weightsAllZero", sheet: read.sheet, cell: first, message: MSG.weightsAllZero(weighted.join("、")) });
  }
}

/** A rank group whose units gave ratings needs a 互评权重 row. */
export function checkRaterWeights(read: ParamsRead, raterGroups: Iterable<string>, issues: Issue[]): void {
  for (const group of new Set(raterGroups)) {
    if (!read.params.peerWeights.has(group)) {
      issues.push({ level: "error", code: "param.weightMissing", sheet: read.sheet, cell: read.nextRowCell, message: MSG.weightMissing(group, read.nextRowCell) });
    }
  }
}
