/** The bench's table: one row per figure, each beside its target, printed to the terminal and written as Markdown. */

export interface Row {
  part: string;
  /** What was measured: a size, a page. */
  subject: string;
  measure: string;
  figure: string;
  target: string;
  /** true met, false missed, null: no target for this figure. */
  met: boolean | null;
}

/** ✓ met, ✗ missed, blank for a figure without target. */
export function mark(met: boolean | null): string {
  return met === null ? "" : met ? "✓" : "✗";
}

/** Columns a text takes in a terminal: Chinese characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += (ch.codePointAt(0) ?? 0) >= 0x2e80 && ch !== "✓" && ch !== "✗" ? 2 : 1;
  return width;
}

/** The rows as aligned plain text for the terminal. */
export function textTable(rows: readonly Row[]): string {
  const head = ["part", "subject", "measure", "figure", "target", ""];
  const cells = [head, ...rows.map((r) => [r.part, r.subject, r.measure, r.figure, r.target, mark(r.met)])];
  const widths = head.map((_, c) => Math.max(...cells.map((line) => displayWidth(line[c] ?? ""))));
  return cells.map((line) => line.map((cell, c) => cell + " ".repeat((widths[c] ?? 0) - displayWidth(cell))).join("  ").trimEnd()).join("\n");
}

/** The rows as a Markdown table. */
export function markdownTable(rows: readonly Row[]): string {
  const escape = (text: string) => text.replace(/\|/g, "\\|");
  return [
    "| part | subject | measure | figure | target | |",
    "|---|---|---|---:|---|:-:|",
    ...rows.map((r) => `| ${escape(r.part)} | ${escape(r.subject)} | ${escape(r.measure)} | ${escape(r.figure)} | ${escape(r.target)} | ${mark(r.met)} |`),
  ].join("\n");
}
