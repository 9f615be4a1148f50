import { cellAddress } from "../grid";
import { decimalFormat, GRADE_FILLS, HEADER_FILL, OUTPUT_TAB, type ChartSpec, type RangeStyle, type SheetOut } from "../format";
import { HEADERS, SHEET } from "../layout";
import { GRADES, type AssessmentResult, type Grade, type GroupSummary, type Params } from "../model";
import { figureNumber, percentText } from "./figures";
import {
  BAR_BLOCK,
  CHART_HEADERS,
  CHART_TITLE,
  NOTE_SEPARATOR,
  QUOTA_EXCEEDED_BY_TIE,
  SUMMARY_NO_QUOTA,
  summaryAdjusted,
  summaryOverQuotaByReview,
  summaryPlacesFreed,
  summaryQuota,
} from "./messages";
import { quotaOf } from "./quota";
import { a4Print, fittedWidths, ONE_LINE_ROW, printTitle, wrappedRowHeights } from "./print";
import { rangeOf } from "./ranges";

type Cell = string | number | null;

const LAST_COLUMN = HEADERS.summary.length - 1;
const WIDTHS = [12, 8, 8, 8, 8, 8, 10, 10, 10, 40];
/** 说明 wraps; every other column is widened to its longest text. The bars of the chart run on into the empty cells to their right. */
const CHART_BAR_COLUMN = 3;
const MAXIMUM_WIDTHS = WIDTHS.map((width, column) => (column === WIDTHS.length - 1 || column === CHART_BAR_COLUMN ? width : null));
/** 0-based columns of the counts and of the figures in the table. */
const COUNTS = { first: 1, last: 5 } as const;
const FIGURES = { first: 6, last: 8 } as const;
const CHART_COLUMNS = { grade: 1, count: 2, bar: 3 } as const;
/** Bars in a darker shade of each grade's fill, so that they read on white paper. */
const BAR_COLORS: Record<Grade, string> = { 优秀: "#548235", 良好: "#2F75B5", 合格: "#BF8F00", 不合格: "#C00000" };

/**
 * 汇总: one row per rank group (units per 等次, highest, lowest and mean 总分, the quota used);
 * then, after a blank row, 等次分布 drawn in cells as bars of █, one block per unit (xlsx files cannot carry a chart made here).
 */
export function renderSummary(result: AssessmentResult): SheetOut {
  const places = result.params.decimals;
  const rows: Cell[][] = [[...HEADERS.summary], ...result.groups.map((group) => summaryRow(group, result.params, places))];
  const tableLast = rows.length - 1;
  rows.push([]);
  const titleRow = rows.length;
  rows.push([CHART_TITLE], [...CHART_HEADERS]);
  const chartFirst = rows.length;
  rows.push(...result.groups.flatMap(chartRows));
  const widths = fittedWidths(rows.slice(0, tableLast + 1), WIDTHS, MAXIMUM_WIDTHS);
  return {
    name: SHEET.summary,
    rows,
    format: {
      columnWidths: widths,
      frozenRows: 1,
      frozenColumns: 1,
      styles: [
        { range: rangeOf(0, 0, 0, LAST_COLUMN), fill: HEADER_FILL, bold: true, horizontal: "center" },
        ...tableStyles(tableLast, places),
        { range: rangeOf(titleRow, 0, titleRow, 0), bold: true },
        { range: rangeOf(titleRow + 1, 0, titleRow + 1, CHART_HEADERS.length - 1), fill: HEADER_FILL, bold: true, horizontal: "center" },
        ...chartStyles(chartFirst, result.groups.length),
      ],
      validations: [],
      tabColor: OUTPUT_TAB,
      defaultRowHeight: ONE_LINE_ROW,
      rowHeights: wrappedRowHeights(rows.slice(0, tableLast + 1), [LAST_COLUMN], widths, 1),
      // The whole summary on one page.
      print: a4Print({ title: printTitle(result.params, "汇总"), orientation: "landscape", fit: { width: 1, height: 1 }, repeatRows: 1 }),
      ...(result.groups.length > 0 ? { chart: gradeChart(result.groups.length) } : {}),
    },
  };
}

