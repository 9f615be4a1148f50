import type { SheetOut } from "../format";
import type { AssessmentResult } from "../model";
import { renderAudit } from "./audit";
import { renderResults } from "./results";
import { renderSummary } from "./summary";

export { RESULT_COLUMN_FIELDS, RESULT_FIELDS, toJson, type IssueJson, type ResultColumnField, type ResultsJson, type UnitJson } from "./json";
export { figureText, groupFigureTexts } from "./figures";
export { renderAudit } from "./audit";
export { renderResults } from "./results";
export { renderSummary } from "./summary";

/** 结果, 计算说明 and 汇总, in that order, with formats; values only, never a formula. */
export function renderOutputs(result: AssessmentResult): SheetOut[] {
  return [renderResults(result), renderAudit(result), renderSummary(result)];
}
