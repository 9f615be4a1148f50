import { roundHalfUp, ZERO, type D } from "../decimal";
import { appliesTo } from "../applies";
import type { Indicator, ScoreEntry, Unit } from "../model";
import { sum } from "./numbers";

/** One indicator counted for a unit: its score (0 when the cell is missing) and its 分值. */
export interface CountedIndicator {
  code: string;
  score: D;
  maxPoints: D;
}

export interface IndicatorOutcome {
  /** 指标得分, rounded. */
  earned: D;
  /** 指标应得分, rounded. */
  possible: D;
  counted: CountedIndicator[];
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
  const counted: CountedIndicator[] = [];
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
    counted.push({ code: indicator.code, score: entry?.value ?? ZERO, maxPoints: indicator.maxPoints });
  }
  return {
    earned: roundHalfUp(sum(counted.map((c) => c.score)), places),
    possible: roundHalfUp(sum(counted.map((c) => c.maxPoints)), places),
    counted,
    notApplicable,
  };
}
