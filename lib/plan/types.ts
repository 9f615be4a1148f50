import type { Indicator } from "../model";

/** Options of parseWorkPlan. */
export interface PlanOptions {
  /** Points each 适用类别 set sums to; a positive multiple of 0.5. Default 40. */
  total?: number;
  /** 考核对象, when known: named 责任单位 not among them are reported as warnings. */
  units?: readonly { name: string; category: string }[];
  /** The 类别 names in use; default the seven of 考核方案 §二 (CATEGORIES). */
  categories?: readonly string[];
}

/** One 考核指标 row made from one task of the 工作安排, with the lines it came from for a preview. */
export interface PlanIndicator extends Omit<Indicator, "row"> {
  /** First and last line (1-based) of the task in the pasted text, its 牵头单位/责任单位 lines included. */
  sourceLines: [number, number];
}

/** Something the clerk should look at: the line (1-based) and what to do, in Chinese. */
export interface PlanWarning {
  line: number;
  message: string;
  /** Stable English code for programs and tests ("plan.noLead"). */
  code: string;
}

export interface PlanOutcome {
  rows: PlanIndicator[];
  warnings: PlanWarning[];
}
