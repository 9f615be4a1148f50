import type { CellValue } from "../../lib/grid";

/**
 * One ExcelJS cell value → the value the user sees (lib/grid.ts CellValue).
 * Formulas give their cached result (no result cached → empty), rich text its joined runs,
 * a hyperlink its text, an error value `{ error: "#N/A" }`.
 */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value !== "object") return null;
  const object = value as Record<string, unknown>;
  if (typeof object.error === "string") return { error: object.error };
  if (Array.isArray(object.richText)) return joinRichText(object.richText);
  if ("formula" in object || "sharedFormula" in object || "result" in object) return formulaResult(object.result);
  if ("hyperlink" in object || "text" in object) return hyperlinkText(object.text);
  return null;
}

/** A formula's cached result (none cached: empty); a result that is itself an object (an error) goes through the same conversion. */
export function formulaResult(result: unknown): CellValue {
  if (result === undefined || result === null) return null;
  return toCellValue(result);
}

/** A hyperlink cell shows its text, which may itself be rich text. */
function hyperlinkText(text: unknown): CellValue {
  if (typeof text === "string") return text;
  const converted = toCellValue(text);
  return converted === null ? "" : converted;
}

function joinRichText(runs: unknown[]): string {
  return runs.map((run) => (typeof run === "object" && run !== null && typeof (run as { text?: unknown }).text === "string" ? (run as { text: string }).text : "")).join("");
}
