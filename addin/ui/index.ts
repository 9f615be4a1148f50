/** The task pane's reusable UI: components take an AssessmentHost through props. */
export * from "./host";
export { AssessmentPane, type AssessmentPaneProps } from "./AssessmentPane";
export { NoOffice } from "./NoOffice";
export { friendlyMessage, errorCode } from "./errors";
export { TEXT, OFFICE_ERROR_TEXT } from "./messages";
