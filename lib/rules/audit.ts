import { ZERO, type D } from "../decimal";
import type { Adjustment, AuditLine, Indicator, Params, Thresholds } from "../model";
import { displayWidth } from "../width";
import { RANK_RULE_WORDS } from "../layout";
import { AUDIT_ITEMS, AUDIT_TEXT, NOT_APPLICABLE_VALUE } from "./messages";
import { DAILY_AUDIT } from "./dailyMessages";
import type { DailyWorking } from "./dailyWorking";
import { checksOf } from "./checkScores";
import { REVIEW_WORDS } from "../layout";
import { FigureTexts, percentOf } from "./numbers";
import type { ApprovalMark } from "./approval";
import type { Standing } from "./scoreGroup";
import type { UnitWorking } from "./scoreUnit";
import type { PeerGroupWorking } from "./peerReview";

/** What the 名次 and 等次 lines need beyond the unit's own working. */
export interface StandingContext {
  group: string;
  thresholds: Thresholds;
  /** Other units of the group with the same 名次. */
  tiedWith: readonly string[];
  quotaLimit: number | null;
  /** What the 审定 did; absent: no 审定等次 line. */
  review?: ApprovalMark;
  /** The 排名分组 of the county (those a rater can belong to), for saying in words which rater group did not rate. */
  rankGroups?: readonly string[];
  /** Raters who rated this unit but were left out by 互评同分票无效, with the rating they gave everyone. */
  voidedRaters?: readonly { rater: string; value: D }[];
}

/** The 计算说明 lines of one unit, one per figure of 结果, each with the numbers it came from. */
export function auditLines(w: UnitWorking, s: Standing, context: StandingContext, params: Params, t: FigureTexts = new FigureTexts(params.decimals)): AuditLine[] {
  const line = (item: string, value: string, explanation: string): AuditLine => ({ item, value, explanation });
  const terms = sharedTextsOf(t);
  return [
    measuredLine(AUDIT_ITEMS.indicatorEarned, t.shown(w.indicators.earned), indicatorEarnedText(w, t, terms)),
    measuredLine(AUDIT_ITEMS.indicatorPossible, t.shown(w.indicators.possible), indicatorPossibleText(w, t, terms)),
    ...(w.daily === undefined ? [] : [line(DAILY_AUDIT.item, "", dailyAuditText(w.daily, t))]),
    line(AUDIT_ITEMS.satisfaction, w.satisfaction ? t.shown(w.satisfaction.score) : NOT_APPLICABLE_VALUE, satisfactionText(w, params, t)),
    line(AUDIT_ITEMS.peer, w.peer.kind === "rated" ? t.shown(w.peer.peer) : NOT_APPLICABLE_VALUE, peerText(w, context, params, t, terms)),
    line(AUDIT_ITEMS.possible, t.shown(w.normalised.possible), possibleText(w, params, t)),
    line(AUDIT_ITEMS.earned, t.shown(w.normalised.earned), earnedText(w, t)),
    line(AUDIT_ITEMS.normalised, t.shown(normalisedOf(w)), normalisedText(w, t)),
    line(AUDIT_ITEMS.bonus, t.shown(w.bonus.value), adjustmentText("加分", w.bonusRecords, w.bonus.sum, w.bonus.value, w.bonus.cut, params.bonusCap, t)),
    line(AUDIT_ITEMS.penalty, t.shown(w.penalty.value), adjustmentText("扣分", w.penaltyRecords, w.penalty.sum, w.penalty.value, w.penalty.cut, params.penaltyCap, t)),
    line(AUDIT_ITEMS.total, t.shown(w.total.total), totalText(w, params, t)),
    line(AUDIT_ITEMS.rank, String(s.rank), rankText(w, s, context, params, t)),
    line(AUDIT_ITEMS.grade, s.grade, gradeText(w, s, context, t)),
    ...(context.review === undefined ? [] : [line(AUDIT_ITEMS.finalGrade, context.review.grade, reviewText(context.review, context.quotaLimit))]),
  ];
}

