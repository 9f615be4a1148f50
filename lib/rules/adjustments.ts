import { compare, roundHalfUp, type D } from "../decimal";
import type { Adjustment } from "../model";
import { sum } from "./numbers";

export interface CappedSum {
  /** Σ of the records, exactly. */
  sum: D;
  /** min(Σ, cap), rounded: the figure written. */
  value: D;
  /** The cap cut something. */
  cut: boolean;
}

/** Rule 5: 加分 (or 扣分) = round(min(Σ records, 上限)); a null cap means no cap. */
export function cappedSum(points: readonly D[], cap: D | null, places: number): CappedSum {
  const total = sum(points);
  const cut = cap !== null && compare(total, cap) > 0;
  return { sum: total, value: roundHalfUp(cut && cap !== null ? cap : total, places), cut };
}

/** Rule 5 (records): a unit's 加分 or 扣分 records, in sheet order. */
export function recordsOf(adjustments: readonly Adjustment[], unit: string, type: Adjustment["type"]): Adjustment[] {
  return adjustments.filter((a) => a.unit === unit && a.type === type);
}
