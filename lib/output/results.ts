import type { D } from "../decimal";
import { decimalFormat, GRADE_FILLS, HEADER_FILL, NOT_APPLICABLE_FILL, OUTPUT_TAB, type RangeStyle, type SheetOut } from "../format";
import { HEADERS, NOT_APPLICABLE, RANK_RULE_WORDS, SHEET } from "../layout";
import type { AssessmentResult, Grade, UnitResult } from "../model";
import { figureNumber } from "./figures";
import { EXPLAIN, NOTE_SEPARATOR, RESULTS_FOOTNOTE, RESULTS_FOOTNOTE_LABEL } from "./messages";
import { a4Print, fittedWidths, ONE_LINE_ROW, printTitle, wrappedRowHeights } from "./print";
import { rangeOf, runsOf } from "./ranges";

type Cell = string | number | null;

/** 0-based columns of 结果, by HEADERS.results. */
const COLUMN = {
  rank: 1,
  firstFigure: 4,
  satisfaction: 6,
  peer: 7,
  lastFigure: 11,
  grade: 12,
  finalGrade: 13,
  notes: 14,
} as const;
const LAST_COLUMN = HEADERS.results.length - 1;
/** Least widths; a column holding longer texts is widened to fit them, except 提示, which wraps. */
const WIDTHS = [10, 6, 24, 12, 10, 11, 11, 10, 10, 8, 8, 10, 8, 9, 50];
const MAXIMUM_WIDTHS = WIDTHS.map((width, column) => (column === COLUMN.notes ? width : null));
/** 排名分组 · 名次 · 单位名称: repeated at the left of every printed page. */
const NAME_COLUMNS = 3;

/** 结果: one row per unit in result order, figures as rounded numbers, 不适用 as text. */
export function renderResults(result: AssessmentResult): SheetOut {
  const places = result.params.decimals;
  const rows: Cell[][] = [[...HEADERS.results], ...result.units.map((unit) => resultRow(unit, places))];
  const footnote = footnoteRows(result);
  rows.push(...footnote);
  const widths = fittedWidths(rows, WIDTHS, MAXIMUM_WIDTHS);
  return {
    name: SHEET.results,
    rows,
    format: {
      columnWidths: widths,
      frozenRows: 1,
      frozenColumns: NAME_COLUMNS,
      styles: [headerStyle(), ...bodyStyles(result.units, places), ...footnoteStyles(rows.length, footnote.length)],
      validations: [],
      tabColor: OUTPUT_TAB,
      // 提示 wraps: its rows are made tall enough for every line.
      defaultRowHeight: ONE_LINE_ROW,
      rowHeights: wrappedRowHeights(rows, [COLUMN.notes], widths, 1),
      // For the meeting that approves the grades: landscape, one page across, the header and the names on every page.
      print: a4Print({
        title: printTitle(result.params, "结果"),
        orientation: "landscape",
        fit: { width: 1, height: 0 },
        repeatRows: 1,
        repeatColumns: NAME_COLUMNS,
      }),
    },
  };
}

/** One unit's row: 排名分组 · 名次 · 单位名称 · 类别 · eight figures · 等次 (computed) · 审定等次 (final) · 提示. */
function resultRow(unit: UnitResult, places: number): Cell[] {
  // Plain calls, no closures: one row per unit, 10,000 rows in a province.
  const { satisfaction, peer, notes } = unit;
  return [
    unit.unit.rankGroup,
    unit.rank,
    unit.unit.name,
    unit.unit.category,
    figureNumber(unit.indicatorEarned, places),
    figureNumber(unit.indicatorPossible, places),
    satisfaction === null ? NOT_APPLICABLE : figureNumber(satisfaction, places),
    peer === null ? NOT_APPLICABLE : figureNumber(peer, places),
    figureNumber(unit.normalised, places),
    figureNumber(unit.bonus, places),
    figureNumber(unit.penalty, places),
    figureNumber(unit.total, places),
    unit.computedGrade ?? unit.grade,
    unit.grade,
    // Most units have no 提示: no join for an empty list.
    notes.length === 0 ? "" : notes.join(NOTE_SEPARATOR),
  ];
}

