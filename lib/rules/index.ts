import { roundHalfUp } from "../decimal";
import { error, warning, type Issue } from "../issue";
import { SHEET } from "../layout";
import { GRADES, type AssessmentInput, type AssessmentResult, type Grade, type GroupSummary, type PeerRating, type UnitResult } from "../model";
import { auditLines, normalisedOf } from "./audit";
import { countedRatings } from "./countedRatings";
import { MESSAGES } from "./messages";
import { count, sum } from "./numbers";
import { scoreGroup, type GroupStandings } from "./scoreGroup";
import { scoreUnit, type UnitWorking } from "./scoreUnit";
import { unitNotes } from "./unitNotes";

export interface ScoreOutcome {
  result: AssessmentResult;
  issues: Issue[];
}

export { indicatorScore } from "./indicatorScore";
export { satisfactionScore, weighBallots } from "./satisfaction";
export { countedRatings, withoutSelfRatings, withoutUniformRaters, betweenUnits } from "./countedRatings";
export { trimmedMean } from "./trim";
export { peerScore, ratingsByRaterGroup } from "./peerReview";
export { normalise } from "./normalise";
export { cappedSum } from "./adjustments";
export { totalScore } from "./total";
export { rankTotals } from "./rank";
export { gradeFor, forGroup } from "./grade";
export { seriousCap } from "./serious";
export { applyQuota, excellentLimit } from "./quota";
export { isLastPlace, bigDrop, twoYearsExcellent, needsAdviceLetter, needsSummons } from "./notes";

/** Spec §4, rules 1–11, for every unit: figures, 名次, 等次, 提示 and 计算说明, with the problems found. */
export function scoreAssessment(input: AssessmentInput): ScoreOutcome {
  const { params, units } = input;
  const groupOrder = firstAppearance(units.map((u) => u.rankGroup));
  const groupOf = new Map(units.map((u) => [u.name, u.rankGroup]));
  const counted = countedRatings(input.ratings, units, params.uniformRaterInvalid);
  const issues: Issue[] = [...counted.issues];

  const workings = units.map((unit) => scoreUnit(unit, input, { ratings: counted.ratings, groupOf, groupOrder }));
  for (const w of workings) issues.push(...unitIssues(w, input.ratings, input));

  const results: UnitResult[] = [];
  const groups: GroupSummary[] = [];
  for (const group of groupOrder) {
    const members = workings.filter((w) => w.unit.rankGroup === group);
    const standings = scoreGroup(group, members, params);
    const groupResults = members.map((w, index) => unitResult(w, index, members, standings, input));
    results.push(...sortByRank(groupResults));
    groups.push(summarise(standings, groupResults, params.decimals));
  }
  return { result: { params, units: results, groups }, issues };
}

function unitResult(w: UnitWorking, index: number, members: readonly UnitWorking[], g: GroupStandings, input: AssessmentInput): UnitResult {
  const s = g.standings[index];
  if (s === undefined) throw new Error("scoreAssessment: standing missing");
  const groupRanks = g.standings.map((other) => other.rank);
  const tiedWith = members.filter((other, i) => i !== index && g.standings[i]?.rank === s.rank).map((other) => other.unit.name);
  const params = input.params;
  return {
    unit: w.unit,
    indicatorEarned: w.indicators.earned,
    indicatorPossible: w.indicators.possible,
    satisfactionPercent: w.satisfaction?.percent ?? null,
    satisfaction: w.satisfaction?.score ?? null,
    peerScore: w.peer.kind === "rated" ? w.peer.peerScore : null,
    peer: w.peer.kind === "rated" ? w.peer.peer : null,
    possible: w.normalised.possible,
    earned: w.normalised.earned,
    normalised: normalisedOf(w),
    bonusSum: w.bonus.sum,
    bonus: w.bonus.value,
    penaltySum: w.penalty.sum,
    penalty: w.penalty.value,
    serious: w.serious,
    majorIssue: w.majorIssue,
    total: w.total.total,
    rank: s.rank,
    grade: s.grade,
    notes: unitNotes(w, s, { groupRanks, tied: tiedWith.length > 0, quotaLimit: g.excellentLimit }, params),
    audit: auditLines(w, s, { group: g.group, thresholds: g.thresholds, tiedWith, quotaLimit: g.excellentLimit }, params),
  };
}

/** Problems found while scoring one unit: no countable ballot, no peer rating, 应得分 0. */
function unitIssues(w: UnitWorking, allRatings: readonly PeerRating[], input: AssessmentInput): Issue[] {
  const issues: Issue[] = [];
  const name = w.unit.name;
  const entry = input.satisfaction.get(name);
  if (w.onlyUnknownBallots && entry !== undefined) {
    issues.push(warning("rules.noCountableBallots", entry.ref.sheet, entry.ref.cell, MESSAGES.noCountableBallots(name)));
  }
  if (w.peer.kind === "none") {
    issues.push(warning("rules.noPeerRatings", SHEET.peer, rateeCell(name, allRatings), MESSAGES.noPeerRatings(name)));
  }
  if (w.peer.kind === "noWeight") {
    const groups = w.peer.groups.map((g) => g.group).join("、");
    issues.push(warning("rules.peerZeroWeight", SHEET.peer, rateeCell(name, allRatings), MESSAGES.peerZeroWeight(name, groups)));
  }
  if (w.normalised.normalised === null) {
    issues.push(error("rules.possibleZero", SHEET.units, `B${w.unit.row}`, MESSAGES.possibleZero(name)));
  }
  return issues;
}

/** The unit's row in 上下互评 (column A) when any rating names it, else the sheet as a whole (A1). */
function rateeCell(ratee: string, ratings: readonly PeerRating[]): string {
  const any = ratings.find((r) => r.ratee === ratee);
  const row = any?.ref.cell.replace(/^[A-Z]+/, "");
  return row ? `A${row}` : "A1";
}

function sortByRank(results: UnitResult[]): UnitResult[] {
  // Array.prototype.sort is stable, so equal 名次 keep 考核对象 order.
  return [...results].sort((a, b) => a.rank - b.rank);
}

function summarise(g: GroupStandings, results: readonly UnitResult[], places: number): GroupSummary {
  const totals = results.map((r) => r.total);
  const byGrade = Object.fromEntries(GRADES.map((grade) => [grade, 0])) as Record<Grade, number>;
  for (const r of results) byGrade[r.grade] += 1;
  const sorted = [...totals].sort((a, b) => a.cmp(b));
  const lowest = sorted[0];
  const highest = sorted[sorted.length - 1];
  if (lowest === undefined || highest === undefined) throw new Error("scoreAssessment: empty rank group");
  return {
    rankGroup: g.group,
    count: results.length,
    byGrade,
    highest,
    lowest,
    mean: roundHalfUp(sum(totals).div(count(results.length)), places),
    excellentLimit: g.excellentLimit,
    quotaExceededByTie: g.quotaExceededByTie,
  };
}

function firstAppearance(values: readonly string[]): string[] {
  return [...new Set(values)];
}
