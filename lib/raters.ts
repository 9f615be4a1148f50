/**
 * Who is a 评议单位: who rates in 上下互评, gets a 互评表 at 分发, and is chased in 进度. One rule for 生成评分表,
 * 分发 and 进度 (the spec leaves it to the office; 考核方案 §五（七）: 县政府工作部门 and 乡（镇） rate each other):
 * - 参数 互评评议单位 names 类别 or 排名分组 ("乡镇、政府部门"): the units of 考核对象 in them, plus any unit whose
 *   上下互评 column already holds a rating or 不适用 (what was typed is never dropped);
 * - 互评评议单位 blank: the units whose 上下互评 column holds a rating or 不适用; when no column holds anything yet
 *   (a new workbook), every unit. So the empty columns 生成评分表 adds for every unit ask nobody for a 互评表.
 * In 考核对象 order.
 */
import { warning, type Issue } from "./issue";
import type { Unit } from "./model";
import { normalizeText } from "./reader/cells";
import { RATERS_TEXT } from "./ratersMessages";

type RaterUnit = Pick<Unit, "name" | "category" | "rankGroup">;

/** The 评议单位, by the rule above. `filled`: names of 上下互评 columns holding at least one value. */
export function peerRaters(units: readonly RaterUnit[], listed: readonly string[] | null | undefined, filled: ReadonlySet<string>): string[] {
  if (listed !== null && listed !== undefined && listed.length > 0) {
    const words = new Set(listed.map(normalizeText));
    return units.filter((unit) => words.has(normalizeText(unit.category)) || words.has(normalizeText(unit.rankGroup)) || filled.has(unit.name)).map((unit) => unit.name);
  }
  const typed = units.filter((unit) => filled.has(unit.name));
  return (typed.length > 0 ? typed : units).map((unit) => unit.name);
}

/** 检查数据: a word of 互评评议单位 that is no unit's 类别 or 排名分组 (a typo would leave those units out). */
export function peerRaterIssues(units: readonly RaterUnit[], listed: readonly string[] | null | undefined, sheet: string, cell: string | undefined): Issue[] {
  if (listed === null || listed === undefined || cell === undefined) return [];
  const known = new Set(units.flatMap((unit) => [normalizeText(unit.category), normalizeText(unit.rankGroup)]));
  const kinds = [...new Set(units.map((unit) => unit.category))].join("、");
  return listed.filter((word) => !known.has(normalizeText(word))).map((word) => warning("param.unknownRaterGroup", sheet, cell, RATERS_TEXT.unknownWord(word, kinds)));
}
