import { PARAM } from "../layout";
import type { Issue } from "../issue";
import type { DailyRecord } from "../model";
import { checksOf } from "../rules/checkScores";
import { DAILY_MSG } from "./dailyMessages";
import type { IndicatorsRead } from "./indicators";
import type { ParamsRead } from "./params";
import type { FilledElsewhere } from "./scores";

/**
 * 参数 双月检查指标 names the indicator whose score the 双月检查 fill. It must be an indicator of 考核指标 (else an
 * error at the 参数 cell). The cells it fills are those of units with at least one check result: for them 评分 must
 * stay blank. Units without any check result are scored from 评分 as usual.
 */
export function checkFilledCells(read: ParamsRead, indicators: IndicatorsRead, daily: readonly DailyRecord[], issues: Issue[]): FilledElsewhere | undefined {
  const code = read.params.daily?.checkIndicator ?? null;
  if (code === null) return undefined;
  if (!indicators.indicators.some((indicator) => indicator.code === code)) {
    // A 编号 that exists but whose row has an error is reported there already.
    if (!indicators.codes.has(code)) {
      issues.push({ level: "error", code: "param.checkIndicatorUnknown", sheet: read.sheet, cell: read.cells.get(PARAM.checkIndicator) ?? "A1", message: DAILY_MSG.checkIndicatorUnknown(code) });
    }
    return undefined;
  }
  const sources = new Map<string, string>();
  for (const record of daily) {
    const checks = checksOf(record);
    const first = checks[0];
    const last = checks[checks.length - 1];
    if (first === undefined || last === undefined) continue;
    sources.set(record.unit, first === last ? `${first.ref.sheet}!${first.ref.cell}` : `${first.ref.sheet}!${first.ref.cell}:${last.ref.cell}`);
  }
  return (unit, indicator) => (indicator === code ? sources.get(unit) : undefined);
}
