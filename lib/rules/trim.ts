import { roundHalfUp, type D } from "../decimal";
import { count, sum } from "./numbers";

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
  // Trimming needs something left to average: never trim fewer than three ratings.
  const drop = trim && values.length >= minCount && values.length >= 3;
  let kept: D[] = [...values];
  let dropped: TrimmedMean["dropped"] = null;
  if (drop) {
    // One walk for the extremes instead of a sort; the reader shares one Decimal among equal ratings, so the same
    // object needs no decimal comparison. The first lowest and the last highest in sheet order are the ones dropped.
    let lowest = 0;
    let highest = 0;
    values.forEach((value, index) => {
      const low = values[lowest] ?? first;
      const high = values[highest] ?? first;
      if (value !== low && value.lt(low)) lowest = index;
      if (value !== high && value.gte(high)) highest = index;
    });
    if (highest === lowest) highest = lowest === 0 ? 1 : 0;
    kept = values.filter((_, index) => index !== lowest && index !== highest);
    dropped = { highest: values[highest] ?? first, lowest: values[lowest] ?? first };
  }
  const total = sum(kept);
  return { mean: roundHalfUp(total.div(count(kept.length)), places), kept, dropped, total };
}
