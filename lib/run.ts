import type { SheetOut } from "./format";
import type { WorkbookGrids } from "./grid";
import { hasErrors, type Issue } from "./issue";
import type { AssessmentInput, AssessmentResult } from "./model";
import { renderOutputs } from "./output";
import { fitCellsToExcel } from "./output/cellLimit";
import { quotaIssues } from "./forms/progress";
import { readAssessment } from "./reader";
import { scoreAssessment } from "./rules";

export interface RunOutcome {
  issues: Issue[];
  /** What was read from the input sheets (for the fingerprint of 核验); null when any error was found. */
  input: AssessmentInput | null;
  /** null when any error was found: then a host writes nothing. */
  result: AssessmentResult | null;
  /** The output sheets to write (结果, 计算说明, 汇总); null when any error was found. */
  outputs: SheetOut[] | null;
}

/**
 * The whole of 计算等次 for any host: read the grids, score, render the output sheets.
 * Any error anywhere means no result and no outputs, so a host cannot write half an answer.
 */
export function runAssessment(book: WorkbookGrids): RunOutcome {
  const read = readAssessment(book);
  if (read.input === null || hasErrors(read.issues)) {
    return { issues: read.issues, input: null, result: null, outputs: null };
  }
  const scored = scoreAssessment(read.input);
  const issues = [...read.issues, ...scored.issues];
  if (hasErrors(issues)) {
    return { issues, input: null, result: null, outputs: null };
  }
  // No output cell may exceed Excel's 32,767 characters: cut, marked in the cell and told as a 提示.
  const fitted = fitCellsToExcel(renderOutputs(scored.result));
  return { issues: [...issues, ...fitted.issues], input: read.input, result: scored.result, outputs: fitted.sheets };
}

/** 检查数据: every problem, without scoring output. */
export function checkAssessment(book: WorkbookGrids): Issue[] {
  const read = readAssessment(book);
  if (read.input === null) return read.issues;
  // A 评议单位 over 互评“好”最多比例 is told even when other errors stop the scoring.
  const quota = quotaIssues(read.input, book);
  if (hasErrors(read.issues)) return [...read.issues, ...quota];
  return [...read.issues, ...quota, ...scoreAssessment(read.input).issues];
}
