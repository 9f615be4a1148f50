import { FORMS_HEADING } from "./formsHeading";

/** Every text of the 分发与回收 section of the pane and the page. */
export const FORMS_TEXT = {
  heading: FORMS_HEADING,
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
  applyExcel: "写入工作簿",
  excelNote:
    "分发评分表下载一个 .zip（Excel 网页版和 Windows 版的 Excel 可以下载；Mac 版 Excel 的任务窗格不能下载文件，请用独立网页 kaohe.html 或命令行 kaohe forms）。写入时只填入收回的值和“回收记录”表，写入前先看回收记录。",
  zipName: (made: string) => `考核评分表（${made}）.zip`,
  appliedExcel: (filled: number, replaced: number) =>
    `已写入：从收回的表填入 ${filled} 处新值，并更新了“回收记录”表。` +
    (replaced > 0 ? `其中 ${replaced} 格替换了原有的值，原值记在“回收记录”的说明列中。` : "其他单元格没有改动。"),
  stale: "工作簿在预览之后有改动，没有写入。下面是按现在的工作簿重新生成的回收记录，请再看一遍后写入。",
  dropLabel: "把交回的表拖到这里",
  dropHint: "也可以把交回的表（可多个）直接拖到这里。",
} as const;
