import { compare, type D } from "../decimal";
import { asFirstTerm, count } from "./numbers";
import { roundedQuotient } from "./remembered";

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
