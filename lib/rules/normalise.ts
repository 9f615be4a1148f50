import { roundHalfUp, ZERO, type D } from "../decimal";
import { asFirstTerm } from "./numbers";
import { roundedPercent } from "./remembered";
import { fromScaled, scaled, SCALE } from "./scaled";

export interface Normalised {
  /** 应得分. */
  possible: D;
  /** 实得分. */
  earned: D;
  /** 换算得分; null when 应得分 is 0 and the unit cannot be scored. */
  normalised: D | null;
}

/** One item of 应得分/实得分: its points and its score, or null when the item does not apply. */
export interface ScoredItem {
  points: D;
  score: D;
}

/** Rule 4: 应得分 = Σ points of the items that apply, 实得分 = Σ their scores, 换算得分 = round(实得分 ÷ 应得分 × 100); 应得分 0 cannot be scored. */
export function normalise(items: readonly (ScoredItem | null)[], places: number): Normalised {
  // Short figures add as whole numbers (lib/rules/scaled.ts); NaN when any is not such a figure.
  let possibleFigure = 0;
  let earnedFigure = 0;
  let any = false;
  for (const item of items) {
    if (item === null) continue;
    any = true;
    possibleFigure += scaled(item.points);
    earnedFigure += scaled(item.score);
  }
  if (any && !Number.isNaN(possibleFigure) && !Number.isNaN(earnedFigure)) {
    return rescaled(fromScaled(possibleFigure, SCALE), fromScaled(earnedFigure, SCALE), places);
  }
  // Σ from 0 as `sum` adds.
  let possible: D | null = null;
  let earned: D | null = null;
  for (const item of items) {
    if (item === null) continue;
    possible = possible === null ? asFirstTerm(item.points) : possible.plus(item.points);
    earned = earned === null ? asFirstTerm(item.score) : earned.plus(item.score);
  }
  return rescaled(possible ?? ZERO, earned ?? ZERO, places);
}

/** The rounded sums and 换算得分 from the exact sums. */
function rescaled(possible: D, earned: D, places: number): Normalised {
  const roundedPossible = roundHalfUp(possible, places);
  const roundedEarned = roundHalfUp(earned, places);
  const normalised = roundedPossible.isZero() ? null : roundedPercent(roundedEarned, roundedPossible, places);
  return { possible: roundedPossible, earned: roundedEarned, normalised };
}
