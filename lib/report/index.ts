/** The 通报 and the 反馈单 as plain data (考核方案 §六); files/docx/ writes them as Word documents. */
export { buildNotice, measuresOf, type Measures, type Notice, type NoticeBlock } from "./notice";
export { buildFeedback, LOSSES_LISTED, type FeedbackBook, type FeedbackRow, type UnitFeedback } from "./feedback";
export { prepareReport, type ReportOutcome } from "./prepare";
export { FEEDBACK, NOTICE, REPORT } from "./messages";
export { FEEDBACK_FOLDER, FEEDBACK_ZIP, feedbackFileName, fileSafe, NOTICE_FILE } from "./fileName";
