import { describeCategories } from "../applies";
import { HEADERS } from "../layout";
import type { PlanIndicator } from "./types";

/**
 * The 考核指标 sheet for the imported rows: the header row, then one row per task, ready for a host to write.
 * 分值 is a number (half points are exact in binary); 编号 stays text so that "2.10" is not read as 2.1.
 */
export function planToIndicatorGrid(rows: readonly PlanIndicator[]): (string | number)[][] {
  return [
    [...HEADERS.indicators],
    ...rows.map((row) => [
      row.code,
      row.level1,
      row.level2,
      row.content,
      row.maxPoints.toNumber(),
      row.method,
      row.assessor,
      describeCategories(row.categories),
    ]),
  ];
}
