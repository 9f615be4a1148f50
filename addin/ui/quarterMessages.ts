import { SECTION_HEADING } from "./formsHeading";
/** What the 平时考核 (季度点评) section says, in the users' words. */
export const QUARTER_TEXT = {
  heading: SECTION_HEADING.quarter,
  intro: "按“平时考核”表列出某季度各单位的工作台账、双月检查和点评情况，供季度点评会议使用。评分等年度表格可以还没有填。",
  quarterLabel: "季度",
  quarter: (q: number) => `第${q}季度`,
  show: "查看",
  exportExcel: "写入“季度点评”表",
  exportFile: "下载“季度点评”表",
  exported: "已写入“季度点评”表（每次整表替换，其他表不变），可直接打印。",
  downloaded: "已下载含“季度点评”表的工作簿。",
  atRisk: (names: string) => `上季度作检查性发言、本季度如再被点名即连续两次（通报批评、约谈主要领导）：${names}`,
  noneAtRisk: "没有上季度作检查性发言的单位。",
  headers: ["单位名称", "排名分组", "本季度台账", "逾期/未报", "检查平均分", "检查名次", "上季度点评", "提示"],
  tableLabel: "季度点评情况",
} as const;