/** The table's 等次 counts as a real chart (Excel only): groups along the axis, one bar per 等次, right of the table. */
function gradeChart(groupCount: number): ChartSpec {
  const gradeFirst = COUNTS.first + 1;
  return {
    title: CHART_TITLE,
    values: rangeOf(0, gradeFirst, groupCount, gradeFirst + GRADES.length - 1),
    categories: rangeOf(1, 0, groupCount, 0),
    anchor: cellAddress(0, LAST_COLUMN + 2),
  };
}

/** 排名分组 · 单位数 · a count per 等次 · 最高分 · 最低分 · 平均分 (rounded numbers) · 说明. */
function summaryRow(group: GroupSummary, params: Params, places: number): Cell[] {
  return [
    group.rankGroup,
    group.count,
    ...GRADES.map((grade) => group.byGrade[grade]),
    figureNumber(group.highest, places),
    figureNumber(group.lowest, places),
    figureNumber(group.mean, places),
    quotaNote(group, params),
  ];
}

/** 说明: the 优秀比例上限 used, whether a tie exceeded it, and what the 审定 changed (the counts are of the final 等次). */
function quotaNote(group: GroupSummary, params: Params): string {
  const quota = quotaOf(params, group.rankGroup);
  const used = quota === null ? SUMMARY_NO_QUOTA : summaryQuota(percentText(quota), group.excellentLimit);
  const notes = [used];
  if (group.quotaExceededByTie) notes.push(QUOTA_EXCEEDED_BY_TIE);
  if ((group.adjusted ?? 0) > 0) notes.push(summaryAdjusted(group.adjusted ?? 0));
  if ((group.overQuotaByReview ?? 0) > 0) notes.push(summaryOverQuotaByReview(group.overQuotaByReview ?? 0));
  if ((group.placesFreedByReview ?? 0) > 0) notes.push(summaryPlacesFreed(group.placesFreedByReview ?? 0));
  return notes.join(NOTE_SEPARATOR);
}

function tableStyles(last: number, places: number): RangeStyle[] {
  if (last < 1) return [];
  return [
    { range: rangeOf(1, COUNTS.first, last, COUNTS.last), numberFormat: "0", horizontal: "center" },
    { range: rangeOf(1, FIGURES.first, last, FIGURES.last), numberFormat: decimalFormat(places) },
    { range: rangeOf(1, LAST_COLUMN, last, LAST_COLUMN), wrap: true },
  ];
}

/** One row per 等次 of the group: 排名分组 · 等次 · 单位数 · a bar of that many blocks (none for 0). */
function chartRows(group: GroupSummary): Cell[][] {
  return GRADES.map((grade) => {
    const count = group.byGrade[grade];
    return [group.rankGroup, grade, count, count > 0 ? BAR_BLOCK.repeat(count) : null];
  });
}

/** Each 等次 cell of the chart in its grade's fill and its bar in the grade's colour; the counts as whole numbers. */
function chartStyles(first: number, groupCount: number): RangeStyle[] {
  const styles: RangeStyle[] = [];
  for (let group = 0; group < groupCount; group += 1) {
    GRADES.forEach((grade, index) => {
      const row = first + group * GRADES.length + index;
      styles.push({ range: rangeOf(row, CHART_COLUMNS.grade, row, CHART_COLUMNS.grade), fill: GRADE_FILLS[grade], horizontal: "center" });
      styles.push({ range: rangeOf(row, CHART_COLUMNS.bar, row, CHART_COLUMNS.bar), fontColor: BAR_COLORS[grade] });
    });
  }
  if (groupCount > 0) {
    const last = first + groupCount * GRADES.length - 1;
    styles.push({ range: rangeOf(first, CHART_COLUMNS.count, last, CHART_COLUMNS.count), numberFormat: "0", horizontal: "center" });
  }
  return styles;
}
