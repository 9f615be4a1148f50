import { describeIssue, type Issue } from "../lib/issue";
import { MSG } from "./messages";

/** Each problem as "[错误] 评分!F7：…", errors first (in the order found), then the count line. */
export function issueLines(issues: readonly Issue[]): string[] {
  const errors = issues.filter((issue) => issue.level === "error");
  const warnings = issues.filter((issue) => issue.level === "warning");
  return [...errors, ...warnings].map(describeIssue).concat(MSG.countLine(errors.length, warnings.length));
}
