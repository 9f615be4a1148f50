import { D, ZERO, exactKey, fixed, plainText } from "../decimal";
import { fromScaled, scaled, SCALE } from "./scaled";

/** Σ of the values, exactly (no rounding). */
export function sum(values: readonly D[]): D {
  const n = values.length;
  const first = values[0];
  if (first === undefined) return ZERO;
  // Short figures add as whole numbers (lib/rules/scaled.ts): the same Σ without a decimal.js addition per value.
  const whole = scaledSum(values);
  if (!Number.isNaN(whole)) return fromScaled(whole, SCALE);
  // 0 + x is x itself (decimal.js would make a copy): start from the first value instead of from 0.
  let total = asFirstTerm(first);
  for (let i = 1; i < n; i += 1) total = total.plus(values[i] as D);
  return total;
}

/** Σ of the values × 10^4 as a whole number (see scaled), or NaN when a value is not such a figure. */
export function scaledSum(values: readonly D[]): number {
  const n = values.length;
  // Far below 2^53 however many values: each figure is below 10^11.
  if (n > 50_000) return Number.NaN;
  let total = 0;
  for (let i = 0; i < n; i += 1) total += scaled(values[i] as D);
  return total;
}

/**
 * What `ZERO.plus(value)` gives, without decimal.js's new Decimal where that is `value` itself: a nonzero value of
 * at most 35 significant digits (5 base-1e7 words; decimal.js keeps 40) is not rounded by the addition, and
 * decimal.js keeps no trailing zeros, so it is the same number written the same way. Zero (or −0) gives 0.
 */
export function asFirstTerm(value: D): D {
  const digits = value.d;
  if (digits !== null && digits !== undefined && digits.length <= 5 && digits[0] !== 0) return value;
  return ZERO.plus(value);
}

/**
 * Σ of the values, exactly, as Σ value × how often it occurs. The reader hands one shared Decimal for every cell
 * of a column holding the same number, and a unit's hundred scores are mostly a handful of values (0.5, 1, 4…):
 * counting them first turns a hundred decimal additions into a few multiplications. Same result as `sum`.
 */
export function sumByCount(values: readonly D[]): D {
  // Counting pays only when there are many values to count.
  if (values.length < 12) return sum(values);
  const tally = SCRATCH;
  tally.clear();
  for (const value of values) {
    if (!tally.add(value)) return sum(values);
  }
  return tally.total();
}

const MANY_DISTINCT = 24;

/**
 * A count of shared Decimals by identity, for `sumByCount` without a list: add each value, then take the total
 * Σ value × times. Holds at most MANY_DISTINCT distinct objects (a short list searched by identity beats a Map);
 * `add` says false past that, and the caller adds the plain way. Reused after `clear`, so counting allocates nothing.
 */
export class Tally {
  private readonly distinct: D[] = [];
  private readonly times: number[] = [];
  private size = 0;

  clear(): void {
    this.size = 0;
  }

  /** Counts the value; false when it is one distinct value too many. */
  add(value: D): boolean {
    const distinct = this.distinct;
    const size = this.size;
    for (let i = 0; i < size; i += 1) {
      if (distinct[i] === value) {
        this.times[i] = (this.times[i] as number) + 1;
        return true;
      }
    }
    if (size === MANY_DISTINCT) return false;
    distinct[size] = value;
    this.times[size] = 1;
    this.size = size + 1;
    return true;
  }

  /** Σ value × times over the values counted, in the order first seen (0 when none). */
  total(): D {
    let total: D | null = null;
    for (let i = 0; i < this.size; i += 1) {
      const term = multiple(this.distinct[i] as D, this.times[i] as number);
      total = total === null ? asFirstTerm(term) : total.plus(term);
    }
    return total ?? ZERO;
  }
}

const SCRATCH = new Tally();

// value × n for the reader's shared Decimals, remembered per value object (weakly: a run's values go with the run).
// A column of 0.5-point scores gives the same few products over thousands of units.
const MULTIPLES = new WeakMap<D, (D | undefined)[]>();

