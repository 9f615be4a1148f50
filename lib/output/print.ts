/**
 * Printing the output sheets on A4, once for every host: titles, footers, margins, scale, row heights for wrapped
 * text and page breaks that keep a unit's lines together. Hosts only write what this says (SheetFormat.print).
 *
 * Sizes are worked out the way Excel measures a sheet: a column w characters wide is 7w + 5 pixels (7 px is the widest
 * digit of the default 11-point font), ¾ point a pixel. A Chinese character is about 2.1 digits wide and a line of it
 * about 15–16 points high in Excel and LibreOffice alike; the estimates below round up (2.2 digits, 16 points), so that
 * an estimate errs toward a row a little taller or a page break a little early, never toward text that is cut.
 */
import type { PrintSetup, RowHeight } from "../format";
import { columnName } from "../grid";
import type { Params } from "../model";
import { displayWidth, widthBetween } from "../width";

type Cell = string | number | boolean | null;

/** A4 in points (portrait: short side across). */
const A4 = { short: 595.28, long: 841.89 } as const;
const POINTS_PER_INCH = 72;
/** Narrow side margins leave room for wide tables; top and bottom leave room for the title and the page numbers. */
const MARGINS: PrintSetup["margins"] = { left: 0.4, right: 0.4, top: 0.7, bottom: 0.6, header: 0.25, footer: 0.25 };
/** Page numbers under every page, as the clerks' printed tables have them. */
export const PAGE_FOOTER = "第 &P 页 共 &N 页";
/** Points per line of wrapped text, and what a row adds around its lines. */
export const LINE_HEIGHT = 15;
const ROW_PADDING = 4;
/**
 * A row of one line: a little over Excel's 15 points, room for Chinese text whatever font a program falls back to
 * (LibreOffice keeps its default 12.8 points for rows it is given no height, and cuts Chinese text at the bottom).
 * Output sheets that print set it as their default row height.
 */
export const ONE_LINE_ROW = 17;
/** Part of a page the page breaks fill at most: room for rows a program draws a little taller than estimated. */
const PAGE_FILL = 0.96;
/** A wide (Chinese) character in digit widths, rounded up a little over 2.1; displayWidth counts it as 2. */
const WIDE_FACTOR = 1.08;
/** What is taken off a computed scale, so that rounding in Excel or LibreOffice never pushes a column onto a second page. */
const SCALE_MARGIN = 2;

/** "2026年度示例县法治建设考核结果": the printed title of an output sheet ("结果", "计算说明", "汇总"). */
export function printTitle(params: Pick<Params, "year" | "region">, what: string): string {
  return `${params.year}年度${params.region}法治建设考核${what}`;
}

/** The page header: the title, centred, bold and larger. "&" in the title is doubled (Excel reads "&" as a code). */
export function titleHeader(title: string): string {
  // The size before the font: "&14" directly before a title that begins with digits ("2026年度…") would read them as the size.
  return `&14&"-,Bold"${title.replace(/&/g, "&&")}`;
}

/** Width of a column of w characters, in points. */
export function columnPoints(width: number): number {
  return Math.trunc(width * 7 + 5) * 0.75;
}

/** Lines a text takes when wrapped in a column of `width` characters (at least 1; line breaks in the text count). */
export function wrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 0.5);
  // No character is wider than two columns a UTF-16 unit: a text that fits even so, on one line, is not measured.
  if (text.length * 2 * WIDE_FACTOR <= room && !text.includes("\n")) return 1;
  let lines = 0;
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n", start);
    const stop = end === -1 ? text.length : end;
    lines += linesOfWidth(widthBetween(text, start, stop), room);
    if (end === -1) return lines;
    start = end + 1;
  }
}

/** wrappedLines of a text without line breaks whose displayWidth is known already. */
export function wrappedLinesOfWidth(textWidth: number, width: number): number {
  return linesOfWidth(textWidth, Math.max(1, width - 0.5));
}

