import type { DailyRecord } from "../model";

/**
 * Rule D1 (seed 002 三（二）): a unit that made a 检查性发言 at two consecutive quarterly meetings (quarters q and
 * q+1) is 通报批评 and its principal leaders are 约谈. Returns the quarters of every such run (Q2, Q3 → [2, 3];
 * Q1, Q2, Q3 → [1, 2, 3]; Q1 and Q3 alone → null: not consecutive).
 */
export function selfCriticismStreak(record: Pick<DailyRecord, "reviews">): number[] | null {
  const quarters: number[] = [];
  record.reviews.forEach((review, index) => {
    if (review?.mark !== "selfCriticism") return;
    const previous = record.reviews[index - 1]?.mark === "selfCriticism";
    const next = record.reviews[index + 1]?.mark === "selfCriticism";
    if (previous || next) quarters.push(index + 1);
  });
  return quarters.length === 0 ? null : quarters;
}

/** Quarters (1–4) in which the unit was named for 经验介绍. */
export function experienceQuarters(record: Pick<DailyRecord, "reviews">): number[] {
  return record.reviews.flatMap((review, index) => (review?.mark === "experience" ? [index + 1] : []));
}
