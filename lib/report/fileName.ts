/** A unit's name as part of a file name: characters Windows refuses (and control characters) become _. */
export function fileSafe(name: string): string {
  const visible = [...name].map((char) => (char.charCodeAt(0) < 32 ? "_" : char)).join("");
  return visible.replace(/[\\/:*?"<>|]/g, "_").replace(/[. ]+$/, "_");
}

/**
 * The file of one unit's 反馈单: 反馈单-城关镇.docx. One rule for the command line's folder and the .zip that the page
 * and the task pane download, so a unit's file has the same name whichever made it.
 */
export function feedbackFileName(unit: string): string {
  return `反馈单-${fileSafe(unit)}.docx`;
}

/** The 通报's file name: the command line's default, and what the page and the task pane download. */
export const NOTICE_FILE = "考核结果通报.docx";

/** The folder of the 反馈单 (the command line's default), and the .zip of them that the page and the pane download. */
export const FEEDBACK_FOLDER = "反馈单";
export const FEEDBACK_ZIP = `${FEEDBACK_FOLDER}.zip`;
