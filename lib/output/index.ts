import type { SheetOut } from "../format";
import type { AssessmentResult } from "../model";
import { renderAudit } from "./audit";
import { renderResults } from "./results";
import { renderSummary } from "./summary";

export { toJson, type IssueJson, type ResultsJson, type UnitJson } from "./json";
export { renderAudit } from "./audit";
export { renderResults } from "./results";
export { renderSummary } from "./summary";

/** 结果, 计算说明 and 汇总, in that order, with formats; values only, never a formula. */
export function renderOutputs(result: AssessmentResult): SheetOut[] {
  return [renderResults(result), renderAudit(result), renderSummary(result)];
}