/** 审定等次: the row of 审定调整 that set it, with its 事由, 依据 and 日期, or that there was none. */
function reviewText(review: ApprovalMark, quotaLimit: number | null): string {
  const o = review.override;
  if (o === null) return AUDIT_TEXT.notReviewed(review.grade) + (review.freedPlaces > 0 ? AUDIT_TEXT.reviewFreedPlace(review.freedPlaces) : "");
  const cell = `${o.ref.sheet}!${o.ref.cell}`;
  const text = review.changed ? AUDIT_TEXT.reviewed(review.computed, review.grade, o.reason, o.basis, o.date, cell) : AUDIT_TEXT.reviewConfirmed(review.grade, o.reason, o.basis, o.date, cell);
  return review.overQuota && quotaLimit !== null ? text + AUDIT_TEXT.reviewOverQuota(quotaLimit) : text;
}

/** A text and its displayWidth, or null for the width when the text holds a line break (measured line by line). */
interface Measured {
  text: string;
  width: number | null;
}

/**
 * The displayWidth of 计算说明 texts that auditLines worked out from their pieces while building them, by line: the
 * long 指标得分 and 指标应得分 texts (some 1,500 characters each, two per unit) are then never measured character by
 * character when 计算说明 is printed. Only lines made here are in it; any other line is measured as usual.
 */
const EXPLANATION_WIDTHS = new WeakMap<AuditLine, number>();

/** The displayWidth of the line's explanation when auditLines knows it already (see EXPLANATION_WIDTHS). */
export function knownExplanationWidth(line: AuditLine): number | undefined {
  return EXPLANATION_WIDTHS.get(line);
}

function measuredLine(item: string, value: string, explanation: Measured): AuditLine {
  const line: AuditLine = { item, value, explanation: explanation.text };
  if (explanation.width !== null) EXPLANATION_WIDTHS.set(line, explanation.width);
  return line;
}

function measured(text: string): Measured {
  return { text, width: text.includes("\n") ? null : displayWidth(text) };
}

/** " + " between terms: three columns. */
const TERM_SEPARATOR = " + ";
const TERM_SEPARATOR_WIDTH = 3;

/** The run's shared texts, one set per FigureTexts (that is, per run), dropped with it. */
const TERMS_OF_RUN = new WeakMap<FigureTexts, SharedTexts>();

function sharedTextsOf(t: FigureTexts): SharedTexts {
  let terms = TERMS_OF_RUN.get(t);
  if (terms === undefined) {
    terms = new SharedTexts(t);
    TERMS_OF_RUN.set(t, terms);
  }
  return terms;
}

/** One indicator's terms: "1.1 2分", and "1.1 得0.5" for each score met so far. */
interface TermsOfIndicator {
  points: Measured | null;
  /** Scores by identity (the reader shares one Decimal per value), a short list searched before the map. */
  values: D[];
  scoreTerms: Measured[];
  many: Map<D, Measured> | null;
}

/** Beyond this many distinct scores of one indicator, a map finds a score faster than the list. */
const FEW_SCORES = 8;
/**
 * Texts of one run shared by every unit, each built (and measured) once: the 指标 terms, so that a unit's 指标得分 text
 * is one join of terms already made and its width their sum; the 指标应得分 texts, which depend only on the indicators
 * counted (and those 不适用), so units with the same ones share one text; and the ratings of 互评.
 */
class SharedTexts {
  private readonly byIndicator = new Map<Indicator, TermsOfIndicator>();
  /** 指标应得分 texts by their 不适用 and total; the indicators counted are compared in full. */
  private readonly possibleTexts = new Map<string, { counted: readonly Indicator[]; notApplicable: readonly string[]; text: Measured }[]>();

  private readonly ratingTexts = new Map<D, string>();

  constructor(private readonly t: FigureTexts) {}

  private of(indicator: Indicator): TermsOfIndicator {
    let terms = this.byIndicator.get(indicator);
    if (terms === undefined) {
      terms = { points: null, values: [], scoreTerms: [], many: null };
      this.byIndicator.set(indicator, terms);
    }
    return terms;
  }

