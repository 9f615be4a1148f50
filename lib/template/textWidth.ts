/** Display width of a text in Excel column units: CJK and full-width characters take two, others one. */
export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    width += isWide(char) ? 2 : 1;
  }
  return width;
}

// CJK punctuation, ideographs, full-width forms: the ranges office staff actually type.
function isWide(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    code >= 0x20000
  );
}

/**
 * Column widths that fit each column's longest cell plus a margin, at least the column's minimum
 * (room for what users will type into an empty template), at most `max` (longer texts wrap).
 */
export function fitColumnWidths(rows: readonly (readonly (string | number | boolean | null)[])[], minimums: readonly number[], max: number): number[] {
  const columns = Math.max(minimums.length, ...rows.map((row) => row.length));
  return Array.from({ length: columns }, (_, column) => {
    const longest = Math.max(0, ...rows.map((row) => textWidth(String(row[column] ?? "")) + 2));
    return Math.max(minimums[column] ?? 0, Math.min(max, longest));
  });
}
