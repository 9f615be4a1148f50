import { decimalFormat, HEADER_FILL, OUTPUT_TAB, type SheetOut } from "../format";
import { HEADERS, SHEET } from "../layout";
import { NOTE_SEPARATOR } from "./messages";
import { figureNumber } from "./figures";
import { rangeOf } from "./ranges";
import { a4Print, fittedWidths, ONE_LINE_ROW, wrappedRowHeights } from "./print";
import type { QuarterOverview } from "../rules/quarterReview";

type Cell = string | number | null;

const LAST_COLUMN = HEADERS.quarterReview.length - 1;
const WIDTHS = [24, 10, 16, 8, 8, 16, 10, 8, 12, 10, 50];
const MEAN_COLUMN = 6;
const RANK_COLUMN = 7;

/** The title row of 季度点评: "2026年度第3季度平时考核情况（季度点评会议用）". */
export function quarterTitle(year: number, q: number): string {
  return `${year}年度第${q}季度平时考核情况（季度点评会议用）`;
}

/**
 * 季度点评: a title row, the header, then one row per unit as quarterOverview orders them (by 排名分组, then by the
 * quarter's check place). An output sheet: replaced whole each time it is made, input sheets never touched.
 */
export function renderQuarterSheet(overview: QuarterOverview, year: number, places: number): SheetOut {
  const body: Cell[][] = overview.lines.map((line) => [
    line.unit.name,
    line.unit.rankGroup,
    line.ledger,
    line.lateSoFar,
    line.missingSoFar,
    line.checks,
    line.checkMean === null ? null : figureNumber(line.checkMean, places),
    line.checkRank,
    line.previousReview,
    line.experienceSoFar,
    line.notes.join(NOTE_SEPARATOR),
  ]);
  const rows: Cell[][] = [[quarterTitle(year, overview.quarter)], [...HEADERS.quarterReview], ...body];
  const last = rows.length - 1;
  // The title row is as long as a line of the sheet: it is left out of the widths, which fit the table's own text.
  const widths = fittedWidths(rows.slice(1), WIDTHS, WIDTHS.map((width, column) => (column === LAST_COLUMN ? width : null)));
  return {
    name: SHEET.quarterReview,
    rows,
    format: {
      columnWidths: widths,
      defaultRowHeight: ONE_LINE_ROW,
      rowHeights: wrappedRowHeights(rows, [LAST_COLUMN], widths, 2),
      // For the meeting: A4 landscape, one page wide, the title and header rows on every page, page numbers below.
      print: a4Print({ title: quarterTitle(year, overview.quarter), orientation: "landscape", fit: { width: 1, height: 0 }, repeatRows: 2, repeatColumns: 1 }),
      frozenRows: 2,
      frozenColumns: 1,
      styles: [
        { range: rangeOf(0, 0, 0, 0), bold: true },
        { range: rangeOf(1, 0, 1, LAST_COLUMN), fill: HEADER_FILL, bold: true, horizontal: "center", wrap: true },
        ...(body.length === 0
          ? []
          : [
              { range: rangeOf(2, MEAN_COLUMN, last, MEAN_COLUMN), numberFormat: decimalFormat(places) },
              { range: rangeOf(2, RANK_COLUMN, last, RANK_COLUMN), numberFormat: "0", horizontal: "center" as const },
              { range: rangeOf(2, LAST_COLUMN, last, LAST_COLUMN), wrap: true },
            ]),
      ],
      validations: [],
      tabColor: OUTPUT_TAB,
    },
  };
}
