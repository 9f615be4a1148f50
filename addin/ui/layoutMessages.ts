import { SECTION_HEADING } from "./formsHeading";
/** What the 生成评分表 section says, in the users' words. */
export const LAYOUT_TEXT = {
  heading: SECTION_HEADING.layout,
  intro:
    "按考核对象（每个单位一行）和考核指标（每项指标一列）重新生成评分、满意度、上下互评三张表：不适用的格子填“不适用”并涂灰，本单位互评自己的格子涂灰。已填的分数按单位名称和指标编号照抄，原表改名为“评分（原）”等保留。先看预览，确认后才写入。",
  previewButton: "生成评分表（预览）",
  previewHeading: "预览：将要做的改动",
  confirmExcel: "确认，写入工作簿",
  confirmFile: "确认，下载新工作簿",
  nothingToDo: "三张表都已与考核对象、考核指标一致，无需改动。",
  stale: "工作簿在预览之后有了改动，没有写入。请核对下面新的预览后再确认。",
  writtenExcel: (sheets: readonly string[], kept: readonly string[]) =>
    `已生成：${sheets.join("、")}${kept.length > 0 ? `；原表改名保留为：${kept.join("、")}` : ""}。`,
  writtenFile: (sheets: readonly string[], kept: readonly string[]) =>
    `已下载新工作簿（新生成：${sheets.join("、")}${kept.length > 0 ? `；原表改名保留为：${kept.join("、")}` : ""}）。打开的文件没有改动。`,
} as const;
