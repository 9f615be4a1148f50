/**
 * 进度 (催报): who has not yet filled what, from the master itself. Per 考核主体 the score cells filled of those it
 * owes (its indicators × the units they apply to) and the units still blank; per 评议单位 the ratings given of those
 * expected (the 被评单位 of 上下互评 but itself, less cells marked 不适用); the units without 满意度; the forms not yet
 * returned (from 回收记录 when collect has run, else the 主体 and 评议单位 that filled nothing).
 */
import { appliesTo } from "../applies";
import { cellAddress, type WorkbookGrids } from "../grid";
import { warning, type Issue } from "../issue";
import { HEADERS } from "../layout";
import type { AssessmentInput } from "../model";
import { isBlank, isNotApplicable, normalizeText } from "../reader/cells";
import { formAssessor } from "./assessors";
import { goodLimit, peerParties } from "./build";
import { KIND_WORDS } from "./identity";
import { readLog } from "./log";
import { peerPlaces, satisfactionPlaces, scorePlaces, valueAt } from "./master";
import { LOG_TEXT, PROGRESS_TEXT } from "./messages";
import { topWord } from "./returns";

export interface AssessorProgress {
  name: string;
  filled: number;
  expected: number;
  /** Units with at least one blank cell, and the 编号 blank for each. */
  blankUnits: { unit: string; codes: string[] }[];
}

export interface RaterProgress {
  name: string;
  given: number;
  expected: number;
  /** How many of the top word (好) it gave, and the most allowed, when over 互评“好”最多比例. */
  overQuota: { count: number; limit: number } | null;
}

export interface Progress {
  scoreFilled: number;
  scoreExpected: number;
  assessors: AssessorProgress[];
  raters: RaterProgress[];
  unsurveyed: string[];
  /** "评分表-县委组织部", "互评表-城关镇": forms not yet returned. */
  notReturned: string[];
}

export function progressOf(input: AssessmentInput, book: WorkbookGrids): Progress {
  const scores = scorePlaces(book);
  const assessors = new Map<string, AssessorProgress>();
  for (const indicator of input.indicators) {
    const name = formAssessor(indicator);
    const entry = assessors.get(name) ?? { name, filled: 0, expected: 0, blankUnits: [] };
    assessors.set(name, entry);
    for (const unit of input.units) {
      if (!appliesTo(indicator, unit)) continue;
      entry.expected += 1;
      if (valueAt(scores, unit.name, indicator.code) !== null) {
        entry.filled += 1;
        continue;
      }
      const blank = entry.blankUnits.find((b) => b.unit === unit.name);
      if (blank === undefined) entry.blankUnits.push({ unit: unit.name, codes: [indicator.code] });
      else blank.codes.push(indicator.code);
    }
  }
  const peer = peerPlaces(book);
  const { raters, ratees } = peerParties(input, peer);
  const top = topWord(input.params.ratingWords);
  const share = input.params.goodShareCap;
  const raterProgress = raters.map((name): RaterProgress => {
    let given = 0;
    let expected = 0;
    let tops = 0;
    for (const ratee of ratees) {
      if (ratee === name) continue;
      const value = valueAt(peer, ratee, name);
      if (isNotApplicable(value)) continue;
      expected += 1;
      if (isBlank(value)) continue;
      given += 1;
      if (typeof value === "string" && top !== null && normalizeText(value) === top) tops += 1;
    }
    const limit = share === null ? null : goodLimit(share, given);
    return { name, given, expected, overQuota: limit !== null && tops > limit ? { count: tops, limit } : null };
  });
  const satisfaction = satisfactionPlaces(book);
  const unsurveyed = input.units.filter((unit) => HEADERS.satisfaction.slice(1).every((header) => valueAt(satisfaction, unit.name, header) === null)).map((unit) => unit.name);
  const log = readLog(book);
  const notReturned =
    log.length > 0
      ? log.filter((row) => row.result === LOG_TEXT.missing).map((row) => `${row.kind}-${row.owner}`)
      : [
          ...[...assessors.values()].filter((a) => a.expected > 0 && a.filled === 0).map((a) => `${KIND_WORDS.score}-${a.name}`),
          ...raterProgress.filter((r) => r.expected > 0 && r.given === 0).map((r) => `${KIND_WORDS.rating}-${r.name}`),
        ];
  const all = [...assessors.values()];
  return {
    scoreFilled: all.reduce((sum, a) => sum + a.filled, 0),
    scoreExpected: all.reduce((sum, a) => sum + a.expected, 0),
    assessors: all,
    raters: raterProgress,
    unsurveyed,
    notReturned,
  };
}

/** 1820 → "1,820". */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The one-line summary first, then a line per 主体 and 评议单位 still owing something. */
export function progressLines(progress: Progress): string[] {
  const owing = progress.assessors.filter((a) => a.filled < a.expected);
  const missingScores = owing.length === 0 ? "" : PROGRESS_TEXT.scoreMissing(owing.map((a) => PROGRESS_TEXT.assessorCells(a.name, a.expected - a.filled)).join("、"));
  const ratersOwing = progress.raters.filter((r) => r.given < r.expected);
  const summary =
    PROGRESS_TEXT.summary(grouped(progress.scoreFilled), grouped(progress.scoreExpected), missingScores) +
    (ratersOwing.length > 0 ? PROGRESS_TEXT.peerMissing(ratersOwing.length) : PROGRESS_TEXT.peerDone) +
    (progress.unsurveyed.length > 0 ? PROGRESS_TEXT.satisfactionMissing(progress.unsurveyed.length) : "");
  const lines = [PROGRESS_TEXT.heading, summary];
  for (const a of owing) {
    const units = a.blankUnits.map((b) => (b.codes.length === 1 ? `${b.unit}（${b.codes[0] ?? ""}）` : `${b.unit}（${b.codes.length} 项）`));
    lines.push(PROGRESS_TEXT.assessorLine(a.name, a.filled, a.expected, units.length > 0 ? PROGRESS_TEXT.blankUnits(units.slice(0, 12).join("、") + (units.length > 12 ? ` 等 ${units.length} 个单位` : "")) : ""));
  }
  for (const r of ratersOwing) lines.push(PROGRESS_TEXT.raterLine(r.name, r.given, r.expected));
  if (progress.notReturned.length > 0) lines.push(PROGRESS_TEXT.notReturned(progress.notReturned.join("、")));
  if (progress.unsurveyed.length > 0) lines.push(PROGRESS_TEXT.noSatisfaction(progress.unsurveyed.join("、")));
  if (owing.length === 0 && ratersOwing.length === 0 && progress.unsurveyed.length === 0) lines.push(PROGRESS_TEXT.allDone);
  return lines;
}

/** 检查数据 flags each 评议单位 over 互评“好”最多比例 at its column's header in 上下互评. */
export function quotaIssues(input: AssessmentInput, book: WorkbookGrids): Issue[] {
  const share = input.params.goodShareCap;
  if (share === null) return [];
  const peer = peerPlaces(book);
  return progressOf(input, book).raters.flatMap((r) => {
    if (r.overQuota === null) return [];
    const column = peer.columns.get(r.name) ?? 0;
    return [warning("peer.overQuota", peer.sheet, cellAddress(0, column), PROGRESS_TEXT.overQuota(r.name, r.overQuota.count, r.overQuota.limit, share.times(100).toString()))];
  });
}
