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
  const terms = sharedTextsOf(t);
  const f = figuresOf(w, terms);
  // Pushed one by one rather than spread from optional arrays: this runs for every unit.
  // The terms of the unit's indicators, by position: for both 指标 texts.
  const list = terms.list(w.indicators.counted, w.indicators.notApplicable.length === 0);
  const lines: AuditLine[] = [
    measuredLine(AUDIT_ITEMS.indicatorEarned, f.earned, indicatorEarnedText(w, f, terms, list)),
    measuredLine(AUDIT_ITEMS.indicatorPossible, f.possible, indicatorPossibleText(w, f, terms, list)),
  ];
  if (w.daily !== undefined) lines.push(new ExplainedLine(DAILY_AUDIT.item, "", dailyAuditText(w.daily, t), undefined));
  lines.push(
    new ExplainedLine(AUDIT_ITEMS.satisfaction, f.satisfaction ?? NOT_APPLICABLE_VALUE, satisfactionText(w, f, params, t, terms), undefined),
    new ExplainedLine(AUDIT_ITEMS.peer, f.peer ?? NOT_APPLICABLE_VALUE, peerText(w, f, context, params, t, terms), undefined),
    new ExplainedLine(AUDIT_ITEMS.possible, f.normalisedPossible, possibleText(w, f, params, terms), undefined),
    new ExplainedLine(AUDIT_ITEMS.earned, f.normalisedEarned, earnedText(f), undefined),
    new ExplainedLine(AUDIT_ITEMS.normalised, f.normalised, normalisedText(w, f), undefined),
    new ExplainedLine(AUDIT_ITEMS.bonus, f.bonus, adjustmentText("加分", w.bonusRecords, w.bonus.sum, f.bonus, w.bonus.cut, params.bonusCap, t), undefined),
    new ExplainedLine(AUDIT_ITEMS.penalty, f.penalty, adjustmentText("扣分", w.penaltyRecords, w.penalty.sum, f.penalty, w.penalty.cut, params.penaltyCap, t), undefined),
    new ExplainedLine(AUDIT_ITEMS.total, f.total, totalText(w, f, params, t, terms), undefined),
    new ExplainedLine(AUDIT_ITEMS.rank, String(s.rank), rankText(f, s, context, params), undefined),
    new ExplainedLine(AUDIT_ITEMS.grade, s.grade, gradeText(f, s, context, t), undefined),
  );
  if (context.review !== undefined) lines.push(new ExplainedLine(AUDIT_ITEMS.finalGrade, context.review.grade, reviewText(context.review, context.quotaLimit), undefined));
  return lines;
}

/**
 * The unit's figures as shown (to 小数位数), each written once: most appear in two or three lines (总分 in four), and
 * every `shown` is a lookup (see SharedTexts.shown).
 */
interface ShownFigures {
  earned: string;
  possible: string;
  /** null: no 满意度 score. */
  satisfaction: string | null;
  /** 互评得分 and 互评分; null unless rated. */
  peer: string | null;
  peerScore: string | null;
  normalisedPossible: string;
  normalisedEarned: string;
  normalised: string;
  bonus: string;
  penalty: string;
  total: string;
}

