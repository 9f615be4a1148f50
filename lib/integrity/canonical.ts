/**
 * The canonical form: one text for one set of values, whichever host read them, so that a hash of it identifies
 * the values and nothing else. It is JSON, written by these rules:
 * - a decimal (decimal.js) is a JSON number in plain notation with no trailing zeros (85, 85.5, 0.1): 85, "85.0"
 *   and ８５ typed in a cell all read as the same decimal and give the same text;
 * - a JavaScript number is its shortest round-trip text (what String(n) gives); NaN and ±Infinity are strings;
 * - a text is a JSON string, exactly as read (no trimming or normalising here: the reader did that already);
 * - a Date is {"date":"<ISO 8601 UTC>"}; an Excel error value is {"error":"#N/A"};
 * - an array keeps its order (the order of 考核对象 decides ties; the order of rows is data);
 * - a Map is an array of [key, value] pairs and a Set an array of members, both sorted by their canonical text,
 *   and an object's keys are sorted by UTF-16 code units: what is keyed has no order, so none is recorded;
 * - the keys `ref` and `row` (where a value was read, as 评分!F7 or a row number) are left out: moving a row
 *   changes where a value is, not what it is; null and undefined are null.
 */
import { D } from "../decimal";
import { isCellError } from "../grid";

/** Keys that say where a value was read, not what it is. */
const PLACE_KEYS: ReadonlySet<string> = new Set(["ref", "row"]);

/** Code-unit order, the same in every JavaScript engine (localeCompare is not). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
}

/** The canonical text of a plain value: see the rules at the top of this file. */
export function canonicalText(value: unknown): string {
  if (value === null || value === undefined) return "null";
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      return numberText(value);
    case "boolean":
      return value ? "true" : "false";
    case "bigint":
      return value.toString();
    case "object":
      return objectText(value);
    default:
      throw new TypeError(`canonicalText: a ${typeof value} has no canonical form`);
  }
}

function objectText(value: object): string {
  if (D.isDecimal(value)) return decimalText(value as D);
  if (value instanceof Date) return `{"date":${JSON.stringify(Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString())}}`;
  if (isCellError(value)) return `{"error":${JSON.stringify(value.error)}}`;
  if (Array.isArray(value)) return `[${value.map(canonicalText).join(",")}]`;
  if (value instanceof Map) {
    const pairs = [...value.entries()].map(([key, item]) => ({ key: canonicalText(key), item: canonicalText(item) }));
    pairs.sort((a, b) => byCodeUnits(a.key, b.key));
    return `[${pairs.map((pair) => `[${pair.key},${pair.item}]`).join(",")}]`;
  }
  if (value instanceof Set) return `[${[...value].map(canonicalText).sort(byCodeUnits).join(",")}]`;
  const keys = Object.keys(value)
    .filter((key) => !PLACE_KEYS.has(key))
    .sort(byCodeUnits);
  const record = value as Record<string, unknown>;
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalText(record[key])}`).join(",")}}`;
}

/** A decimal in plain notation without trailing zeros; -0 is 0. decimal.js from another clone is read the same. */
function decimalText(value: D): string {
  const decimal = new D(value);
  if (!decimal.isFinite()) return JSON.stringify(decimal.toString());
  if (decimal.isZero()) return "0";
  return decimal.toFixed();
}
