/**
 * 试算: other 分数线, 优秀比例上限, 名次规则 or caps tried on the workbook's own data, writing nothing. The workbook is read
 * once; each try types the values into a copy of 参数, reads that sheet as 计算等次 would and scores again, so that
 * 应用 (the same values written into 参数) followed by 计算等次 gives exactly what was previewed.
 */
import type { SheetGrid, WorkbookGrids } from "../grid";
import { hasErrors, type Issue } from "../issue";
import { SHEET } from "../layout";
import type { AssessmentInput, AssessmentResult } from "../model";
import { readAssessment } from "../reader";
import { trimSpaces } from "../reader/cells";
import { readParams, validateParams } from "../reader/params";
import { scoreAssessment } from "../rules";
import { compareResults, gradeCounts, resultLines, type GradeCounts, type ResultChanges, type ResultLine } from "./compare";
import { applyParamChanges, checkChangeName, whatIfFields, type ParamChange, type ParamEdit, type WhatIfField } from "./params";

export * from "./compare";
export * from "./params";
export * from "./previous";
export { WHATIF_MSG, CHANGE_TEXT, PREVIOUS_TEXT } from "./messages";

/** What a try shows: the counts before and after per group, the units whose 等次 or 名次 (or 总分) would change, the 参数 cells 应用 would write. */
export interface WhatIfPreview {
  /** Problems of the values tried (a threshold out of order …), at the 参数 cell 应用 would write; nothing else is shown then. */
  issues: Issue[];
  result: AssessmentResult | null;
  before: GradeCounts[];
  after: GradeCounts[];
  changes: ResultChanges;
  edits: ParamEdit[];
}

export interface WhatIfSession {
  /** The values in force, as fields of the panel. */
  fields: WhatIfField[];
  /** The result with the workbook's own 参数. */
  base: AssessmentResult;
  /** Scores with the changes, writing nothing. */
  preview(changes: readonly ParamChange[]): WhatIfPreview;
}

/** Reads the workbook once for 试算; with errors in it (nothing could be scored) the problems instead. */
export function prepareWhatIf(book: WorkbookGrids): WhatIfSession | { issues: Issue[] } {
  const read = readAssessment(book);
  if (read.input === null || hasErrors(read.issues)) return { issues: read.issues };
  const input = read.input;
  const scored = scoreAssessment(input);
  if (hasErrors(scored.issues)) return { issues: [...read.issues, ...scored.issues] };
  const base = scored.result;
  const groups = base.groups.map((g) => g.rankGroup);
  const paramsGrid = book.sheets.find((sheet) => trimSpaces(sheet.name) === SHEET.params) ?? null;
  const baseLines = resultLines(base);
  const before = gradeCounts(base);
  return {
    fields: whatIfFields(base.params, groups),
    base,
    preview: (changes) => previewWith(input, paramsGrid, groups, baseLines, before, changes),
  };
}

function previewWith(
  input: AssessmentInput,
  paramsGrid: SheetGrid | null,
  groups: readonly string[],
  baseLines: readonly ResultLine[],
  before: GradeCounts[],
  changes: readonly ParamChange[],
): WhatIfPreview {
  const { grid, edits } = applyParamChanges(paramsGrid, changes);
  const issues: Issue[] = [];
  for (const edit of edits) {
    const wrong = checkChangeName(edit.name, groups);
    if (wrong !== null) issues.push({ level: "error", code: "whatIf.name", sheet: edit.sheet, cell: edit.nameCell, message: wrong });
  }
  const empty: ResultChanges = { changed: [], unchanged: baseLines.length, added: [], removed: [] };
  if (hasErrors(issues)) return { issues, result: null, before, after: before, changes: empty, edits };
  const read = readParams(grid, issues);
  validateParams(read, input.units.map((unit) => unit.rankGroup), issues);
  // 参数 was read without error when the session began, so every error is the values tried; its old 提示 are not repeated.
  const shown = issues.filter((issue) => issue.level === "error" || edits.some((edit) => edit.cell === issue.cell || edit.nameCell === issue.cell));
  if (hasErrors(issues)) return { issues: shown, result: null, before, after: before, changes: empty, edits };
  const result = scoreAssessment({ ...input, params: read.params }).result;
  return { issues: shown, result, before, after: gradeCounts(result), changes: compareResults(baseLines, resultLines(result)), edits };
}

/** The workbook with the changes typed into 参数 (what 应用 writes), every other sheet as it was. */
export function withParamChanges(book: WorkbookGrids, changes: readonly ParamChange[]): { book: WorkbookGrids; edits: ParamEdit[] } {
  const index = book.sheets.findIndex((sheet) => trimSpaces(sheet.name) === SHEET.params);
  const { grid, edits } = applyParamChanges(index < 0 ? null : (book.sheets[index] ?? null), changes);
  const sheets = index < 0 ? [book.sheets[0], grid, ...book.sheets.slice(1)].filter((s): s is SheetGrid => s !== undefined) : book.sheets.map((sheet, i) => (i === index ? grid : sheet));
  return { book: { sheets }, edits };
}
