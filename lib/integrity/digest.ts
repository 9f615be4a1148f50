/**
 * The hash is the host's: Web Crypto in a browser (the task pane, the standalone page), node:crypto in the command
 * line. lib/ only says what is hashed; every host must give the same answer for the same text.
 */
import type { ByteSink } from "./canonical";

/**
 * SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hexadecimal digits. A host may also offer `stream`: the same
 * hash fed the UTF-8 bytes piece by piece, so that a fingerprint of 10,000 units never holds its 60 MB of text (or
 * its bytes) at once. Fed the bytes of a text in order, a stream's hex is the digest of the whole text.
 */
export type Digest = ((text: string) => Promise<string>) & { readonly stream?: () => DigestStream };

/** One SHA-256 in the making: UTF-8 bytes in order (only valid during each call), then the hex of all of them. */
export interface DigestStream extends ByteSink {
  hex(): Promise<string>;
}

export const DIGEST_ALGORITHM = "SHA-256";

/** 64 lowercase hex digits: what a Digest returns. */
export function isDigestHex(text: string): boolean {
  return /^[0-9a-f]{64}$/.test(text);
}
