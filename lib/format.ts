/**
 * How a host should dress a sheet: widths, number formats, fills, frozen panes, drop-down lists.
 * lib/ says what; the host (ExcelJS, the Office JavaScript API) applies what it can. Ranges are A1 ("B2:F20"), 1-based as Excel.
 */

export interface RangeStyle {
  range: string;
  /** Excel number format: "0.00", "0", "0%", "@" (text). */
  numberFormat?: string;
  /** Fill colour, "#RRGGBB". */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
}

export interface ListValidation {
  range: string;
  /** Allowed values; the host shows a drop-down. Blank is always allowed. */
  list: readonly string[];
  /** Chinese message when the user types something else. */
  prompt: string;
  /**
   * false: another value is allowed after a warning (类别 and 排名分组, to which users may add their own);
   * true or absent: the value must come from the list.
   */
  strict?: boolean;
}

/**
 * A decimal between `min` and `max` (both allowed), as Excel's "小数" data validation: 评分's columns, 0 to 分值.
 * Always a warning, never a stop: 不适用 (or /) is a legal text in a score cell, and the reader checks every value.
 */
export interface DecimalValidation {
  range: string;
  min: number;
  max: number;
  /** Chinese message when the user types something else. */
  prompt: string;
}

/**
 * A clustered column chart a host draws where it can (Excel through its API; an .xlsx library cannot):
 * one series per column of `values` (series names in its first row), categories from `categories`.
 */
export interface ChartSpec {
  title: string;
  /** Header row included: "C1:F3" gives series named by C1…F1 over rows 2–3. */
  values: string;
  /** The category labels, one per data row: "A2:A3". */
  categories: string;
  /** Top-left cell where the chart is placed. */
  anchor: string;
}

/**
 * How a sheet prints, on A4. Each sheet opts in by carrying one (lib/output/print.ts makes them); hosts write it as the
 * sheet's page setup: the .xlsx writers as <pageSetup>, <printOptions>, <headerFooter>, <rowBreaks> and the
 * _xlnm.Print_Titles name, Excel through its PageLayout API.
 */
export interface PrintSetup {
  orientation: "portrait" | "landscape";
  /** Scaled to fit this many pages across and down (down 0: as many pages as the rows need). */
  fit: { width: number; height: number };
  /** Rows 1…n (from the top) printed again at the top of every page; 0: none. */
  repeatRows: number;
  /** Columns A… (n from the left) printed again at the left of every page; 0: none. */
  repeatColumns: number;
  /**
   * The centre of the page header and of the footer, in Excel's header/footer codes ("&P" page, "&N" pages, "&14" size,
   * '&"-,Bold"' bold); a plain "&" is "&&". Empty: none.
   */
  header: string;
  footer: string;
  /** Margins in inches. */
  margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  /** 0-based rows that begin a new page (manual breaks, so that a unit's lines are never split). */
  rowBreaks: number[];
  centerHorizontally: boolean;
  /** Print the cell gridlines (tables without drawn borders read better on paper with them). */
  gridLines: boolean;
}

/** A row taller than one line, so that wrapped text shows whole: 0-based row, height in points. */
export interface RowHeight {
  row: number;
  height: number;
}

export interface SheetFormat {
  /** Column widths in characters, by column from A. */
  columnWidths: number[];
  frozenRows: number;
  frozenColumns: number;
  styles: RangeStyle[];
  validations: ListValidation[];
  /** Number ranges (hosts that cannot set them leave them out: the reader checks every value anyway). */
  decimalValidations?: DecimalValidation[];
  /** Tab colour "#RRGGBB" (input sheets one colour, output sheets another). */
  tabColor?: string;
  chart?: ChartSpec;
  /** Height in points of every row not in rowHeights (room for a line of Chinese text in any program). */
  defaultRowHeight?: number;
  /** Rows that need more than the default height (wrapped text). Hosts that cannot set heights leave them. */
  rowHeights?: RowHeight[];
  /** Page setup for printing; absent: the host's defaults. */
  print?: PrintSetup;
}

/** A sheet ready for a host: values (strings, numbers, booleans, blanks) and how to format them. */
export interface SheetOut {
  name: string;
  rows: (string | number | boolean | null)[][];
  format: SheetFormat;
}

/** Fills for each 等次 on 结果 and 汇总. */
export const GRADE_FILLS: Record<string, string> = {
  优秀: "#C6EFCE",
  良好: "#DDEBF7",
  合格: "#FFEB9C",
  不合格: "#FFC7CE",
};

export const HEADER_FILL = "#D9E1F2";
export const NOT_APPLICABLE_FILL = "#E7E6E6";
export const INPUT_TAB = "#4472C4";
export const OUTPUT_TAB = "#70AD47";

/** Number format for a figure with `places` decimals: 2 → "0.00", 0 → "0". */
export function decimalFormat(places: number): string {
  return places > 0 ? `0.${"0".repeat(places)}` : "0";
}

/**
 * Text that a spreadsheet would take for a formula if typed: it begins with = + - or @.
 * Hosts write such text as text (Excel: number format "@" or a leading apostrophe), never as a formula.
 */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

// Texts a spreadsheet turns into something else when they are written, as when typed: numbers (with separators, signs,
// exponents), percentages, amounts, dates, times and fractions — digits with only such marks — and truth and error values.
// Two tests, not one pattern "marks* digit marks*": that one backtracks over every digit of a long text of digits and
// marks that fails at its end (计算说明's 计算过程), and took a third of a 1,000-unit 计算等次 in Excel (issue 14).
const ONLY_NUMBER_MARKS = /^[\s\d.,:/%+\-()$¥￥€£eE年月日时分秒]*$/;
const HAS_DIGIT = /\d/;
const TRUTH_OR_ERROR = /^\s*(true|false|#[a-z0-9/]+[!?]?)\s*$/i;

/**
 * Text that Excel or WPS, given it as a cell's value, would not keep as that text: a formula (= + - @), or something
 * it reads as a number, date or truth value ("18.50", 编号 "1.1", "2025-3-1", "TRUE"). Hosts that write values through
 * an object model write such text with a leading apostrophe, which keeps it text exactly as when a user types '=1+1.
 */
export function becomesValueIfWritten(text: string): boolean {
  return looksLikeFormula(text) || (ONLY_NUMBER_MARKS.test(text) && HAS_DIGIT.test(text)) || TRUTH_OR_ERROR.test(text);
}
