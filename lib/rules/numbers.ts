import { D, ZERO, fixed } from "../decimal";

/** Σ of the values, exactly (no rounding). */
export function sum(values: readonly D[]): D {
  return values.reduce((total, value) => total.plus(value), ZERO);
}

/**
 * Σ of the values, exactly, as Σ value × how often it occurs. The reader hands one shared Decimal for every cell
 * of a column holding the same number, and a unit's hundred scores are mostly a handful of values (0.5, 1, 4…):
 * counting them first turns a hundred decimal additions into a few multiplications. Same result as `sum`.
 */
export function sumByCount(values: readonly D[]): D {
  // Counting pays only when there are many values to count.
  if (values.length < 12) return sum(values);
  // A unit's scores hold a handful of distinct Decimals: a short list searched by identity beats a Map; past
  // MANY_DISTINCT the list would be slow to search, and the plain sum is as good.
  const distinct: D[] = [];
  const times: number[] = [];
  for (const value of values) {
    const at = distinct.indexOf(value);
    if (at >= 0) {
      times[at] = (times[at] ?? 0) + 1;
      continue;
    }
    if (distinct.length === MANY_DISTINCT) return sum(values);
    distinct.push(value);
    times.push(1);
  }
  let total = ZERO;
  distinct.forEach((value, i) => {
    const n = times[i] ?? 1;
    total = total.plus(n === 1 ? value : value.times(count(n)));
  });
  return total;
}

const MANY_DISTINCT = 24;

/** A number as people write it in a note: no trailing zeros (7, 12.5). */
export function plain(value: D): string {
  return value.toString();
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
  private readonly unitTexts = new Map<D, string>();
  private readonly sharedTexts = new Map<D, string>();

  constructor(readonly places: number) {}

  /** `make(plain(value))`, remembered for this owner and value. */
  term(owner: object, value: D, make: (text: string) => string): string {
    const texts = remembered(this.terms, owner, () => new Map<D, string>());
    return remembered(texts, value, () => make(plain(value)));
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
    return remembered(this.sharedTexts, value, () => plain(value));
  }

  /** As `shown` to this run's 小数位数; remembered until `nextUnit` (a unit's figures recur across its lines). */
  shown(value: D): string {
    return remembered(this.unitTexts, value, () => shown(value, this.places));
  }

  /** Forgets the previous unit's figures: the map stays small, so looking up stays quick. */
  nextUnit(): void {
    this.unitTexts.clear();
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
