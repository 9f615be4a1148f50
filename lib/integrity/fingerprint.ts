import { CanonicalWriter } from "./canonical";
import { isDigestHex, type Digest } from "./digest";
import { fromUtf8 } from "./utf8";
import type { Section } from "./sections";

/** A fingerprint: the digest of each section, and one digest over all of them. */
export interface Fingerprint {
  /** SHA-256 over the lines "<sheet>\t<section digest>\n" in section order: 64 hex digits. */
  value: string;
  /** Each section's digest, in section order. */
  sheets: { sheet: string; digest: string }[];
}

/**
 * Hashes each section's canonical text, then the list of (sheet, digest) lines. Hashing per sheet first lets a
 * receiver say which sheet changed; hashing the list gives one value to quote. Sections with the same sheet name
 * are a mistake of the caller. A section's text goes to the host's hash as it is written when the host can take it
 * in pieces (Digest.stream), else whole.
 * @throws Error when the digest does not return 64 lowercase hex digits (a host bug).
 */
export async function fingerprint(sections: readonly Section[], digest: Digest): Promise<Fingerprint> {
  const names = new Set(sections.map((section) => section.sheet));
  if (names.size !== sections.length) throw new Error("fingerprint: two sections with the same sheet name");
  const writer = new CanonicalWriter();
  const sheets: { sheet: string; digest: string }[] = [];
  for (const section of sections) {
    const stream = digest.stream?.();
    writer.begin(stream ?? null);
    section.write(writer);
    const bytes = writer.end();
    sheets.push({ sheet: section.sheet, digest: checked(await (stream === undefined ? digest(fromUtf8(bytes)) : stream.hex())) });
  }
  return { value: await combine(sheets, digest), sheets };
}

/** The one value over per-sheet digests (also how a receiver recomputes it from recorded digests). */
export async function combine(sheets: readonly { sheet: string; digest: string }[], digest: Digest): Promise<string> {
  return checked(await digest(sheets.map((entry) => `${entry.sheet}\t${entry.digest}\n`).join("")));
}

function checked(hex: string): string {
  if (!isDigestHex(hex)) throw new Error("fingerprint: the host's digest must return 64 lowercase hex digits");
  return hex;
}
