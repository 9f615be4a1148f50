const SCORED_MARK = "（已计算）";

/** The download name of a scored copy: 考核.xlsx → 考核（已计算）.xlsx; a copy already scored keeps its one mark. */
export function scoredFileName(original: string): string {
  const base = original.replace(/\.(xlsx|xlsm|xls|et)$/i, "").trim() || "考核";
  return base.endsWith(SCORED_MARK) ? `${base}.xlsx` : `${base}${SCORED_MARK}.xlsx`;
}

/** The download name of a new template: 考核模板（2026年）.xlsx, or 示例考核（2026年）.xlsx for the example. */
export function templateFileName(year: number, example: boolean): string {
  return example ? `示例考核（${year}年）.xlsx` : `考核模板（${year}年）.xlsx`;
}

/** The download name of a copy with imported 考核指标: 考核.xlsx → 考核（新指标）.xlsx. */
export function importedFileName(original: string): string {
  const base = original.replace(/\.(xlsx|xlsm|xls|et)$/i, "").trim() || "考核";
  return `${base}（新指标）.xlsx`;
}

/** The download name of a copy with 生成评分表's sheets: 考核.xlsx → 考核（评分表）.xlsx. */
export function layoutFileName(original: string): string {
  const base = original.replace(/\.(xlsx|xlsm|xls|et)$/i, "").trim() || "考核";
  return `${base}（评分表）.xlsx`;
}

/** The download name of a copy with the 季度点评 sheet: 考核.xlsx, quarter 3 → 考核（第3季度点评）.xlsx. */
export function quarterFileName(original: string, q: number): string {
  const base = original.replace(/\.(xlsx|xlsm|xls|et)$/i, "").trim() || "考核";
  return `${base}（第${q}季度点评）.xlsx`;
}

/** The download name of the forms: 考核.xlsx → 考核（评分表）.zip. */
export function formsZipName(original: string): string {
  const base = original.replace(/\.(xlsx|xlsm|xls|et)$/i, "").trim() || "考核";
  return `${base}（评分表）.zip`;
}

/** The download name of a copy with the returns merged: 考核.xlsx → 考核（已回收）.xlsx. */
export function collectedFileName(original: string): string {
  const base = original.replace(/\.(xlsx|xlsm|xls|et)$/i, "").trim() || "考核";
  return `${base}（已回收）.xlsx`;
}

/** The download name of a copy with 上年名次/上年等次 imported: 考核.xlsx → 考核（已导入上年）.xlsx. */
export function carryOverFileName(original: string): string {
  const base = original.replace(/\.(xlsx|xlsm|xls|et)$/i, "").trim() || "考核";
  return `${base}（已导入上年）.xlsx`;
}
