import { OFFICE_ERROR_TEXT } from "./messages";

// Only codes Excel sends: Excel.ErrorCodes, OfficeExtension.ErrorCodes, and RequestPayloadSizeLimitExceeded (documented
// with Excel's error codes though missing from the enum). A write to a protected sheet is AccessDenied (office-js #664).
const CELL_EDIT = new Set(["InvalidOperationInCellEditMode"]);
const PROTECTED = new Set(["AccessDenied"]);
const TOO_LARGE = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"]);
const BUSY = new Set(["Conflict", "RequestAborted", "ActivityLimitReached"]);
const OWN_MESSAGE = new Set(["NotAWorkbookError", "NoWorkbookError", "WpsRefusedError", "FileChangedError"]);
const NOT_SUPPORTED = new Set(["ApiNotFound", "NotImplemented", "UnsupportedFeature", "UnsupportedOperation"]);

/** The code of an Office error (OfficeExtension.Error has `code`), or of any Error by its name. */
export function errorCode(error: unknown): string {
  if (typeof error === "object" && error !== null) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === "string" && code !== "") return code;
    const name = (error as { name?: unknown }).name;
    if (typeof name === "string" && name !== "" && name !== "Error") return name;
  }
  return OFFICE_ERROR_TEXT.unknownCode;
}

/** A short Chinese message for a failure of Office or of the host: never a stack trace. */
export function friendlyMessage(error: unknown): string {
  const code = errorCode(error);
  const message = typeof error === "object" && error !== null ? String((error as { message?: unknown }).message ?? "") : "";
  if (CELL_EDIT.has(code)) return OFFICE_ERROR_TEXT.cellEditMode;
  if (PROTECTED.has(code)) return OFFICE_ERROR_TEXT.protectedSheet;
  if (TOO_LARGE.has(code)) return OFFICE_ERROR_TEXT.payloadTooLarge;
  if (BUSY.has(code)) return OFFICE_ERROR_TEXT.busy;
  if (NOT_SUPPORTED.has(code)) return OFFICE_ERROR_TEXT.notSupported;
  // A host's own refusal (the file host's NotAWorkbookError, the WPS host's NoWorkbookError and WpsRefusedError; the page's FileChangedError: the file changed on disk) says in Chinese
  // what is wrong and what to do.
  if (OWN_MESSAGE.has(code) && message !== "") return message;
  return OFFICE_ERROR_TEXT.other(code);
}
