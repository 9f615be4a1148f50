/**
 * Forms out (分发): from a master's 考核对象, 考核指标 and 参数, one 评分表 per 考核主体 (only its indicators, only
 * the units they apply to), one 互评表 per 评议单位 (the units it rates) and one 满意度汇总表. Each score sheet keeps
 * the layout of the master's sheet of the same name (spec §1), so a form reads like the master and back.
 * Cells already filled in the master are carried into the form: a 主体 sees what is on record.
 */
import { appliesTo } from "../applies";
import type { D } from "../decimal";
import { HEADER_FILL, NOT_APPLICABLE_FILL, type ListValidation, type RangeStyle } from "../format";
import { cellAddress, columnName, type CellValue, type WorkbookGrids } from "../grid";
import { HEADERS, NOT_APPLICABLE, SCORES_MAX_ROW_LABEL, SHEET } from "../layout";
import type { AssessmentInput, Indicator, Unit } from "../model";
import { isBlank, isNotApplicable } from "../reader/cells";
import { peerRaters } from "../raters";
import { formAssessor, helpingAssessors, indicatorsByAssessor, safeFileName } from "./assessors";
import type { MasterLines } from "./fingerprint";
import { identitySheet, KIND_WORDS, type FormIdentity } from "./identity";
import { peerPlaces, satisfactionPlaces, scorePlaces, valueAt, type SheetPlaces } from "./master";
import { FORM_TEXT } from "./messages";
import type { FormBook, FormKind, FormSheet, RangeValidation } from "./types";

export const GUIDE_SHEET = "填表说明";

export interface FormsOptions {
  /** YYYY-MM-DD, written into each form's identity and 说明. */
  made: string;
  fingerprint: string;
  lines: MasterLines;
}

type Value = string | number | boolean | null;

