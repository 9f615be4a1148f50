/**
 * The 反馈单: one page per unit saying where it stands and where it lost points (考核方案 §六（四）: "对考核中发现的
 * 问题，考核对象应当按照要求整改"). Plain data from the input and the results; the file layer lays it out.
 */
import { D, fixed, roundHalfUp, ZERO } from "../decimal";
import type { AssessmentInput, AssessmentResult, Grade, Indicator, UnitResult } from "../model";
import { FEEDBACK } from "./messages";
import { measuresOf } from "./notice";

/** One row of the comparison table: the unit's figure, what it could get, its group's mean and best. */
export interface FeedbackRow {
  item: string;
  /** Figures as written (小数位数), or 不适用. */
  earned: string;
  possible: string;
  groupMean: string;
  groupBest: string;
}

export interface UnitFeedback {
  name: string;
  category: string;
  rankGroup: string;
  groupSize: number;
  rank: number;
  /** The final 等次 (after 审定). */
  grade: Grade;
  total: string;
  /** Lines of text, in order: standing, then the 审定 when it changed the 等次. */
  standing: string[];
  rows: FeedbackRow[];
  /** Every 加分 and 扣分 record with its 事由 and 依据, then the cap lines. */
  adjustments: string[];
  /** The indicators (and 满意度, 互评) where it lost most, most first. */
  losses: string[];
  /** Its 提示, as in 结果. */
  notes: string[];
  /** 合格 or 不合格: the 法治建议书 heading and the sentence of 考核方案 §六（二）. */
  advice: string | null;
  /** What else follows for it: 通报表扬, 通报警示, 约谈、责令整改. */
  measures: string[];
}

export interface FeedbackBook {
  title: string;
  /** 发文机关 and 成文日期 under each page. */
  issuers: string[];
  date: string | null;
  units: UnitFeedback[];
}

/** How many losses a page lists. */
export const LOSSES_LISTED = 3;

interface Level1Figure {
  earned: D;
  possible: D;
}

/** A unit's earned and possible points per 一级指标 (only those that apply to it), in 考核指标 order. */
function byLevel1(input: AssessmentInput, name: string): Map<string, Level1Figure> {
  const entries = input.scores.get(name);
  const figures = new Map<string, Level1Figure>();
  if (entries === undefined) return figures;
  for (const indicator of input.indicators) {
    const entry = entries.get(indicator.code);
    if (entry === undefined || entry.kind !== "score") continue;
    const figure = figures.get(indicator.level1) ?? { earned: ZERO, possible: ZERO };
    figures.set(indicator.level1, { earned: figure.earned.plus(entry.value), possible: figure.possible.plus(indicator.maxPoints) });
  }
  return figures;
}

function meanAndBest(values: readonly D[], places: number): { mean: string; best: string } {
  if (values.length === 0) return { mean: FEEDBACK.notApplicable, best: FEEDBACK.notApplicable };
  let sum = ZERO;
  let best = values[0] ?? ZERO;
  for (const value of values) {
    sum = sum.plus(value);
    if (value.gt(best)) best = value;
  }
  return { mean: fixed(roundHalfUp(sum.div(values.length), places), places), best: fixed(best, places) };
}

