/** 从上年结果导入 and 按上年生成模板: matching (match.ts), the previewed import (plan.ts), next year's template (nextYear.ts). */
export { carryOver, lastYearLines, renamesOf, textOf, type CarryOver, type LastYearLine } from "./match";
export { carryOverStillHolds, checkRenames, planCarryOver, renamesSheet, type CarryOverPlan } from "./plan";
export { nextYearTemplate, type NextYearTemplate } from "./nextYear";
export { CARRY_MSG } from "./messages";
