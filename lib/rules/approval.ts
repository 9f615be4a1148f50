import type { Grade, Override } from "../model";
import type { QuotaMark } from "./quota";

/** One unit of a rank group as the 审定 sees it: its 名次, the 等次 the rules gave, and what the quota did. */
export interface ApprovalMember {
  name: string;
  rank: number;
  computed: Grade;
  quotaMark: QuotaMark;
}

/** What the 审定 did to one unit. */
export interface ApprovalMark {
  override: Override | null;
  computed: Grade;
  /** The final 等次: the 审定 one when there is a row, else the computed one. */
  grade: Grade;
  /** The row set a 等次 different from the computed one. */
  changed: boolean;
  /** Raised to 优秀 by the 审定 while the group's 优秀 are beyond its quota (allowed: the meeting decided). */
  overQuota: boolean;
  /** For a unit the quota held to 良好: how many 优秀 places the 审定 left empty above it (0 otherwise). */
  freedPlaces: number;
}

export interface GroupApproval {
  marks: ApprovalMark[];
  /** Units whose final 等次 differs from the computed one. */
  adjusted: number;
  overQuotaByReview: number;
  placesFreedByReview: number;
}

/**
 * 审定调整 (考核方案 §六（一）: 考核结果依程序报县委、县政府审定): a unit's final 等次 is the one the 审定 set, else the
 * computed one; 名次 stays by 总分. The 审定 decides units one by one, so the software changes no other unit's 等次:
 * - a raise to 优秀 beyond 优秀比例上限 stands, with a 提示;
 * - a 优秀 unit lowered (一票否决) frees a place under the quota, but the next unit is NOT moved up to 优秀 on its own:
 *   the 审定 did not decide that. The units the quota held to 良好 are told a place is free (first by 名次, one per place),
 *   so that the meeting can add a row for them.
 */
export function approveGroup(members: readonly ApprovalMember[], overrides: ReadonlyMap<string, Override>, limit: number | null): GroupApproval {
  const marks: ApprovalMark[] = members.map((m) => {
    const override = overrides.get(m.name) ?? null;
    const grade = override?.grade ?? m.computed;
    return { override, computed: m.computed, grade, changed: grade !== m.computed, overQuota: false, freedPlaces: 0 };
  });
  const finalExcellent = marks.filter((m) => m.grade === "优秀").length;
  let overQuotaByReview = 0;
  let placesFreedByReview = 0;
  if (limit !== null && finalExcellent > limit) {
    for (const mark of marks) {
      if (mark.changed && mark.grade === "优秀") {
        mark.overQuota = true;
        overQuotaByReview += 1;
      }
    }
    overQuotaByReview = Math.min(overQuotaByReview, finalExcellent - limit);
  }
  const lowered = marks.filter((m) => m.changed && m.computed === "优秀").length;
  if (limit !== null && lowered > 0 && finalExcellent < limit) {
    const heldBack = members
      .map((member, index) => ({ member, index }))
      .filter(({ member, index }) => member.quotaMark === "demoted" && marks[index]?.override === null)
      .sort((a, b) => a.member.rank - b.member.rank || a.index - b.index);
    placesFreedByReview = Math.min(lowered, limit - finalExcellent, heldBack.length);
    for (const { index } of heldBack.slice(0, placesFreedByReview)) {
      const mark = marks[index];
      if (mark !== undefined) mark.freedPlaces = placesFreedByReview;
    }
  }
  return { marks, adjusted: marks.filter((m) => m.changed).length, overQuotaByReview, placesFreedByReview };
}
