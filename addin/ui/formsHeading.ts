/** The heading of 分发与回收, apart from its other texts: the pane shows it at start, the rest loads with the section. */
export const FORMS_HEADING = "分发与回收";

/**
 * The other sections' headings, apart from their texts for the same reason: the task pane's first script shows every
 * heading, and each section's texts load with the section (issue 14 item 2).
 */
export const SECTION_HEADING = {
  plan: "导入工作安排",
  layout: "生成评分表",
  trial: "试算（改参数看效果）",
  report: "通报、反馈单、核验",
  quarter: "平时考核（季度点评）",
  carryOver: "从上年结果导入",
} as const;
