import type { Grade } from "../../model";
import { defaultRankGroup } from "../../layout";
import { FALLING_UNIT, STEADY_UNIT, type ExampleUnit } from "./county";
import type { Random } from "./random";

export interface LastYear {
  rank: number;
  grade: Grade;
}

/**
 * 上年名次 and 上年等次 per 排名分组: last year's order is this year's quality order with some neighbours swapped,
 * except that 五星乡 was third (so it falls by far: 退步较大) and 城关镇 first (优秀 both years). New units have none.
 * Last year's grades: the top 30% 优秀, up to 75% 良好, the rest 合格.
 */
export function exampleLastYear(units: readonly ExampleUnit[], random: Random): Map<string, LastYear> {
  const result = new Map<string, LastYear>();
  for (const group of new Set(units.map((unit) => defaultRankGroup(unit.category)))) {
    const order = units
      .filter((unit) => defaultRankGroup(unit.category) === group && unit.isNew !== true)
      .sort((a, b) => b.quality - a.quality);
    for (let index = 0; index + 1 < order.length; index++) {
      if (random.oneIn(3)) swap(order, index, index + 1);
    }
    moveTo(order, STEADY_UNIT, 0);
    moveTo(order, FALLING_UNIT, 2);
    order.forEach((unit, index) => result.set(unit.name, { rank: index + 1, grade: gradeAt(index + 1, order.length) }));
  }
  return result;
}

function gradeAt(rank: number, count: number): Grade {
  if (rank * 10 <= count * 3) return "优秀";
  if (rank * 4 <= count * 3) return "良好";
  return "合格";
}

function swap<T>(items: T[], i: number, j: number): void {
  const first = items[i];
  const second = items[j];
  if (first === undefined || second === undefined) return;
  items[i] = second;
  items[j] = first;
}

// Only units present in this group move; elsewhere the call does nothing.
function moveTo(order: ExampleUnit[], name: string, position: number): void {
  const from = order.findIndex((unit) => unit.name === name);
  if (from < 0) return;
  const [unit] = order.splice(from, 1);
  if (unit !== undefined) order.splice(position, 0, unit);
}
