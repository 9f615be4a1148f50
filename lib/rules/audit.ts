import { ZERO, type D } from "../decimal";
import type { Adjustment, AuditLine, Params, Thresholds } from "../model";
import { RANK_RULE_WORDS } from "../layout";
import { AUDIT_ITEMS, AUDIT_TEXT, NOT_APPLICABLE_VALUE } from "./messages";
import { percentOf, plain, shown } from "./numbers";
import type { Standing } from "./scoreGroup";
import type { UnitWorking } from "./scoreUnit";

/** What the 名次 and 等次 lines need beyond the unit's own working. */
export interface StandingContext {
  group: string;
  thresholds: Thresholds;
  /** Other units of the group with the same 名次. */
  tiedWith: readonly string[];
  quotaLimit: number | null;
}

/** The 计算说明 lines of one unit, one per figure of 结果, each with the numbers it came from. */
export function auditLines(w: UnitWorking, s: Standing, context: StandingContext, params: Params): AuditLine[] {
  const dp = params.decimals;
  const line = (item: string, value: string, explanation: string): AuditLine => ({ item, value, explanation });
  return [
    line(AUDIT_ITEMS.indicatorEarned, shown(w.indicators.earned, dp), indicatorEarnedText(w, dp)),
    line(AUDIT_ITEMS.indicatorPossible, shown(w.indicators.possible, dp), indicatorPossibleText(w, dp)),
    line(AUDIT_ITEMS.satisfaction, w.satisfaction ? shown(w.satisfaction.score, dp) : NOT_APPLICABLE_VALUE, satisfactionText(w, params)),
    line(AUDIT_ITEMS.peer, w.peer.kind === "rated" ? shown(w.peer.peer, dp) : NOT_APPLICABLE_VALUE, peerText(w, params)),
    line(AUDIT_ITEMS.possible, shown(w.normalised.possible, dp), possibleText(w, params)),
    line(AUDIT_ITEMS.earned, shown(w.normalised.earned, dp), earnedText(w, dp)),
    line(AUDIT_ITEMS.normalised, shown(normalisedOf(w), dp), normalisedText(w, dp)),
    line(AUDIT_ITEMS.bonus, shown(w.bonus.value, dp), adjustmentText("加分", w.bonusRecords, w.bonus.sum, w.bonus.value, w.bonus.cut, params.bonusCap, dp)),
    line(AUDIT_ITEMS.penalty, shown(w.penalty.value, dp), adjustmentText("扣分", w.penaltyRecords, w.penalty.sum, w.penalty.value, w.penalty.cut, params.penaltyCap, dp)),
    line(AUDIT_ITEMS.total, shown(w.total.total, dp), totalText(w, params)),
    line(AUDIT_ITEMS.rank, String(s.rank), rankText(w, s, context, params)),
    line(AUDIT_ITEMS.grade, s.grade, gradeText(w, s, context, dp)),
  ];
}

function indicatorEarnedText(w: UnitWorking, dp: number): string {
  const { counted, notApplicable, earned } = w.indicators;
  if (counted.length === 0) return `${AUDIT_TEXT.noIndicators(notApplicable)} = ${shown(earned, dp)}`;
  const terms = counted.map((c) => AUDIT_TEXT.scoreTerm(c.code, plain(c.score))).join(" + ");
  return `${terms}${AUDIT_TEXT.itemCount(counted.length, notApplicable)}= ${shown(earned, dp)}`;
}

function indicatorPossibleText(w: UnitWorking, dp: number): string {
  const { counted, notApplicable, possible } = w.indicators;
  if (counted.length === 0) return `${AUDIT_TEXT.noIndicators(notApplicable)} = ${shown(possible, dp)}`;
  const terms = counted.map((c) => AUDIT_TEXT.pointsTerm(c.code, plain(c.maxPoints))).join(" + ");
  return `${terms}${AUDIT_TEXT.itemCount(counted.length, notApplicable)}= ${shown(possible, dp)}`;
}

function satisfactionText(w: UnitWorking, params: Params): string {
  const dp = params.decimals;
  const outcome = w.satisfaction;
  if (outcome === null) return w.onlyUnknownBallots ? AUDIT_TEXT.noCountableBallots : AUDIT_TEXT.notSurveyed;
  const percent = shown(outcome.percent, dp);
  const ballots = outcome.ballots;
  let source: string;
  if (ballots === null) {
    // The typed figure itself, so a reader sees when it was rounded.
    source = AUDIT_TEXT.typedPercent(typedPercent(w), percent);
  } else {
    const values = params.ballotValues;
    source =
      AUDIT_TEXT.ballots({
        satisfied: plain(ballots.satisfied),
        basic: plain(ballots.basic),
        unsatisfied: plain(ballots.unsatisfied),
        values: [plain(values.satisfied), plain(values.basic), plain(values.unsatisfied)],
        weighted: plain(ballots.weighted),
        countable: plain(ballots.countable),
        percent,
      }) + (ballots.unknown.isZero() ? "" : AUDIT_TEXT.unknownBallots(plain(ballots.unknown)));
  }
  return `${source}；${AUDIT_TEXT.satisfactionPoints(percent, plain(params.satisfactionPoints), shown(outcome.score, dp))}`;
}

function typedPercent(w: UnitWorking): string {
  const typed = w.satisfaction?.typed;
  return typed ? plain(typed) : "";
}

/** 换算得分 as written; 0 when 应得分 is 0 (an error is reported then and nothing is written). */
export function normalisedOf(w: UnitWorking): D {
  return w.normalised.normalised ?? ZERO;
}

