import { OUTPUT_SHEETS, SHEET } from "../../lib/layout";

/** Texts the Excel host itself shows (what Excel, not the data, stands in the way of), in one place. */
export const EXCEL_TEXT = {
  usedRangeTooLarge: (sheet: string, far: string, cells: number) =>
    `“${sheet}”表的已用区域一直延伸到 ${far}（共 ${cells.toLocaleString("en-US")} 个单元格），超过了 Excel 一次能读取的 500 万个单元格，多半是远处有多余的内容或格式。` +
    `请在数据下方（或右侧）选中多余的整行（整列）直到 ${far}，右键“删除”，保存后再点一次。`,
  decorationsFailed: (what: string, code: string) =>
    `结果已全部写入，但${what}没有设置成功（Excel 返回 ${code}），不影响分数和等次。可再点一次“计算等次”重试。`,
  decorationWhat: "图表、冻结窗格、标签颜色等格式",
} as const;

/**
 * The name of a temporary sheet that holds a new output while it is written ("结果（计算中，可删除）"): recognisably
 * ours, so that one left behind by a failed run (Excel refused even the clean-up, e.g. while a cell was being edited)
 * is removed at the next 计算等次, and a clerk who sees it knows it may go.
 */
export const TEMPORARY_SUFFIX = "（计算中，可删除）";

/** The sheets the add-in writes whole: 计算等次's outputs and 季度点评. */
const WRITTEN_SHEETS: readonly string[] = [...OUTPUT_SHEETS, SHEET.quarterReview];

/** Whether a sheet is a temporary output sheet of ours: an output's name, the suffix, and an optional number. */
export function isTemporarySheet(name: string): boolean {
  return WRITTEN_SHEETS.some((out) => name.startsWith(out + TEMPORARY_SUFFIX) && /^\d*$/.test(name.slice(out.length + TEMPORARY_SUFFIX.length)));
}
