/** 导入工作安排: 考核指标 rows from the text of a year's 工作安排 ("安排什么考核什么"). */
export { parseWorkPlan, countyCategories, DEFAULT_PLAN_TOTAL } from "./parse";
export { planIndicatorsSheet } from "./sheet";
export { planContext, planUnits, indicatorRowCount, keptSheetName, type PlanContext, type PlanUnit } from "./workbook";
export { parsePlanTotal } from "./points";
export { PLAN_MESSAGES } from "./messages";
export type { PlanIndicator, PlanOptions, PlanOutcome, PlanWarning } from "./types";
