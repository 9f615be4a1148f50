import { errorCode } from "../ui/errors";

const TOO_LARGE = new Set(["RequestPayloadSizeLimitExceeded", "ResponsePayloadSizeLimitExceeded", "PayloadTooLarge"]);

/** Excel on the web refused a request or response over its payload limit. */
export function isTooLarge(error: unknown): boolean {
  return TOO_LARGE.has(errorCode(error));
}