function linesOfWidth(textWidth: number, room: number): number {
  return Math.max(1, Math.ceil((textWidth * WIDE_FACTOR) / room));
}

/**
 * Width in characters that shows a text on one line without cutting it, with room either side. Always a half
 * (9.5, never 9): ExcelJS takes a width of exactly 9 for its default and leaves it out of the file.
 */
export function widthFor(text: string): number {
  return Math.ceil(displayWidth(text) * WIDE_FACTOR) + 2.5;
}

/**
 * Column widths from the texts they hold: each at least its minimum, wide enough for its longest text, but never over
 * its maximum (a column with a maximum wraps its longer texts).
 */
export function fittedWidths(rows: readonly (readonly Cell[])[], minimums: readonly number[], maximums: readonly (number | null)[] = []): number[] {
  // A number's width by its value: figures recur (0.00, 10.00, a 总分 many units share), and writing a number out is slow.
  const numberWidths = new Map<number, number>();
  return minimums.map((minimum, column) => {
    const maximum = maximums[column] ?? null;
    let widest = minimum;
    for (const row of rows) {
      // A column at its maximum stays there whatever follows.
      if (maximum !== null && widest >= maximum) break;
      const value = row[column];
      if (value === null || value === undefined || value === "") continue;
      if (typeof value === "number") {
        let width = numberWidths.get(value);
        if (width === undefined) {
          width = widthFor(String(value));
          numberWidths.set(value, width);
        }
        widest = Math.max(widest, width);
        continue;
      }
      const text = typeof value === "string" ? value : String(value);
      // No character is wider than two columns a UTF-16 unit: a text that cannot widen the column is not measured.
      if (Math.ceil(text.length * 2 * WIDE_FACTOR) + 2.5 <= widest) continue;
      widest = Math.max(widest, widthFor(text));
    }
    return maximum === null ? widest : Math.min(widest, maximum);
  });
}

/** Height in points of a row whose tallest cell takes `lines` lines. */
export function heightOfLines(lines: number): number {
  return lines * LINE_HEIGHT + ROW_PADDING;
}

/**
 * Heights of the rows whose wrapped cells need more than one line: the most lines any of `columns` takes in that row.
 * `first` is the first row (0-based) to look at, `widths` the sheet's column widths. (计算说明 works out its units' rows
 * itself, from the widths auditLines knew: see renderAudit.)
 */
export function wrappedRowHeights(rows: readonly (readonly Cell[])[], columns: readonly number[], widths: readonly number[], first = 0): RowHeight[] {
  const heights: RowHeight[] = [];
  for (let row = first; row < rows.length; row += 1) {
    const cells = rows[row] ?? [];
    let most = 1;
    for (const column of columns) {
      const value = cells[column];
      if (typeof value === "string" && value !== "") most = Math.max(most, wrappedLines(value, widths[column] ?? 8.43));
    }
    if (most > 1) heights.push({ row, height: heightOfLines(most) });
  }
  return heights;
}

/** Width of the printable area of A4 in points. */
function printableWidth(orientation: PrintSetup["orientation"]): number {
  return (orientation === "landscape" ? A4.long : A4.short) - (MARGINS.left + MARGINS.right) * POINTS_PER_INCH;
}

function printableHeight(orientation: PrintSetup["orientation"]): number {
  return (orientation === "landscape" ? A4.short : A4.long) - (MARGINS.top + MARGINS.bottom) * POINTS_PER_INCH;
}

/**
 * The percentage at which columns of these widths fill one page across (at most 100), measured with the default font's
 * digit of 7 pixels. A program whose default font is wider (LibreOffice without Calibri) scales further down, so its
 * pages hold more rows: page breaks placed for this scale still fall between blocks.
 */
