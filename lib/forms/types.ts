import type { SheetOut } from "../format";

/** 评分表 (one 考核主体's indicators), 互评表 (one 评议单位's ratings) or 满意度汇总表 (the survey). */
export type FormKind = "score" | "rating" | "satisfaction";

/** A number range a cell must lie in (data validation); bounds as decimal texts so that 2.5 stays 2.5. */
export interface RangeValidation {
  range: string;
  min: string;
  max: string;
  /** Whole numbers only (ballot counts). */
  whole: boolean;
  /** false: another value (such as 不适用 in a score cell) is allowed after a warning. */
  strict: boolean;
  prompt: string;
}

/** A note on a cell (Excel: a comment) such as an indicator's 考核内容 on its header. */
export interface CellNote {
  cell: string;
  text: string;
}

/**
 * A sheet of a form: a SheetOut and what only forms need. A protected sheet keeps its structure (no rows or columns
 * inserted, deleted or moved) without a password; only the `unlocked` ranges can be typed into.
 */
export interface FormSheet extends SheetOut {
  protect: boolean;
  unlocked: readonly string[];
  rangeValidations: readonly RangeValidation[];
  notes: readonly CellNote[];
  /** veryHidden: the form's identity, which nobody can unhide from Excel's menus. */
  hidden: boolean;
  /** Height of row 1 in points when its headers wrap onto several lines; null leaves the default. */
  headerHeight: number | null;
  /** A4, fit to one page wide, these rows repeated on every printed page; null: no print setup. */
  print: { landscape: boolean; titleRows: number } | null;
}

/** One form ready for a host to turn into a file. */
export interface FormBook {
  kind: FormKind;
  /** The 考核主体 or 评议单位 it goes to (满意度汇总表: the office). */
  owner: string;
  /** 评分表-县司法局.xlsx */
  fileName: string;
  sheets: FormSheet[];
}

/** Turns a text into a digest (hex SHA-256): Web Crypto in browsers, node:crypto on the command line (核验's type). */
export type { Digest } from "../integrity/digest";
