import { cellAddress } from "../grid";
import { warning, type Issue } from "../issue";
import type { SheetOut } from "../format";
import { CELL_SHORTENED, cellShortenedIssue } from "./messages";

/** Excel's limit on the text of one cell: a longer text makes Excel refuse or cut the file. */
export const EXCEL_CELL_LIMIT = 32_767;

/**
 * No output cell may exceed Excel's limit. A longer text (a 32,767-character 事由 quoted in 计算说明) is cut and ends with
 * "…" and a note saying how long it was, so the cell itself says it was shortened; each one is also told as a 提示.
 */
export function fitCellsToExcel(sheets: readonly SheetOut[]): { sheets: SheetOut[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const fitted = sheets.map((sheet) => {
    if (!hasLongText(sheet.rows)) return sheet;
    let changed = false;
    const rows = sheet.rows.map((row, r) => {
      if (!row.some((value) => typeof value === "string" && value.length > EXCEL_CELL_LIMIT)) return row;
      changed = true;
      return row.map((value, c) => {
        if (typeof value !== "string" || value.length <= EXCEL_CELL_LIMIT) return value;
        issues.push(warning("output.cellShortened", sheet.name, cellAddress(r, c), cellShortenedIssue(value.length, EXCEL_CELL_LIMIT)));
        return shorten(value);
      });
    });
    return changed ? { ...sheet, rows } : sheet;
  });
  return { sheets: fitted, issues };
}

/**
 * Whether any cell holds a text over the limit. Column by column, not row by row: a sheet's texts of one column were
 * made one after the other (计算说明's 130,000 explanations for 10,000 units), so they lie together in memory, while a
 * row's texts lie far apart; reading a text's length reads the text, and in this order that was 3–5× faster.
 */
function hasLongText(rows: SheetOut["rows"]): boolean {
  // Indexed loops: the command line runs this once, before the code is warm, where for…of is slow.
  let width = 0;
  for (let r = 0; r < rows.length; r += 1) width = Math.max(width, (rows[r] as SheetOut["rows"][number]).length);
  for (let column = 0; column < width; column += 1) {
    for (let r = 0; r < rows.length; r += 1) {
      const value = (rows[r] as SheetOut["rows"][number])[column];
      if (typeof value === "string" && value.length > EXCEL_CELL_LIMIT) return true;
    }
  }
  return false;
}

/** The text cut so that it, "…" and the note fit in one cell (never splitting a surrogate pair). */
function shorten(text: string): string {
  const note = CELL_SHORTENED(text.length);
  let end = EXCEL_CELL_LIMIT - note.length - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…${note}`;
}
