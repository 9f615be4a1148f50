import type { Grade } from "../model";

/** A value a user types into an input cell: a number (decimal-exact), a text, a logical value (typed by mistake), or blank. */
export type TypedValue = string | number | boolean | null;

/** One row of 考核对象. */
export interface TemplateUnit {
  name: string;
  category: string;
  /** Blank in the sheet means the default group of the 类别. */
  rankGroup: string | null;
  lastRank: number | null;
  lastGrade: Grade | null;
}

/** One row of 满意度: a percentage, or ballot counts. */
export type TemplateSatisfaction =
  | { unit: string; percent: number }
  | { unit: string; satisfied: number; basic: number; unsatisfied: number; unknown: number };

/** One row of 加减分, as typed. */
export interface TemplateAdjustment {
  unit: string;
  type: "加分" | "扣分";
  points: number;
  reason: string;
  basis: string;
  serious: string | null;
  majorIssue: string | null;
}

/** One row of 平时考核, as typed: 12 months of 台账, 6 双月检查, 4 季度点评, 取消评先资格 and its 事由. */
export interface TemplateDaily {
  unit: string;
  ledger: (string | null)[];
  checks: (string | number | null)[];
  reviews: (string | null)[];
  disqualified: string | null;
  disqualifiedReason: string | null;
}

/** What fills the data sheets: nothing for the empty template, the example county otherwise. */
export interface TemplateData {
  county: string | null;
  /** 参数 互评评议单位 as the example fills it (乡镇、政府部门, 考核方案 §五（七）); absent: blank. */
  peerRaters?: string;
  units: TemplateUnit[];
  /** unit name → indicator code → what the user typed over the pre-filled sheet (a score, 不适用 or /). */
  scores: Map<string, Map<string, TypedValue>>;
  satisfaction: TemplateSatisfaction[];
  /** Raters in column order; each row: ratee and one typed value per rater. */
  peer: { raters: string[]; rows: { ratee: string; ratings: TypedValue[] }[] };
  adjustments: TemplateAdjustment[];
  daily: TemplateDaily[];
}

/** The empty template: headers, drop-downs and the default indicators only. */
export function emptyData(): TemplateData {
  return { county: null, units: [], scores: new Map(), satisfaction: [], peer: { raters: [], rows: [] }, adjustments: [], daily: [] };
}
