import { TEMPLATE_YEAR_HINT } from "../../lib/template/year";

function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

/** Every text the standalone page shows, in one place (users read Chinese only). */
export const TEXT = {
  pageTitle: "法治建设考核计分",
  pageSubtitle: "在浏览器中打开考核工作簿，检查数据、计算等次，下载计算后的工作簿。文件只在本机处理，不上传任何地方。",
  templateHeading: "第一步：下载考核模板",
  templateKindLabel: "模板内容",
  templateEmpty: "空白模板",
  templateExample: "示例（已填好的示例县）",
  templateYearLabel: "考核年度",
  downloadTemplate: "下载考核模板",
  openHeading: "第二步：打开填好的工作簿",
  openWorkbook: "打开工作簿",
  dropHint: "也可以把 .xlsx 文件拖到这里",
  opened: (name: string) => `已打开：${name}`,
  /** The open file's modified time beside its name, as 2026-12-02 09:15 (local time). */
  modified: (time: Date) => `（修改时间：${time.getFullYear()}-${pad2(time.getMonth() + 1)}-${pad2(time.getDate())} ${pad2(time.getHours())}:${pad2(time.getMinutes())}）`,
  /** The chosen file can no longer be read (the host's FileChangedError says the same). */
  fileChanged: (name: string) => `文件已修改，请重新打开：浏览器不能再读取“${name}”（选择它之后，它在电脑上被修改、移动或删除过）。请点击“重新打开”，再选一次这个文件。`,
  reopen: "重新打开",
  computeDone: "计算完成，请点击“下载结果”保存。",
  problemSelectHint: "点击某条问题可查看它的单位、指标和单元格里的内容。",
  detailPlace: "位置",
  detailUnit: "单位",
  detailIndicator: "指标",
  detailAbout: "涉及",
  detailValue: "单元格内容",
  detailEmpty: "（空）",
  actionsHeading: "第三步：检查数据、计算等次",
  checkData: "检查数据",
  downloadResult: "下载结果",
  downloadResultHint: (name: string) => `下载“${name}”：原来填写的表不变，加入或替换“结果”“计算说明”“汇总”三张表。`,
  reading: "正在读取工作簿……",
  noProblems: "没有发现问题，可以计算等次。",
  openFirst: "请先打开工作簿。",
  yearInvalid: `${TEMPLATE_YEAR_HINT}，如 2026。`,
  dropLabel: "打开工作簿：点击按钮选择文件，或把文件拖到这里",
  resultsHeading: "结果",
  chartHeading: "各排名分组等次分布",
  chartTitle: "各排名分组的等次分布（单位数）",
  notAWorkbook: (name: string) =>
    `“${name}”不是 Excel 工作簿（.xlsx），无法打开。请在 Excel 或 WPS 中用“另存为”保存为“Excel 工作簿（*.xlsx）”后再打开。`,
  emptyWorkbook: (name: string) =>
    `“${name}”是一个空的工作簿，里面没有考核数据。请先点击“下载考核模板”，在模板中填写后再打开。`,
  notApplicable: "不适用",
  planDownloadHint: (name: string) => `写入考核指标时下载一个新工作簿（“${name}”本身不变）；请打开新工作簿调整评分表后再计算。`,
  sortHint: "点击表头可以排序（再点一次反向）。",
  downloadCollected: "下载合并后的工作簿",
} as const;

/** The media type of an .xlsx file. */
export const MIME_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** 试算's 应用 on the page (download-only: the file on the computer is never changed). */
export const PAGE_TRIAL_TEXT = {
  trialApplied: (lines: readonly string[], kept: string, download: string) =>
    `已把试算的值写入本页中的工作簿：${lines.join("；")}。原参数表改名为“${kept}”整张保留，原值也记入“计算说明”末尾的“试算应用”行；已按新参数重新计算等次。` +
    `电脑上的文件本身没有改动，请点“下载结果”保存“${download}”。`,
} as const;
