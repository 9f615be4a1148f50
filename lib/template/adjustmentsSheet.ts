import type { SheetOut } from "../format";
import { ADJUSTMENT_TYPES, HEADERS, NO, SHEET, YES } from "../layout";
import { PROMPTS } from "./messages";
import { columnRange, DATA_ROWS_TO, inputSheetFormat, styledRows } from "./sheetFormat";
import type { TemplateAdjustment } from "./templateData";

/** 加减分: one record per row; drop-downs for 类型 (加分/扣分), 情节严重 and 重大法治问题 (是/否). */
export function adjustmentsSheet(records: readonly TemplateAdjustment[]): SheetOut {
  const rows = [
    [...HEADERS.adjustments],
    ...records.map((record) => [record.unit, record.type, record.points, record.reason, record.basis, record.serious, record.majorIssue]),
  ];
  const lastRow = Math.max(DATA_ROWS_TO, rows.length);
  const yesNo = [YES, NO];
  return {
    name: SHEET.adjustments,
    rows,
    format: inputSheetFormat({
      columnWidths: [26, 8, 8, 50, 40, 10, 14],
      headerColumns: HEADERS.adjustments.length,
      styles: [
        { range: columnRange(2, 2, styledRows(rows)), horizontal: "center" },
        { range: `D2:E${styledRows(rows)}`, wrap: true },
        { range: `F2:G${styledRows(rows)}`, horizontal: "center" },
      ],
      validations: [
        { range: columnRange(1, 2, lastRow), list: [ADJUSTMENT_TYPES.bonus, ADJUSTMENT_TYPES.penalty], prompt: PROMPTS.adjustmentType },
        { range: columnRange(5, 2, lastRow), list: yesNo, prompt: PROMPTS.yesNo },
        { range: columnRange(6, 2, lastRow), list: yesNo, prompt: PROMPTS.yesNo },
      ],
    }),
  };
}