  /** "1.1 得0.5" */
  score(indicator: Indicator, value: D): Measured {
    const terms = this.of(indicator);
    const at = terms.values.indexOf(value);
    if (at >= 0) return terms.scoreTerms[at] as Measured;
    let term = terms.many?.get(value);
    if (term !== undefined) return term;
    term = measured(AUDIT_TEXT.scoreTerm(indicator.code, this.t.plain(value)));
    if (terms.values.length < FEW_SCORES) {
      terms.values.push(value);
      terms.scoreTerms.push(term);
    } else {
      terms.many ??= new Map();
      terms.many.set(value, term);
    }
    return term;
  }

  /** As `plain`, remembered by identity: for ratings, which the reader shares one Decimal per value. */
  sharedPlain(value: D): string {
    let text = this.ratingTexts.get(value);
    if (text === undefined) {
      text = this.t.plain(value);
      this.ratingTexts.set(value, text);
    }
    return text;
  }

  /** "1.1 2分" */
  points(indicator: Indicator): Measured {
    const terms = this.of(indicator);
    terms.points ??= measured(AUDIT_TEXT.pointsTerm(indicator.code, this.t.plain(indicator.maxPoints)));
    return terms.points;
  }

  /** The 指标应得分 text made earlier for the same indicators, 不适用 and total, or null. */
  knownPossible(counted: readonly Indicator[], notApplicable: readonly string[], possible: string): Measured | null {
    const known = this.possibleTexts.get(possibleKey(notApplicable, possible))?.find((entry) => sameItems(entry.counted, counted) && sameItems(entry.notApplicable, notApplicable));
    return known?.text ?? null;
  }

  rememberPossible(counted: readonly Indicator[], notApplicable: readonly string[], possible: string, text: Measured): void {
    const key = possibleKey(notApplicable, possible);
    const entries = this.possibleTexts.get(key);
    const entry = { counted, notApplicable, text };
    if (entries === undefined) this.possibleTexts.set(key, [entry]);
    else if (entries.length < SAME_KEY_KEPT) entries.push(entry);
  }
}

/** 指标应得分 texts kept for one 不适用 and total: one per 类别 is the usual, so a few searched in full are enough. */
const SAME_KEY_KEPT = 16;

/** What tells most 指标应得分 texts apart cheaply: the codes 不适用 and the total (a unit's 类别 decides the rest). */
function possibleKey(notApplicable: readonly string[], possible: string): string {
  return notApplicable.length === 0 ? possible : `${possible}\u0000${notApplicable.join("\u0000")}`;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * "term + term + …（共n项）= total" in one join, with its width summed from the terms' (the tail goes on the last term,
 * so the join makes the whole text at once).
 */
function joinedTerms(terms: readonly Measured[], tail: string): Measured {
  const texts = new Array<string>(terms.length);
  let width: number | null = (terms.length - 1) * TERM_SEPARATOR_WIDTH;
  for (let i = 0; i < terms.length; i += 1) {
    const term = terms[i] as Measured;
    texts[i] = term.text;
    width = width === null || term.width === null ? null : width + term.width;
  }
  const last = terms.length - 1;
  texts[last] = `${texts[last] ?? ""}${tail}`;
  const end = measured(tail);
  return { text: texts.join(TERM_SEPARATOR), width: width === null || end.width === null ? null : width + end.width };
}

function indicatorEarnedText(w: UnitWorking, t: FigureTexts, terms: SharedTexts): Measured {
  const { counted, notApplicable, earned } = w.indicators;
  if (counted.length === 0) return measured(`${AUDIT_TEXT.noIndicators(notApplicable)} = ${t.shown(earned)}`);
  const scores = w.indicators.scores;
  // As joinedTerms, without an array of the terms first: this runs for every unit.
  const texts = new Array<string>(counted.length);
  let width: number | null = (counted.length - 1) * TERM_SEPARATOR_WIDTH;
  for (let i = 0; i < counted.length; i += 1) {
    const term = terms.score(counted[i] as Indicator, scores[i] ?? ZERO);
    texts[i] = term.text;
    width = width === null || term.width === null ? null : width + term.width;
  }
  const tail = measured(`${AUDIT_TEXT.itemCount(counted.length, notApplicable)}= ${t.shown(earned)}`);
  const last = counted.length - 1;
  texts[last] = `${texts[last] ?? ""}${tail.text}`;
  return { text: texts.join(TERM_SEPARATOR), width: width === null || tail.width === null ? null : width + tail.width };
}