function peerText(w: UnitWorking, params: Params): string {
  const dp = params.decimals;
  const peer = w.peer;
  if (peer.kind === "none") return AUDIT_TEXT.noPeer;
  const groups = peer.groups.map((g) => {
    const head = AUDIT_TEXT.peerGroup(g.group, g.values.length, g.values.map(plain).join("、"));
    const t = g.trimmed;
    const mean = shown(t.mean, dp);
    return t.dropped === null
      ? head + AUDIT_TEXT.peerMean(t.kept.length, plain(t.total), mean)
      : head + AUDIT_TEXT.peerTrimmed(plain(t.dropped.highest), plain(t.dropped.lowest), t.kept.length, plain(t.total), mean);
  });
  if (peer.kind === "noWeight") return `${groups.join("；")}；${AUDIT_TEXT.peerZeroWeight}`;
  const terms = peer.groups.map((g) => `${shown(g.trimmed.mean, dp)}×${percentOf(g.weight)}`).join(" + ");
  return [
    ...groups,
    AUDIT_TEXT.peerWeighted(terms, percentOf(peer.weightSum), shown(peer.peerScore, dp)),
    AUDIT_TEXT.peerPoints(shown(peer.peerScore, dp), plain(params.peerPoints), shown(peer.peer, dp)),
  ].join("；");
}

function possibleText(w: UnitWorking, params: Params): string {
  const dp = params.decimals;
  const terms = [AUDIT_TEXT.possibleIndicators(shown(w.indicators.possible, dp))];
  if (w.satisfaction !== null) terms.push(AUDIT_TEXT.possibleSatisfaction(plain(params.satisfactionPoints)));
  if (w.peer.kind === "rated") terms.push(AUDIT_TEXT.possiblePeer(plain(params.peerPoints)));
  return AUDIT_TEXT.possible(terms.join(" + "), shown(w.normalised.possible, dp));
}

function earnedText(w: UnitWorking, dp: number): string {
  const terms = [AUDIT_TEXT.earnedIndicators(shown(w.indicators.earned, dp))];
  if (w.satisfaction !== null) terms.push(AUDIT_TEXT.earnedSatisfaction(shown(w.satisfaction.score, dp)));
  if (w.peer.kind === "rated") terms.push(AUDIT_TEXT.earnedPeer(shown(w.peer.peer, dp)));
  return AUDIT_TEXT.possible(terms.join(" + "), shown(w.normalised.earned, dp));
}

function normalisedText(w: UnitWorking, dp: number): string {
  const n = w.normalised;
  if (n.normalised === null) return AUDIT_TEXT.cannotNormalise;
  return AUDIT_TEXT.normalised(shown(n.earned, dp), shown(n.possible, dp), shown(n.normalised, dp));
}

function adjustmentText(kind: string, records: readonly Adjustment[], sum: D, value: D, cut: boolean, cap: D | null, dp: number): string {
  if (records.length === 0) return AUDIT_TEXT.noRecords(kind, shown(value, dp));
  const terms = records.map((r) => AUDIT_TEXT.recordTerm(r.reason.trim() || `${r.ref.sheet}!${r.ref.cell}`, plain(r.points), r.serious)).join(" + ");
  if (cap === null) return AUDIT_TEXT.recordsNoCap(terms, shown(value, dp));
  return cut ? AUDIT_TEXT.recordsCut(terms, plain(sum), plain(cap), shown(value, dp)) : AUDIT_TEXT.recordsWithinCap(terms, shown(value, dp), plain(cap));
}

function totalText(w: UnitWorking, params: Params): string {
  const dp = params.decimals;
  const head = AUDIT_TEXT.total(shown(normalisedOf(w), dp), shown(w.bonus.value, dp), shown(w.penalty.value, dp), shown(w.total.raw, dp));
  if (w.total.floored) return head + AUDIT_TEXT.totalFloored(shown(w.total.total, dp));
  if (w.total.capped && params.totalCap !== null) return head + AUDIT_TEXT.totalCapped(plain(params.totalCap), shown(w.total.total, dp));
  return head;
}

function rankText(w: UnitWorking, s: Standing, context: StandingContext, params: Params): string {
  const head = AUDIT_TEXT.rank(context.group, RANK_RULE_WORDS[params.rankRule], shown(w.total.total, params.decimals), s.rank);
  return context.tiedWith.length > 0 ? head + AUDIT_TEXT.rankTie(context.tiedWith.join("、")) : head;
}

function gradeText(w: UnitWorking, s: Standing, context: StandingContext, dp: number): string {
  const total = shown(w.total.total, dp);
  const t = context.thresholds;
  let text =
    s.gradeByLine === "不合格"
      ? AUDIT_TEXT.gradeBelow(total, plain(t.pass))
      : AUDIT_TEXT.gradeMet(total, AUDIT_TEXT.lineNames[s.gradeByLine], plain(lineOf(t, s.gradeByLine)), s.gradeByLine);
  if (s.seriousDemoted) text += AUDIT_TEXT.serious;
  if (s.quotaMark === "demoted" && context.quotaLimit !== null) text += AUDIT_TEXT.quotaDemoted(context.quotaLimit);
  if (s.quotaMark === "keptByTie") text += AUDIT_TEXT.quotaKeptByTie(s.rank);
  return text;
}

function lineOf(t: Thresholds, grade: "优秀" | "良好" | "合格"): D {
  return grade === "优秀" ? t.excellent : grade === "良好" ? t.good : t.pass;
}
