import { compare, roundHalfUp, type D } from "../decimal";
import { error, groupIssues, warning, type GroupMessage, type Issue } from "../issue";
import { SHEET } from "../layout";
import { GRADES, type Adjustment, type AssessmentInput, type AssessmentResult, type Grade, type GroupSummary, type Unit, type UnitResult, type CellRef, type PeerRating } from "../model";
import { auditLines, normalisedOf } from "./audit";
import { countedRatings } from "./countedRatings";
import { raterPlaces } from "./peerReview";
import { GROUP_MESSAGES, MESSAGES } from "./messages";
import { count, FigureTexts, sum } from "./numbers";
import { scoreGroup, type GroupStandings } from "./scoreGroup";
import { scoreUnit, type UnitWorking } from "./scoreUnit";
import { lastPlaceOf } from "./notes";
import { unitNotes } from "./unitNotes";
import { withCheckScores } from "./checkScores";
import { dailyAdjustments } from "./dailyAdjustments";
import { dailyParamsOf, dailyWorking } from "./dailyWorking";
import { approveGroup, type GroupApproval, type ApprovalMark } from "./approval";

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
export { selfCriticismStreak, experienceQuarters } from "./reviewStreak";
export { ledgerCounts, ledgerNotice } from "./ledger";
export { checkScore, checkMean, withCheckScores } from "./checkScores";
export { dailyAdjustments } from "./dailyAdjustments";
export { disqualifiedCap } from "./disqualified";
export { DAILY_OFF } from "./dailyWorking";
export { approveGroup, type ApprovalMark, type ApprovalMember, type GroupApproval } from "./approval";
export { isLastPlace, lastPlaceOf, bigDrop, twoYearsExcellent, needsAdviceLetter, needsSummons } from "./notes";

/** Spec §4, rules 1–11, for every unit: figures, 名次, 等次, 提示 and 计算说明, with the problems found. */
export function scoreAssessment(input: AssessmentInput): ScoreOutcome {
  const { params, units } = input;
  const groupOrder = firstAppearance(units.map((u) => u.rankGroup));
  const groupOf = new Map(units.map((u) => [u.name, u.rankGroup]));
  const counted = countedRatings(input.ratings, units, params.uniformRaterInvalid);
  const issues: Issue[] = [...counted.issues];
  const voidedOf = voidedRatersOf(input.ratings, counted.voided);

  // Ratings and 加减分 records indexed by unit once, so each unit looks at its own only (linear, not quadratic, in units).
  const ratingsOf = byKey(counted.ratings, (r) => r.ratee);
  // 平时考核: its 加分/扣分 records join 加减分's (rule D4) and 双月检查 may score one indicator (rule D3).
  const daily = dailyParamsOf(params);
  const records = input.daily ?? [];
  const dailyOf = new Map(records.map((record) => [record.unit, record]));
  const checked = withCheckScores(input, daily, params.decimals);
  const generated = records.flatMap((record) => dailyAdjustments(record, daily));
  const adjustmentsOf = byKey(generated.length === 0 ? input.adjustments : [...input.adjustments, ...generated], (a) => a.unit);
  const scored = checked.scores === input.scores ? input : { ...input, scores: checked.scores };
  const places = raterPlaces(groupOf, groupOrder);
  const workings = units.map((unit) => {
    const w = scoreUnit(unit, scored, { ratings: ratingsOf.get(unit.name) ?? [], groupOf, groupOrder, raterPlaces: places }, adjustmentsOf.get(unit.name) ?? NONE);
    const record = dailyOf.get(unit.name);
    return record === undefined ? w : { ...w, daily: dailyWorking(record, checked.byUnit.get(unit.name) ?? null, daily, params.decimals) };
  });
  const perUnit = workings.flatMap((w) => unitIssues(w, input));

  const results: UnitResult[] = [];
  const groups: GroupSummary[] = [];
  const texts = new FigureTexts(params.decimals);
  const overrides = new Map((input.overrides ?? []).map((o) => [o.unit, o]));
  for (const group of groupOrder) {
    const members = workings.filter((w) => w.unit.rankGroup === group);
    const standings = scoreGroup(group, members, params);
    const context: GroupContext = { ...groupContext(members, standings), rankGroups: groupOrder, voidedOf };
    const review = approveGroup(
      members.map((w, index) => {
        const s = standings.standings[index];
        return { name: w.unit.name, rank: s?.rank ?? 0, computed: s?.grade ?? "不合格", quotaMark: s?.quotaMark ?? null };
      }),
      overrides,
      standings.excellentLimit,
    );
    const groupResults = members.map((w, index) => unitResult(w, index, context, standings, review, input, texts));
    results.push(...sortByRank(groupResults));
    groups.push(summarise(standings, review, groupResults, params.decimals));
  }
  return { result: { params, units: results, groups }, issues: [...issues, ...groupIssues(perUnit, GROUPED)] };
}

