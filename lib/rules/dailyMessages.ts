import type { D } from "../decimal";
import { plain } from "./numbers";

const quarters = (qs: readonly number[]) => `第${qs.join("、")}季度`;

/** 提示 and 计算说明 texts of 平时考核 (seed 002 双月检查、季度点评), in the users' words. */
export const DAILY_NOTES = {
  streak: (qs: readonly number[]) => `连续两次在季度点评会议上作检查性发言（${quarters(qs)}），通报批评，约谈主要领导`,
  ledger: (late: number, missing: number) => `工作台账逾期${late}次、未报${missing}次`,
  disqualified: (reason: string) => `取消年度评先资格${reason === "" ? "" : `（${reason}）`}`,
  disqualifiedDemoted: "取消评先资格，不得评为优秀，定为良好",
} as const;

export const DAILY_AUDIT = {
  item: "平时考核",
  ledger: (onTime: number, late: number, missing: number) => `工作台账：按时${onTime}次、逾期${late}次、未报${missing}次`,
  noLedger: "工作台账：未填写",
  checks: (values: string, mean: string) => `双月检查：${values}，平均 ${mean}`,
  noChecks: "双月检查：未填写",
  checkScore: (code: string, mean: string, max: string, score: string, source: string) =>
    `指标 ${code} 得分 = 检查平均分 ${mean} ÷ 100 × 分值 ${max} = ${score}（按参数“双月检查指标”，来自 ${source}）`,
  reviews: (text: string) => `季度点评：${text}`,
  noReviews: "季度点评：未被点名",
  reviewTerm: (q: number, word: string) => `第${q}季度${word}`,
  disqualified: (reason: string, cell: string) => `取消评先资格（${cell}）${reason === "" ? "" : `：${reason}`}`,
  gradeDisqualified: "；取消评先资格，不得评为优秀，定为良好",
} as const;

/** 事由 and 依据 of the 加分/扣分 records 平时考核 generates; the 事由 names the cell it came from. */
export const DAILY_RECORDS = {
  selfCriticism: (q: number, cell: string) => `第${q}季度点评会议作检查性发言（${cell}）`,
  experience: (q: number, cell: string) => `第${q}季度点评会议作经验介绍（${cell}）`,
  ledgerMissing: (month: number, cell: string) => `${month}月工作台账未报（${cell}）`,
  reviewBasis: "季度点评",
  ledgerBasis: "工作台账",
} as const;

export const DAILY_PLAIN = { points: (value: D) => plain(value) } as const;
