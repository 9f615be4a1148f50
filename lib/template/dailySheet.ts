import type { SheetOut } from "../format";
import { columnName } from "../grid";
import { DAILY_HEADERS, HEADERS, LEDGER_WORDS, NO, REVIEW_WORDS, SHEET, YES } from "../layout";
import { PROMPTS } from "./messages";
import { columnRange, DATA_ROWS_TO, inputSheetFormat, styledRows } from "./sheetFormat";
import type { TemplateDaily } from "./templateData";

const LEDGER_FROM = 1;
const CHECKS_FROM = LEDGER_FROM + DAILY_HEADERS.ledger.length;
const REVIEWS_FROM = CHECKS_FROM + DAILY_HEADERS.checks.length;
const MARK = REVIEWS_FROM + DAILY_HEADERS.reviews.length;
const REASON = MARK + 1;

/**
 * 平时考核: a row per unit; drop-downs for 台账 (按时/逾期/未报), 季度点评 (经验介绍/检查性发言) and 取消评先资格 (是/否).
 * 双月检查 take a score or a word of 参数 检查等级分, so they have no list.
 */
export function dailySheet(records: readonly TemplateDaily[]): SheetOut {
  const rows = [
    [...HEADERS.daily],
    ...records.map((r) => [r.unit, ...r.ledger, ...r.checks, ...r.reviews, r.disqualified, r.disqualifiedReason]),
  ];
  const lastRow = Math.max(DATA_ROWS_TO, rows.length);
  const shown = styledRows(rows);
  // Columns `from`…`to` (0-based) over rows `first`…`last`: "B2:M500".
  const block = (from: number, to: number, first: number, lastRowOf: number) => `${columnName(from)}${first}:${columnName(to)}${lastRowOf}`;
  return {
    name: SHEET.daily,
    rows,
    format: inputSheetFormat({
      columnWidths: [26, ...DAILY_HEADERS.ledger.map(() => 9), ...DAILY_HEADERS.checks.map(() => 10), ...DAILY_HEADERS.reviews.map(() => 12), 12, 40],
      headerColumns: HEADERS.daily.length,
      styles: [
        { range: block(LEDGER_FROM, MARK, 2, shown), horizontal: "center" },
        { range: columnRange(REASON, 2, shown), wrap: true },
      ],
      validations: [
        { range: block(LEDGER_FROM, CHECKS_FROM - 1, 2, lastRow), list: Object.values(LEDGER_WORDS), prompt: PROMPTS.ledger },
        { range: block(REVIEWS_FROM, MARK - 1, 2, lastRow), list: Object.values(REVIEW_WORDS), prompt: PROMPTS.review },
        { range: columnRange(MARK, 2, lastRow), list: [YES, NO], prompt: PROMPTS.yesNo },
      ],
    }),
  };
}
