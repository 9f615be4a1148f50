import { createHash } from "node:crypto";
import type { Digest } from "../lib/integrity";

/** The command line's SHA-256 (node:crypto): the same hex as Web Crypto in the pages (test/integrity.test.ts). */
export const nodeDigest: Digest = async (text) => createHash("sha256").update(text, "utf8").digest("hex");