/** value × n (n a whole count), exactly; remembered for small n. */
export function multiple(value: D, n: number): D {
  if (n === 1) return value;
  if (n > 1000) return value.times(count(n));
  let known = MULTIPLES.get(value);
  if (known === undefined) {
    known = [];
    MULTIPLES.set(value, known);
  }
  let product = known[n];
  if (product === undefined) {
    product = value.times(count(n));
    known[n] = product;
  }
  return product;
}

/** A number as people write it in a note: no trailing zeros (7, 12.5). */
export function plain(value: D): string {
  return plainText(value);
}

/**
 * Texts of one run's figures that recur, each worked out once. The reader shares one Decimal among every cell of a
 * column holding the same score, so a unit's hundred 指标 terms ("1.1 得0.5") are mostly known already by identity,
 * while decimal.js builds a new string on every call. Kept per owner (an indicator, a rater group) so that each
 * lookup is in a small map: one map of every figure of 10,000 units is slower to search than toString is to run.
 */
export class FigureTexts {
  private readonly terms = new Map<object, Map<D, string>>();
  private readonly ownTerms = new Map<object, string>();
  private readonly sharedTexts = new Map<D, string>();

  constructor(readonly places: number) {}

  /** `make(plain(value))`, remembered for this owner and value. */
  term(owner: object, value: D, make: (text: string) => string): string {
    // Looked up without closures: a unit has a hundred terms.
    let texts = this.terms.get(owner);
    if (texts === undefined) {
      texts = new Map<D, string>();
      this.terms.set(owner, texts);
    }
    let text = texts.get(value);
    if (text === undefined) {
      text = make(plain(value));
      texts.set(value, text);
    }
    return text;
  }

  /** `make()`, remembered for this owner (a text that depends on the owner alone, such as "1.1 2分"). */
  ownTerm(owner: object, make: () => string): string {
    return remembered(this.ownTerms, owner, make);
  }

  /** As `plain`. */
  plain(value: D): string {
    return plain(value);
  }

  /**
   * As `plain`, remembered: for values the reader shares among many cells (ratings, scores), whose distinct values are
   * few; a unit's own figures would only fill the map.
   */
  sharedPlain(value: D): string {
    let text = this.sharedTexts.get(value);
    if (text === undefined) {
      text = plain(value);
      this.sharedTexts.set(value, text);
    }
    return text;
  }

  /** As `shown` to this run's 小数位数 (each text made once per value: see fixed). */
  shown(value: D): string {
    return shown(value, this.places);
  }
}

/** The map's value for the key, made and kept on first use. */
function remembered<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** A fraction as a percent without trailing zeros: 0.5 → "50%". */
export function percentOf(fraction: D): string {
  // A county has a few 互评权重 and their sums: each text made once.
  const key = exactKey(fraction);
  if (key < 0) return percentText(fraction);
  let text = PERCENT_TEXTS.get(key);
  if (text === undefined) {
    text = percentText(fraction);
    if (PERCENT_TEXTS.size >= 10_000) PERCENT_TEXTS.clear();
    PERCENT_TEXTS.set(key, text);
  }
  return text;
}

const PERCENT_TEXTS = new Map<number, string>();

function percentText(fraction: D): string {
  return `${plain(fraction.times(100))}%`;
}

/** The figure as written to the sheet, to `places` decimals. */
export function shown(value: D, places: number): string {
  return fixed(value, places);
}

// Small counts recur (a unit's 30 ratings, its hundred indicators): one Decimal each.
const COUNTS: D[] = [];

/** A whole count as a Decimal, for arithmetic with scores. */
export function count(n: number): D {
  if (!Number.isInteger(n) || n < 0 || n > 1000) return new D(n);
  let value = COUNTS[n];
  if (value === undefined) {
    value = new D(n);
    COUNTS[n] = value;
  }
  return value;
}
