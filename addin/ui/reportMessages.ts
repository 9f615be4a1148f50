import { SECTION_HEADING } from "./formsHeading";
/** What the 通报、反馈单、核验 section says, in the users' words. */
export const REPORT_TEXT = {
  heading: SECTION_HEADING.report,
  intro:
    "按“结果”生成考核结果通报的 Word 草稿（按排名分组列出各等次单位，通报表扬、通报警示、约谈、法治建议书，落款和抄送取自参数表）和每个单位的反馈单；“核验”检查结果是否与输入一致。都不改动工作簿。",
  noticeButton: "生成通报",
  feedbackButton: "生成反馈单",
  verifyButton: "核验",
  /** The page: a browser download. */
  noticeDownloaded: (file: string) => `已下载“${file}”：请在 Word 中填写文号、核对后印发。`,
  feedbackDownloaded: (file: string) => `已下载“${file}”：解压后每个单位一个 Word 文件（反馈单-单位名称.docx）。`,
  /** Excel: the task pane offers the file as a download, which some Excel versions do not show. */
  noticeSavedExcel: (file: string) =>
    `已生成“${file}”，请在弹出的下载提示中保存，再用 Word 填写文号、核对后印发。如果没有出现下载（如 Mac 版 Excel），请保存工作簿，用浏览器打开独立网页 kaohe.html，打开工作簿后点“生成通报”。`,
  feedbackSavedExcel: (file: string) =>
    `已生成“${file}”（每个单位一个 Word 文件），请在弹出的下载提示中保存。如果没有出现下载（如 Mac 版 Excel），请保存工作簿，用浏览器打开独立网页 kaohe.html，打开工作簿后点“生成反馈单”。`,
  /** The page checks the copy scored on the page when there is one, the file opened otherwise. */
  checkedScored: (file: string) => `核验的是本页计算等次后的工作簿“${file}”（即“下载结果”保存的文件）。`,
  checkedOpened: (file: string) => `核验的是打开的工作簿“${file}”。`,
  differencesHint: "以下单元格与按输入重新计算的结果不同：",
} as const;
