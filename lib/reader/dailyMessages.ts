/** What the reader says about 平时考核 and its 参数, in the users' words. */
export const DAILY_MSG = {
  notLedger: (shown: string) => `“${shown}”不是工作台账的报送情况。请填写“按时”“逾期”或“未报”之一；尚未到报送时间的月份留空。`,
  notReview: (shown: string) => `“${shown}”不是季度点评的结果。请填写“经验介绍”或“检查性发言”；未被点名的单位留空。`,
  checkRange: (shown: string) => `检查结果 ${shown} 不在 0 到 100 之间。请填写 0 到 100 之间的分数，或参数“检查等级分”中的等级词。`,
  notCheck: (shown: string, words: string) => `“${shown}”不是检查结果。请填写 0 到 100 之间的分数，或 ${words} 之一；尚未检查的留空。`,
  reasonMissing: () => `取消评先资格填了“是”，但“取消评先事由”为空。请写明事由（如“严重影响创建工作整体进度”），便于审定和通报。`,
  reasonWithoutMark: () => `填了取消评先事由，但“取消评先资格”不是“是”，此事由不起作用。如确要取消评先资格，请在“取消评先资格”列填“是”。`,
  noColumns: () => `“平时考核”表没有可读取的列。请保留模板的表头：单位名称、1月台账…12月台账、第1次检查…第6次检查、第1季度点评…第4季度点评、取消评先资格、取消评先事由。`,
  outOfOrder: (first: string, second: string) => `列“${second}”排在“${first}”之前。各列按表头读取，结果不受影响；为免看错月份，建议按模板顺序排列。`,
  checkIndicatorUnknown: (code: string) => `参数“双月检查指标”填的编号“${code}”不在“考核指标”中。请改为考核指标中的编号（如 1.5），或留空（检查结果只作展示）。`,
  checkCellFilled: (unit: string, code: string, cell: string) =>
    `单位“${unit}”的指标“${code}”由平时考核的双月检查平均分计算（参数“双月检查指标”），但评分表这里也填了分数。请清空此格（检查结果见 ${cell}），或把参数“双月检查指标”留空。`,
  ledgerNoticeRange: "1 到 12 之间的整数",
} as const;
