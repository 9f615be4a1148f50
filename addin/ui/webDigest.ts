import type { Digest, DigestStream } from "../../lib/integrity";

/**
 * The pages' SHA-256 (Web Crypto, in the task pane and the standalone page): the same hex as node:crypto on the
 * command line (test/integrity.test.ts). crypto.subtle exists only in secure contexts (https, localhost, file:).
 * Web Crypto hashes only whole buffers, so the stream keeps a copy of each piece of bytes and hashes them at the end.
 */
export const webDigest: Digest = Object.assign(async (text: string) => sha256Hex(new TextEncoder().encode(text)), {
  stream: (): DigestStream => {
    const pieces: Uint8Array<ArrayBuffer>[] = [];
    let length = 0;
    return {
      update: (bytes: Uint8Array) => {
        pieces.push(bytes.slice());
        length += bytes.length;
      },
      hex: async () => {
        if (pieces.length === 1) return sha256Hex(pieces[0] as Uint8Array<ArrayBuffer>);
        const all = new Uint8Array(length);
        let at = 0;
        for (const piece of pieces) {
          all.set(piece, at);
          at += piece.length;
        }
        return sha256Hex(all);
      },
    };
  },
});

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  let hex = "";
  for (const byte of hash) hex += byte.toString(16).padStart(2, "0");
  return hex;
}
