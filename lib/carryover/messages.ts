/** 从上年结果导入 and 按上年生成模板: every text the preview and the problems show, in Chinese. */
export const CARRY_MSG = {
  noResults: () =>
    `上年工作簿中没有“结果”表，或“结果”表缺少“名次”“单位名称”“等次”列。请选择上年已经计算等次的工作簿（计算等次后保存的那个文件）。`,
  emptyResults: () => `上年工作簿的“结果”表中没有任何单位的名次和等次。请选择上年已经计算等次的工作簿。`,
  noUnits: () => `本年工作簿中没有“考核对象”表。请先加载考核模板并填写考核对象，再从上年结果导入。`,
  noNameColumn: () => `本年“考核对象”表第 1 行找不到“单位名称”列。请在 B1 填写表头“单位名称”（与考核模板一致），再导入。`,
  renameHeader: () => `“单位更名”表第 1 行应为表头“上年名称”“本年名称”（A1、B1），否则无法读取更名。请在 A1 填写“上年名称”、B1 填写“本年名称”，下面每行填一个更名的单位。`,
  renameUnknownFrom: (from: string) =>
    `上年名称“${from}”不在上年“结果”表中。请改为上年“结果”表中的单位名称（可从上年工作簿复制）。`,
  renameMerged: (to: string, first: string) =>
    `本年名称“${to}”在 ${first} 已对应一个上年单位。合并的单位只能沿用其中一个上年单位的名次和等次：请只保留要沿用的那一行，删除其余各行。`,

  title: (last: number, current: number) => `从上年结果导入：上年“结果”共 ${last} 个单位，本年“考核对象”共 ${current} 个单位。`,
  filledTitle: (count: number) => `将填写 ${count} 个单位的上年名次、上年等次（按单位名称对应）：`,
  filledLine: (unit: string, oldName: string | null, rank: number, grade: string, before: string | null) =>
    `  ${unit}${oldName === null ? "" : `（上年名称“${oldName}”，按单位更名表）`}：上年名次 ${rank}，上年等次 ${grade}${before === null ? "" : `（原填 ${before}，将被替换）`}`,
  sameTitle: (count: number) => `${count} 个单位的上年名次、上年等次已与上年结果一致，不必改动。`,
  currentOnly: (names: readonly string[]) =>
    `本年新增、或已更名的单位 ${names.length} 个，上年“结果”中找不到，上年名次、上年等次不填：${names.join("、")}。`,
  currentOnlyKept: (unit: string, shown: string) => `  ${unit} 原已填写的 ${shown} 保持不变。`,
  lastOnly: (names: readonly string[]) =>
    `上年有、本年“考核对象”中找不到的单位 ${names.length} 个（已撤销、合并或更名）：${names.join("、")}。`,
  renameHint: (example: string) =>
    `不会按相近的名称自动对应。更名或合并的单位，请在“单位更名”表中填写“上年名称 → 本年名称”（如 ${example}），再导入一次。`,
  renameSheetAdded: () => `写出时将添加一张空的“单位更名”表（上年名称、本年名称两列），供填写更名的单位。`,
  nothingToDo: () => `考核对象的上年名次、上年等次都已与上年结果一致，不必改动。`,
  keptAs: (kept: string) => `写出时原“考核对象”表改名为“${kept}”保留，新表按原样照抄其他各列。`,
  shownBefore: (rank: string, grade: string) => [rank, grade].filter((text) => text !== "").join("、"),

  templateNoUnits: () => `上年工作簿的“考核对象”表中没有单位。请选择上年填写完整的考核工作簿。`,
  templateNoResults: () => `上年工作簿没有“结果”表（未计算等次），新模板的上年名次、上年等次留空。如需填写，请选择上年已计算等次的工作簿。`,
  templateDatesEmptied: (names: readonly string[]) => `参数中上年的日期（${names.join("、")}）已清空，请填写本年的日期。`,
  templateSummary: (year: number, from: number, units: number, indicators: number, params: number, filled: number) =>
    `按 ${from} 年度工作簿生成 ${year} 年度考核模板：考核对象 ${units} 个单位（${filled} 个填了上年名次、上年等次），考核指标 ${indicators} 项，参数 ${params} 项沿用上年的值（年度改为 ${year}）；评分、满意度、上下互评、加减分、平时考核、审定调整均为空表。`,
} as const;
