import type { Workbook } from "./library";

/** A text that Excel would read as an escaped character: _x000D_ is a carriage return in the file format. */
const ESCAPE_LIKE = /_x([0-9A-Fa-f]{4})_/g;
// Characters XML 1.0 cannot hold (ExcelJS silently drops them); Excel stores them as _x0001_ escapes, and so do we,
// so that an input cell holding one comes back unchanged in the written copy.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_IN_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const HAS_ESCAPE_LIKE = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

/**
 * Text as the file must hold it so that Excel shows it unchanged: "_x000D_" is written "_x005F_x000D_"
 * (the underscore escaped), as Excel itself does. ExcelJS decodes such escapes when reading but does not
 * encode them when writing, so without this a text could come back as a different one. Control characters are
 * written as their escapes (U+0001 → _x0001_) for the same reason.
 */
export function escapeText(text: string): string {
  return text.replace(ESCAPE_LIKE, "_x005F_x$1_").replace(NOT_IN_XML, (character) => `_x${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

/** Applies escapeText to every text of every sheet, just before saving (ExcelJS decoded them on loading). */
export function escapeWorkbookTexts(workbook: Workbook): void {
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value: unknown = cell.value;
        if (typeof value === "string") {
          if (HAS_ESCAPE_LIKE.test(value)) cell.value = escapeText(value);
        } else if (typeof value === "object" && value !== null && Array.isArray((value as { richText?: unknown }).richText)) {
          const runs = (value as { richText: { text: string }[] }).richText;
          if (runs.some((run) => HAS_ESCAPE_LIKE.test(run.text))) {
            cell.value = { richText: runs.map((run) => ({ ...run, text: escapeText(run.text) })) };
          }
        }
      });
    });
  }
}
