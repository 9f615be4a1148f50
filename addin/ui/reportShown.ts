import { changedScoreLine, LISTED_DIFFERENCES, VERIFY, verifyWorkbook, type CellDifference, type ChangedScore, type Digest, type VerifyOutcome } from "../../lib/integrity";
import type { WorkbookGrids } from "../../lib/grid";
import type { Issue } from "../../lib/issue";
import { SHEET } from "../../lib/layout";
import { prepareReport, REPORT, type FeedbackBook, type Notice, type ReportOutcome } from "../../lib/report";
import type { ReportMade, VerifyReport } from "./host";

/** A differing cell as a problem the pane lists and (in Excel) selects: 结果!L12, 城关镇 · 总分, 为 95.00，按输入应为 93.50. */
export function differenceIssue(difference: CellDifference): Issue {
  return {
    level: "error",
    code: "verify.difference",
    sheet: difference.sheet,
    cell: difference.cell,
    ...(difference.context === "" ? {} : { context: difference.context }),
    message: `为 ${difference.found}，按输入应为 ${difference.expected}`,
  };
}

/** A 评分 cell typed over since 计算等次: 评分!F7, 八公桥镇 · 1.4 …, 计算等次时为 4，现为 0 (the cause, listed first). */
export function changedScoreIssue(cell: ChangedScore): Issue {
  return {
    level: "error",
    code: "verify.changedScore",
    sheet: cell.sheet,
    cell: cell.cell,
    context: `${cell.unit} · ${cell.indicator}`,
    message: `计算等次时为 ${cell.was}，现为 ${cell.now}`,
  };
}

/**
 * 核验's outcome for the pane (imported by the hosts, loaded with them, not with the pane): the verdict, every differing
 * cell or input error as a problem to click, and the remaining sentences (changed input sheets, the stamp). kaohe verify
 * prints the same outcome as lines; the pane lists every difference, not only the first LISTED_DIFFERENCES.
 */
export function verifyReport(outcome: VerifyOutcome, checked: string | null = null): VerifyReport {
  const [verdict = VERIFY.noResults, ...rest] = outcome.lines;
  const inputErrors = outcome.issues.filter((issue) => issue.level === "error");
  let issues: Issue[];
  let notes: string[];
  if (outcome.ok) {
    issues = [];
    notes = rest;
  } else if (outcome.differences.length > 0) {
    issues = outcome.differences.map(differenceIssue);
    // The lines list the first differences and a "……另有" line; the notes follow them.
    const listed = Math.min(outcome.differences.length, LISTED_DIFFERENCES) + (outcome.differences.length > LISTED_DIFFERENCES ? 1 : 0);
    notes = rest.slice(listed);
  } else if (inputErrors.length > 0) {
    issues = inputErrors;
    notes = [];
  } else {
    issues = [];
    notes = rest;
  }
  // The 评分 cells typed over come first (the cause), as problems to click rather than sentences.
  const changedLines = new Set(outcome.changedCells.map(changedScoreLine));
  const unlisted = outcome.changedCells.length - LISTED_DIFFERENCES;
  if (unlisted > 0) changedLines.add(VERIFY.moreChangedScores(unlisted));
  notes = notes.filter((line) => !changedLines.has(line));
  issues = [...outcome.changedCells.map(changedScoreIssue), ...issues];
  return { ok: outcome.ok, verdict, issues, notes: checked === null ? notes : [...notes, checked] };
}

/** What the hosts' 生成通报 and 生成反馈单 have to write: the documents' data, or why nothing may be made. */
export type PreparedReport = { ok: true; report: ReportOutcome & { notice: Notice; feedback: FeedbackBook } } | { ok: false; made: ReportMade };

/**
 * The 通报 and 反馈单 of a workbook's grids, as the command line makes them (prepareReport): a scored workbook must pass
 * 核验 first. When it does not, nothing is made, and the pane lists the differing cells and says to score it again.
 */
export async function prepareForPane(book: WorkbookGrids, digest: Digest): Promise<PreparedReport> {
  if (book.sheets.some((sheet) => sheet.name.trim() === SHEET.results)) {
    const verified = await verifyWorkbook(book, digest);
    if (!verified.ok) {
      const shown = verifyReport(verified);
      return { ok: false, made: { file: null, lines: [shown.verdict, ...shown.notes, REPORT.inconsistent], issues: shown.issues } };
    }
  }
  const report = await prepareReport(book, digest);
  if (report.notice === null || report.feedback === null) {
    return { ok: false, made: { file: null, lines: report.lines, issues: report.issues.filter((issue) => issue.level === "error") } };
  }
  return { ok: true, report: { ...report, notice: report.notice, feedback: report.feedback } };
}
