import type { D } from "./decimal";

/** 等次, best first. */
export type Grade = "优秀" | "良好" | "合格" | "不合格";
export const GRADES: readonly Grade[] = ["优秀", "良好", "合格", "不合格"];

/** 名次规则: 中国式排名 (dense: 1, 1, 2) or 跳位排名 (competition, as Excel RANK.EQ: 1, 1, 3). */
export type RankRule = "dense" | "competition";

/** 空白评分: a blank applicable score cell is an error (报错) or counts as 0 with a warning (按0分). */
export type BlankScorePolicy = "error" | "zero";

/** Where a value came from, so that explanations and problems can name the cell. */
export interface CellRef {
  sheet: string;
  cell: string;
}

/** 考核对象. */
export interface Unit {
  name: string;
  category: string;
  rankGroup: string;
  lastRank: number | null;
  lastGrade: Grade | null;
  /** 考核对象 row of this unit (A1 row number), for messages. */
  row: number;
}

/** 考核指标. `categories` is "all" for 全部, else the 类别 names it applies to (or named units, see below). */
export interface Indicator {
  code: string;
  level1: string;
  level2: string;
  content: string;
  maxPoints: D;
  method: string;
  assessor: string;
  categories: "all" | string[];
  row: number;
}

/** One cell of 评分 for an indicator that applies to the unit. */
export type ScoreEntry =
  | { kind: "score"; value: D; ref: CellRef }
  | { kind: "notApplicable"; ref: CellRef };

/** 满意度 of one unit: a typed percentage or ballot counts (票数). */
export type SatisfactionEntry =
  | { kind: "percent"; percent: D; ref: CellRef }
  | { kind: "ballots"; satisfied: D; basic: D; unsatisfied: D; unknown: D; ref: CellRef };

/** One 上下互评 rating, already mapped from words (好、较好…) to points. */
export interface PeerRating {
  rater: string;
  ratee: string;
  value: D;
  /** The word typed, when the rating was a word. */
  word: string | null;
  ref: CellRef;
}

/** One 加减分 record. */
export interface Adjustment {
  unit: string;
  type: "bonus" | "penalty";
  points: D;
  reason: string;
  basis: string;
  serious: boolean;
  majorIssue: boolean;
  ref: CellRef;
}

/** One row of 审定调整: the 县委、县政府 set this unit's 等次 (考核方案 §六（一）), with why and on what authority. */
export interface Override {
  unit: string;
  grade: Grade;
  reason: string;
  basis: string;
  /** 日期 as typed (a date cell is written YYYY-MM-DD); null when blank. */
  date: string | null;
  /** The 单位名称 cell of the row. */
  ref: CellRef;
}

/** 平时考核 of one unit (seed 002): each mark with the cell it was typed in. Arrays are by month / check / quarter. */
export type LedgerMark = "onTime" | "late" | "missing";
export type ReviewMark = "experience" | "selfCriticism";

export interface DailyRecord {
  unit: string;
  /** 1月…12月 工作台账; null = blank (not yet due). */
  ledger: ({ mark: LedgerMark; ref: CellRef } | null)[];
  /** 第1…6次 双月检查: the result as points 0–100 (a word mapped by 检查等级分). */
  checks: ({ value: D; word: string | null; ref: CellRef } | null)[];
  /** 第1…4季度 点评. */
  reviews: ({ mark: ReviewMark; ref: CellRef } | null)[];
  /** 取消评先资格 = 是, with its 事由. */
  disqualified: { reason: string; ref: CellRef } | null;
  /** 平时考核 row (A1 row number). */
  row: number;
}

/** The 参数 of 平时考核. Every penalty or bonus is off when null. */
export interface DailyParams {
  checkWords: Map<string, D>;
  /** 双月检查指标: the 编号 of the indicator the checks' mean fills, or null (checks are only shown). */
  checkIndicator: string | null;
  /** 台账提示次数: 逾期 + 未报 at or above this gives a 提示. */
  ledgerNoticeCount: number;
  ledgerMissingPenalty: D | null;
  selfCriticismPenalty: D | null;
  experienceBonus: D | null;
}

/** A parameter that may be set per 排名分组 (优秀分数线-乡镇): the plain value, and overrides by group. */
export interface PerGroup<T> {
  base: T;
  byGroup: Map<string, T>;
}

export interface Thresholds {
  excellent: D;
  good: D;
  pass: D;
}

/** The 参数 rows the 通报 and 反馈单 print (考核方案 §六); none changes a figure. Blank texts are null. */
export interface NoticeParams {
  /** 地区: "濮阳县". */
  region: string | null;
  /** 考核方案名称, without 《》. */
  schemeName: string | null;
  /** 发文机关: one or more bodies (joint issue). */
  issuers: string[];
  /** 发文字号's 机关代字: "濮法治办". */
  docPrefix: string | null;
  /** 发文日期 as printed: "2026年1月15日"; null: left blank to be filled in. */
  date: string | null;
  mainTo: string;
  /** 抄送机关, each one. */
  copyTo: string[];
}

