import { D } from "../lib/decimal";
import { defaultParams } from "./rules-helpers";
import type { AuditLine, GroupSummary, Grade, Params, Unit, UnitResult, AssessmentResult } from "../lib/model";

/** Test fixtures for lib/output: a small result written by hand, every figure as a decimal string. */

/** Spec §3 defaults for the year 2025, with 县直单位's own thresholds (85/75/60) and a 50% 优秀 quota. */
export function params(overrides: Partial<Params> = {}): Params {
  return defaultParams({
    year: 2025,
    thresholds: {
      base: { excellent: new D("90"), good: new D("80"), pass: new D("60") },
      byGroup: new Map([["县直单位", { excellent: new D("85"), good: new D("75"), pass: new D("60") }]]),
    },
    excellentQuota: { base: null, byGroup: new Map([["县直单位", new D("0.5")]]) },
    ...overrides,
  });
}

export interface UnitFigures {
  name: string;
  category: string;
  rankGroup: string;
  indicatorEarned: string;
  indicatorPossible: string;
  satisfaction: string | null;
  peer: string | null;
  possible: string;
  earned: string;
  normalised: string;
  bonusSum?: string;
  bonus: string;
  penalty: string;
  total: string;
  rank: number;
  grade: Grade;
  notes?: string[];
  audit?: AuditLine[];
}

/** A UnitResult from figures typed as strings; fields the output does not show get plain defaults. */
export function unitResult(f: UnitFigures, row = 2): UnitResult {
  const unit: Unit = { name: f.name, category: f.category, rankGroup: f.rankGroup, lastRank: null, lastGrade: null, row };
  const optional = (text: string | null): D | null => (text === null ? null : new D(text));
  return {
    unit,
    indicatorEarned: new D(f.indicatorEarned),
    indicatorPossible: new D(f.indicatorPossible),
    satisfactionPercent: f.satisfaction === null ? null : new D(f.satisfaction).times(10),
    satisfaction: optional(f.satisfaction),
    peerScore: f.peer === null ? null : new D(f.peer).times(10),
    peer: optional(f.peer),
    possible: new D(f.possible),
    earned: new D(f.earned),
    normalised: new D(f.normalised),
    bonusSum: new D(f.bonusSum ?? f.bonus),
    bonus: new D(f.bonus),
    penaltySum: new D(f.penalty),
    penalty: new D(f.penalty),
    serious: false,
    majorIssue: false,
    total: new D(f.total),
    rank: f.rank,
    grade: f.grade,
    notes: f.notes ?? [],
    audit: f.audit ?? [{ item: "总分", value: f.total, explanation: `总分为${f.total}分。` }],
  };
}

export function groupSummary(g: Omit<GroupSummary, "highest" | "lowest" | "mean"> & { highest: string; lowest: string; mean: D | string }): GroupSummary {
  return { ...g, highest: new D(g.highest), lowest: new D(g.lowest), mean: typeof g.mean === "string" ? new D(g.mean) : g.mean };
}

/**
 * Two rank groups worked out by hand (see the figures in the comments):
 * 乡镇: 城关镇 94.35 (1, 优秀); 柳屯镇 and 文留镇 tie on 87.22 (2, 良好), 柳屯镇 not surveyed.
 * 县直单位: 县司法局 98.63 (1, 优秀, 加分 capped 7 → 5); 县人民法院 83.67 (2, 良好, no peer ratings).
 */
export function sampleResult(overrides: Partial<Params> = {}): AssessmentResult {
  const units = [
    // 75.5 + 9.2 + 8.75 = 93.45 of 100; 93.45 + 2.5 − 1.6 = 94.35
    unitResult({
      name: "城关镇", category: "乡镇", rankGroup: "乡镇",
      indicatorEarned: "75.5", indicatorPossible: "80", satisfaction: "9.2", peer: "8.75",
      possible: "100", earned: "93.45", normalised: "93.45", bonus: "2.5", penalty: "1.6", total: "94.35",
      rank: 1, grade: "优秀",
      audit: [
        { item: "指标得分", value: "75.50", explanation: "各适用指标得分相加：40 + 35.5 = 75.50" },
        { item: "总分", value: "94.35", explanation: "93.45 + 2.50 − 1.60 = 94.35" },
      ],
    }),
    // 70 + 8.5 = 78.5 of 90; 78.5 ÷ 90 × 100 = 87.222… → 87.22
    unitResult({
      name: "柳屯镇", category: "乡镇", rankGroup: "乡镇",
      indicatorEarned: "70", indicatorPossible: "80", satisfaction: null, peer: "8.5",
      possible: "90", earned: "78.5", normalised: "87.22", bonus: "0", penalty: "0", total: "87.22",
      rank: 2, grade: "良好", notes: ["未开展满意度调查，按应得分90分换算", "并列"],
    }),
    // 69.3 + 8.8 + 9.12 = 87.22 of 100
    unitResult({
      name: "文留镇", category: "乡镇", rankGroup: "乡镇",
      indicatorEarned: "69.3", indicatorPossible: "80", satisfaction: "8.8", peer: "9.12",
      possible: "100", earned: "87.22", normalised: "87.22", bonus: "0", penalty: "0", total: "87.22",
      rank: 2, grade: "良好", notes: ["并列", "排名最后"],
    }),
    // 128.5 + 9.5 + 9 = 147 of 157; 147 ÷ 157 × 100 = 93.6305… → 93.63; + 5 = 98.63
    unitResult({
      name: "县司法局", category: "政府部门", rankGroup: "县直单位",
      indicatorEarned: "128.5", indicatorPossible: "137", satisfaction: "9.5", peer: "9",
      possible: "157", earned: "147", normalised: "93.63", bonusSum: "7", bonus: "5", penalty: "0", total: "98.63",
      rank: 1, grade: "优秀", notes: ["加分合计7分，按上限计5分"],
    }),
    // 70 + 8 = 78 of 90; 78 ÷ 90 × 100 = 86.666… → 86.67; − 3 = 83.67
    unitResult({
      name: "县人民法院", category: "法院检察院", rankGroup: "县直单位",
      indicatorEarned: "70", indicatorPossible: "80", satisfaction: "8", peer: null,
      possible: "90", earned: "78", normalised: "86.67", bonus: "0", penalty: "3", total: "83.67",
      rank: 2, grade: "良好", notes: ["无上下互评评分，按应得分90分换算", "排名最后"],
    }),
  ];
  const groups = [
    // mean (94.35 + 87.22 + 87.22) ÷ 3 = 268.79 ÷ 3 = 89.5966… → 89.60
    groupSummary({
      rankGroup: "乡镇", count: 3, byGrade: { 优秀: 1, 良好: 2, 合格: 0, 不合格: 0 },
      highest: "94.35", lowest: "87.22", mean: new D("268.79").div(3), excellentLimit: null, quotaExceededByTie: false,
    }),
    // mean (98.63 + 83.67) ÷ 2 = 91.15; quota 50% of 2 → 1
    groupSummary({
      rankGroup: "县直单位", count: 2, byGrade: { 优秀: 1, 良好: 1, 合格: 0, 不合格: 0 },
      highest: "98.63", lowest: "83.67", mean: "91.15", excellentLimit: 1, quotaExceededByTie: false,
    }),
  ];
  return { params: params(overrides), units, groups };
}
