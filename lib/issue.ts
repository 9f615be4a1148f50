/**
 * A data problem is a value, not an exception: it travels with its sheet and cell so that one bad cell
 * never stops the run, and every problem is reported at once. Thrown errors are for bugs and misuse only.
 */
export type IssueLevel = "error" | "warning";

export interface Issue {
  level: IssueLevel;
  /** Sheet name as the user sees it: 评分. */
  sheet: string;
  /** A1 address within the sheet ("F7"); "A1" when the problem is the sheet as a whole. */
  cell: string;
  /** Chinese: what is wrong and what to type instead. */
  message: string;
  /** Stable English code for tests and programs ("score.notNumber"). */
  code: string;
}

export function error(code: string, sheet: string, cell: string, message: string): Issue {
  return { level: "error", code, sheet, cell, message };
}

export function warning(code: string, sheet: string, cell: string, message: string): Issue {
  return { level: "warning", code, sheet, cell, message };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((issue) => issue.level === "error");
}

/** How a problem is printed for people: "评分!F7：…". */
export function describeIssue(issue: Issue): string {
  const tag = issue.level === "error" ? "错误" : "提示";
  return `[${tag}] ${issue.sheet}!${issue.cell}：${issue.message}`;
}
