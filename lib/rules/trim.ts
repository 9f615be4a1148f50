import { compare, type D } from "../decimal";
import { asFirstTerm, count } from "./numbers";
import { roundedQuotient } from "./remembered";
import { fromScaled, roundedRatio, scaled, SCALE } from "./scaled";

export interface TrimmedMean {
  /** Mean of the kept ratings, rounded. */
  mean: D;
  /** The ratings averaged, in sheet order. */
  kept: D[];
  /** The highest and lowest dropped, when trimmed. */
  dropped: { highest: D; lowest: D } | null;
  /** Σ of the kept ratings. */
  total: D;
}

/** Rule 3 (one rater group): when trimming is on and the group gave at least `minCount` ratings, drop one highest and one lowest; the group score is the mean of the rest, rounded. */
export function trimmedMean(values: readonly D[], trim: boolean, minCount: number, places: number): TrimmedMean {
  const first = values[0];
  if (first === undefined) throw new Error("trimmedMean: no ratings");
  const n = values.length;
  // Trimming needs something left to average: never trim fewer than three ratings.
  const drop = trim && n >= minCount && n >= 3;
  const short = scaledTrimmedMean(values, drop, places);
  if (short !== null) return short;
  let lowest = -1;
  let highest = -1;
  let dropped: TrimmedMean["dropped"] = null;
  if (drop) {
    // One walk for the extremes instead of a sort; the reader shares one Decimal among equal ratings, so the same
    // object needs no decimal comparison. The first lowest and the last highest in sheet order are the ones dropped.
    let low = first;
    let high = first;
    lowest = 0;
    highest = 0;
    for (let index = 1; index < n; index += 1) {
      const value = values[index] as D;
      if (value !== low && compare(value, low) < 0) {
        lowest = index;
        low = value;
      }
      if (value !== high && compare(value, high) >= 0) {
        highest = index;
        high = value;
      }
    }
    if (highest === lowest) highest = lowest === 0 ? 1 : 0;
    dropped = { highest: values[highest] as D, lowest: values[lowest] as D };
  }
  // The kept ratings and their sum in one walk, added in sheet order as `sum` adds them.
  const kept: D[] = [];
  let total: D | null = null;
  for (let index = 0; index < n; index += 1) {
    if (index === lowest || index === highest) continue;
    const value = values[index] as D;
    kept.push(value);
    total = total === null ? asFirstTerm(value) : total.plus(value);
  }
  if (total === null) throw new Error("trimmedMean: nothing kept");
  return { mean: roundedQuotient(total, count(kept.length), places), kept, dropped, total };
}

// The ratings of one group as scaled whole numbers (reused: scoring is synchronous).
const FIGURES: number[] = [];

/**
 * trimmedMean with the ratings as scaled whole numbers (lib/rules/scaled.ts): the same extremes, kept ratings, Σ and
 * mean, without a decimal.js addition per rating; null when a rating is not such a figure or Σ is below 0, and the
 * caller works with decimal.js.
 */
function scaledTrimmedMean(values: readonly D[], drop: boolean, places: number): TrimmedMean | null {
  const n = values.length;
  // Far below 2^53 however many ratings a sheet can hold: each figure is below 10^11.
  if (n > 50_000) return null;
  const figures = FIGURES;
  let all = 0;
  for (let index = 0; index < n; index += 1) {
    const figure = scaled(values[index] as D);
    if (Number.isNaN(figure)) return null;
    figures[index] = figure;
    all += figure;
  }
  let lowest = -1;
  let highest = -1;
  let dropped: TrimmedMean["dropped"] = null;
  let total = all;
  if (drop) {
    // As the walk below: the first lowest; the last highest, except that the very object already highest (the
    // reader shares one Decimal among equal ratings) does not move it.
    let low = figures[0] as number;
    let high = low;
    let highValue = values[0] as D;
    lowest = 0;
    highest = 0;
    for (let index = 1; index < n; index += 1) {
      const figure = figures[index] as number;
      if (figure < low) {
        lowest = index;
        low = figure;
      }
      const value = values[index] as D;
      if (value !== highValue && figure >= high) {
        highest = index;
        high = figure;
        highValue = value;
      }
    }
    if (highest === lowest) highest = lowest === 0 ? 1 : 0;
    dropped = { highest: values[highest] as D, lowest: values[lowest] as D };
    total = all - (figures[lowest] as number) - (figures[highest] as number);
  }
  if (total < 0) return null;
  // Made at its size (grown item by item, a list is copied as it grows).
  const kept = new Array<D>(drop ? n - 2 : n);
  let size = 0;
  for (let index = 0; index < n; index += 1) {
    if (index === lowest || index === highest) continue;
    kept[size] = values[index] as D;
    size += 1;
  }
  const mean = roundedRatio(total, SCALE, kept.length, 0, places);
  if (Number.isNaN(mean)) return null;
  return { mean: fromScaled(mean, places), kept, dropped, total: fromScaled(total, SCALE) };
}
