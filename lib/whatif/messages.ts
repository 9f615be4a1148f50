/** Every Chinese text of 试算 and of "what changed since the last run", in one place. */

export const WHATIF_MSG = {
  notWhatIf: (name: string, allowed: string) => `“${name}”不能试算。试算可以改：${allowed}（可加“-排名分组”，如“优秀分数线-乡镇”）。`,
  badSetting: (text: string) => `“${text}”的格式不对。请写成“参数名=值”，如 优秀分数线=88 或 优秀比例上限=30%。`,
  unknownGroup: (name: string, group: string, groups: string) => `“${name}”中的排名分组“${group}”不存在。本工作簿的排名分组有：${groups}。`,
} as const;

/** How one unit's change is said: "县财政局 总分 85.29 → 86.10，名次 14 → 12，等次 良好 → 优秀". */
export const CHANGE_TEXT = {
  total: (before: string, after: string) => `总分 ${before} → ${after}`,
  rank: (before: number, after: number) => `名次 ${before} → ${after}`,
  grade: (before: string, after: string) => `等次 ${before} → ${after}`,
  separator: "，",
  line: (name: string, parts: string) => `${name} ${parts}`,
  added: (name: string) => `${name}（上次没有此单位）`,
  removed: (name: string) => `${name}（本次没有此单位）`,
  unchanged: (count: number) => `其余${count}个单位的总分、名次、等次都没有变化。`,
  allUnchanged: (count: number) => `全部${count}个单位的总分、名次、等次都没有变化。`,
} as const;
