import { ZERO, type D } from "../decimal";
import type { Adjustment, AssessmentInput, PeerRating, Unit } from "../model";
import { cappedSum, recordsOf, type CappedSum } from "./adjustments";
import { indicatorScore, type IndicatorOutcome } from "./indicatorScore";
import { normalise, type Normalised } from "./normalise";
import { peerScore, type PeerOutcome, type RaterPlace } from "./peerReview";
import { satisfactionScore, tooFewBallots, type SatisfactionOutcome } from "./satisfaction";
import { totalScore, type TotalOutcome } from "./total";
import type { DailyWorking } from "./dailyWorking";

/** Everything rules 1–6 worked out for one unit, kept for the notes and 计算说明. */
export interface UnitWorking {
  unit: Unit;
  indicators: IndicatorOutcome;
  /** The 满意度 row was filled but had no countable ballot. */
  onlyUnknownBallots: boolean;
  /** Fewer countable ballots than 满意度最少有效票数 (then satisfaction is null); absent or null otherwise. */
  fewBallots?: { count: D; minimum: number } | null;
  satisfaction: SatisfactionOutcome | null;
  peer: PeerOutcome;
  normalised: Normalised;
  bonusRecords: Adjustment[];
  penaltyRecords: Adjustment[];
  bonus: CappedSum;
  penalty: CappedSum;
  total: TotalOutcome;
  serious: boolean;
  majorIssue: boolean;
  /** 平时考核 of the unit, when it has a row there. */
  daily?: DailyWorking;
}

/** Where the peer ratings come from: counted ratings, rater → 排名分组, groups in 考核对象 order. */
export interface PeerContext {
  ratings: readonly PeerRating[];
  groupOf: ReadonlyMap<string, string>;
  groupOrder: readonly string[];
  /** raterPlaces(groupOf, groupOrder), worked out once for every unit; absent: worked out for this unit. */
  raterPlaces?: ReadonlyMap<string, RaterPlace>;
}

/**
 * Rules 1–6 for one unit: indicator figures, satisfaction, peer review, 换算, 加减分 and 总分. `adjustments`: the
 * 加减分 records to look at (scoreAssessment hands each unit its own, without a copy of the input per unit).
 */
export function scoreUnit(unit: Unit, input: AssessmentInput, peerContext: PeerContext, adjustments: readonly Adjustment[] = input.adjustments): UnitWorking {
  const { params } = input;
  const places = params.decimals;
  const indicators = indicatorScore(unit, input.indicators, input.scores.get(unit.name), places);
  const entry = input.satisfaction.get(unit.name);
  const fewBallots = tooFewBallots(entry, params);
  const satisfaction = fewBallots === null ? satisfactionScore(entry, params) : null;
  const peer = peerScore(unit.name, peerContext.ratings, peerContext.groupOf, peerContext.groupOrder, params, peerContext.raterPlaces);
  const normalised = normalise(
    [
      { points: indicators.possible, score: indicators.earned },
      satisfaction === null ? null : { points: params.satisfactionPoints, score: satisfaction.score },
      peer.kind === "rated" ? { points: params.peerPoints, score: peer.peer } : null,
    ],
    places,
  );
  const bonusRecords = recordsOf(adjustments, unit.name, "bonus");
  const penaltyRecords = recordsOf(adjustments, unit.name, "penalty");
  const bonus = cappedSum(pointsOf(bonusRecords), params.bonusCap, places);
  const penalty = cappedSum(pointsOf(penaltyRecords), params.penaltyCap, places);
  const total = totalScore(normalised.normalised ?? ZERO, bonus.value, penalty.value, params.totalCap, places);
  return {
    unit,
    indicators,
    onlyUnknownBallots: entry !== undefined && satisfaction === null && fewBallots === null,
    fewBallots,
    satisfaction,
    peer,
    normalised,
    bonusRecords,
    penaltyRecords,
    bonus,
    penalty,
    total,
    serious: penaltyRecords.some((r) => r.serious),
    majorIssue: adjustments.some((a) => a.unit === unit.name && a.majorIssue),
  };
}

function pointsOf(records: readonly Adjustment[]): D[] {
  return records.map((r) => r.points);
}
