import { roundHalfUp, ZERO, type D } from "../decimal";
import { appliesTo } from "../applies";
import type { Indicator, ScoreEntry, Unit } from "../model";
import { sumByCount } from "./numbers";

export interface IndicatorOutcome {
  /** 指标得分, rounded. */
  earned: D;
  /** 指标应得分, rounded. */
  possible: D;
  /**
   * The indicators counted for the unit, in 考核指标 order, and the unit's score on each at the same position
   * (0 when the cell is missing). Two arrays rather than an object per indicator: see UnitScores in lib/reader.
   */
  counted: readonly Indicator[];
  scores: readonly D[];
  /** Codes of indicators marked 不适用 for this unit. */
  notApplicable: string[];
}

/** Rule 1: 指标得分 is the sum of the unit's scores on the indicators that apply, 指标应得分 the sum of their 分值, each an exact sum rounded once; an indicator marked 不适用 leaves both. */
export function indicatorScore(
  unit: Pick<Unit, "name" | "category">,
  indicators: readonly Indicator[],
  entries: ReadonlyMap<string, ScoreEntry> | undefined,
  places: number,
): IndicatorOutcome {
  const counted: Indicator[] = [];
  const scores: D[] = [];
  const points: D[] = [];
  const notApplicable: string[] = [];
  for (const indicator of indicators) {
    const entry = entries?.get(indicator.code);
    // The reader hands an entry for every indicator that applies; a missing one was a blank cell already
    // reported as an error, and it counts as 0 of its 分值 so that nothing is silently left out of 应得分.
    if (entry === undefined && !appliesTo(indicator, unit)) continue;
    if (entry?.kind === "notApplicable") {
      notApplicable.push(indicator.code);
      continue;
    }
    counted.push(indicator);
    scores.push(entry?.value ?? ZERO);
    points.push(indicator.maxPoints);
  }
  return {
    earned: roundHalfUp(sumByCount(scores), places),
    possible: roundHalfUp(sumByCount(points), places),
    counted,
    scores,
    notApplicable,
  };
}