function indicatorPossibleText(w: UnitWorking, t: FigureTexts, terms: SharedTexts): Measured {
  const { counted, notApplicable, possible } = w.indicators;
  if (counted.length === 0) return measured(`${AUDIT_TEXT.noIndicators(notApplicable)} = ${t.shown(possible)}`);
  const total = t.shown(possible);
  const known = terms.knownPossible(counted, notApplicable, total);
  if (known !== null) return known;
  const text = joinedTerms(
    counted.map((indicator) => terms.points(indicator)),
    `${AUDIT_TEXT.itemCount(counted.length, notApplicable)}= ${total}`,
  );
  terms.rememberPossible(counted, notApplicable, total, text);
  return text;
}

function satisfactionText(w: UnitWorking, params: Params, t: FigureTexts): string {
  const outcome = w.satisfaction;
  const few = w.fewBallots ?? null;
  if (outcome === null && few !== null) return AUDIT_TEXT.fewBallots(t.plain(few.count), few.minimum);
  if (outcome === null) return w.onlyUnknownBallots ? AUDIT_TEXT.noCountableBallots : AUDIT_TEXT.notSurveyed;
  const percent = t.shown(outcome.percent);
  const ballots = outcome.ballots;
  let source: string;
  if (ballots === null) {
    // The typed figure itself, so a reader sees when it was rounded.
    source = AUDIT_TEXT.typedPercent(typedPercent(w, t), percent);
  } else {
    const values = params.ballotValues;
    source =
      AUDIT_TEXT.ballots({
        satisfied: t.plain(ballots.satisfied),
        basic: t.plain(ballots.basic),
        unsatisfied: t.plain(ballots.unsatisfied),
        values: [t.plain(values.satisfied), t.plain(values.basic), t.plain(values.unsatisfied)],
        weighted: t.plain(ballots.weighted),
        countable: t.plain(ballots.countable),
        percent,
      }) + (ballots.unknown.isZero() ? "" : AUDIT_TEXT.unknownBallots(t.plain(ballots.unknown)));
  }
  return `${source}；${AUDIT_TEXT.satisfactionPoints(percent, t.plain(params.satisfactionPoints), t.shown(outcome.score))}`;
}

function typedPercent(w: UnitWorking, t: FigureTexts): string {
  const typed = w.satisfaction?.typed;
  return typed ? t.plain(typed) : "";
}

/** 换算得分 as written; 0 when 应得分 is 0 (an error is reported then and nothing is written). */
export function normalisedOf(w: UnitWorking): D {
  return w.normalised.normalised ?? ZERO;
}

function peerText(w: UnitWorking, context: StandingContext, params: Params, t: FigureTexts, shared: SharedTexts): string {
  const voided = voidedText(context, t);
  const peer = w.peer;
  if (peer.kind === "none") return AUDIT_TEXT.noPeer + voided;
  const groups = peer.groups.map((g) => {
    const head = AUDIT_TEXT.peerGroup(g.group, g.values.length, ratingList(g.values, shared));
    const m = g.trimmed;
    const mean = t.shown(m.mean);
    return m.dropped === null
      ? head + AUDIT_TEXT.peerMean(m.kept.length, t.plain(m.total), mean)
      : head + AUDIT_TEXT.peerTrimmed(shared.sharedPlain(m.dropped.highest), shared.sharedPlain(m.dropped.lowest), m.kept.length, t.plain(m.total), mean);
  });
  if (peer.kind === "noWeight") return `${groups.join("；")}；${AUDIT_TEXT.peerZeroWeight}${voided}`;
  if (peer.kind === "tooFew") return `${groups.join("；")}；${AUDIT_TEXT.fewRatings(peer.count, peer.minimum)}${voided}`;
  return [...groups, weightedText(peer.groups, peer.weightSum, peer.peerScore, context, params, t), AUDIT_TEXT.peerPoints(t.shown(peer.peerScore), t.plain(params.peerPoints), t.shown(peer.peer))].join("；") + voided;
}

