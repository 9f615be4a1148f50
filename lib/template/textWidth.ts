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

/** Column widths that fit each column's longest cell, plus a margin, kept within [min, max] so long texts wrap instead. */
export function fitColumnWidths(rows: readonly (readonly (string | number | boolean | null)[])[], min: number, max: number): number[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((value, column) => {
      const width = value === null ? 0 : textWidth(String(value)) + 2;
      widths[column] = Math.max(widths[column] ?? min, Math.min(max, width));
    });
  }
  return widths.map((width) => Math.max(min, width));
}
