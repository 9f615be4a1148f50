import { displayWidth, pad } from "./width";

export type Align = "left" | "right";

/** Lines of a plain-text table: columns as wide as their widest cell (CJK counted double), two spaces apart. */
export function renderTable(headers: readonly string[], rows: readonly (readonly string[])[], aligns: readonly Align[] = []): string[] {
  const widths = headers.map((header, column) => Math.max(displayWidth(header), ...rows.map((row) => displayWidth(row[column] ?? ""))));
  const line = (cells: readonly string[]): string =>
    widths
      .map((width, column) => pad(cells[column] ?? "", width, aligns[column] ?? "left"))
      .join("  ")
      .trimEnd();
  return [line(headers), ...rows.map(line)];
}