const NONE: readonly Adjustment[] = [];
// One empty list for every unit no rater was left out of (read only, as the 计算说明 takes it).
const NO_VOIDED: readonly { rater: string; value: D }[] = [];

/** What every unit of a group shares: the units on each 名次 (in 考核对象 order) and the group's 排名最后 名次. */
interface GroupContext {
  namesByRank: Map<number, string[]>;
  lastPlace: number | null;
  /** The county's 排名分组, in 考核对象 order. */
  rankGroups?: readonly string[];
  /** The raters of a unit that 互评同分票无效 left out. */
  voidedOf: (unit: string) => readonly { rater: string; value: D }[];
}

function groupContext(members: readonly UnitWorking[], g: GroupStandings): Pick<GroupContext, "namesByRank" | "lastPlace"> {
  const groupRanks = g.standings.map((s) => s.rank);
  const namesByRank = new Map<number, string[]>();
  members.forEach((member, i) => {
    const rank = groupRanks[i] ?? 0;
    const names = namesByRank.get(rank) ?? [];
    names.push(member.unit.name);
    namesByRank.set(rank, names);
  });
  return { namesByRank, lastPlace: lastPlaceOf(groupRanks) };
}

function unitResult(w: UnitWorking, index: number, context: GroupContext, g: GroupStandings, review: GroupApproval, input: AssessmentInput, texts: FigureTexts): UnitResult {
  const s = g.standings[index];
  const mark: ApprovalMark | undefined = review.marks[index];
  if (s === undefined || mark === undefined) throw new Error("scoreAssessment: standing missing");
  // Unit names are unique (the reader reports duplicates), so "the others on this 名次" is every name but its own.
  const tiedWith = (context.namesByRank.get(s.rank) ?? []).filter((name) => name !== w.unit.name);
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
    grade: mark.grade,
    computedGrade: s.grade,
    override: mark.override,
    notes: unitNotes(w, s, { lastPlace: context.lastPlace, tied: tiedWith.length > 0, quotaLimit: g.excellentLimit, review: mark }, params),
    audit: auditLines(w, s, { group: g.group, thresholds: g.thresholds, tiedWith, quotaLimit: g.excellentLimit, review: mark, rankGroups: context.rankGroups, voidedRaters: context.voidedOf(w.unit.name) }, params, texts),
  };
}

/** Problems found while scoring one unit: no countable ballot, no peer rating, 应得分 0. */
function unitIssues(w: UnitWorking, input: AssessmentInput): Issue[] {
  const issues: Issue[] = [];
  const name = w.unit.name;
  const entry = input.satisfaction.get(name);
  if (w.onlyUnknownBallots && entry !== undefined) {
    issues.push({ ...warning("rules.noCountableBallots", entry.ref.sheet, entry.ref.cell, MESSAGES.noCountableBallots(name)), unit: name });
  }
  if (w.peer.kind === "none") {
    const at = peerRowOf(w.unit, input);
    issues.push({ ...warning("rules.noPeerRatings", at.sheet, at.cell, MESSAGES.noPeerRatings(name)), unit: name });
  }
  if (w.peer.kind === "tooFew") {
    const at = peerRowOf(w.unit, input);
    issues.push({ ...warning("rules.fewPeerRatings", at.sheet, at.cell, MESSAGES.fewRatings(name, w.peer.count, w.peer.minimum)), unit: name });
  }
  const few = w.fewBallots ?? null;
  if (few !== null && entry !== undefined) {
    issues.push({ ...warning("rules.fewBallots", entry.ref.sheet, entry.ref.cell, MESSAGES.fewBallots(name, few.count.toString(), few.minimum)), unit: name });
  }
  if (w.peer.kind === "noWeight") {
    const groups = w.peer.groups.map((g) => g.group).join("、");
    const at = peerRowOf(w.unit, input);
    issues.push({ ...warning("rules.peerZeroWeight", at.sheet, at.cell, MESSAGES.peerZeroWeight(name, groups)), unit: name });
  }
  if (w.normalised.normalised === null) {
    issues.push({ ...error("rules.possibleZero", SHEET.units, `B${w.unit.row}`, MESSAGES.possibleZero(name)), unit: name });
  }
  return issues;
}

