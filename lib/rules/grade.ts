import { compare, type D } from "../decimal";
import type { Grade, PerGroup, Thresholds } from "../model";

/** Rule 8: 等次 by 总分: ≥ 优秀分数线 优秀, ≥ 良好分数线 良好, ≥ 合格分数线 合格, else 不合格. */
export function gradeFor(total: D, thresholds: Thresholds): Grade {
  if (compare(total, thresholds.excellent) >= 0) return "优秀";
  if (compare(total, thresholds.good) >= 0) return "良好";
  if (compare(total, thresholds.pass) >= 0) return "合格";
  return "不合格";
}

/** Rule 8: a group's own parameter (优秀分数线-乡镇) when given, else the plain one. */
export function forGroup<T>(value: PerGroup<T>, group: string): T {
  return value.byGroup.has(group) ? (value.byGroup.get(group) as T) : value.base;
}
