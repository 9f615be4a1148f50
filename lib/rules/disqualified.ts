import type { Grade } from "../model";

/**
 * Rule D5 (seed 002 三（二）: 取消年度综合考评评先资格): a unit whose 平时考核 says 取消评先资格 = 是 cannot be 优秀;
 * 优秀 becomes 良好, like a 情节严重 record (rule 9). `demoted` says it happened.
 */
export function disqualifiedCap(grade: Grade, disqualified: boolean): { grade: Grade; demoted: boolean } {
  if (disqualified && grade === "优秀") return { grade: "良好", demoted: true };
  return { grade, demoted: false };
}
