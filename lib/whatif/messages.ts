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

/** The previous run, in summaries and in 计算说明. */
export const PREVIOUS_TEXT = {
  heading: (time: string | null) => (time === null ? "与工作簿中原有的结果相比：" : `与上次计算（${time}）的结果相比：`),
  group: "上次计算",
  timeItem: "上次计算时间",
  fingerprintItem: "上次指纹",
  changesItem: "有变化的单位数",
  unknown: "未记录",
  timeExplain: "本次计算替换了工作簿中原有的结果；这是原有结果的计算时间（计算说明“核验”行所记）。",
  fingerprintExplain: "原有结果的指纹（计算说明“核验”行所记），可与上报、存档的工作簿核对。",
} as const;

/** 试算's 应用 (the pane and the page): the 参数 cells written, as said and as 计算说明 keeps them. */
export const TRIAL_TEXT = {
  blank: "（空）",
  editLine: (cell: string, name: string, before: string, after: string) => `${cell} ${name}：${before} → ${after}`,
  addedLine: (cell: string, name: string, after: string) => `${cell} 加一行 ${name} = ${after}`,
  auditGroup: "试算应用",
  auditExplain: (before: string, time: string) => `原值 ${before}；${time} 在试算中点“应用”写入参数（原值记于此，可照此改回）。`,
  auditAdded: (time: string) => `原无此行；${time} 在试算中点“应用”加入参数（删去此行即恢复原样）。`,
} as const;