/**
 * Under the table, after a blank row: which 名次规则 applied and in what order equal 总分 and the groups are listed, so a
 * reviewer who sees 40 units and a last place of 37 understands. The text sits in the wide, wrapping 提示 column, with
 * 注 in column A, so that no narrow column is widened for it.
 */
function footnoteRows(result: AssessmentResult): Cell[][] {
  if (result.units.length === 0) return [];
  const text = RESULTS_FOOTNOTE(RANK_RULE_WORDS[result.params.rankRule], result.params.rankRule === "dense" ? EXPLAIN.rankDense : EXPLAIN.rankCompetition);
  const note: Cell[] = new Array<Cell>(LAST_COLUMN + 1).fill(null);
  note[0] = RESULTS_FOOTNOTE_LABEL;
  note[COLUMN.notes] = text;
  return [[], note];
}

function footnoteStyles(rowCount: number, footnoteRowCount: number): RangeStyle[] {
  if (footnoteRowCount === 0) return [];
  const last = rowCount - 1;
  return [{ range: rangeOf(last, COLUMN.notes, last, COLUMN.notes), wrap: true }, { range: rangeOf(last, 0, last, 0), bold: true }];
}

function headerStyle(): RangeStyle {
  return { range: rangeOf(0, 0, 0, LAST_COLUMN), fill: HEADER_FILL, bold: true, horizontal: "center", wrap: true };
}

function bodyStyles(units: readonly UnitResult[], places: number): RangeStyle[] {
  if (units.length === 0) return [];
  const last = units.length;
  return [
    // Every cell centred in its row, so that a row made tall by its 提示 reads across.
    { range: rangeOf(1, 0, last, COLUMN.firstFigure - 1), horizontal: "left" },
    { range: rangeOf(1, COLUMN.firstFigure, last, COLUMN.lastFigure), horizontal: "right" },
    { range: rangeOf(1, COLUMN.rank, last, COLUMN.rank), numberFormat: "0", horizontal: "center" },
    { range: rangeOf(1, COLUMN.firstFigure, last, COLUMN.lastFigure), numberFormat: decimalFormat(places) },
    { range: rangeOf(1, COLUMN.notes, last, COLUMN.notes), wrap: true },
    ...notApplicableStyles(units.map((unit) => unit.satisfaction), COLUMN.satisfaction),
    ...notApplicableStyles(units.map((unit) => unit.peer), COLUMN.peer),
    ...gradeStyles(units.map((unit) => unit.computedGrade ?? unit.grade), COLUMN.grade),
    ...gradeStyles(units.map((unit) => unit.grade), COLUMN.finalGrade),
    // A 审定等次 that differs from the computed one is bold, so the meeting's changes stand out.
    ...runsOf(units.map((unit) => ((unit.computedGrade ?? unit.grade) !== unit.grade ? true : null))).map((run) => ({
      range: rangeOf(run.first + 1, COLUMN.finalGrade, run.last + 1, COLUMN.finalGrade),
      bold: true,
    })),
  ];
}

/** Each 等次 cell of a column in its grade's fill, one style per run of equal grades. */
function gradeStyles(grades: readonly Grade[], column: number): RangeStyle[] {
  return runsOf(grades).map((run) => ({
    range: rangeOf(run.first + 1, column, run.last + 1, column),
    fill: GRADE_FILLS[run.key],
    horizontal: "center" as const,
  }));
}

/** Grey, centred 不适用 cells of one column, one style per run of consecutive rows. */
function notApplicableStyles(values: readonly (D | null)[], column: number): RangeStyle[] {
  return runsOf(values.map((value) => (value === null ? true : null))).map((run) => ({
    range: rangeOf(run.first + 1, column, run.last + 1, column),
    fill: NOT_APPLICABLE_FILL,
    horizontal: "center" as const,
  }));
}
