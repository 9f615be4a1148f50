import { compare, type D } from "../decimal";
import type { RankRule } from "../model";
import { scaled } from "./scaled";

/** Rule 7: 名次 by 总分 descending; equal 总分 share a place; the next place follows on (dense, 中国式排名: 1, 2, 2, 3) or is skipped (competition, 跳位排名: 1, 2, 2, 4). Returns the places in the order of `totals`. */
export function rankTotals(totals: readonly D[], rule: RankRule): number[] {
  const figures = scaledTotals(totals);
  if (figures !== null) return ranked(figures, rule);
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

/** The totals as scaled figures (lib/rules/scaled.ts), which order as the totals do; null when any is not one. */
function scaledTotals(totals: readonly D[]): Float64Array | null {
  const figures = new Float64Array(totals.length);
  for (let i = 0; i < totals.length; i += 1) {
    const figure = scaled(totals[i] as D);
    if (Number.isNaN(figure)) return null;
    figures[i] = figure;
  }
  return figures;
}

/** rankTotals on scaled figures: the same sort (stable, highest first) and walk, comparing numbers. */
function ranked(figures: Float64Array, rule: RankRule): number[] {
  const order = Array.from({ length: figures.length }, (_, index) => index).sort((a, b) => (figures[b] as number) - (figures[a] as number));
  const places = new Array<number>(figures.length).fill(0);
  let place = 0;
  let distinct = 0;
  for (let position = 0; position < order.length; position += 1) {
    const index = order[position] as number;
    if (position === 0 || figures[order[position - 1] as number] !== figures[index]) {
      distinct += 1;
      place = rule === "dense" ? distinct : position + 1;
    }
    places[index] = place;
  }
  return places;
}
