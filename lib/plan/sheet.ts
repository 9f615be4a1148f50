import type { SheetOut } from "../format";
import type { PlanIndicator } from "./types";
import { indicatorsSheet } from "../template/indicatorsSheet";

/**
 * The 考核指标 sheet for imported 工作安排 rows, formatted as the template's own (编号 as text, wrapped 考核内容).
 * 分值 becomes a JS number only here, at the file boundary: the plan gives whole or half points, which are exact.
 */
export function planIndicatorsSheet(rows: readonly PlanIndicator[]): SheetOut {
  return indicatorsSheet(
    rows.map((row) => ({
      code: row.code,
      level1: row.level1,
      level2: row.level2,
      content: row.content,
      maxPoints: row.maxPoints.toNumber(),
      method: row.method,
      assessor: row.assessor,
      categories: row.categories,
    })),
  );
}
