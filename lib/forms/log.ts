/**
 * 回收记录: one row per form collected (and per form not yet returned), saying which file filled what. The sheet is
 * the software's: each collect replaces it whole, keeping the rows of files not collected this time.
 */
import { HEADER_FILL, type SheetOut } from "../format";
import type { CellValue, WorkbookGrids } from "../grid";
import { trimSpaces } from "../reader/cells";
import { LOG_TEXT } from "./messages";

export interface LogRow {
  file: string;
  kind: string;
  owner: string;
  modified: string;
  filled: number | null;
  blank: number | null;
  /** 已合并, 已合并（无新值）, 未合并 or 未回收. */
  result: string;
  note: string;
}

export const LOG_SHEET = LOG_TEXT.sheet;

export function logSheet(rows: readonly LogRow[]): SheetOut {
  const grid: (string | number | null)[][] = [
    [...LOG_TEXT.headers],
    ...rows.map((row) => [row.file, row.kind, row.owner, row.modified, row.filled, row.blank, row.result, row.note]),
  ];
  const last = Math.max(grid.length, 2);
  return {
    name: LOG_SHEET,
    rows: grid,
    format: {
      columnWidths: [30, 12, 24, 17, 7, 7, 16, 80],
      frozenRows: 1,
      frozenColumns: 0,
      styles: [
        { range: "A1:H1", fill: HEADER_FILL, bold: true, horizontal: "center" },
        { range: `A2:D${last}`, numberFormat: "@" },
        { range: `H2:H${last}`, wrap: true },
      ],
      validations: [],
      tabColor: "#ED7D31",
    },
  };
}

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return trimSpaces(value);
  if (typeof value === "number") return String(value);
  return "";
}

function count(value: CellValue | undefined): number | null {
  return typeof value === "number" ? value : null;
}

/** The 回收记录 a master already holds (empty when it has none). */
export function readLog(book: WorkbookGrids): LogRow[] {
  const sheet = book.sheets.find((s) => trimSpaces(s.name) === LOG_SHEET);
  if (sheet === undefined) return [];
  return sheet.rows.slice(1).filter((row) => row.some((value) => value !== null && value !== "")).map((row) => ({
    file: text(row[0]),
    kind: text(row[1]),
    owner: text(row[2]),
    modified: text(row[3]),
    filled: count(row[4]),
    blank: count(row[5]),
    result: text(row[6]),
    note: text(row[7]),
  }));
}
