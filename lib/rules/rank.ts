import { compare, type D } from "../decimal";
import type { RankRule } from "../model";

/** Rule 7: 名次 by 总分 descending; equal 总分 share a place; the next place follows on (dense, 中国式排名: 1, 2, 2, 3) or is skipped (competition, 跳位排名: 1, 2, 2, 4). Returns the places in the order of `totals`. */
export function rankTotals(totals: readonly D[], rule: RankRule): number[] {
  // One sort, then one walk down the totals: a province-sized group (tens of thousands of units) stays fast.
  const order = totals.map((_, index) => index).sort((a, b) => compare(at(totals, b), at(totals, a)));
  const places = new Array<number>(totals.length).fill(0);
  let place = 0;
  let distinct = 0;
  order.forEach((index, position) => {
    const previous = position > 0 ? order[position - 1] : undefined;
    if (previous === undefined || compare(at(totals, previous), at(totals, index)) !== 0) {
      distinct += 1;
      place = rule === "dense" ? distinct : position + 1;
    }
    places[index] = place;
  });
  return places;
}

function at(totals: readonly D[], index: number): D {
  const total = totals[index];
  if (total === undefined) throw new Error("rankTotals: index out of range");
  return total;
}
