import { ALL_CATEGORIES } from "./layout";
import type { Indicator, Unit } from "./model";

/**
 * An indicator applies to a unit when its 适用类别 is 全部, names the unit's 类别,
 * or names the unit itself (indicators imported from a 工作安排 may list named 责任单位).
 */
export function appliesTo(indicator: Pick<Indicator, "categories">, unit: Pick<Unit, "name" | "category">): boolean {
  if (indicator.categories === "all") return true;
  return indicator.categories.includes(unit.category) || indicator.categories.includes(unit.name);
}

/** 适用类别 as typed in 考核指标 (全部, or names joined by 、). */
export function describeCategories(categories: Indicator["categories"]): string {
  return categories === "all" ? ALL_CATEGORIES : categories.join("、");
}
