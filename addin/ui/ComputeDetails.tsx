/**
 * What 计算等次 shows once clicked: its stages, the summary per 排名分组 and what changed since the last run. One script,
 * fetched while the user reads the pane (ComputeSection), not in the pane's first script (issue 14 item 2).
 */
export { SinceLast } from "./SinceLast";
export { StageProgress } from "./StageProgress";
export { SummaryTable } from "./SummaryTable";
