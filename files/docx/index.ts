/** Word documents written from lib/report's data: the 考核结果通报 and the 反馈单 (GB/T 9704 layout, style.ts). */
export { writeNoticeDocx } from "./notice";
export { writeFeedbackDocx } from "./feedback";
export { FONT } from "./style";
export { writeFeedbackZip } from "./feedbackZip";
