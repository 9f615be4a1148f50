import type { Grade } from "../model";

/** Rule 11: 排名最后 is the lowest 名次 of a group (all units tied there); not in a group of one or where all share one place. */
export function isLastPlace(rank: number, groupRanks: readonly number[]): boolean {
  return rank === lastPlaceOf(groupRanks);
}

/** Rule 11: the 名次 that is 排名最后 in a group, or null (a group of one, or all units share one place). */
export function lastPlaceOf(groupRanks: readonly number[]): number | null {
  // A loop, not Math.max(...ranks): spreading a province-sized group overflows the call stack.
  let lowest = -Infinity;
  let highest = Infinity;
  for (const rank of groupRanks) {
    if (rank > lowest) lowest = rank;
    if (rank < highest) highest = rank;
  }
  return groupRanks.length > 1 && lowest !== highest ? lowest : null;
}

/** Rule 11: 退步较大 when 名次 − 上年名次 ≥ 退步较大名次; returns the places fallen, or null. */
export function bigDrop(rank: number, lastRank: number | null, bigDropPlaces: number): number | null {
  if (lastRank === null) return null;
  const fallen = rank - lastRank;
  return fallen >= bigDropPlaces && fallen > 0 ? fallen : null;
}

/** Rule 11: 连续两年优秀 when 上年等次 and 等次 are both 优秀. */
export function twoYearsExcellent(lastGrade: Grade | null, grade: Grade): boolean {
  return lastGrade === "优秀" && grade === "优秀";
}

/** Rule 11: 制发法治建议书 for units graded 合格 or 不合格. */
export function needsAdviceLetter(grade: Grade): boolean {
  return grade === "合格" || grade === "不合格";
}

/** Rule 11: 约谈、责令整改 for units graded 不合格 or with a 重大法治问题 record. */
export function needsSummons(grade: Grade, majorIssue: boolean): boolean {
  return grade === "不合格" || majorIssue;
}
