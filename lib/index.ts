/** kaohe's scoring library: pure TypeScript over decimal.js. Hosts move grids in and out; everything else is here. */
export * from "./decimal";
export * from "./grid";
export * from "./issue";
export * from "./model";
export * from "./layout";
export * from "./format";
export * from "./applies";
export { buildTemplate, type TemplateOptions } from "./template";
export { readAssessment, type ReadOutcome } from "./reader";
export { scoreAssessment, type ScoreOutcome } from "./rules";
export { figureText, groupFigureTexts, renderOutputs, RESULT_COLUMN_FIELDS, toJson, type ResultsJson } from "./output";
export { runAssessment, checkAssessment, type RunOutcome } from "./run";
export {
  parseWorkPlan,
  planIndicatorsSheet,
  planContext,
  planUnits,
  indicatorRowCount,
  keptSheetName,
  type PlanContext,
  type PlanUnit,
  countyCategories,
  DEFAULT_PLAN_TOTAL,
  parsePlanTotal,
  PLAN_MESSAGES,
  type PlanIndicator,
  type PlanOptions,
  type PlanOutcome,
  type PlanWarning,
} from "./plan";
export * as forms from "./forms";
