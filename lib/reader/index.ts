import type { WorkbookGrids } from "../grid";
import { error, groupIssues, warning, type GroupMessage, type Issue } from "../issue";
import { INPUT_SHEETS, PARAM, SHEET } from "../layout";
import type { AssessmentInput } from "../model";
import { readAdjustments } from "./adjustments";
import { trimSpaces } from "./cells";
import { readIndicators, type IndicatorsRead } from "./indicators";
import { MSG } from "./messages";
import { checkRaterWeights, readParams, validateParams } from "./params";
import { peerRaterIssues } from "../raters";
import { readPeer } from "./peer";
import { readOverrides } from "./review";
import { readSatisfaction } from "./satisfaction";
import { readScores } from "./scores";
import { findSheet, layoutWarnings, type Need } from "./sheets";
import { checkCategories, checkRankGroups, readUnits } from "./units";
import { readDaily } from "./daily";
import { checkFilledCells } from "./dailyChecks";

export interface ReadOutcome {
  /** null when errors prevent building an input at all; otherwise built even with errors (scoring is skipped then). */
  input: AssessmentInput | null;
  issues: Issue[];
}

/** Problems in workbook order of their sheets (参数 first), each sheet's in the order found. */
function inSheetOrder(issues: Issue[]): Issue[] {
  const order = (issue: Issue) => {
    const index = (INPUT_SHEETS as readonly string[]).indexOf(trimSpaces(issue.sheet));
    return index < 0 ? INPUT_SHEETS.length : index;
  };
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => order(a.issue) - order(b.issue) || a.index - b.index)
    .map(({ issue }) => issue);
}

/** Grids of the input sheets → the assessment input, with every problem found. */
export function readAssessment(book: WorkbookGrids): ReadOutcome {
  const issues: Issue[] = [];
  if (book.sheets.length === 0) {
    return { input: null, issues: [error("book.empty", SHEET.units, "A1", MSG.emptyBook())] };
  }
  const find = (name: string, need: Need) => {
    const grid = findSheet(book, name, need, issues);
    if (grid !== null) layoutWarnings(grid, issues);
    return grid;
  };
  const paramsGrid = find(SHEET.params, "silent");
  if (paramsGrid === null) issues.push(warning("sheet.missing", SHEET.params, "A1", MSG.missingParamsSheet()));
  const unitsGrid = find(SHEET.units, "required");
  const indicatorsGrid = find(SHEET.indicators, "required");
  const scoresGrid = find(SHEET.scores, "required");
  const satisfactionGrid = find(SHEET.satisfaction, "optional");
  const peerGrid = find(SHEET.peer, "optional");
  const adjustmentsGrid = find(SHEET.adjustments, "optional");
  // 平时考核 came later than the other sheets: a workbook without it is complete, so its absence says nothing.
  const dailyGrid = find(SHEET.daily, "silent");
  // Silent: workbooks made before 审定调整 existed, and every workbook before its 审定, have no such sheet.
  const reviewGrid = find(SHEET.review, "silent");

  const paramsRead = readParams(paramsGrid, issues);
  if (unitsGrid === null) return { input: null, issues: inSheetOrder(issues) };
  const unitsRead = readUnits(unitsGrid, issues);
  const { units, names } = unitsRead;
  validateParams(paramsRead, units.map((unit) => unit.rankGroup), issues);
  issues.push(...peerRaterIssues(units, paramsRead.params.peerRaters, paramsRead.sheet, paramsRead.cells.get(PARAM.peerRaters)));
  const indicatorsRead: IndicatorsRead = indicatorsGrid === null ? { indicators: [], codes: new Set() } : readIndicators(indicatorsGrid, units, names, issues);
  checkCategories(unitsRead, indicatorsRead.indicators, issues);
  checkRankGroups(unitsRead, new Set(paramsRead.groupRows.map((row) => row.group)), issues);
  const params = paramsRead.params;
  const daily = dailyGrid === null ? [] : readDaily(dailyGrid, names, params.daily?.checkWords ?? new Map(), issues);
  const filled = checkFilledCells(paramsRead, indicatorsRead, daily, issues);
  const scores = scoresGrid === null ? new Map() : readScores(scoresGrid, units, names, indicatorsRead, params.blankScore, issues, filled);
  const satisfaction = satisfactionGrid === null ? new Map() : readSatisfaction(satisfactionGrid, names, issues);
  const peer = peerGrid === null ? { ratings: [], raterGroups: new Set<string>(), rows: new Map() } : readPeer(peerGrid, units, names, params.ratingWords, issues);
  checkRaterWeights(paramsRead, peer.raterGroups, issues);
  const adjustments = adjustmentsGrid === null ? [] : readAdjustments(adjustmentsGrid, names, issues);
  const overrides = reviewGrid === null ? [] : readOverrides(reviewGrid, names, issues);
  const input: AssessmentInput = { params, units, indicators: indicatorsRead.indicators, scores, satisfaction, ratings: peer.ratings, adjustments, daily, overrides, peerRows: peer.rows };
  return { input, issues: groupIssues(inSheetOrder(issues), GROUPED) };
}

/** Kinds of per-unit problems of the reader told in one line when several units have them. */
const GROUPED = new Map<string, GroupMessage>([["scores.unitMissing", MSG.unitsWithoutScores]]);