/** The 反馈单 of every unit, in 结果 order. */
export function buildFeedback(input: AssessmentInput, result: AssessmentResult): FeedbackBook {
  const places = result.params.decimals;
  const figure = (value: D): string => fixed(value, places);
  const optional = (value: D | null): string => (value === null ? FEEDBACK.notApplicable : figure(value));
  const level1Order = [...new Set(input.indicators.map((indicator) => indicator.level1))];
  const level1Of = new Map(result.units.map((unit) => [unit.unit.name, byLevel1(input, unit.unit.name)]));
  const groupUnits = new Map<string, UnitResult[]>();
  for (const unit of result.units) groupUnits.set(unit.unit.rankGroup, [...(groupUnits.get(unit.unit.rankGroup) ?? []), unit]);
  const measures = measuresOf(result);
  const inList = (list: readonly UnitResult[], unit: UnitResult) => list.includes(unit);
  const indicatorByCode = new Map(input.indicators.map((indicator) => [indicator.code, indicator]));

  const units = result.units.map((unit): UnitFeedback => {
    const group = groupUnits.get(unit.unit.rankGroup) ?? [unit];
    const own = level1Of.get(unit.unit.name) ?? new Map<string, Level1Figure>();
    const compare = (pick: (other: UnitResult) => D | null) => meanAndBest(group.map(pick).filter((value): value is D => value !== null), places);
    const rows: FeedbackRow[] = [];
    for (const level1 of level1Order) {
      const mine = own.get(level1);
      if (mine === undefined) continue;
      const stats = compare((other) => level1Of.get(other.unit.name)?.get(level1)?.earned ?? null);
      rows.push({ item: level1, earned: figure(mine.earned), possible: figure(mine.possible), groupMean: stats.mean, groupBest: stats.best });
    }
    const extra = (item: string, value: D | null, possible: string, pick: (other: UnitResult) => D | null) => {
      const stats = compare(pick);
      rows.push({ item, earned: optional(value), possible: value === null ? FEEDBACK.notApplicable : possible, groupMean: stats.mean, groupBest: stats.best });
    };
    extra(FEEDBACK.satisfaction, unit.satisfaction, figure(result.params.satisfactionPoints), (other) => other.satisfaction);
    extra(FEEDBACK.peer, unit.peer, figure(result.params.peerPoints), (other) => other.peer);
    extra(FEEDBACK.normalised, unit.normalised, figure(new D(100)), (other) => other.normalised);
    extra(FEEDBACK.bonus, unit.bonus, "", (other) => other.bonus);
    extra(FEEDBACK.penalty, unit.penalty, "", (other) => other.penalty);
    extra(FEEDBACK.total, unit.total, "", (other) => other.total);

    const standing = [FEEDBACK.standing(figure(unit.total), unit.rank, group.length, unit.unit.rankGroup, unit.grade)];
    // 审定调整 (issue 16) adds these two fields to UnitResult; a result without them was not reviewed.
    const reviewed = unit as UnitResult & { computedGrade?: Grade; override?: { reason: string; basis: string } | null };
    const computed = reviewed.computedGrade ?? unit.grade;
    if (computed !== unit.grade && reviewed.override) standing.push(FEEDBACK.reviewed(computed, reviewed.override.reason, reviewed.override.basis));

    const records = input.adjustments.filter((record) => record.unit === unit.unit.name);
    const adjustments = records.map((record) =>
      FEEDBACK.adjustment(
        record.type === "bonus" ? FEEDBACK.bonus : FEEDBACK.penalty,
        figure(record.points),
        record.reason,
        record.basis,
        `${record.serious ? FEEDBACK.serious : ""}${record.majorIssue ? FEEDBACK.majorIssue : ""}`,
      ),
    );
    if (!unit.bonusSum.eq(unit.bonus)) adjustments.push(FEEDBACK.capped(FEEDBACK.bonus, figure(unit.bonusSum), figure(unit.bonus)));
    if (!unit.penaltySum.eq(unit.penalty)) adjustments.push(FEEDBACK.capped(FEEDBACK.penalty, figure(unit.penaltySum), figure(unit.penalty)));

    const measureLines: string[] = [];
    if (inList(measures.praise, unit)) measureLines.push(FEEDBACK.praise);
    if (inList(measures.lastPlace, unit) || inList(measures.bigDrop, unit)) measureLines.push(FEEDBACK.warning);
    if (inList(measures.failed, unit) || inList(measures.majorIssue, unit)) measureLines.push(FEEDBACK.summons);

    return {
      name: unit.unit.name,
      category: unit.unit.category,
      rankGroup: unit.unit.rankGroup,
      groupSize: group.length,
      rank: unit.rank,
      grade: unit.grade,
      total: figure(unit.total),
      standing,
      rows,
      adjustments,
      losses: lossesOf(input, unit, indicatorByCode, result.params.satisfactionPoints, result.params.peerPoints, places),
      notes: [...unit.notes],
      advice: inList(measures.advice, unit) ? FEEDBACK.advice(unit.grade) : null,
      measures: measureLines,
    };
  });
  const notice = result.params.notice;
  return { title: FEEDBACK.title(result.params.year, notice.region), issuers: notice.issuers, date: notice.date, units };
}

/**
 * Where the unit lost most: each scored indicator's 分值 − score, and 满意度 and 互评 against their points; the
 * largest first (ties in 考核指标 order, then 满意度, 互评), nothing lost left out, at most LOSSES_LISTED.
 */
function lossesOf(
  input: AssessmentInput,
  unit: UnitResult,
  indicators: ReadonlyMap<string, Indicator>,
  satisfactionPoints: D,
  peerPoints: D,
  places: number,
): string[] {
  const figure = (value: D): string => fixed(value, places);
  const losses: { lost: D; text: string }[] = [];
  const entries = input.scores.get(unit.unit.name);
  for (const indicator of indicators.values()) {
    const entry = entries?.get(indicator.code);
    if (entry === undefined || entry.kind !== "score") continue;
    const lost = indicator.maxPoints.minus(entry.value);
    if (lost.gt(0)) losses.push({ lost, text: FEEDBACK.loss(indicator.code, indicator.level2, indicator.level1, figure(entry.value), figure(indicator.maxPoints), figure(lost)) });
  }
  if (unit.satisfaction !== null && satisfactionPoints.minus(unit.satisfaction).gt(0)) {
    const lost = satisfactionPoints.minus(unit.satisfaction);
    losses.push({ lost, text: FEEDBACK.lossSatisfaction(figure(unit.satisfaction), figure(satisfactionPoints), figure(lost)) });
  }
  if (unit.peer !== null && peerPoints.minus(unit.peer).gt(0)) {
    const lost = peerPoints.minus(unit.peer);
    losses.push({ lost, text: FEEDBACK.lossPeer(figure(unit.peer), figure(peerPoints), figure(lost)) });
  }
  // Equal losses keep their order: indicators in 考核指标 order, then 满意度, then 互评.
  return losses
    .map((loss, index) => ({ ...loss, index }))
    .sort((a, b) => b.lost.comparedTo(a.lost) || a.index - b.index)
    .slice(0, LOSSES_LISTED)
    .map((loss) => loss.text);
}