/** "91、84、92": a group's ratings in one join. */
function ratingList(values: readonly D[], shared: SharedTexts): string {
  const texts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i += 1) texts[i] = shared.sharedPlain(values[i] as D);
  return texts.join("、");
}

/**
 * The weighted peer score. When a rater group of the county with a weight gave this unit no rating, its weight is
 * shared out by the division: that is said in words ("县直单位组未评，其权重由乡镇组承担") rather than left to a reader
 * to see in "(95.19×50%) ÷ 50%".
 */
function weightedText(groups: readonly PeerGroupWorking[], weightSum: D, score: D, context: StandingContext, params: Params, t: FigureTexts): string {
  const present = groups.filter((g) => !g.weight.isZero()).map((g) => g.group);
  const missing = (context.rankGroups ?? []).filter((group) => !groups.some((g) => g.group === group) && !(params.peerWeights.get(group) ?? ZERO).isZero());
  const only = groups.find((g) => !g.weight.isZero());
  if (missing.length > 0 && present.length === 1 && only !== undefined) {
    return AUDIT_TEXT.peerOneGroup(missing.join("、"), only.group, t.shown(only.trimmed.mean), t.shown(score));
  }
  const terms = groups.map((g) => `${t.shown(g.trimmed.mean)}×${t.ownTerm(g.weight, () => percentOf(g.weight))}`).join(" + ");
  const weighted = AUDIT_TEXT.peerWeighted(terms, percentOf(weightSum), t.shown(score));
  return missing.length > 0 ? weighted + AUDIT_TEXT.peerGroupsMissing(missing.join("、"), present.join("、")) : weighted;
}

/** Said where 互评同分票无效 left out a rater of this unit, with why the rule is not monotone. */
function voidedText(context: StandingContext, t: FigureTexts): string {
  const voided = context.voidedRaters ?? [];
  if (voided.length === 0) return "";
  return AUDIT_TEXT.uniformVoided(voided.map((v) => `“${v.rater}”（都是${t.plain(v.value)}分）`).join("、"));
}

function possibleText(w: UnitWorking, params: Params, t: FigureTexts): string {
  const terms = [AUDIT_TEXT.possibleIndicators(t.shown(w.indicators.possible))];
  if (w.satisfaction !== null) terms.push(AUDIT_TEXT.possibleSatisfaction(t.plain(params.satisfactionPoints)));
  if (w.peer.kind === "rated") terms.push(AUDIT_TEXT.possiblePeer(t.plain(params.peerPoints)));
  return AUDIT_TEXT.possible(terms.join(" + "), t.shown(w.normalised.possible));
}

function earnedText(w: UnitWorking, t: FigureTexts): string {
  const terms = [AUDIT_TEXT.earnedIndicators(t.shown(w.indicators.earned))];
  if (w.satisfaction !== null) terms.push(AUDIT_TEXT.earnedSatisfaction(t.shown(w.satisfaction.score)));
  if (w.peer.kind === "rated") terms.push(AUDIT_TEXT.earnedPeer(t.shown(w.peer.peer)));
  return AUDIT_TEXT.possible(terms.join(" + "), t.shown(w.normalised.earned));
}

function normalisedText(w: UnitWorking, t: FigureTexts): string {
  const n = w.normalised;
  if (n.normalised === null) return AUDIT_TEXT.cannotNormalise;
  return AUDIT_TEXT.normalised(t.shown(n.earned), t.shown(n.possible), t.shown(n.normalised));
}

