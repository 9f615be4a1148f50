import { appliesTo } from "../../applies";
import { D, HUNDRED, roundHalfUp } from "../../decimal";
import type { DefaultIndicator } from "../indicators";
import type { TypedValue } from "../templateData";
import type { ExampleUnit } from "./county";
import type { Random } from "./random";

/** Cells a unit marked 不适用 although its 类别 is covered: the indicator does not fit this particular unit. */
const MARKED_NOT_APPLICABLE: readonly { unit: string; code: string; mark: string }[] = [
  { unit: "县人民检察院", code: "3.3.2", mark: "不适用" },
  { unit: "新习镇", code: "3.2.3", mark: "/" },
  { unit: "县供电公司", code: "3.2.3", mark: "/" },
  { unit: "县供电公司", code: "3.5.4", mark: "不适用" },
];

/** 评分 as typed: each applicable cell a half-point score near the unit's quality, or a 不适用 mark. */
export function exampleScores(
  units: readonly ExampleUnit[],
  indicators: readonly DefaultIndicator[],
  random: Random,
): Map<string, Map<string, TypedValue>> {
  const scores = new Map<string, Map<string, TypedValue>>();
  for (const unit of units) {
    const row = new Map<string, TypedValue>();
    for (const indicator of indicators) {
      if (!appliesTo(indicator, unit)) continue;
      const mark = MARKED_NOT_APPLICABLE.find((entry) => entry.unit === unit.name && entry.code === indicator.code);
      row.set(indicator.code, mark?.mark ?? halfPointScore(indicator.maxPoints, unit.quality + random.int(-5, 3)));
    }
    scores.set(unit.name, row);
  }
  return scores;
}

/** `percent` % of the 分值, to the nearest half point (half-up), never above the 分值: 4.5 × 91% = 4.095 → 4. */
export function halfPointScore(maxPoints: number, percent: number): number {
  const max = new D(maxPoints);
  const share = max.times(Math.min(percent, 100)).div(HUNDRED);
  const halves = roundHalfUp(share.times(2), 0);
  return D.min(halves.div(2), max).toNumber();
}