export function scaleToWidth(widths: readonly number[], orientation: PrintSetup["orientation"]): number {
  const total = widths.reduce((sum, width) => sum + columnPoints(width), 0);
  if (total === 0) return 100;
  return Math.max(10, Math.min(100, Math.floor((100 * printableWidth(orientation)) / total) - SCALE_MARGIN));
}

/** A block of rows (0-based, inclusive) that prints on one page: one unit's lines in 计算说明. */
export interface RowBlock {
  first: number;
  last: number;
}

/**
 * Page breaks that keep every block whole: a new page starts before a block that would not fit on what is left of the
 * current one. `heights` gives the rows taller than one line; `repeated` rows (the header) print on every page.
 * A block taller than a page (not expected) starts a page and is left to the host to split.
 */
export function blockBreaks(blocks: readonly RowBlock[], heights: readonly RowHeight[], repeated: number, scale: number, orientation: PrintSetup["orientation"]): number[] {
  // Every row's height in one array (1 line unless `heights` says otherwise): 计算说明 has 130,000 rows at 10,000 units.
  let rows = repeated;
  for (const block of blocks) rows = Math.max(rows, block.last + 1);
  const tall = new Float64Array(rows).fill(ONE_LINE_ROW);
  for (const entry of heights) if (entry.row >= 0 && entry.row < rows) tall[entry.row] = entry.height;
  const rowHeight = (row: number) => (row >= 0 && row < rows ? (tall[row] ?? ONE_LINE_ROW) : ONE_LINE_ROW);
  let header = 0;
  for (let row = 0; row < repeated; row += 1) header += rowHeight(row);
  const room = (PAGE_FILL * printableHeight(orientation) * 100) / scale - header;
  const sum = (from: number, to: number) => {
    let total = 0;
    for (let row = from; row <= to; row += 1) total += rowHeight(row);
    return total;
  };
  const breaks: number[] = [];
  let used = 0;
  let next = repeated;
  for (const block of blocks) {
    // Rows between blocks (a blank row) end the page before; the block itself never splits.
    const lead = sum(next, block.first - 1);
    const body = sum(block.first, block.last);
    if (used > 0 && used + lead + body > room) {
      breaks.push(block.first);
      used = body;
    } else {
      used += lead + body;
    }
    next = block.last + 1;
  }
  return breaks;
}

/** Page setup on A4 with the title above and page numbers below every page; the rest as given. */
export function a4Print(options: {
  title: string;
  orientation: PrintSetup["orientation"];
  fit: PrintSetup["fit"];
  repeatRows: number;
  repeatColumns?: number;
  rowBreaks?: number[];
}): PrintSetup {
  return {
    orientation: options.orientation,
    fit: options.fit,
    repeatRows: options.repeatRows,
    repeatColumns: options.repeatColumns ?? 0,
    header: titleHeader(options.title),
    footer: PAGE_FOOTER,
    margins: { ...MARGINS },
    rowBreaks: options.rowBreaks ?? [],
    centerHorizontally: true,
    gridLines: true,
  };
}

/** The rows printed on every page as Excel writes them ("$1:$1"), or null. */
export function repeatRowsAddress(print: PrintSetup): string | null {
  return print.repeatRows > 0 ? `$1:$${print.repeatRows}` : null;
}

/** The columns printed on every page ("$A:$C"), or null. */
export function repeatColumnsAddress(print: PrintSetup): string | null {
  return print.repeatColumns > 0 ? `$A:$${columnName(print.repeatColumns - 1)}` : null;
}

/** The defined name _xlnm.Print_Titles of a sheet ("'结果'!$A:$C,'结果'!$1:$1"), or null when nothing repeats. */
export function printTitlesFormula(sheetName: string, print: PrintSetup): string | null {
  const quoted = `'${sheetName.replace(/'/g, "''")}'`;
  const parts = [repeatColumnsAddress(print), repeatRowsAddress(print)].filter((part): part is string => part !== null);
  return parts.length === 0 ? null : parts.map((part) => `${quoted}!${part}`).join(",");
}
