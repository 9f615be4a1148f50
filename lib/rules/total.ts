import { compare, roundHalfUp, ZERO, type D } from "../decimal";
import { fromScaled, scaled, SCALE } from "./scaled";

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
  // Short figures as whole numbers (lib/rules/scaled.ts): the same raw figure without two decimal.js steps.
  const figure = scaled(normalised) + scaled(bonus) - scaled(penalty);
  const raw = Number.isNaN(figure) ? normalised.plus(bonus).minus(penalty) : fromScaled(figure, SCALE);
  if (compare(raw, ZERO) < 0) return { total: roundHalfUp(ZERO, places), raw, floored: true, capped: false };
  if (cap !== null && compare(raw, cap) > 0) return { total: roundHalfUp(cap, places), raw, floored: false, capped: true };
  return { total: roundHalfUp(raw, places), raw, floored: false, capped: false };
}
