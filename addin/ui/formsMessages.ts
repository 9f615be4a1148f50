/** Every text of the 分发与回收 section of the pane and the page. */
export const FORMS_TEXT = {
  heading: "分发与回收",
  intro:
    "分发：按考核指标的考核主体，给每个考核主体生成评分表、每个评议单位生成互评表，另加满意度汇总表。回收：选择交回的表（可一次选多个），先看回收记录，再合并。",
  distribute: "分发评分表",
  distributed: (count: number) => `已下载 ${count} 份表（一个 .zip 文件）。解压后把每份表发给对应单位。`,
  distributeFailed: "参数、考核对象或考核指标有错误，未生成任何表。请按下面的列表改正。",
  chooseReturns: "选择交回的表",
  returnsHint: "在选择文件的窗口中可以一次选中文件夹里全部交回的表（Ctrl+A）。",
  previewHeading: (files: number) => `回收记录（${files} 个文件，尚未写入）`,
  columns: ["文件名", "表单", "填报单位", "修改时间", "已填", "未填", "结果", "说明"] as const,
  replaceFrom: "以此表为准",
  conflicts: "有冲突，不能合并。请按下面的列表处理；确以某份回收表为准时，勾选该行的“以此表为准”。",
  ready: (filled: number) => (filled > 0 ? `可以合并：${filled} 处新值。` : "收回的表中没有新的值（与工作簿已有的相同）。"),
  apply: "合并",
} as const;
