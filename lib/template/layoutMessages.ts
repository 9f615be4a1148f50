/** Every Chinese text of 生成评分表 (layoutSheets), in one place. */

/** Names joined by 、; past ten, the first ten and how many in all (the sheet itself shows them all). */
const list = (names: readonly string[]): string => (names.length <= 10 ? names.join("、") : `${names.slice(0, 10).join("、")}等 ${names.length} 个`);

export const LAYOUT_MSG = {
  noIndicators: "考核指标表中没有指标，无法生成评分表。请先填写考核指标（或导入工作安排）。",
  noUnits: "考核对象表中没有单位，无法生成评分表。请先填写考核对象。",
  refused: "考核对象或考核指标有错误，未生成评分表。请按下面的提示改正后再点“生成评分表”。",

  sheetSame: (sheet: string): string => `${sheet}：已与考核对象、考核指标一致，不改动。`,
  sheetNew: (sheet: string): string => `${sheet}：工作簿中还没有这张表，新建。`,
  sheetKept: (old: string, kept: string): string => `原“${old}”表改名为“${kept}”保留，不删除任何内容。`,
  scoresShape: (units: number, indicators: number, notApplicable: number): string =>
    `${units} 个单位 × ${indicators} 项指标，${notApplicable} 格填“不适用”（灰色，该类别不考核）`,
  satisfactionShape: (units: number): string => `每个单位一行，共 ${units} 行`,
  peerShape: (units: number, raters: number = units): string => `${units} 个被评单位 × ${raters} 个评议单位（本单位自评的格子为灰色，不计分）`,
  carried: (count: number, by: string): string => `照抄已填的 ${count} 个值（按${by}对应，不按位置）`,
  carriedBy: { 评分: "单位名称和指标编号", 满意度: "单位名称和列标题", 上下互评: "被评单位和评议单位的名称" } as Record<string, string>,
  addedUnits: (names: readonly string[]): string => `新增单位：${list(names)}`,
  removedUnits: (names: readonly string[]): string => `移去单位：${list(names)}`,
  addedIndicators: (codes: readonly string[]): string => `新增指标：${list(codes)}`,
  removedIndicators: (codes: readonly string[]): string => `移去指标：${list(codes)}`,
  addedRaters: (names: readonly string[]): string => `新增评议单位：${list(names)}`,
  removedRaters: (names: readonly string[]): string => `移去评议单位：${list(names)}`,

  orphansHeading: (count: number): string =>
    `以下 ${count} 个已填的值在新表中没有位置，没有写入新表（都还在改名保留的原表中，请对照处理）：`,
  orphanGroup: (reason: string, cells: string): string => `${reason}：${cells}`,

  reasonUnknownUnit: (sheet: string, name: string): string => `${sheet}中的单位“${name}”不在考核对象中`,
  reasonDuplicateUnit: (sheet: string, name: string, first: string): string => `${sheet}中单位“${name}”的第二行（第一行在 ${first}）`,
  reasonNoName: (sheet: string): string => `${sheet}中没有单位名称的行`,
  reasonUnknownIndicator: (code: string): string => `指标“${code}”已不在考核指标中`,
  reasonDuplicateIndicator: (code: string, first: string): string => `指标“${code}”的第二列（第一列在 ${first}）`,
  reasonNotApplicable: (code: string, unit: string, category: string): string => `指标“${code}”对${unit}（${category}）不适用`,
  reasonNoHeader: (sheet: string): string => `${sheet}中没有列标题的列`,
  reasonUnknownColumn: (sheet: string, header: string): string => `${sheet}的列“${header}”不是这张表的列`,
  reasonUnknownRater: (name: string): string => `评议单位“${name}”不在考核对象中`,
  reasonDuplicateRater: (name: string, first: string): string => `评议单位“${name}”的第二列（第一列在 ${first}）`,
  reasonUnwritable: "日期或错误值（如 #N/A），不能照抄为分数",
} as const;
