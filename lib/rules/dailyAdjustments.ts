import type { Adjustment, DailyParams, DailyRecord } from "../model";
import { DAILY_RECORDS } from "./dailyMessages";

/**
 * Rule D4: the 加分/扣分 records 平时考核 generates, each off while its 参数 is blank: 检查性发言扣分 per 检查性发言,
 * 经验介绍加分 per 经验介绍 (依据 季度点评), 台账未报扣分 per month 未报 (依据 工作台账). They join the 加减分 records
 * and go through the same caps; each names the cell it came from, so 计算说明 shows where it came from.
 */
export function dailyAdjustments(record: DailyRecord, params: DailyParams): Adjustment[] {
  const records: Adjustment[] = [];
  const base = { unit: record.unit, serious: false, majorIssue: false };
  record.reviews.forEach((review, index) => {
    if (review === null) return;
    const cell = `${review.ref.sheet}!${review.ref.cell}`;
    if (review.mark === "selfCriticism" && params.selfCriticismPenalty !== null && params.selfCriticismPenalty.gt(0)) {
      records.push({ ...base, type: "penalty", points: params.selfCriticismPenalty, reason: DAILY_RECORDS.selfCriticism(index + 1, cell), basis: DAILY_RECORDS.reviewBasis, ref: review.ref });
    }
    if (review.mark === "experience" && params.experienceBonus !== null && params.experienceBonus.gt(0)) {
      records.push({ ...base, type: "bonus", points: params.experienceBonus, reason: DAILY_RECORDS.experience(index + 1, cell), basis: DAILY_RECORDS.reviewBasis, ref: review.ref });
    }
  });
  const perMissing = params.ledgerMissingPenalty;
  if (perMissing !== null && perMissing.gt(0)) {
    record.ledger.forEach((entry, index) => {
      if (entry?.mark !== "missing") return;
      const cell = `${entry.ref.sheet}!${entry.ref.cell}`;
      records.push({ ...base, type: "penalty", points: perMissing, reason: DAILY_RECORDS.ledgerMissing(index + 1, cell), basis: DAILY_RECORDS.ledgerBasis, ref: entry.ref });
    });
  }
  return records;
}
