import { createHash } from "node:crypto";
import type { Digest, DigestStream } from "../lib/integrity";

/**
 * The command line's SHA-256 (node:crypto): the same hex as Web Crypto in the pages (test/integrity.test.ts). Its
 * stream hashes the bytes as they are written: a fingerprint of 10,000 units never makes one 60 MB string or Buffer.
 */
export const nodeDigest: Digest = Object.assign(async (text: string) => createHash("sha256").update(text, "utf8").digest("hex"), {
  stream: (): DigestStream => {
    const hash = createHash("sha256");
    return {
      update: (bytes: Uint8Array) => {
        hash.update(bytes);
      },
      hex: async () => hash.digest("hex"),
    };
  },
});
