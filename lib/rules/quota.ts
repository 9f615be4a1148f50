import type { D } from "../decimal";
import type { Grade } from "../model";
import { count } from "./numbers";

/** A unit of one rank group as the quota sees it. */
export interface QuotaMember {
  rank: number;
  grade: Grade;
}

/** What the quota did to one unit: moved to 良好, kept 优秀 beyond the quota through a tie, or nothing. */
export type QuotaMark = "demoted" | "keptByTie" | null;

export interface QuotaOutcome {
  /** floor(group size × 优秀比例上限); null without a quota. */
  limit: number | null;
  /** Grades after the quota, in the order of the members. */
  grades: Grade[];
  marks: QuotaMark[];
  exceededByTie: boolean;
}

/** Rule 10: the largest number of 优秀 in a group: floor(group size × quota). */
export function excellentLimit(size: number, quota: D): number {
  return count(size).times(quota).floor().toNumber();
}

/**
 * Rule 10: at most floor(size × quota) units of a group stay 优秀, taken from the top by 名次; the others become 良好,
 * except that units tied on the 名次 that straddles the boundary all stay 优秀, and every one of them is marked so (the
 * mark depends on the 名次 alone, never on which of the tied units comes first in 考核对象).
 */
export function applyQuota(members: readonly QuotaMember[], quota: D | null): QuotaOutcome {
  const grades = members.map((m) => m.grade);
  const marks: QuotaMark[] = members.map(() => null);
  if (quota === null) return { limit: null, grades, marks, exceededByTie: false };
  const limit = excellentLimit(members.length, quota);
  const excellent = members
    .map((member, index) => ({ member, index }))
    .filter((m) => m.member.grade === "优秀")
    .sort((a, b) => a.member.rank - b.member.rank || a.index - b.index);
  const lastIn = excellent[limit - 1];
  const firstOut = excellent[limit];
  if (firstOut === undefined) return { limit, grades, marks, exceededByTie: false };
  const tieRank = lastIn !== undefined && lastIn.member.rank === firstOut.member.rank ? firstOut.member.rank : null;
  for (const { member, index } of excellent) {
    if (member.rank === tieRank) marks[index] = "keptByTie";
  }
  for (const { member, index } of excellent.slice(limit)) {
    if (member.rank === tieRank) continue;
    marks[index] = "demoted";
    grades[index] = "良好";
  }
  return { limit, grades, marks, exceededByTie: tieRank !== null };
}