function plain(value: CellValue): Value {
  if (value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return null;
}

/** Every form of a master, 评分表 first (in order of 考核主体's first indicator), then 互评表, then 满意度汇总表. */
export function buildForms(input: AssessmentInput, book: WorkbookGrids, options: FormsOptions): FormBook[] {
  const forms: FormBook[] = [];
  const scores = scorePlaces(book);
  for (const [owner, indicators] of indicatorsByAssessor(input.indicators)) {
    const units = input.units.filter((unit) => indicators.some((indicator) => appliesTo(indicator, unit)));
    forms.push(scoreForm(owner, indicators, units, scores, input, options));
  }
  const peer = peerPlaces(book);
  const { raters, ratees } = peerParties(input, peer);
  for (const rater of raters) forms.push(ratingForm(rater, ratees.filter((ratee) => ratee !== rater), peer, input, options));
  forms.push(satisfactionForm(input, satisfactionPlaces(book), options));
  return forms;
}

/**
 * Who rates and who is rated: the 评议单位 by the one rule of lib/raters.ts (参数 互评评议单位, else the 上下互评
 * columns holding something, else every unit), rated units the master's 上下互评 rows (every unit when it has none).
 * Names not in 考核对象 are left out (检查数据 reports them).
 */
export function peerParties(input: Pick<AssessmentInput, "units" | "params">, peer: SheetPlaces): { raters: string[]; ratees: string[] } {
  const names = input.units.map((unit) => unit.name);
  const known = new Set(names);
  const rows = [...peer.rows.keys()].filter((name) => known.has(name));
  return { raters: peerRaters(input.units, input.params.peerRaters, filledColumns(peer)), ratees: rows.length > 0 ? rows : names };
}

/** The rater columns of 上下互评 holding at least one value (a rating or 不适用) below the header. */
export function filledColumns(peer: SheetPlaces): Set<string> {
  const filled = new Set<string>();
  if (peer.grid === null) return filled;
  for (const [name, column] of peer.columns) {
    if (column === peer.nameColumn) continue;
    if (peer.grid.rows.some((row, index) => index > 0 && !isBlank(row[column] ?? null))) filled.add(name);
  }
  return filled;
}

function identity(kind: FormKind, owner: string, input: AssessmentInput, options: FormsOptions): FormIdentity {
  return { kind, owner, fingerprint: options.fingerprint, made: options.made, deadline: input.params.deadline, lines: options.lines };
}

/**
 * 填表说明: one sentence a row, so that no row needs a height to show wrapped text (spreadsheets do not grow a row
 * for text written by a program), and it reads and prints the same in Excel, WPS and LibreOffice.
 */
function guideSheet(lines: readonly string[]): FormSheet {
  const sentences = lines.flatMap((line) => line.split(/(?<=。)(?=.)/));
  const rows = sentences.map((line) => [line]);
  return {
    name: GUIDE_SHEET,
    rows,
    format: { columnWidths: [100], frozenRows: 0, frozenColumns: 0, styles: [{ range: "A1", bold: true }], validations: [] },
    protect: true,
    unlocked: [],
    rangeValidations: [],
    notes: [],
    hidden: false,
    headerHeight: null,
    print: { landscape: false, titleRows: 0 },
  };
}

/** Runs of adjacent columns in one row as A1 ranges ("C3:E3", "G3"). */
function rowRuns(row: number, columns: readonly number[]): string[] {
  const ranges: string[] = [];
  let start: number | null = null;
  columns.forEach((column, index) => {
    if (start === null) start = column;
    const next = columns[index + 1];
    if (next !== column + 1) {
      ranges.push(start === column ? cellAddress(row, column) : `${cellAddress(row, start)}:${cellAddress(row, column)}`);
      start = null;
    }
  });
  return ranges;
}

function headerStyles(width: number): RangeStyle[] {
  return [{ range: `A1:${columnName(Math.max(width, 1) - 1)}1`, fill: HEADER_FILL, bold: true, wrap: true, horizontal: "center" }];
}

function deadlineLine(input: AssessmentInput): string {
  return input.params.deadline === null ? FORM_TEXT.noDeadline : FORM_TEXT.deadline(input.params.deadline);
}

function noteOf(indicator: Indicator): string {
  const helpers = helpingAssessors(indicator);
  const parts = [indicator.content, indicator.method === "" ? "" : `考核方式：${indicator.method}`, helpers.length > 0 ? `配合单位：${helpers.join("、")}` : ""];
  return parts.filter((part) => part !== "").join("\n");
}

function scoreForm(owner: string, indicators: readonly Indicator[], units: readonly Unit[], places: SheetPlaces, input: AssessmentInput, options: FormsOptions): FormBook {
  const first = HEADERS.scores.length;
  const header: Value[] = [...HEADERS.scores, ...indicators.map((indicator) => `${indicator.code} ${indicator.level2}`)];
  const maxRow: Value[] = [SCORES_MAX_ROW_LABEL, "", ...indicators.map((indicator) => Number(indicator.maxPoints.toString()))];
  const unlocked: string[] = [];
  const styles: RangeStyle[] = [...headerStyles(header.length), { range: `A2:${columnName(header.length - 1)}2`, bold: true, horizontal: "center" }];
  const rows: Value[][] = [header, maxRow];
  units.forEach((unit, index) => {
    const row = index + 2;
    const open: number[] = [];
    const grey: number[] = [];
    const cells = indicators.map((indicator, position): Value => {
      const column = first + position;
      if (!appliesTo(indicator, unit)) {
        grey.push(column);
        return NOT_APPLICABLE;
      }
      open.push(column);
      return plain(valueAt(places, unit.name, indicator.code));
    });
    rows.push([unit.name, unit.category, ...cells]);
    unlocked.push(...rowRuns(row, open));
    for (const range of rowRuns(row, grey)) styles.push({ range, fill: NOT_APPLICABLE_FILL });
  });
  const last = Math.max(rows.length, 3);
  styles.push({ range: `${columnName(first)}3:${columnName(header.length - 1)}${last}`, horizontal: "center" });
  const rangeValidations: RangeValidation[] = indicators.map((indicator, position) => {
    const letter = columnName(first + position);
    const max = indicator.maxPoints.toString();
    return { range: `${letter}3:${letter}${last}`, min: "0", max, whole: false, strict: false, prompt: FORM_TEXT.scorePrompt(indicator.code, max) };
  });
  const scoreSheet: FormSheet = {
    name: SHEET.scores,
    rows,
    format: { columnWidths: [24, 12, ...indicators.map(() => 16)], frozenRows: 2, frozenColumns: 2, styles, validations: [] },
    protect: true,
    unlocked,
    rangeValidations,
    notes: indicators.map((indicator, position) => ({ cell: cellAddress(0, first + position), text: noteOf(indicator) })).filter((note) => note.text !== ""),
    hidden: false,
    // "编号 二级指标" wraps in a 16-wide column: room for four lines.
    headerHeight: 64,
    print: { landscape: indicators.length > 4, titleRows: 2 },
  };
  const codes = indicators.map((indicator) => {
    const helpers = helpingAssessors(indicator);
    return `${indicator.code} ${indicator.level2}（${indicator.maxPoints.toString()} 分）${helpers.length > 0 ? `，配合单位：${helpers.join("、")}` : ""}`;
  });
  const guide = guideSheet([
    FORM_TEXT.scoreTitle(input.params.year, owner),
    FORM_TEXT.scoreWhat(units.length, indicators.length),
    FORM_TEXT.scoreCells,
    FORM_TEXT.keepLayout,
    deadlineLine(input),
    FORM_TEXT.indicatorsHeading,
    ...codes,
    FORM_TEXT.made(options.made),
  ]);
  return {
    kind: "score",
    owner,
    fileName: `${KIND_WORDS.score}-${safeFileName(owner)}.xlsx`,
    sheets: [guide, scoreSheet, identitySheet(identity("score", owner, input, options))],
  };
}

function ratingForm(rater: string, ratees: readonly string[], places: SheetPlaces, input: AssessmentInput, options: FormsOptions): FormBook {
  const rows: Value[][] = [[HEADERS.peer[0], rater]];
  const unlocked: string[] = [];
  const styles: RangeStyle[] = headerStyles(2);
  ratees.forEach((ratee, index) => {
    const row = index + 1;
    const value = plain(valueAt(places, ratee, rater));
    rows.push([ratee, value]);
    if (isNotApplicable(value)) styles.push({ range: cellAddress(row, 1), fill: NOT_APPLICABLE_FILL });
    else unlocked.push(cellAddress(row, 1));
  });
  const last = Math.max(rows.length, 2);
  styles.push({ range: `B2:B${last}`, horizontal: "center" });
  const words = [...input.params.ratingWords.keys()];
  const byWords = input.params.ratingFormMode === "words" && words.length > 0;
  const validations: ListValidation[] = byWords ? [{ range: `B2:B${last}`, list: words, prompt: FORM_TEXT.ratingWordsPrompt(words.join("、")) }] : [];
  const rangeValidations: RangeValidation[] = byWords ? [] : [{ range: `B2:B${last}`, min: "0", max: "100", whole: false, strict: true, prompt: FORM_TEXT.ratingPointsPrompt }];
  const sheet: FormSheet = {
    name: SHEET.peer,
    rows,
    format: { columnWidths: [28, 16], frozenRows: 1, frozenColumns: 1, styles, validations },
    protect: true,
    unlocked,
    rangeValidations,
    notes: [],
    hidden: false,
    headerHeight: null,
    print: { landscape: false, titleRows: 1 },
  };
  const guide = guideSheet([
    FORM_TEXT.ratingTitle(input.params.year, rater),
    FORM_TEXT.ratingWhat(unlocked.length, byWords ? FORM_TEXT.ratingByWords(words.join("、")) : FORM_TEXT.ratingByPoints),
    ...(input.params.goodShareCap === null ? [] : [FORM_TEXT.goodQuota(input.params.goodShareCap.times(100).toString(), goodLimit(input.params.goodShareCap, unlocked.length))]),
    FORM_TEXT.keepLayout,
    deadlineLine(input),
    FORM_TEXT.made(options.made),
  ]);
  return {
    kind: "rating",
    owner: rater,
    fileName: `${KIND_WORDS.rating}-${safeFileName(rater)}.xlsx`,
    sheets: [guide, sheet, identitySheet(identity("rating", rater, input, options))],
  };
}

/** The most 好 a rater may give: the share of the units it rates, rounded down (30% of 10 is 3, of 9 is 2). */
export function goodLimit(share: D, rated: number): number {
  return share.times(rated).floor().toNumber();
}

function satisfactionForm(input: AssessmentInput, places: SheetPlaces, options: FormsOptions): FormBook {
  const headers = HEADERS.satisfaction;
  const rows: Value[][] = [[...headers]];
  input.units.forEach((unit) => {
    rows.push([unit.name, ...headers.slice(1).map((header) => plain(valueAt(places, unit.name, header)))]);
  });
  const last = Math.max(rows.length, 2);
  const owner = "考核办";
  const sheet: FormSheet = {
    name: SHEET.satisfaction,
    rows,
    format: { columnWidths: [28, 12, 8, 10, 8, 8], frozenRows: 1, frozenColumns: 1, styles: [...headerStyles(headers.length), { range: `B2:F${last}`, horizontal: "center" }], validations: [] },
    protect: true,
    unlocked: input.units.length === 0 ? [] : [`B2:F${last}`],
    rangeValidations: [
      { range: `B2:B${last}`, min: "0", max: "100", whole: false, strict: true, prompt: FORM_TEXT.percentPrompt },
      { range: `C2:F${last}`, min: "0", max: "1000000", whole: true, strict: true, prompt: FORM_TEXT.ballotPrompt },
    ],
    notes: [],
    hidden: false,
    headerHeight: null,
    print: { landscape: false, titleRows: 1 },
  };
  const guide = guideSheet([FORM_TEXT.satisfactionTitle(input.params.year), FORM_TEXT.satisfactionWhat, FORM_TEXT.keepLayout, deadlineLine(input), FORM_TEXT.made(options.made)]);
  return {
    kind: "satisfaction",
    owner,
    fileName: `${KIND_WORDS.satisfaction}.xlsx`,
    sheets: [guide, sheet, identitySheet(identity("satisfaction", owner, input, options))],
  };
}

export { formAssessor };
