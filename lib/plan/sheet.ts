import type { SheetOut } from "../format";
import type { PlanIndicator } from "./types";
import { indicatorsSheet, templateIndicator } from "../template/indicatorsSheet";

/**
 * The 考核指标 sheet for imported 工作安排 rows, formatted as the template's own (编号 as text, wrapped 考核内容).
 * 分值 becomes a JS number in templateIndicator, at the file boundary: the plan gives whole or half points, exact.
 */
export function planIndicatorsSheet(rows: readonly PlanIndicator[]): SheetOut {
  return indicatorsSheet(rows.map(templateIndicator));
}
