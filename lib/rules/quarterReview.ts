import type { D } from "../decimal";
import { roundHalfUp } from "../decimal";
import { LEDGER_WORDS, REVIEW_WORDS } from "../layout";
import type { DailyRecord, LedgerMark, Unit } from "../model";
import { count, sum } from "./numbers";
import { rankTotals } from "./rank";
import { experienceQuarters } from "./reviewStreak";
import { ledgerCounts } from "./ledger";

/** The months of quarter q (1–4): 1–3, 4–6, 7–9, 10–12. */
export function quarterMonths(q: number): number[] {
  return [3 * q - 2, 3 * q - 1, 3 * q];
}

/**
 * The 双月检查 reported in quarter q: check k covers months 2k−1 and 2k and is reported when month 2k ends, so Q1
 * has check 1, Q2 checks 2 and 3, Q3 check 4, Q4 checks 5 and 6 (1-based numbers).
 */
export function quarterChecks(q: number): number[] {
  const months = quarterMonths(q);
  return [1, 2, 3, 4, 5, 6].filter((k) => months.includes(2 * k));
}

/** One unit's line of the 季度点评 overview. */
export interface QuarterLine {
  unit: Unit;
  /** 台账 of the quarter's months: "按时" when all three were on time, else the lapses ("8月逾期、9月未报"); "未到期" when blank. */
  ledger: string;
  /** 逾期 and 未报 from January to the quarter's end. */
  lateSoFar: number;
  missingSoFar: number;
  /** The quarter's check results as typed ("88、较好"), "" when none. */
  checks: string;
  /** Mean of the quarter's check results, rounded; null when none. */
  checkMean: D | null;
  /** Place by checkMean within the 排名分组 (中国式排名); null without results. */
  checkRank: number | null;
  /** 点评 of the quarter before (经验介绍/检查性发言/""). */
  previousReview: string;
  /** 经验介绍 from Q1 to this quarter. */
  experienceSoFar: number;
  notes: string[];
}

export interface QuarterOverview {
  quarter: number;
  lines: QuarterLine[];
}

const MONTH_WORD: Record<LedgerMark, string> = LEDGER_WORDS;

/**
 * The overview a 季度点评 meeting needs for quarter q (seed 002 三): 台账 lapses by unit, the quarter's check results
 * ranked within each 排名分组, who made a 检查性发言 last quarter (named again, it is the second in a row: 通报批评,
 * 约谈主要领导), who was named for 经验介绍 so far. Units without a 平时考核 row appear with blanks. Lines are in
 * 排名分组 order of 考核对象, then by check place (units without results last), then 考核对象 order.
 */
export function quarterOverview(units: readonly Unit[], records: readonly DailyRecord[], q: number, places: number): QuarterOverview {
  const byUnit = new Map(records.map((record) => [record.unit, record]));
  const months = quarterMonths(q);
  const checks = quarterChecks(q);
  const lines = units.map((unit): QuarterLine => {
    const record = byUnit.get(unit.name);
    const lapses = record === undefined ? [] : months.flatMap((m) => {
      const entry = record.ledger[m - 1];
      return entry === null || entry === undefined || entry.mark === "onTime" ? [] : [`${m}月${MONTH_WORD[entry.mark]}`];
    });
    const filled = record === undefined ? 0 : months.filter((m) => record.ledger[m - 1] != null).length;
    const soFar = record === undefined ? { late: 0, missing: 0 } : ledgerCounts(record, Array.from({ length: 3 * q }, (_, i) => i + 1));
    const results = record === undefined ? [] : checks.flatMap((k) => {
      const check = record.checks[k - 1];
      return check === null || check === undefined ? [] : [check];
    });
    const mean = results.length === 0 ? null : roundHalfUp(sum(results.map((c) => c.value)).div(count(results.length)), places);
    const previous = q > 1 ? (record?.reviews[q - 2] ?? null) : null;
    const current = record?.reviews[q - 1] ?? null;
    const notes: string[] = [];
    if (previous?.mark === "selfCriticism") {
      notes.push(current?.mark === "selfCriticism" ? QUARTER_NOTES.secondInRow(q - 1, q) : QUARTER_NOTES.atRisk(q - 1));
    }
    if (lapses.length > 0) notes.push(QUARTER_NOTES.lapses(lapses.join("、")));
    if (record?.disqualified != null) notes.push(QUARTER_NOTES.disqualified);
    return {
      unit,
      ledger: filled === 0 ? QUARTER_NOTES.notDue : lapses.length === 0 ? LEDGER_WORDS.onTime : lapses.join("、"),
      lateSoFar: soFar.late,
      missingSoFar: soFar.missing,
      checks: results.map((c) => c.word ?? c.value.toFixed()).join("、"),
      checkMean: mean,
      checkRank: null,
      previousReview: previous === null ? "" : REVIEW_WORDS[previous.mark],
      experienceSoFar: record === undefined ? 0 : experienceQuarters(record).filter((quarter) => quarter <= q).length,
      notes,
    };
  });
  const groups = [...new Set(units.map((unit) => unit.rankGroup))];
  const ordered: QuarterLine[] = [];
  for (const group of groups) {
    const members = lines.filter((line) => line.unit.rankGroup === group);
    const rated = members.filter((line) => line.checkMean !== null);
    const ranks = rankTotals(rated.map((line) => line.checkMean as D), "dense");
    rated.forEach((line, index) => (line.checkRank = ranks[index] ?? null));
    // Array.prototype.sort is stable: equal places keep 考核对象 order, units without results go last.
    ordered.push(...[...members].sort((a, b) => (a.checkRank ?? Infinity) - (b.checkRank ?? Infinity)));
  }
  return { quarter: q, lines: ordered };
}

export const QUARTER_NOTES = {
  notDue: "未到期",
  atRisk: (previous: number) => `第${previous}季度作检查性发言；本季度如再被点名，即连续两次，通报批评，约谈主要领导`,
  secondInRow: (previous: number, q: number) => `第${previous}、${q}季度连续两次作检查性发言，通报批评，约谈主要领导`,
  lapses: (text: string) => `本季度台账${text}`,
  disqualified: "已取消年度评先资格",
} as const;
