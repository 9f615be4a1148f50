/**
 * The canonical form as 核验 first wrote it (lib/integrity/canonical.ts at d392ad5, whole strings, unchanged): the
 * reference that the streaming writer of today must agree with byte for byte, on any value
 * (test/integrity-pinned.test.ts). Do not "fix" this file: it is what fingerprints already sent out were made with.
 */
import { D } from "../../lib/decimal";
import { isCellError } from "../../lib/grid";

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
export function referenceCanonicalText(value: unknown): string {
  return new Canonical().text(value);
}

/** An object's keys to write, in order, each with its `"key":` prefix ready. */
type KeyPlan = readonly { key: string; prefix: string }[];

/**
 * One canonical text in the making, with what it has already written remembered (issue 14: 10,000 units read as a
 * million score cells and 300,000 ratings). The text is the same as writing every value afresh; only the work is less:
 * - each decimal.js value is written once: the reader shares one Decimal among all cells holding the same number;
 * - an object made by a class (not a plain object or array) is written once however often it occurs: every unit's
 *   scores refer to the same 评分 columns, which would otherwise be written again for each of 10,000 units;
 * - objects with the same keys in the same order share one sorted key list (300,000 ratings have one shape).
 * Nothing read changes while a text is made, so a value's text cannot change between two of its occurrences.
 */
class Canonical {
  private readonly decimals = new Map<object, string>();
  private readonly instances = new Map<object, string>();
  private readonly plans = new Map<string, KeyPlan>();

  text(value: unknown): string {
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
        return this.objectText(value);
      default:
        throw new TypeError(`canonicalText: a ${typeof value} has no canonical form`);
    }
  }

  private objectText(value: object): string {
    if (Array.isArray(value)) return this.arrayText(value);
    if (D.isDecimal(value)) {
      let text = this.decimals.get(value);
      if (text === undefined) {
        text = decimalText(value as D);
        this.decimals.set(value, text);
      }
      return text;
    }
    if (Object.getPrototypeOf(value) === Object.prototype) return this.recordText(value);
    let text = this.instances.get(value);
    if (text === undefined) {
      text = this.instanceText(value);
      this.instances.set(value, text);
    }
    return text;
  }

  /** An array's members in order. A hole (a 评分 column not filled for a unit) is written as nothing ("4,,4"). */
  private arrayText(value: readonly unknown[]): string {
    const parts = new Array<string>(value.length);
    for (let i = 0; i < value.length; i += 1) if (i in value) parts[i] = this.text(value[i]);
    return `[${parts.join(",")}]`;
  }

  private instanceText(value: object): string {
    if (value instanceof Date) return `{"date":${JSON.stringify(Number.isNaN(value.getTime()) ? "Invalid Date" : value.toISOString())}}`;
    if (isCellError(value)) return `{"error":${JSON.stringify(value.error)}}`;
    if (value instanceof Map) {
      const pairs = [...value.entries()].map(([key, item]) => ({ key: this.text(key), item: this.text(item) }));
      pairs.sort((a, b) => byCodeUnits(a.key, b.key));
      return `[${pairs.map((pair) => `[${pair.key},${pair.item}]`).join(",")}]`;
    }
    if (value instanceof Set) return `[${[...value].map((member) => this.text(member)).sort(byCodeUnits).join(",")}]`;
    return this.recordText(value);
  }

  /** An object as a record of its own enumerable keys, sorted, places left out. */
  private recordText(value: object): string {
    if (isCellError(value)) return `{"error":${JSON.stringify(value.error)}}`;
    const record = value as Record<string, unknown>;
    const plan = this.keyPlan(Object.keys(value));
    const parts = new Array<string>(plan.length);
    for (let i = 0; i < plan.length; i += 1) {
      const entry = plan[i] as KeyPlan[number];
      parts[i] = entry.prefix + this.text(record[entry.key]);
    }
    return `{${parts.join(",")}}`;
  }

  private keyPlan(keys: string[]): KeyPlan {
    const shape = keys.join("\u0000");
    let plan = this.plans.get(shape);
    if (plan === undefined) {
      plan = keys
        .filter((key) => !PLACE_KEYS.has(key))
        .sort(byCodeUnits)
        .map((key) => ({ key, prefix: `${JSON.stringify(key)}:` }));
      this.plans.set(shape, plan);
    }
    return plan;
  }
}

/** A decimal in plain notation without trailing zeros; -0 is 0. decimal.js from another clone is read the same. */
function decimalText(value: D): string {
  const decimal = new D(value);
  if (!decimal.isFinite()) return JSON.stringify(decimal.toString());
  if (decimal.isZero()) return "0";
  return decimal.toFixed();
}
