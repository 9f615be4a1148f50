import { XLSX_MESSAGES } from "./messages";

/**
 * The bytes are not an .xlsx workbook (random bytes, a text file, a .docx, an old .xls).
 * Thrown, not returned as an Issue: there is no sheet or cell to name, the file as a whole cannot be used.
 */
export class NotAWorkbookError extends Error {
  override readonly name = "NotAWorkbookError";
  constructor(message: string = XLSX_MESSAGES.notAWorkbook, options?: { cause?: unknown }) {
    super(message, options);
  }
}
