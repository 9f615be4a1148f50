import type { D } from "../decimal";
import type { RankRule } from "../model";

/** Rule 7: 名次 by 总分 descending; equal 总分 share a place; the next place follows on (dense, 中国式排名: 1, 2, 2, 3) or is skipped (competition, 跳位排名: 1, 2, 2, 4). Returns the places in the order of `totals`. */
export function rankTotals(totals: readonly D[], rule: RankRule): number[] {
  const distinct: D[] = [];
  for (const total of totals) if (!distinct.some((d) => d.eq(total))) distinct.push(total);
  distinct.sort((a, b) => b.cmp(a));
  return totals.map((total) => {
    if (rule === "dense") return distinct.findIndex((d) => d.eq(total)) + 1;
    return totals.filter((other) => other.gt(total)).length + 1;
  });
}