function adjustmentText(kind: string, records: readonly Adjustment[], sum: D, value: D, cut: boolean, cap: D | null, t: FigureTexts): string {
  if (records.length === 0) return AUDIT_TEXT.noRecords(kind, t.shown(value));
  const terms = records.map((r) => AUDIT_TEXT.recordTerm(r.reason.trim() || `${r.ref.sheet}!${r.ref.cell}`, t.plain(r.points), r.serious)).join(" + ");
  if (cap === null) return AUDIT_TEXT.recordsNoCap(terms, t.shown(value));
  return cut ? AUDIT_TEXT.recordsCut(terms, t.plain(sum), t.plain(cap), t.shown(value)) : AUDIT_TEXT.recordsWithinCap(terms, t.shown(value), t.plain(cap));
}

function totalText(w: UnitWorking, params: Params, t: FigureTexts): string {
  const head = AUDIT_TEXT.total(t.shown(normalisedOf(w)), t.shown(w.bonus.value), t.shown(w.penalty.value), t.shown(w.total.raw));
  if (w.total.floored) return head + AUDIT_TEXT.totalFloored(t.shown(w.total.total));
  if (w.total.capped && params.totalCap !== null) return head + AUDIT_TEXT.totalCapped(t.plain(params.totalCap), t.shown(w.total.total));
  return head;
}

function rankText(w: UnitWorking, s: Standing, context: StandingContext, params: Params, t: FigureTexts): string {
  const head = AUDIT_TEXT.rank(context.group, RANK_RULE_WORDS[params.rankRule], t.shown(w.total.total), s.rank);
  return context.tiedWith.length > 0 ? head + AUDIT_TEXT.rankTie(context.tiedWith.join("、")) : head;
}

function gradeText(w: UnitWorking, s: Standing, context: StandingContext, t: FigureTexts): string {
  const total = t.shown(w.total.total);
  const lines = context.thresholds;
  let text =
    s.gradeByLine === "不合格"
      ? AUDIT_TEXT.gradeBelow(total, t.plain(lines.pass))
      : AUDIT_TEXT.gradeMet(total, AUDIT_TEXT.lineNames[s.gradeByLine], t.plain(lineOf(lines, s.gradeByLine)), s.gradeByLine);
  if (s.seriousDemoted) text += AUDIT_TEXT.serious;
  if (s.disqualifiedDemoted === true) text += DAILY_AUDIT.gradeDisqualified;
  if (s.quotaMark === "demoted" && context.quotaLimit !== null) text += AUDIT_TEXT.quotaDemoted(context.quotaLimit);
  if (s.quotaMark === "keptByTie") text += AUDIT_TEXT.quotaKeptByTie(s.rank);
  return text;
}

function lineOf(t: Thresholds, grade: "优秀" | "良好" | "合格"): D {
  return grade === "优秀" ? t.excellent : grade === "良好" ? t.good : t.pass;
}

/** 平时考核 in one line: 台账 counts, the checks and their mean (and the indicator they scored), 季度点评, 取消评先资格. */
function dailyAuditText(d: DailyWorking, t: FigureTexts): string {
  const parts: string[] = [];
  const { onTime, late, missing } = d.ledger;
  parts.push(onTime + late + missing === 0 ? DAILY_AUDIT.noLedger : DAILY_AUDIT.ledger(onTime, late, missing));
  const checks = checksOf(d.record);
  if (checks.length === 0 || d.checkMean === null) parts.push(DAILY_AUDIT.noChecks);
  else parts.push(DAILY_AUDIT.checks(checks.map((c) => (c.word === null ? t.plain(c.value) : `${c.word}(${t.plain(c.value)})`)).join("、"), t.shown(d.checkMean)));
  if (d.check !== null) parts.push(DAILY_AUDIT.checkScore(d.check.indicator.code, t.shown(d.check.mean), t.plain(d.check.indicator.maxPoints), t.shown(d.check.score), d.check.source));
  const named = d.record.reviews.flatMap((review, index) => (review === null ? [] : [DAILY_AUDIT.reviewTerm(index + 1, REVIEW_WORDS[review.mark])]));
  parts.push(named.length === 0 ? DAILY_AUDIT.noReviews : DAILY_AUDIT.reviews(named.join("、")));
  const barred = d.record.disqualified;
  if (barred !== null) parts.push(DAILY_AUDIT.disqualified(barred.reason, `${barred.ref.sheet}!${barred.ref.cell}`));
  return parts.join("；");
}
