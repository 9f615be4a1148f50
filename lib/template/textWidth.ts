import { displayWidth } from "../width";
/** Display width of a text in Excel column units: CJK and full-width characters take two, others one. */
export const textWidth = displayWidth;

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
