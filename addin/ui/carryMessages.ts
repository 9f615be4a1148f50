import { SECTION_HEADING } from "./formsHeading";
/** What the 从上年结果导入 section says, in the users' words. */
export const CARRY_TEXT = {
  heading: SECTION_HEADING.carryOver,
  intro:
    "选择上年已计算等次的工作簿，按单位名称把上年“结果”表的名次和审定后的等次填入本年“考核对象”表的“上年名次”“上年等次”两列，用于“连续两年优秀”“退步较大”的提示。不按相近的名称猜测：更名、合并的单位请在“单位更名”表填写上年名称和本年名称后再导入。先看预览，确认后才写入，原“考核对象”表改名为“考核对象（原）”保留。",
  chooseButton: "从上年结果导入（选择上年的工作簿）",
  fileInputLabel: "上年已计算等次的工作簿",
  reading: (name: string) => `正在读取“${name}”……`,
  unreadable: (name: string) => `“${name}”不是可以读取的 .xlsx 工作簿。请选择上年计算等次后保存的 .xlsx 文件。`,
  previewHeading: (name: string) => `预览（上年工作簿“${name}”）：将要做的改动`,
  refused: "没有写入。请按下面的提示改正后再导入：",
  nothingToDo: "考核对象的上年名次、上年等次都已与上年结果一致，不必改动。",
  confirmExcel: "确认，写入考核对象",
  confirmFile: "确认，下载导入后的工作簿",
  stale: "工作簿在预览之后有了改动，没有写入。请核对下面新的预览后再确认。",
  writtenExcel: (written: readonly string[], kept: readonly string[]) =>
    `已写入：${written.join("、")}${kept.length > 0 ? `；原表改名保留为：${kept.join("、")}` : ""}。`,
  writtenFile: (file: string, kept: readonly string[]) =>
    `已下载“${file}”${kept.length > 0 ? `（原表改名保留为：${kept.join("、")}）` : ""}。打开的文件没有改动；请打开下载的文件继续。`,
} as const;
