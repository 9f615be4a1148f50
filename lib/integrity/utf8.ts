/**
 * UTF-8 for the canonical text, in plain JavaScript (lib/ is the same in every host): the bytes every host's SHA-256
 * is over. A surrogate without its pair becomes U+FFFD, as TextEncoder and node:crypto do (the canonical text never
 * holds one: JSON escapes them).
 */

/** The most bytes `text` can take: 3 per UTF-16 code unit (a pair of them makes 4). */
export function utf8Bound(text: string): number {
  return text.length * 3;
}

/** Writes `text` as UTF-8 into `bytes` from `at` (room for utf8Bound(text) is the caller's); returns the end. */
export function writeUtf8(text: string, bytes: Uint8Array, at: number): number {
  let end = at;
  const length = text.length;
  for (let i = 0; i < length; i += 1) {
    let code = text.charCodeAt(i);
    if (code < 0x80) {
      bytes[end++] = code;
      continue;
    }
    if (code < 0x800) {
      bytes[end++] = 0xc0 | (code >> 6);
      bytes[end++] = 0x80 | (code & 0x3f);
      continue;
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const next = i + 1 < length ? text.charCodeAt(i + 1) : 0;
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        i += 1;
        bytes[end++] = 0xf0 | (code >> 18);
        bytes[end++] = 0x80 | ((code >> 12) & 0x3f);
        bytes[end++] = 0x80 | ((code >> 6) & 0x3f);
        bytes[end++] = 0x80 | (code & 0x3f);
        continue;
      }
      code = 0xfffd;
    }
    bytes[end++] = 0xe0 | (code >> 12);
    bytes[end++] = 0x80 | ((code >> 6) & 0x3f);
    bytes[end++] = 0x80 | (code & 0x3f);
  }
  return end;
}

/** The text of UTF-8 bytes written by writeUtf8 (well-formed: no checks for broken sequences). */
export function fromUtf8(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let text = "";
  const units: number[] = [];
  for (let i = start; i < end; ) {
    const lead = bytes[i] as number;
    let code: number;
    if (lead < 0x80) {
      code = lead;
      i += 1;
    } else if (lead < 0xe0) {
      code = ((lead & 0x1f) << 6) | ((bytes[i + 1] as number) & 0x3f);
      i += 2;
    } else if (lead < 0xf0) {
      code = ((lead & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6) | ((bytes[i + 2] as number) & 0x3f);
      i += 3;
    } else {
      code = ((lead & 0x07) << 18) | (((bytes[i + 1] as number) & 0x3f) << 12) | (((bytes[i + 2] as number) & 0x3f) << 6) | ((bytes[i + 3] as number) & 0x3f);
      i += 4;
    }
    if (code > 0xffff) {
      code -= 0x10000;
      units.push(0xd800 + (code >> 10), 0xdc00 + (code & 0x3ff));
    } else units.push(code);
    if (units.length >= 4096) {
      text += String.fromCharCode(...units);
      units.length = 0;
    }
  }
  return text + String.fromCharCode(...units);
}
