import type { DailyRecord } from "../model";

export interface LedgerCounts {
  onTime: number;
  late: number;
  missing: number;
}

/** 工作台账 of the months filled in so far: how many were 按时, 逾期 and 未报 (blank months are not yet due). */
export function ledgerCounts(record: Pick<DailyRecord, "ledger">, months: readonly number[] | null = null): LedgerCounts {
  const counts: LedgerCounts = { onTime: 0, late: 0, missing: 0 };
  record.ledger.forEach((entry, index) => {
    if (entry === null || (months !== null && !months.includes(index + 1))) return;
    counts[entry.mark] += 1;
  });
  return counts;
}

/** Rule D2: 逾期 + 未报 reaching 参数 台账提示次数 gives a 提示. */
export function ledgerNotice(counts: LedgerCounts, threshold: number): boolean {
  const lapses = counts.late + counts.missing;
  return lapses > 0 && lapses >= threshold;
}
