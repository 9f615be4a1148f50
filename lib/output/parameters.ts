import { BLANK_SCORE_WORDS, HEADERS, NO, PARAM, RANK_RULE_WORDS, YES } from "../layout";
import type { AuditLine, GroupSummary, Params, Thresholds } from "../model";
import type { D } from "../decimal";
import { percentText, plainText } from "./figures";
import { EXPLAIN, ITEM, NO_CAP, NO_QUOTA } from "./messages";
import { quotaOf } from "./quota";

/** The parameters a result was computed with, as 计算说明 lines, so that a reader knows the rules applied. */
export function describeParams(params: Params, groups: readonly GroupSummary[]): AuditLine[] {
  return [
    { item: PARAM.year, value: String(params.year), explanation: EXPLAIN.year },
    { item: PARAM.decimals, value: String(params.decimals), explanation: EXPLAIN.decimals(params.decimals) },
    ...pointLines(params),
    ...peerLines(params),
    ...capLines(params),
    ...groupLines(params, groups),
    { item: PARAM.rankRule, value: RANK_RULE_WORDS[params.rankRule], explanation: params.rankRule === "dense" ? EXPLAIN.rankDense : EXPLAIN.rankCompetition },
    { item: PARAM.bigDropPlaces, value: String(params.bigDropPlaces), explanation: EXPLAIN.bigDrop(params.bigDropPlaces) },
    { item: PARAM.blankScore, value: BLANK_SCORE_WORDS[params.blankScore], explanation: params.blankScore === "error" ? EXPLAIN.blankError : EXPLAIN.blankZero },
  ];
}

function pointLines(params: Params): AuditLine[] {
  const satisfaction = plainText(params.satisfactionPoints);
  const peer = plainText(params.peerPoints);
  return [
    { item: PARAM.satisfactionPoints, value: satisfaction, explanation: EXPLAIN.satisfactionPoints(satisfaction) },
    { item: PARAM.peerPoints, value: peer, explanation: EXPLAIN.peerPoints(peer) },
    { item: PARAM.ballotValues, value: ballotText(params.ballotValues), explanation: EXPLAIN.ballotValues },
  ];
}

function peerLines(params: Params): AuditLine[] {
  const weights = [...params.peerWeights].map(([group, weight]) => ({
    item: `${PARAM.peerWeight}-${group}`,
    value: percentText(weight),
    explanation: EXPLAIN.peerWeight(group),
  }));
  return [
    ...weights,
    { item: PARAM.trimPeer, value: yesNo(params.trimPeer), explanation: params.trimPeer ? EXPLAIN.trimOn(params.trimMinCount) : EXPLAIN.trimOff },
    { item: PARAM.trimMinCount, value: String(params.trimMinCount), explanation: EXPLAIN.trimMinCount },
    { item: PARAM.uniformRaterInvalid, value: yesNo(params.uniformRaterInvalid), explanation: params.uniformRaterInvalid ? EXPLAIN.uniformOn : EXPLAIN.uniformOff },
    { item: PARAM.ratingWords, value: wordsText(params.ratingWords), explanation: EXPLAIN.ratingWords },
  ];
}

function capLines(params: Params): AuditLine[] {
  const bonus = capText(params.bonusCap);
  const penalty = capText(params.penaltyCap);
  const total = capText(params.totalCap);
  return [
    { item: PARAM.bonusCap, value: bonus ?? NO_CAP, explanation: EXPLAIN.bonusCap(bonus) },
    { item: PARAM.penaltyCap, value: penalty ?? NO_CAP, explanation: EXPLAIN.penaltyCap(penalty) },
    { item: PARAM.totalCap, value: total ?? NO_CAP, explanation: EXPLAIN.totalCap(total) },
  ];
}

/** Thresholds and quota of each rank group; with no group at all, the plain values. */
function groupLines(params: Params, groups: readonly GroupSummary[]): AuditLine[] {
  if (groups.length === 0) {
    return [thresholdLine(ITEM.thresholds, params.thresholds.base), quotaLine(PARAM.excellentQuota, params.excellentQuota.base, null)];
  }
  return groups.flatMap((group) => [
    thresholdLine(`${ITEM.thresholds}-${group.rankGroup}`, params.thresholds.byGroup.get(group.rankGroup) ?? params.thresholds.base),
    quotaLine(`${PARAM.excellentQuota}-${group.rankGroup}`, quotaOf(params, group.rankGroup), group),
  ]);
}

function thresholdLine(item: string, thresholds: Thresholds): AuditLine {
  const [excellent, good, pass] = [thresholds.excellent, thresholds.good, thresholds.pass].map(plainText) as [string, string, string];
  return { item, value: `${excellent}、${good}、${pass}`, explanation: EXPLAIN.thresholds(excellent, good, pass) };
}

function quotaLine(item: string, quota: D | null, group: GroupSummary | null): AuditLine {
  if (quota === null) return { item, value: NO_QUOTA, explanation: EXPLAIN.quotaOff };
  const text = percentText(quota);
  const explanation = EXPLAIN.quotaOn(text, group?.count ?? null, group?.excellentLimit ?? null);
  return { item, value: text, explanation: group?.quotaExceededByTie === true ? explanation + EXPLAIN.quotaTie : explanation };
}

function capText(cap: D | null): string | null {
  return cap === null ? null : plainText(cap);
}

function yesNo(flag: boolean): string {
  return flag ? YES : NO;
}

function wordsText(words: ReadonlyMap<string, D>): string {
  return [...words].map(([word, value]) => `${word}=${plainText(value)}`).join("、");
}

function ballotText(values: Params["ballotValues"]): string {
  const [, , satisfied, basic, unsatisfied] = HEADERS.satisfaction;
  return `${satisfied}=${plainText(values.satisfied)}、${basic}=${plainText(values.basic)}、${unsatisfied}=${plainText(values.unsatisfied)}`;
}
