import type { Indicator } from "../model";
import { trimSpaces } from "../reader/cells";

/** The form of indicators without a 考核主体: the office scores them itself. */
export const OFFICE = "考核办";

/**
 * Who scores an indicator and so receives it on a 评分表: the first unit named in 考核主体 (the 牵头单位; those named
 * after it 配合 and are shown on the form's 说明), or the office itself when 考核主体 is blank.
 */
export function formAssessor(indicator: Pick<Indicator, "assessor">): string {
  const first = trimSpaces(indicator.assessor.split(/[、,，;；/／]/)[0] ?? "");
  return first === "" ? OFFICE : first;
}

/** The 配合 units of an indicator: those named in 考核主体 after the first. */
export function helpingAssessors(indicator: Pick<Indicator, "assessor">): string[] {
  return indicator.assessor.split(/[、,，;；/／]/).slice(1).map(trimSpaces).filter((name) => name !== "");
}

/** The indicators of each 考核主体, in 考核指标 order; 考核主体 in order of their first indicator. */
export function indicatorsByAssessor<T extends Pick<Indicator, "assessor">>(indicators: readonly T[]): Map<string, T[]> {
  const byAssessor = new Map<string, T[]>();
  for (const indicator of indicators) {
    const assessor = formAssessor(indicator);
    byAssessor.set(assessor, [...(byAssessor.get(assessor) ?? []), indicator]);
  }
  return byAssessor;
}

/** A file name without the characters Windows refuses (\ / : * ? " < > |). */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|]/g, "_");
}