/** A unit's own row for a problem about its ratings: its row in 上下互评 when it has one, else its row in 考核对象 — never a header. */
function peerRowOf(unit: Unit, input: AssessmentInput): CellRef {
  return input.peerRows?.get(unit.name) ?? { sheet: SHEET.units, cell: `B${unit.row}` };
}

/** Kinds of per-unit problems told in one line when several units have them. */
const GROUPED = new Map<string, GroupMessage>([
  ["rules.noPeerRatings", GROUP_MESSAGES.noPeerRatings],
  ["rules.peerZeroWeight", GROUP_MESSAGES.peerZeroWeight],
  ["rules.noCountableBallots", GROUP_MESSAGES.noCountableBallots],
  ["rules.possibleZero", GROUP_MESSAGES.possibleZero],
  ["rules.fewPeerRatings", GROUP_MESSAGES.fewRatings],
  ["rules.fewBallots", GROUP_MESSAGES.fewBallots],
]);

/** For each ratee, the raters who rated it but were left out by 互评同分票无效 (self-ratings aside), with their one value. */
function voidedRatersOf(ratings: readonly PeerRating[], voided: ReadonlyMap<string, D> | undefined): (unit: string) => readonly { rater: string; value: D }[] {
  const byRatee = new Map<string, { rater: string; value: D }[]>();
  if (voided !== undefined && voided.size > 0) {
    for (const rating of ratings) {
      const value = voided.get(rating.rater);
      if (value === undefined || rating.rater === rating.ratee) continue;
      const list = byRatee.get(rating.ratee) ?? [];
      list.push({ rater: rating.rater, value });
      byRatee.set(rating.ratee, list);
    }
  }
  return (unit) => byRatee.get(unit) ?? NO_VOIDED;
}

function sortByRank(results: UnitResult[]): UnitResult[] {
  // Array.prototype.sort is stable, so equal 名次 keep 考核对象 order.
  return [...results].sort((a, b) => a.rank - b.rank);
}

function summarise(g: GroupStandings, review: GroupApproval, results: readonly UnitResult[], places: number): GroupSummary {
  const totals = results.map((r) => r.total);
  const byGrade = Object.fromEntries(GRADES.map((grade) => [grade, 0])) as Record<Grade, number>;
  for (const r of results) byGrade[r.grade] += 1;
  // One walk instead of a sort: the first lowest and the last highest, as a stable ascending sort would put them.
  let lowest: D | undefined;
  let highest: D | undefined;
  for (const total of totals) {
    if (lowest === undefined || compare(total, lowest) < 0) lowest = total;
    if (highest === undefined || compare(total, highest) >= 0) highest = total;
  }
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
    adjusted: review.adjusted,
    overQuotaByReview: review.overQuotaByReview,
    placesFreedByReview: review.placesFreedByReview,
  };
}

/** The items by key, each list in the items' order. */
function byKey<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  // Sheets list a unit's ratings (or records) together: each run of one key is taken as one slice, not item by item.
  let start = 0;
  let runKey = "";
  for (let i = 0; i <= items.length; i += 1) {
    const k = i < items.length ? key(items[i] as T) : null;
    if (i > 0 && k === runKey) continue;
    if (i > start) {
      const list = map.get(runKey);
      if (list === undefined) map.set(runKey, items.slice(start, i));
      else for (let j = start; j < i; j += 1) list.push(items[j] as T);
    }
    start = i;
    if (k !== null) runKey = k;
  }
  return map;
}

function firstAppearance(values: readonly string[]): string[] {
  return [...new Set(values)];
}
