/**
 * Which 评分 cells changed after 计算等次. The fingerprint says only that the sheet 评分 changed; but 计算说明 records,
 * for every unit, the score each indicator had ("1.4 得4" in its 指标得分 line), and the inputs read now carry each
 * score's cell. Comparing the two names the cell typed over: 评分!F7 (八公桥镇 · 1.4), 4 then, 0 now.
 */
import { D } from "../decimal";
import type { Grid } from "../grid";
import type { AssessmentInput, Indicator } from "../model";
import { AUDIT_ITEMS, NOT_APPLICABLE_VALUE } from "../rules/messages";

/** A 评分 cell whose value is not the one 计算等次 scored. */
export interface ChangedScore {
  sheet: string;
  cell: string;
  unit: string;
  /** "1.4 持续推进法治建设宣传和理论研究". */
  indicator: string;
  /** As scored then ("4"), and as the cell holds now ("0", or 不适用). */
  was: string;
  now: string;
}

/** "1.1 得5 + 1.2 得3.5 + …": the recorded score of each indicator code (AUDIT_TEXT.scoreTerm). */
const SCORE_TERM = /(?:^|\+ )(\S+) 得(-?\d+(?:\.\d+)?)(?= \+|（)/g;

function recordedScores(explanation: string): Map<string, string> {
  const scores = new Map<string, string>();
  for (const match of explanation.matchAll(SCORE_TERM)) if (match[1] !== undefined && match[2] !== undefined) scores.set(match[1], match[2]);
  return scores;
}

/**
 * The 评分 cells whose value differs from what the stored 计算说明 recorded for them (audit rows: 排名分组, 单位名称,
 * 项目, 结果, 计算过程). Only units and indicators both recorded then and read now are compared; a unit or indicator
 * added or removed shows in the 结果 differences instead.
 */
export function changedScores(input: AssessmentInput, audit: Grid): ChangedScore[] {
  const indicators = new Map<string, Indicator>(input.indicators.map((indicator) => [indicator.code, indicator]));
  const changed: ChangedScore[] = [];
  for (const row of audit) {
    const [, unit, item, , explanation] = row;
    if (item !== AUDIT_ITEMS.indicatorEarned || typeof unit !== "string" || typeof explanation !== "string") continue;
    const entries = input.scores.get(unit);
    if (entries === undefined) continue;
    const recorded = recordedScores(explanation);
    for (const [code, was] of recorded) {
      const entry = entries.get(code);
      const indicator = indicators.get(code);
      if (entry === undefined || indicator === undefined) continue;
      if (entry.kind === "score" && entry.value.equals(new D(was))) continue;
      const now = entry.kind === "score" ? entry.value.toString() : NOT_APPLICABLE_VALUE;
      changed.push({ sheet: entry.ref.sheet, cell: entry.ref.cell, unit, indicator: `${code} ${indicator.level2 || indicator.content}`.trim(), was, now });
    }
  }
  return changed;
}
