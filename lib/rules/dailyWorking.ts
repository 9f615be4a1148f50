import type { D } from "../decimal";
import type { DailyParams, DailyRecord, Params } from "../model";
import { checkMean, type CheckScore } from "./checkScores";
import { DAILY_NOTES } from "./dailyMessages";
import { ledgerCounts, ledgerNotice, type LedgerCounts } from "./ledger";
import { selfCriticismStreak } from "./reviewStreak";

/** 平时考核 parameters when the workbook has none (made before 平时考核 existed): every rule off. */
export const DAILY_OFF: DailyParams = {
  checkWords: new Map(),
  checkIndicator: null,
  ledgerNoticeCount: 3,
  ledgerMissingPenalty: null,
  selfCriticismPenalty: null,
  experienceBonus: null,
};

export function dailyParamsOf(params: Params): DailyParams {
  return params.daily ?? DAILY_OFF;
}

/** What the 平时考核 rules worked out for one unit, kept for its 提示 and 计算说明. */
export interface DailyWorking {
  record: DailyRecord;
  ledger: LedgerCounts;
  ledgerNotice: boolean;
  /** Quarters of consecutive 检查性发言 (rule D1), or null. */
  streak: number[] | null;
  checkMean: D | null;
  /** The indicator score rule D3 gave, or null. */
  check: CheckScore | null;
}

export function dailyWorking(record: DailyRecord, check: CheckScore | null, params: DailyParams, places: number): DailyWorking {
  const ledger = ledgerCounts(record);
  return {
    record,
    ledger,
    ledgerNotice: ledgerNotice(ledger, params.ledgerNoticeCount),
    streak: selfCriticismStreak(record),
    checkMean: checkMean(record, places),
    check,
  };
}

/** The 提示 of 平时考核 for one unit: 取消评先资格 (and its effect), consecutive 检查性发言, 台账 lapses. */
export function dailyNotes(d: DailyWorking, disqualifiedDemoted: boolean): string[] {
  const notes: string[] = [];
  if (d.record.disqualified !== null) notes.push(disqualifiedDemoted ? `${DAILY_NOTES.disqualified(d.record.disqualified.reason)}，不得评为优秀，定为良好` : DAILY_NOTES.disqualified(d.record.disqualified.reason));
  if (d.streak !== null) notes.push(DAILY_NOTES.streak(d.streak));
  if (d.ledgerNotice) notes.push(DAILY_NOTES.ledger(d.ledger.late, d.ledger.missing));
  return notes;
}
