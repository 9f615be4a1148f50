import { errorCode } from "../ui/errors";

/**
 * Excel refused a request or response as too big: over Excel on the web's 5 MB payload limit
 * (RequestPayloadSizeLimitExceeded is documented with Excel's error codes though missing from Excel.ErrorCodes), or a
 * read of more than 5,000,000 cells (RangeExceedsLimit, every platform). Either way the read goes again in blocks.
 */
const TOO_LARGE = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "RangeExceedsLimit"]);

export function isTooLarge(error: unknown): boolean {
  return TOO_LARGE.has(errorCode(error));
}

/**
 * Excel ran every operation of the request and refused only its answer as too large: no call in it failed (a missing
 * sheet asked for through getItemOrNullObject would have failed it with its own code first).
 */
export function isResponseTooLarge(error: unknown): boolean {
  return errorCode(error) === "ResponsePayloadSizeLimitExceeded";
}

/** The user is typing in a cell: Excel refuses every request until the edit ends. */
export function isCellEdit(error: unknown): boolean {
  return errorCode(error) === "InvalidOperationInCellEditMode";
}
