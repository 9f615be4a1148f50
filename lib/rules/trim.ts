import { roundHalfUp, type D } from "../decimal";
import { count, sumByCount } from "./numbers";

export interface TrimmedMean {
  /** Mean of the kept ratings, rounded. */
  mean: D;
  /** The ratings averaged. */
  kept: D[];
  /** The highest and lowest dropped, when trimmed. */
  dropped: { highest: D; lowest: D } | null;
  /** Σ of the kept ratings. */
  total: D;
}

/** Rule 3 (one rater group): when trimming is on and the group gave at least `minCount` ratings, drop one highest and one lowest; the group score is the mean of the rest, rounded. */
export function trimmedMean(values: readonly D[], trim: boolean, minCount: number, places: number): TrimmedMean {
  if (values.length === 0) throw new Error("trimmedMean: no ratings");
  // The reader shares one Decimal among equal ratings: the same object is equal without a decimal comparison.
  const sorted = [...values].sort((a, b) => (a === b ? 0 : a.cmp(b)));
  // Trimming needs something left to average: never trim fewer than three ratings.
  const drop = trim && values.length >= minCount && values.length >= 3;
  const kept = drop ? sorted.slice(1, -1) : sorted;
  const lowest = sorted[0];
  const highest = sorted[sorted.length - 1];
  const total = sumByCount(kept);
  return {
    mean: roundHalfUp(total.div(count(kept.length)), places),
    kept: drop ? kept : [...values],
    dropped: drop && highest !== undefined && lowest !== undefined ? { highest, lowest } : null,
    total,
  };
}
