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

/**
 * appliesTo of each indicator, in order, for one unit after another: units of one 类别 share one list, worked out once
 * (a province scores 10,000 units on 100 indicators). A unit that some indicator names itself gets its own list.
 */
export function applicability(indicators: readonly Pick<Indicator, "categories">[]): (unit: Pick<Unit, "name" | "category">) => readonly boolean[] {
  // Names in any 适用类别: for a unit whose name is not among them, appliesTo depends on its 类别 alone.
  const named = new Set<string>();
  for (const indicator of indicators) {
    if (indicator.categories !== "all") for (const name of indicator.categories) named.add(name);
  }
  const byCategory = new Map<string, readonly boolean[]>();
  const listFor = (unit: Pick<Unit, "name" | "category">) => indicators.map((indicator) => appliesTo(indicator, unit));
  return (unit) => {
    if (named.has(unit.name)) return listFor(unit);
    let list = byCategory.get(unit.category);
    if (list === undefined) {
      list = listFor(unit);
      byCategory.set(unit.category, list);
    }
    return list;
  };
}

/** 适用类别 as typed in 考核指标 (全部, or names joined by 、). */
export function describeCategories(categories: Indicator["categories"]): string {
  return categories === "all" ? ALL_CATEGORIES : categories.join("、");
}
