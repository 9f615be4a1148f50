import { roundHalfUp, type D } from "../decimal";
import type { Params, SatisfactionEntry } from "../model";
import { asFirstTerm } from "./numbers";
import { roundedQuotient, roundedShare } from "./remembered";
import { fromScaled, scaled, SCALE } from "./scaled";

/** Ballot counts and what they weigh, kept for the audit line. */
export interface BallotWorking {
  satisfied: D;
  basic: D;
  unsatisfied: D;
  unknown: D;
  /** Σ(票数 × 票值). */
  weighted: D;
  /** 满意 + 基本满意 + 不满意 票数. */
  countable: D;
}

export interface SatisfactionOutcome {
  /** 满意度%, rounded. */
  percent: D;
  /** 满意度得分, rounded. */
  score: D;
  /** null when the percentage was typed. */
  ballots: BallotWorking | null;
  /** The percentage as typed, before rounding; null when computed from ballots. */
  typed: D | null;
}

/** Rule 2 (ballots): Σ(票数 × 票值) over 满意、基本满意、不满意, and their count; 不了解 is left out. */
export function weighBallots(entry: Extract<SatisfactionEntry, { kind: "ballots" }>, values: Params["ballotValues"]): BallotWorking {
  // Short figures as whole numbers (lib/rules/scaled.ts): products of two scaled figures are scaled by 10^8, exact
  // while each stays below 2^53; three of at least 0 add exactly while Σ stays below 2^53.
  const satisfied = scaled(entry.satisfied);
  const basic = scaled(entry.basic);
  const unsatisfied = scaled(entry.unsatisfied);
  const a = satisfied * scaled(values.satisfied);
  const b = basic * scaled(values.basic);
  const c = unsatisfied * scaled(values.unsatisfied);
  const weightedFigure = a + b + c;
  const countableFigure = satisfied + basic + unsatisfied;
  if (a >= 0 && b >= 0 && c >= 0 && Number.isSafeInteger(a) && Number.isSafeInteger(b) && Number.isSafeInteger(c) && Number.isSafeInteger(weightedFigure)) {
    const weighted = fromScaled(weightedFigure, 2 * SCALE);
    return { satisfied: entry.satisfied, basic: entry.basic, unsatisfied: entry.unsatisfied, unknown: entry.unknown, weighted, countable: fromScaled(countableFigure, SCALE) };
  }
  // As sum([…]) adds, without the lists.
  const weighted = asFirstTerm(entry.satisfied.times(values.satisfied)).plus(entry.basic.times(values.basic)).plus(entry.unsatisfied.times(values.unsatisfied));
  const countable = asFirstTerm(entry.satisfied).plus(entry.basic).plus(entry.unsatisfied);
  return { satisfied: entry.satisfied, basic: entry.basic, unsatisfied: entry.unsatisfied, unknown: entry.unknown, weighted, countable };
}

/**
 * 满意度最少有效票数: a unit surveyed by ballots with fewer countable ballots (满意 + 基本满意 + 不满意; 不了解 is
 * not counted) than the minimum has no 满意度得分; the item does not apply and 换算 rescales as for a unit not
 * surveyed. A typed 满意度(%) carries no count and is not held to it; no countable ballot at all stays the case of
 * “只有不了解票”. Blank: no minimum. Returns the count and the minimum when below it, else null.
 */
export function tooFewBallots(entry: SatisfactionEntry | undefined, params: Pick<Params, "ballotValues" | "satisfactionMinBallots">): { count: D; minimum: number } | null {
  const minimum = params.satisfactionMinBallots ?? null;
  if (minimum === null || entry === undefined || entry.kind !== "ballots") return null;
  const count = weighBallots(entry, params.ballotValues).countable;
  return !count.isZero() && count.lt(minimum) ? { count, minimum } : null;
}

/** Rule 2: 满意度% is the typed percentage, or Σ(票数 × 票值) ÷ countable ballots, rounded; 满意度得分 = round(满意度% ÷ 100 × 满意度分值). No entry, or no countable ballot, means not surveyed (null). */
export function satisfactionScore(
  entry: SatisfactionEntry | undefined,
  params: Pick<Params, "decimals" | "satisfactionPoints" | "ballotValues">,
): SatisfactionOutcome | null {
  if (entry === undefined) return null;
  const places = params.decimals;
  let percent: D;
  let ballots: BallotWorking | null = null;
  if (entry.kind === "percent") {
    percent = roundHalfUp(entry.percent, places);
  } else {
    ballots = weighBallots(entry, params.ballotValues);
    if (ballots.countable.isZero()) return null;
    percent = roundedQuotient(ballots.weighted, ballots.countable, places);
  }
  const score = roundedShare(percent, params.satisfactionPoints, places);
  return { percent, score, ballots, typed: entry.kind === "percent" ? entry.percent : null };
}
