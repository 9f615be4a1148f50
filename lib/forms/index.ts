/** 分发与回收: forms out to each 考核主体 and 评议单位, returns merged back, who is still missing. */
import type { WorkbookGrids } from "../grid";
import type { Issue } from "../issue";
import { SHEET } from "../layout";
import { readAssessment } from "../reader";
import { trimSpaces } from "../reader/cells";
import { buildForms } from "./build";
import { masterFingerprint, masterLines } from "./fingerprint";
import type { MasterContext } from "./returns";
import type { Digest, FormBook } from "./types";

export interface MasterRead {
  /** null when 参数, 考核对象 or 考核指标 has an error: forms made from them would be wrong. */
  master: MasterContext | null;
  /** The errors of those sheets (other sheets' problems do not stop forms or collect). */
  issues: Issue[];
}

const DECISIVE: readonly string[] = [SHEET.params, SHEET.units, SHEET.indicators];

/** Reads a master for 分发 or 回收: its units, indicators and parameters, and its fingerprint. */
export async function readMaster(book: WorkbookGrids, digest: Digest): Promise<MasterRead> {
  const read = readAssessment(book);
  const issues = read.issues.filter((issue) => issue.level === "error" && DECISIVE.includes(trimSpaces(issue.sheet)));
  if (read.input === null || issues.length > 0) return { master: null, issues };
  const lines = masterLines(read.input.units, read.input.indicators);
  return { master: { input: read.input, book, lines, fingerprint: await masterFingerprint(lines, digest) }, issues: [] };
}

/** Every form of a master, made on `made` (YYYY-MM-DD). */
export function makeForms(master: MasterContext, made: string): FormBook[] {
  return buildForms(master.input, master.book, { made, fingerprint: master.fingerprint, lines: master.lines });
}

export { buildForms, goodLimit, peerParties, GUIDE_SHEET } from "./build";
export { formAssessor, OFFICE, safeFileName } from "./assessors";
export { masterCanonical, masterLines, describeChanges, type MasterLines } from "./fingerprint";
export { readIdentity, IDENTITY_SHEET, KIND_WORDS, type FormIdentity } from "./identity";
export { readReturn, readReturnedFile, sheetIn, type FormReturn, type MasterContext, type ReturnedCell, type MergeValue } from "./returns";
export { collectReturns, expectedForms, localTime, type CellEdit, type CollectOptions, type CollectOutcome } from "./collect";
export { logSheet, readLog, LOG_SHEET, type LogRow } from "./log";
export { progressOf, progressLines, quotaIssues, type Progress } from "./progress";
export { COLLECT_TEXT, FORM_TEXT, LOG_TEXT, PROGRESS_TEXT } from "./messages";
export type { CellNote, Digest, FormBook, FormKind, FormSheet, RangeValidation } from "./types";
