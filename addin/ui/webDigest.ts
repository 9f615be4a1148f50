import type { Digest } from "../../lib/integrity";

/**
 * The pages' SHA-256 (Web Crypto, in the task pane and the standalone page): the same hex as node:crypto on the
 * command line (test/integrity.test.ts). crypto.subtle exists only in secure contexts (https, localhost, file:).
 */
export const webDigest: Digest = async (text) => {
  const bytes = new TextEncoder().encode(text);
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  let hex = "";
  for (const byte of hash) hex += byte.toString(16).padStart(2, "0");
  return hex;
};
