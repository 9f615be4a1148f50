import type { SheetOut } from "../format";
import { HEADERS, SHEET } from "../layout";
import { GRADES } from "../model";
import { PROMPTS } from "./messages";
import { columnRange, DATA_ROWS_TO, inputSheetFormat } from "./sheetFormat";

/**
 * 审定调整: empty in every new workbook (the 审定 comes after scoring); a drop-down of the four 等次 for 调整为等次,
 * 日期 as text so that "2027年3月" and a date both keep what was typed.
 */
export function reviewSheet(): SheetOut {
  const rows = [[...HEADERS.review]];
  return {
    name: SHEET.review,
    rows,
    format: inputSheetFormat({
      columnWidths: [26, 12, 50, 36, 14],
      headerColumns: HEADERS.review.length,
      styles: [
        { range: columnRange(1, 2, 2), horizontal: "center" },
        { range: "C2:D2", wrap: true },
      ],
      validations: [{ range: columnRange(1, 2, DATA_ROWS_TO), list: GRADES, prompt: PROMPTS.reviewGrade }],
    }),
  };
}
