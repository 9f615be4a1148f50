import { roundHalfUp, type D } from "../decimal";
import { appliesTo } from "../applies";
import type { AssessmentInput, CellRef, DailyParams, DailyRecord, Indicator, ScoreEntry } from "../model";
import { count, sum } from "./numbers";

/** The 双月检查 results a unit has, in order of the checks (blank checks left out). */
export function checksOf(record: DailyRecord): { value: D; word: string | null; ref: CellRef }[] {
  return record.checks.flatMap((check) => (check === null ? [] : [check]));
}

export interface CheckScore {
  indicator: Indicator;
  /** Mean of the check results, rounded to 小数位数 (as 计算说明 shows it). */
  mean: D;
  /** The indicator's score: round(mean ÷ 100 × 分值). */
  score: D;
  /** The cells the results came from ("平时考核!N5:Q5"). */
  source: string;
}

/** Mean of a unit's check results, rounded; null when it has none. */
export function checkMean(record: DailyRecord, places: number): D | null {
  const checks = checksOf(record);
  if (checks.length === 0) return null;
  return roundHalfUp(sum(checks.map((c) => c.value)).div(count(checks.length)), places);
}

/**
 * Rule D3 (参数 双月检查指标): the indicator it names is scored from the 双月检查 for every unit that has at least one
 * check result and to which the indicator applies: score = round(round(mean of the results) ÷ 100 × 分值). Units
 * without a result keep their 评分 cell; a cell marked 不适用 stays 不适用.
 */
export function checkScore(record: DailyRecord, indicator: Indicator, places: number): CheckScore | null {
  const mean = checkMean(record, places);
  const checks = checksOf(record);
  const first = checks[0];
  const last = checks[checks.length - 1];
  if (mean === null || first === undefined || last === undefined) return null;
  const source = first === last ? `${first.ref.sheet}!${first.ref.cell}` : `${first.ref.sheet}!${first.ref.cell}:${last.ref.cell}`;
  return { indicator, mean, score: roundHalfUp(mean.div(100).times(indicator.maxPoints), places), source };
}

/** The scores with rule D3 applied: unchanged (the same map) when 双月检查指标 is not set. */
export function withCheckScores(input: AssessmentInput, daily: DailyParams, places: number): { scores: AssessmentInput["scores"]; byUnit: Map<string, CheckScore> } {
  const byUnit = new Map<string, CheckScore>();
  const code = daily.checkIndicator;
  const indicator = code === null ? undefined : input.indicators.find((i) => i.code === code);
  if (indicator === undefined || input.daily === undefined || input.daily.length === 0) return { scores: input.scores, byUnit };
  const units = new Map(input.units.map((unit) => [unit.name, unit]));
  const scores = new Map(input.scores);
  for (const record of input.daily) {
    const unit = units.get(record.unit);
    if (unit === undefined || !appliesTo(indicator, unit)) continue;
    const own = input.scores.get(record.unit);
    if (own?.get(indicator.code)?.kind === "notApplicable") continue;
    const found = checkScore(record, indicator, places);
    if (found === null) continue;
    byUnit.set(record.unit, found);
    const first = checksOf(record)[0];
    const entry: ScoreEntry = { kind: "score", value: found.score, ref: first?.ref ?? { sheet: "", cell: "" } };
    scores.set(record.unit, new Map([...(own ?? new Map<string, ScoreEntry>()), [indicator.code, entry]]));
  }
  return { scores, byUnit };
}
