import type { TemplateDaily } from "../templateData";
import type { ExampleUnit } from "./county";
import { seededRandom } from "./random";

/** 取消评先资格 on a unit that would otherwise be 优秀 (seed 002: 严重影响创建工作整体进度). */
export const DISQUALIFIED_UNIT = "户部寨镇";
/** 检查性发言 at two consecutive quarterly meetings (Q2, Q3): 通报批评，约谈主要领导. */
export const STREAK_UNIT = "五星乡";
/** 检查性发言 in Q1 and Q3: not consecutive, so no 通报批评. */
export const APART_UNIT = "县城市管理局";
/** 台账 逾期 or 未报 three times: the 提示 at 台账提示次数 3. */
export const LATE_LEDGER_UNITS = ["五星乡", "鲁河镇"] as const;

// Its own seed, so that the year's record never shifts the other made-up figures of the example.
const SEED = 20241231;

/** Who was named at each quarterly meeting: quarter (1–4) → 经验介绍 / 检查性发言 units. */
const REVIEWS: readonly { quarter: number; experience: string[]; selfCriticism: string[] }[] = [
  { quarter: 1, experience: ["城关镇", "县司法局"], selfCriticism: [APART_UNIT, "清河头乡"] },
  { quarter: 2, experience: ["白堽乡", "县人民法院"], selfCriticism: [STREAK_UNIT, "县邮政分公司"] },
  { quarter: 3, experience: ["城关镇", "县政府办公室"], selfCriticism: [STREAK_UNIT, APART_UNIT] },
  { quarter: 4, experience: ["柳屯镇", "县司法局"], selfCriticism: ["鲁河镇", "县科协"] },
];

/** Month (1–12) → 台账 word, for the units whose 台账 was not always 按时. */
const LEDGER_LAPSES: Record<string, Record<number, string>> = {
  五星乡: { 3: "逾期", 6: "未报", 7: "逾期" },
  鲁河镇: { 9: "未报", 10: "逾期", 11: "逾期" },
  县城市管理局: { 2: "逾期" },
  县信访局: { 5: "逾期" },
};

const WORDS = ["好", "较好", "一般", "差"] as const;

/**
 * A year of 平时考核 for every unit: 12 months of 台账 (按时 but for the lapses above), six 双月检查 results around the
 * unit's quality (a few typed as words, as check groups do), the quarterly meetings above, one 取消评先资格.
 */
export function exampleDaily(units: readonly ExampleUnit[]): TemplateDaily[] {
  const random = seededRandom(SEED);
  return units.map((unit) => {
    const lapses = LEDGER_LAPSES[unit.name] ?? {};
    const ledger = Array.from({ length: 12 }, (_, month) => lapses[month + 1] ?? "按时");
    const checks = Array.from({ length: 6 }, (): string | number => {
      const points = Math.min(100, Math.max(50, unit.quality + random.int(-6, 4)));
      if (!random.oneIn(8)) return points;
      return WORDS[points >= 93 ? 0 : points >= 83 ? 1 : points >= 68 ? 2 : 3] ?? "一般";
    });
    const reviews = REVIEWS.map((meeting) => (meeting.experience.includes(unit.name) ? "经验介绍" : meeting.selfCriticism.includes(unit.name) ? "检查性发言" : null));
    const disqualified = unit.name === DISQUALIFIED_UNIT;
    return {
      unit: unit.name,
      ledger,
      checks,
      reviews,
      disqualified: disqualified ? "是" : null,
      disqualifiedReason: disqualified ? "创建工作推进严重滞后，影响全县整体进度" : null,
    };
  });
}
