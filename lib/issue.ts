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
  /** For a cell that belongs to a unit: whose and what, shown beside the address ("城关镇 · 1.1 主要负责人履职"). */
  context?: string;
  /** The unit a per-unit problem is about, so that problems of one kind can be told in one line (groupIssues). */
  unit?: string;
  /** The indicator ("1.1 主要负责人履职") a problem at a score cell is about, shown when the user clicks the problem. */
  indicator?: string;
  /** When one line tells a problem of several units: each unit's own place, the first being sheet!cell. */
  places?: { sheet: string; cell: string }[];
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

/** Where a problem is, for people: "评分!C3", with its unit and indicator when known: "评分!C3（城关镇 · 1.1 主要负责人履职）". */
export function issuePlace(issue: Issue): string {
  const address = `${issue.sheet}!${issue.cell}`;
  return issue.context === undefined ? address : `${address}（${issue.context}）`;
}

/** How a problem is printed for people: "[错误] 评分!C3（城关镇 · 1.1 主要负责人履职）：…". */
export function describeIssue(issue: Issue): string {
  const tag = issue.level === "error" ? "错误" : "提示";
  return `[${tag}] ${issuePlace(issue)}：${issue.message}`;
}

/** How one line tells a problem of several units: the message for their names. */
export type GroupMessage = (units: readonly string[]) => string;

/**
 * Problems of one kind about several units, told in one line naming the units, at the first unit's place (the others'
 * places kept in `places`): 16 lines of "…没有收到互评评分" are read as one. A kind found for one unit only keeps its
 * own message. Issues of other kinds, and the order of all, are unchanged.
 */
export function groupIssues(issues: readonly Issue[], kinds: ReadonlyMap<string, GroupMessage>): Issue[] {
  const byKind = new Map<string, Issue[]>();
  for (const issue of issues) {
    if (issue.unit === undefined || !kinds.has(issue.code)) continue;
    const list = byKind.get(issue.code);
    if (list === undefined) byKind.set(issue.code, [issue]);
    else list.push(issue);
  }
  const grouped: Issue[] = [];
  for (const issue of issues) {
    const members = byKind.get(issue.code);
    const message = kinds.get(issue.code);
    if (issue.unit === undefined || members === undefined || message === undefined || members.length < 2) {
      grouped.push(issue);
      continue;
    }
    if (members[0] !== issue) continue;
    const units = members.map((member) => member.unit ?? "");
    const { level, code, sheet, cell } = issue;
    grouped.push({ level, code, sheet, cell, message: message(units), places: members.map((member) => ({ sheet: member.sheet, cell: member.cell })) });
  }
  return grouped;
}
