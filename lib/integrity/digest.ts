/**
 * The hash is the host's: Web Crypto in a browser (the task pane, the standalone page), node:crypto in the command
 * line. lib/ only says what is hashed; every host must give the same answer for the same text.
 */

/** SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hexadecimal digits. */
export type Digest = (text: string) => Promise<string>;

export const DIGEST_ALGORITHM = "SHA-256";

/** 64 lowercase hex digits: what a Digest returns. */
export function isDigestHex(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(text);
}