/** 参数, validated. Percentages are fractions (50% → 0.5). */
export interface Params {
  year: number;
  /** 地区: the county or body whose assessment this is, for titles ("" when not given). */
  region: string;
  decimals: number;
  satisfactionPoints: D;
  peerPoints: D;
  /** 互评权重-<排名分组>: weight of ratings given by raters of that group. */
  peerWeights: Map<string, D>;
  trimPeer: boolean;
  trimMinCount: number;
  uniformRaterInvalid: boolean;
  /** 互评等级分: word → rating, in the order given. */
  ratingWords: Map<string, D>;
  /** 满意度票值. */
  ballotValues: { satisfied: D; basic: D; unsatisfied: D };
  bonusCap: D | null;
  penaltyCap: D | null;
  totalCap: D | null;
  thresholds: PerGroup<Thresholds>;
  excellentQuota: PerGroup<D | null>;
  rankRule: RankRule;
  bigDropPlaces: number;
  blankScore: BlankScorePolicy;
  notice: NoticeParams;
  /** 截止日期 for returning forms, as shown (YYYY-MM-DD for a date cell); null when blank. */
  deadline: string | null;
  /** 互评“好”最多比例 as a fraction; null: no quota. */
  goodShareCap: D | null;
  /** 互评表评分方式: drop-down of words or 0–100. */
  ratingFormMode: RatingFormMode;
  /** 互评评议单位: the 类别 or 排名分组 whose units rate in 上下互评; null or absent: see lib/raters.ts. */
  peerRaters?: string[] | null;
  /** 互评最少评议数: fewer counted ratings than this and a unit's 互评 does not count; null or absent: no minimum. */
  peerMinRatings?: number | null;
  /** 满意度最少有效票数: fewer countable ballots than this and a unit's 满意度 does not count; null or absent: none. */
  satisfactionMinBallots?: number | null;
  /** 平时考核's parameters; absent means all off (a workbook made before 平时考核 existed). */
  daily?: DailyParams;
}

/** 互评表评分方式: 等级 (words of 互评等级分 in a drop-down) or 分数 (0–100). */
export type RatingFormMode = "words" | "points";

/** Everything read from the input sheets, ready for the rules. */
export interface AssessmentInput {
  params: Params;
  units: Unit[];
  indicators: Indicator[];
  /** unit name → indicator code → entry, for the indicators that apply to the unit (absent: blank cell under 报错 is an error already reported). */
  scores: Map<string, ReadonlyMap<string, ScoreEntry>>;
  satisfaction: Map<string, SatisfactionEntry>;
  ratings: PeerRating[];
  adjustments: Adjustment[];
  /** 审定调整 rows (absent or empty: no unit was adjusted). */
  overrides?: Override[];
  /** 平时考核, one record per unit listed there; absent or empty when the sheet is not used. */
  daily?: DailyRecord[];
  /** 上下互评: the cell of each 被评单位's name (column A), so that a problem about its ratings points at its own row. */
  peerRows?: ReadonlyMap<string, CellRef>;
}

/** One line of 计算说明: a figure, its value as written, and how it came about in words. */
export interface AuditLine {
  item: string;
  value: string;
  explanation: string;
}

/** Every figure of one unit's row of 结果 (null: the item does not apply). */
export interface UnitResult {
  unit: Unit;
  indicatorEarned: D;
  indicatorPossible: D;
  satisfactionPercent: D | null;
  satisfaction: D | null;
  peerScore: D | null;
  peer: D | null;
  possible: D;
  earned: D;
  normalised: D;
  bonusSum: D;
  bonus: D;
  penaltySum: D;
  penalty: D;
  serious: boolean;
  majorIssue: boolean;
  total: D;
  rank: number;
  /** The final 等次: the 审定 one when the unit was adjusted, else the computed one. Flags follow it. */
  grade: Grade;
  /** 等次 by the rules alone (spec §4 rules 8–10), before 审定调整; scoreAssessment always sets it (absent means the same as grade). */
  computedGrade?: Grade;
  /** The 审定调整 row that set the final 等次; null or absent when the unit was not adjusted. */
  override?: Override | null;
  notes: string[];
  audit: AuditLine[];
}

/** Per 排名分组 summary (汇总). */
export interface GroupSummary {
  rankGroup: string;
  count: number;
  byGrade: Record<Grade, number>;
  highest: D;
  lowest: D;
  mean: D;
  excellentLimit: number | null;
  /** The quota was exceeded because units tied on the boundary 名次 all stayed 优秀. */
  quotaExceededByTie: boolean;
  /** Units of the group with a 审定调整 row (byGrade counts their final 等次); scoreAssessment always sets the three below. */
  adjusted?: number;
  /** 优秀 after 审定 beyond excellentLimit (the 审定 raised units above the quota); 0 without a quota. */
  overQuotaByReview?: number;
  /** 优秀 places the 审定 left empty: it lowered a unit the rules made 优秀 while the quota held others to 良好 (not filled: see rules/review.ts). */
  placesFreedByReview?: number;
}

export interface AssessmentResult {
  params: Params;
  /** Ordered as 结果: by 排名分组 (in order of first appearance in 考核对象), then 名次, then 考核对象 order. */
  units: UnitResult[];
  groups: GroupSummary[];
}
