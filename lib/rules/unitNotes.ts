import type { Params } from "../model";
import type { ApprovalMark } from "./approval";
import { NOTES } from "./messages";
import { dailyNotes } from "./dailyWorking";
import { bigDrop, needsAdviceLetter, needsSummons, twoYearsExcellent } from "./notes";
import type { Standing } from "./scoreGroup";
import type { UnitWorking } from "./scoreUnit";

/** What the notes need to know about the unit's group. */
export interface NoteContext {
  /** The group's 排名最后 名次 (lastPlaceOf), worked out once per group; null when no unit is 排名最后. */
  lastPlace: number | null;
  tied: boolean;
  quotaLimit: number | null;
  /** What the 审定 did; absent: not reviewed, the computed 等次 is final. */
  review?: ApprovalMark;
}

/** The 提示 of one unit, in rule order (1 → 11), the 审定 after the 等次 rules; the flags follow the final 等次. */
export function unitNotes(w: UnitWorking, s: Standing, context: NoteContext, params: Params): string[] {
  const notes: string[] = [];
  if (w.indicators.notApplicable.length > 0) notes.push(NOTES.notApplicable(w.indicators.notApplicable.length));
  const fewBallots = w.fewBallots ?? null;
  if (w.satisfaction === null) notes.push(fewBallots === null ? NOTES.notSurveyed : NOTES.fewBallots(fewBallots.count.toString(), fewBallots.minimum));
  if (w.peer.kind === "none") notes.push(NOTES.noPeer);
  if (w.peer.kind === "tooFew") notes.push(NOTES.fewRatings(w.peer.count, w.peer.minimum));
  if (w.peer.kind === "noWeight") notes.push(NOTES.peerZeroWeight);
  if (w.bonus.cut && params.bonusCap !== null) notes.push(NOTES.bonusCut(w.bonus.sum, params.bonusCap));
  if (w.penalty.cut && params.penaltyCap !== null) notes.push(NOTES.penaltyCut(w.penalty.sum, params.penaltyCap));
  if (w.total.floored) notes.push(NOTES.belowZero);
  if (w.total.capped && params.totalCap !== null) notes.push(NOTES.aboveCap(params.totalCap));
  if (context.tied) notes.push(NOTES.tie(s.rank));
  if (s.seriousDemoted) notes.push(NOTES.serious);
  if (w.daily !== undefined) notes.push(...dailyNotes(w.daily, s.disqualifiedDemoted === true));
  if (s.quotaMark === "demoted" && context.quotaLimit !== null) notes.push(NOTES.quotaDemoted(context.quotaLimit));
  if (s.quotaMark === "keptByTie") notes.push(NOTES.quotaKeptByTie(s.rank));
  const review = context.review;
  if (review?.override) notes.push(review.changed ? NOTES.reviewed(review.override.reason, review.override.basis) : NOTES.reviewConfirmed(review.override.reason, review.override.basis));
  if (review?.overQuota && context.quotaLimit !== null) notes.push(NOTES.reviewOverQuota(context.quotaLimit));
  if (review !== undefined && review.freedPlaces > 0) notes.push(NOTES.reviewFreedPlace(review.freedPlaces));
  const grade = review?.grade ?? s.grade;
  if (s.rank === context.lastPlace) notes.push(NOTES.lastPlace);
  const fallen = bigDrop(s.rank, w.unit.lastRank, params.bigDropPlaces);
  if (fallen !== null) notes.push(NOTES.bigDrop(fallen));
  if (twoYearsExcellent(w.unit.lastGrade, grade)) notes.push(NOTES.twoYearsExcellent);
  if (needsAdviceLetter(grade)) notes.push(NOTES.adviceLetter);
  if (needsSummons(grade, w.majorIssue)) notes.push(grade === "不合格" ? NOTES.summons : NOTES.majorIssueSummons);
  return notes;
}
