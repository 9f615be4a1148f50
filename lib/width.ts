/**
 * Display width of text in columns: East Asian Wide and Fullwidth characters (Chinese, full-width forms) take two,
 * others one (a character outside the Basic Multilingual Plane, written as a surrogate pair, is one character). Used
 * for console tables and for Excel column widths alike.
 */
export function displayWidth(text: string): number {
  return widthBetween(text, 0, text.length);
}

/**
 * displayWidth of text.slice(start, end), without making the slice. Walks UTF-16 units rather than characters (no
 * string per character: 计算说明 measures some 20 million of them): every unit counts one, a wide character one more,
 * and a surrogate pair, which is one character, one less unless it is wide. Everything below U+1100 (ASCII, Latin,
 * digits) is narrow and decided by one comparison.
 */
export function widthBetween(text: string, start: number, end: number): number {
  let width = end - start;
  for (let i = start; i < end; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x1100) continue;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        if (!isWide((code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000)) width -= 1;
        i += 1;
      }
      // A high surrogate alone is one narrow character, as it was counted.
      continue;
    }
    if (isWide(code)) width += 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
