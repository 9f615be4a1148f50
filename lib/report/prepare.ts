import type { WorkbookGrids } from "../grid";
import { hasErrors, type Issue } from "../issue";
import { SHEET } from "../layout";
import type { Digest } from "../integrity/digest";
import { verifyWorkbook } from "../integrity/verify";
import { runAssessment } from "../run";
import { buildFeedback, type FeedbackBook } from "./feedback";
import { REPORT } from "./messages";
import { buildNotice, type Notice } from "./notice";

export interface ReportOutcome {
  /** null when nothing may be generated (input errors, or 结果 that the inputs do not give): `lines` say why. */
  notice: Notice | null;
  feedback: FeedbackBook | null;
  /** For people: a note (not yet scored), or why nothing was generated (核验's lines, then what to do). */
  lines: string[];
  issues: Issue[];
}

/**
 * The 通报 and 反馈单 of a workbook. A scored workbook is checked first (核验): a document that goes to every unit
 * must say what the inputs give, so a 结果 edited by hand, or inputs changed since 计算等次, generate nothing. A
 * workbook not yet scored is scored in memory (nothing is written to it).
 */
export async function prepareReport(book: WorkbookGrids, digest: Digest): Promise<ReportOutcome> {
  const scored = book.sheets.some((sheet) => sheet.name.trim() === SHEET.results);
  const lines: string[] = [];
  if (scored) {
    const verified = await verifyWorkbook(book, digest);
    if (!verified.ok) return { notice: null, feedback: null, lines: [...verified.lines, REPORT.inconsistent], issues: verified.issues };
  } else {
    lines.push(REPORT.notScored);
  }
  const outcome = runAssessment(book);
  if (outcome.result === null || outcome.input === null || hasErrors(outcome.issues)) {
    return { notice: null, feedback: null, lines: [REPORT.cannotScore], issues: outcome.issues };
  }
  return { notice: buildNotice(outcome.result), feedback: buildFeedback(outcome.input, outcome.result), lines, issues: outcome.issues };
}