function figuresOf(w: UnitWorking, t: SharedTexts): ShownFigures {
  const peer = w.peer;
  return {
    earned: t.shown(w.indicators.earned),
    possible: t.shown(w.indicators.possible),
    satisfaction: w.satisfaction === null ? null : t.shown(w.satisfaction.score),
    peer: peer.kind === "rated" ? t.shown(peer.peer) : null,
    peerScore: peer.kind === "rated" ? t.shown(peer.peerScore) : null,
    normalisedPossible: t.shown(w.normalised.possible),
    normalisedEarned: t.shown(w.normalised.earned),
    normalised: t.shown(normalisedOf(w)),
    bonus: t.shown(w.bonus.value),
    penalty: t.shown(w.penalty.value),
    total: t.shown(w.total.total),
  };
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
 * A 计算说明 line that knows the displayWidth of its explanation (unless the text holds a line break): worked out from
 * its pieces for the long 指标得分 and 指标应得分 texts (some 1,500 characters each, two per unit, never measured
 * character by character), measured as it is made for the others. Measuring a text made of many pieces flattens it
 * into one string: done here, while the pieces are new, they die young; done when 计算说明 is printed, 10,000 units
 * later, they had been copied by every garbage collection in between (measured at 10,000 units: renderAudit 110 →
 * 66–73 ms CPU, auditLines no slower). The width is a private field, not a property: the line reads, compares and
 * serialises as the plain { item, value, explanation } it is (a copy, e.g. structuredClone, is measured as usual). A
 * field rather than a WeakMap beside the lines: 20,000 entries a run made every garbage collection slower.
 */
class ExplainedLine implements AuditLine {
  readonly #width: number | undefined;

  constructor(
    readonly item: string,
    readonly value: string,
    readonly explanation: string,
    width: number | undefined,
  ) {
    this.#width = width ?? (explanation.includes("\n") ? undefined : displayWidth(explanation));
  }

  static widthOf(line: AuditLine): number | undefined {
    return #width in line ? line.#width : undefined;
  }
}

/** The displayWidth of the line's explanation when auditLines knows it already (see ExplainedLine). */
export function knownExplanationWidth(line: AuditLine): number | undefined {
  return ExplainedLine.widthOf(line);
}

function measuredLine(item: string, value: string, explanation: Measured): AuditLine {
  return new ExplainedLine(item, value, explanation.text, explanation.width ?? undefined);
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
  indicator: Indicator;
  code: string;
  points: Measured | null;
  /** Scores by identity (the reader shares one Decimal per value), a short list searched before the map. */
  values: D[];
  scoreTerms: Measured[];
  many: Map<D, Measured> | null;
}

/**
 * The terms of one list of counted indicators, by position, and its 指标应得分 texts by total. indicatorScore hands
 * units of one 类别 without a 不适用 the same list (readonly, never changed after), so a unit finds its hundred
 * indicators' terms with one identity check instead of a hundred map lookups.
 */
interface TermsOfList {
  counted: readonly Indicator[];
  terms: TermsOfIndicator[];
  possible: Map<string, Measured>;
}

/** Indicators found by their row in 考核指标 below this row (a sheet of indicators is a few hundred rows). */
const ROWS_KEPT = 100_000;
/** Beyond this many distinct scores of one indicator, a map finds a score faster than the list. */
const FEW_SCORES = 8;
/** Lists of counted indicators kept by identity: one per 类别 is the usual. */
const LISTS_KEPT = 16;

/**
 * Texts of one run shared by every unit, each built (and measured) once: the 指标 terms, so that a unit's 指标得分 text
 * is one join of terms already made and its width their sum; the 指标应得分 texts, which depend only on the indicators
 * counted (and those 不适用), so units with the same ones share one text; the ratings of 互评; and texts made of the
 * run's 参数 alone.
 */
class SharedTexts {
  private readonly byIndicator = new Map<Indicator, TermsOfIndicator>();
  private readonly byRow: (TermsOfIndicator | undefined)[] = [];
  private readonly lists: TermsOfList[] = [];
  /** 指标应得分 texts by their 不适用 and total; the indicators counted are compared in full. */
  private readonly possibleTexts = new Map<string, { counted: readonly Indicator[]; notApplicable: readonly string[]; text: Measured }[]>();
  /** "（共n项）" by n (no 不适用). */
  private readonly itemCounts: Measured[] = [];
  private readonly percents = new Map<D, string>();
  private readonly shownTexts = new Map<D, string>();
  /** Texts of the run's 参数, made on first use (params is the same object for every unit of a run). */
  private paramsTexts: { params: Params; ballotValues: [string, string, string]; possibleSatisfaction: string; possiblePeer: string; peerPoints: string; satisfactionPoints: string } | null = null;

  constructor(private readonly t: FigureTexts) {}

  private of(indicator: Indicator): TermsOfIndicator {
    // By the indicator's row in 考核指标 first (an index, not a hash: half the units of a county have a 不适用, and
    // with it a list of their own, looked up indicator by indicator); the map when the row holds another indicator.
    const row = indicator.row;
    const byRow = Number.isInteger(row) && row >= 0 && row < ROWS_KEPT ? this.byRow[row] : undefined;
    if (byRow !== undefined && byRow.indicator === indicator) return byRow;
    let terms = this.byIndicator.get(indicator);
    if (terms === undefined) {
      terms = { indicator, code: indicator.code, points: null, values: [], scoreTerms: [], many: null };
      this.byIndicator.set(indicator, terms);
    }
    if (Number.isInteger(row) && row >= 0 && row < ROWS_KEPT && byRow === undefined) this.byRow[row] = terms;
    return terms;
  }

  /** The terms of each indicator of the list, by position: kept by identity for a list units share. */
  list(counted: readonly Indicator[], shared: boolean): TermsOfList {
    const lists = this.lists;
    for (let i = 0; i < lists.length; i += 1) {
      const known = lists[i] as TermsOfList;
      if (known.counted === counted) return known;
    }
    const terms = new Array<TermsOfIndicator>(counted.length);
    for (let i = 0; i < counted.length; i += 1) terms[i] = this.of(counted[i] as Indicator);
    const list = { counted, terms, possible: new Map<string, Measured>() };
    if (shared && lists.length < LISTS_KEPT) lists.push(list);
    return list;
  }

  /** "1.1 得0.5" */
  score(terms: TermsOfIndicator, value: D): Measured {
    const values = terms.values;
    for (let i = 0; i < values.length; i += 1) if (values[i] === value) return terms.scoreTerms[i] as Measured;
    let term = terms.many?.get(value);
    if (term !== undefined) return term;
    term = measured(AUDIT_TEXT.scoreTerm(terms.code, this.t.plain(value)));
    if (values.length < FEW_SCORES) {
      values.push(value);
      terms.scoreTerms.push(term);
    } else {
      terms.many ??= new Map();
      terms.many.set(value, term);
    }
    return term;
  }

  /** As `plain`, remembered by identity (FigureTexts.sharedPlain): for ratings, which the reader shares one Decimal per value. */
  sharedPlain(value: D): string {
    return this.t.sharedPlain(value);
  }

  /**
   * As `shown`, remembered by identity (a Decimal never changes): the rules build one Decimal for each distinct figure
   * they work out (10,000 units: some 7,000 objects for 110,000 figures), so a figure many units share (应得分, 加分 0,
   * a 总分) is looked up by the object rather than keyed by its digits first. Kept for the run, as every text here.
   */
  shown(value: D): string {
    let text = this.shownTexts.get(value);
    if (text === undefined) {
      text = this.t.shown(value);
      this.shownTexts.set(value, text);
    }
    return text;
  }

  /** A 互评权重 as a percent ("50%"), remembered by identity (the weights are the run's 参数). */
  percent(weight: D): string {
    let text = this.percents.get(weight);
    if (text === undefined) {
      text = percentOf(weight);
      this.percents.set(weight, text);
    }
    return text;
  }

  /** "1.1 2分" */
  points(terms: TermsOfIndicator, indicator: Indicator): Measured {
    terms.points ??= measured(AUDIT_TEXT.pointsTerm(terms.code, this.t.plain(indicator.maxPoints)));
    return terms.points;
  }

  /** "（共n项）" or "（共n项；不适用：…）", measured. */
  itemCount(n: number, notApplicable: readonly string[]): Measured {
    if (notApplicable.length > 0) return measured(AUDIT_TEXT.itemCount(n, notApplicable));
    let text = this.itemCounts[n];
    if (text === undefined) {
      text = measured(AUDIT_TEXT.itemCount(n, notApplicable));
      this.itemCounts[n] = text;
    }
    return text;
  }

  /** Texts of the run's 参数. */
  ofParams(params: Params): NonNullable<SharedTexts["paramsTexts"]> {
    let texts = this.paramsTexts;
    if (texts === null || texts.params !== params) {
      const t = this.t;
      const values = params.ballotValues;
      const satisfactionPoints = t.plain(params.satisfactionPoints);
      const peerPoints = t.plain(params.peerPoints);
      texts = {
        params,
        ballotValues: [t.plain(values.satisfied), t.plain(values.basic), t.plain(values.unsatisfied)],
        possibleSatisfaction: AUDIT_TEXT.possibleSatisfaction(satisfactionPoints),
        possiblePeer: AUDIT_TEXT.possiblePeer(peerPoints),
        peerPoints,
        satisfactionPoints,
      };
      this.paramsTexts = texts;
    }
    return texts;
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
 * The texts of a unit's terms, joined into one: filled and joined again for every unit rather than made anew (a
 * hundred slots a unit). Never held across a call that could fill it again. One list for each kind of text, so that
 * its length changes little from one use to the next (a list cut to a much shorter length gives up its storage).
 */
const TERM_TEXTS: string[] = [];
/** A group's ratings (see TERM_TEXTS). */
const RATING_TEXTS: string[] = [];

/**
 * "term + term + …（共n项）= total" in one join, with its width summed from the terms' (the tail goes on the last
 * term, so the join makes the whole text at once). `total` is a figure as shown: ASCII, one column a character.
 */
function joinedTerms(n: number, term: (i: number) => Measured, count: Measured, total: string): Measured {
  const texts = TERM_TEXTS;
  texts.length = n;
  let width: number | null = (n - 1) * TERM_SEPARATOR_WIDTH;
  for (let i = 0; i < n; i += 1) {
    const made = term(i);
    texts[i] = made.text;
    width = width === null || made.width === null ? null : width + made.width;
  }
  const last = n - 1;
  texts[last] = `${texts[last] ?? ""}${count.text}= ${total}`;
  const text = texts.join(TERM_SEPARATOR);
  return { text, width: width === null || count.width === null ? null : width + count.width + 2 + total.length };
}

function indicatorEarnedText(w: UnitWorking, f: ShownFigures, shared: SharedTexts, list: TermsOfList): Measured {
  const { counted, notApplicable } = w.indicators;
  const n = counted.length;
  if (n === 0) return measured(`${AUDIT_TEXT.noIndicators(notApplicable)} = ${f.earned}`);
  // As joinedTerms, with the terms looked up in the loop (no callback): this runs for every unit, a hundred terms each.
  const scores = w.indicators.scores;
  const terms = list.terms;
  const texts = TERM_TEXTS;
  texts.length = n;
  let width: number | null = (n - 1) * TERM_SEPARATOR_WIDTH;
  for (let i = 0; i < n; i += 1) {
    const term = shared.score(terms[i] as TermsOfIndicator, scores[i] ?? ZERO);
    texts[i] = term.text;
    width = width === null || term.width === null ? null : width + term.width;
  }
  const count = shared.itemCount(n, notApplicable);
  const total = f.earned;
  texts[n - 1] = `${texts[n - 1] ?? ""}${count.text}= ${total}`;
  return { text: texts.join(TERM_SEPARATOR), width: width === null || count.width === null ? null : width + count.width + 2 + total.length };
}

function indicatorPossibleText(w: UnitWorking, f: ShownFigures, shared: SharedTexts, list: TermsOfList): Measured {
  const { counted, notApplicable } = w.indicators;
  const total = f.possible;
  if (counted.length === 0) return measured(`${AUDIT_TEXT.noIndicators(notApplicable)} = ${total}`);
  // A list units share keeps its texts by total; a unit's own list (it has a 不适用) is compared in full.
  const own = notApplicable.length > 0;
  const known = own ? shared.knownPossible(counted, notApplicable, total) : (list.possible.get(total) ?? null);
  if (known !== null) return known;
  const terms = list.terms;
  const text = joinedTerms(counted.length, (i) => shared.points(terms[i] as TermsOfIndicator, counted[i] as Indicator), shared.itemCount(counted.length, notApplicable), total);
  if (own) shared.rememberPossible(counted, notApplicable, total, text);
  else list.possible.set(total, text);
  return text;
}

function satisfactionText(w: UnitWorking, f: ShownFigures, params: Params, t: FigureTexts, shared: SharedTexts): string {
  const outcome = w.satisfaction;
  const few = w.fewBallots ?? null;
  if (outcome === null && few !== null) return AUDIT_TEXT.fewBallots(t.plain(few.count), few.minimum);
  if (outcome === null) return w.onlyUnknownBallots ? AUDIT_TEXT.noCountableBallots : AUDIT_TEXT.notSurveyed;
  const percent = shared.shown(outcome.percent);
  const ballots = outcome.ballots;
  const texts = shared.ofParams(params);
  let source: string;
  if (ballots === null) {
    // The typed figure itself, so a reader sees when it was rounded.
    source = AUDIT_TEXT.typedPercent(typedPercent(w, t), percent);
  } else {
    source =
      AUDIT_TEXT.ballots({
        satisfied: t.plain(ballots.satisfied),
        basic: t.plain(ballots.basic),
        unsatisfied: t.plain(ballots.unsatisfied),
        values: texts.ballotValues,
        weighted: t.plain(ballots.weighted),
        countable: t.plain(ballots.countable),
        percent,
      }) + (ballots.unknown.isZero() ? "" : AUDIT_TEXT.unknownBallots(t.plain(ballots.unknown)));
  }
  return `${source}；${AUDIT_TEXT.satisfactionPoints(percent, texts.satisfactionPoints, f.satisfaction ?? "")}`;
}

function typedPercent(w: UnitWorking, t: FigureTexts): string {
  const typed = w.satisfaction?.typed;
  return typed ? t.plain(typed) : "";
}

/** 换算得分 as written; 0 when 应得分 is 0 (an error is reported then and nothing is written). */
export function normalisedOf(w: UnitWorking): D {
  return w.normalised.normalised ?? ZERO;
}

function peerText(w: UnitWorking, f: ShownFigures, context: StandingContext, params: Params, t: FigureTexts, shared: SharedTexts): string {
  const voided = voidedText(context, t);
  const peer = w.peer;
  if (peer.kind === "none") return AUDIT_TEXT.noPeer + voided;
  const groups = peer.groups;
  const parts: string[] = [];
  // The groups' means as shown, by position: each appears twice (the group's part and the weighted score).
  const means: string[] = [];
  for (const g of groups) {
    const head = AUDIT_TEXT.peerGroup(g.group, g.values.length, ratingList(g.values, shared));
    const m = g.trimmed;
    const mean = shared.shown(m.mean);
    means.push(mean);
    parts.push(
      m.dropped === null
        ? head + AUDIT_TEXT.peerMean(m.kept.length, t.plain(m.total), mean)
        : head + AUDIT_TEXT.peerTrimmed(shared.sharedPlain(m.dropped.highest), shared.sharedPlain(m.dropped.lowest), m.kept.length, t.plain(m.total), mean),
    );
  }
  if (peer.kind !== "rated") {
    // "…；" after the groups' parts even when there are none.
    if (groups.length === 0) parts.push("");
    parts.push((peer.kind === "noWeight" ? AUDIT_TEXT.peerZeroWeight : AUDIT_TEXT.fewRatings(peer.count, peer.minimum)) + voided);
  } else {
    const score = f.peerScore ?? "";
    parts.push(weightedText(groups, means, peer.weightSum, score, context, params, shared));
    parts.push(AUDIT_TEXT.peerPoints(score, shared.ofParams(params).peerPoints, f.peer ?? "") + voided);
  }
  return parts.join("；");
}

/** "91、84、92": a group's ratings in one join. */
function ratingList(values: readonly D[], shared: SharedTexts): string {
  const texts = RATING_TEXTS;
  texts.length = values.length;
  for (let i = 0; i < values.length; i += 1) texts[i] = shared.sharedPlain(values[i] as D);
  return texts.join("、");
}

/**
 * The weighted peer score. When a rater group of the county with a weight gave this unit no rating, its weight is
 * shared out by the division: that is said in words ("县直单位组未评，其权重由乡镇组承担") rather than left to a reader
 * to see in "(95.19×50%) ÷ 50%". `means` are the groups' means as shown, by position.
 */
function weightedText(groups: readonly PeerGroupWorking[], means: readonly string[], weightSum: D, score: string, context: StandingContext, params: Params, shared: SharedTexts): string {
  const missing = missingGroups(groups, context, params);
  let terms = "";
  let present = 0;
  let only = -1;
  for (let i = 0; i < groups.length; i += 1) {
    const g = groups[i] as PeerGroupWorking;
    if (!g.weight.isZero()) {
      present += 1;
      if (only < 0) only = i;
    }
    terms += `${i === 0 ? "" : " + "}${means[i] ?? ""}×${shared.percent(g.weight)}`;
  }
  if (missing !== null && present === 1) return AUDIT_TEXT.peerOneGroup(missing, (groups[only] as PeerGroupWorking).group, means[only] ?? "", score);
  const weighted = AUDIT_TEXT.peerWeighted(terms, percentOf(weightSum), score);
  if (missing === null) return weighted;
  const names = groups.filter((g) => !g.weight.isZero()).map((g) => g.group);
  return weighted + AUDIT_TEXT.peerGroupsMissing(missing, names.join("、"));
}

/** The county's rater groups with a weight that gave the unit no rating, as "甲、乙"; null when none. */
function missingGroups(groups: readonly PeerGroupWorking[], context: StandingContext, params: Params): string | null {
  const rankGroups = context.rankGroups;
  if (rankGroups === undefined) return null;
  let missing: string | null = null;
  for (const group of rankGroups) {
    let rated = false;
    for (const g of groups) if (g.group === group) rated = true;
    if (rated || (params.peerWeights.get(group) ?? ZERO).isZero()) continue;
    missing = missing === null ? group : `${missing}、${group}`;
  }
  return missing;
}

/** Said where 互评同分票无效 left out a rater of this unit, with why the rule is not monotone. */
function voidedText(context: StandingContext, t: FigureTexts): string {
  const voided = context.voidedRaters ?? [];
  if (voided.length === 0) return "";
  return AUDIT_TEXT.uniformVoided(voided.map((v) => `“${v.rater}”（都是${t.plain(v.value)}分）`).join("、"));
}

function possibleText(w: UnitWorking, f: ShownFigures, params: Params, shared: SharedTexts): string {
  let terms = AUDIT_TEXT.possibleIndicators(f.possible);
  if (w.satisfaction !== null) terms += TERM_SEPARATOR + shared.ofParams(params).possibleSatisfaction;
  if (w.peer.kind === "rated") terms += TERM_SEPARATOR + shared.ofParams(params).possiblePeer;
  return AUDIT_TEXT.possible(terms, f.normalisedPossible);
}

function earnedText(f: ShownFigures): string {
  let terms = AUDIT_TEXT.earnedIndicators(f.earned);
  if (f.satisfaction !== null) terms += TERM_SEPARATOR + AUDIT_TEXT.earnedSatisfaction(f.satisfaction);
  if (f.peer !== null) terms += TERM_SEPARATOR + AUDIT_TEXT.earnedPeer(f.peer);
  return AUDIT_TEXT.possible(terms, f.normalisedEarned);
}

function normalisedText(w: UnitWorking, f: ShownFigures): string {
  if (w.normalised.normalised === null) return AUDIT_TEXT.cannotNormalise;
  return AUDIT_TEXT.normalised(f.normalisedEarned, f.normalisedPossible, f.normalised);
}

function adjustmentText(kind: string, records: readonly Adjustment[], sum: D, value: string, cut: boolean, cap: D | null, t: FigureTexts): string {
  if (records.length === 0) return AUDIT_TEXT.noRecords(kind, value);
  const terms = records.map((r) => AUDIT_TEXT.recordTerm(r.reason.trim() || `${r.ref.sheet}!${r.ref.cell}`, t.plain(r.points), r.serious)).join(" + ");
  if (cap === null) return AUDIT_TEXT.recordsNoCap(terms, value);
  return cut ? AUDIT_TEXT.recordsCut(terms, t.plain(sum), t.plain(cap), value) : AUDIT_TEXT.recordsWithinCap(terms, value, t.plain(cap));
}

function totalText(w: UnitWorking, f: ShownFigures, params: Params, t: FigureTexts, shared: SharedTexts): string {
  const head = AUDIT_TEXT.total(f.normalised, f.bonus, f.penalty, shared.shown(w.total.raw));
  if (w.total.floored) return head + AUDIT_TEXT.totalFloored(f.total);
  if (w.total.capped && params.totalCap !== null) return head + AUDIT_TEXT.totalCapped(t.plain(params.totalCap), f.total);
  return head;
}

function rankText(f: ShownFigures, s: Standing, context: StandingContext, params: Params): string {
  const head = AUDIT_TEXT.rank(context.group, RANK_RULE_WORDS[params.rankRule], f.total, s.rank);
  return context.tiedWith.length > 0 ? head + AUDIT_TEXT.rankTie(context.tiedWith.join("、")) : head;
}

function gradeText(f: ShownFigures, s: Standing, context: StandingContext, t: FigureTexts): string {
  const total = f.total;
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
