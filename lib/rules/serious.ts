import type { Grade } from "../model";

/** Rule 9: a unit with a 情节严重 扣分 record cannot be 优秀: 优秀 becomes 良好; `demoted` says it happened. */
export function seriousCap(grade: Grade, serious: boolean): { grade: Grade; demoted: boolean } {
  if (serious && grade === "优秀") return { grade: "良好", demoted: true };
  return { grade, demoted: false };
}
