import { compare, roundHalfUp, ZERO, type D } from "../decimal";

export interface TotalOutcome {
  /** 总分, rounded, after the floor of 0 and the cap. */
  total: D;
  /** 换算得分 + 加分 − 扣分 before the floor and cap. */
  raw: D;
  floored: boolean;
  capped: boolean;
}

/** Rule 6: 总分 = round(换算得分 + 加分 − 扣分), not below 0 and not above 总分上限 when one is set. */
export function totalScore(normalised: D, bonus: D, penalty: D, cap: D | null, places: number): TotalOutcome {
  const raw = normalised.plus(bonus).minus(penalty);
  if (compare(raw, ZERO) < 0) return { total: roundHalfUp(ZERO, places), raw, floored: true, capped: false };
  if (cap !== null && compare(raw, cap) > 0) return { total: roundHalfUp(cap, places), raw, floored: false, capped: true };
  return { total: roundHalfUp(raw, places), raw, floored: false, capped: false };
}
