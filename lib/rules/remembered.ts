/**
 * Results of decimal operations remembered by the values they came from. An assessment repeats the same few
 * divisions on the same values thousands of times (a rater group's mean of the same Σ over the same count, the same
 * 互评得分 from the same peer score): a repeat is a lookup instead of decimal.js's division. Every result is what
 * decimal.js computed the first time from the same values, so it is the same value; only values with an exact key
 * (lib/decimal.ts exactKey) are remembered, the others are computed each time.
 */
import { exactKey, HUNDRED, roundHalfUp, type D } from "../decimal";
import { fromScaled, roundedRatio, scaled, SCALE } from "./scaled";

/** Results keyed by two values and a small whole number (the 小数位数, say). */
export class Remembered {
  // By the small number, then by the first value's key, then by the second's: all small integers (see exactKey).
  private readonly tables: (Map<number, Map<number, D>> | undefined)[] = [];
  private size = 0;

  /** Holds at most `limit` results; then it starts afresh, so that memory stays bounded over many runs. */
  constructor(private readonly limit: number) {}

  /**
   * `compute(a, b, n)`, remembered for the values of a and b and the number n (0 ≤ n < 64, whole). Computes without
   * remembering when either value has no exact key. `compute` must depend on its arguments alone.
   */
  get(a: D, b: D, n: number, compute: (a: D, b: D, n: number) => D): D {
    const ka = exactKey(a);
    const kb = exactKey(b);
    if (ka < 0 || kb < 0 || !Number.isInteger(n) || n < 0 || n >= 64) return compute(a, b, n);
    let table = this.tables[n];
    if (table === undefined) {
      table = new Map();
      this.tables[n] = table;
    }
    let byB = table.get(ka);
    if (byB === undefined) {
      byB = new Map();
      table.set(ka, byB);
    }
    let result = byB.get(kb);
    if (result === undefined) {
      result = compute(a, b, n);
      if (this.size >= this.limit) {
        // Start afresh; this result's table is kept (emptied) so that it can be stored.
        for (const other of this.tables) other?.clear();
        table.set(ka, byB);
        byB.clear();
        this.size = 0;
      }
      byB.set(kb, result);
      this.size += 1;
    }
    return result;
  }
}

// Bounded, so that memory stays small over many runs. Only divisions are remembered: decimal.js divides to 40
// digits and then rounds, several times the work of a lookup; additions and products cost about a lookup, and
// keeping their many results alive made garbage collection slower than the work saved (measured at 10,000 units).
const QUOTIENTS = new Remembered(20_000);
const SHARES = new Remembered(20_000);
const PERCENTS = new Remembered(20_000);

const roundedQuotientOf = (a: D, b: D, places: number): D => roundHalfUp(a.div(b), places);
const roundedShareOf = (score: D, points: D, places: number): D => roundHalfUp(score.div(HUNDRED).times(points), places);
const roundedPercentOf = (part: D, whole: D, places: number): D => roundHalfUp(part.div(whole).times(HUNDRED), places);

// Each of these first tries the figures as scaled whole numbers (lib/rules/scaled.ts): a few integer steps and one
// lookup of the result's Decimal, instead of a lookup by both values; the others are remembered as before.

/** round(a ÷ b) to `places`, half up (remembered): a rater group's mean, the weighted peer score, 满意度% from ballots. */
export function roundedQuotient(a: D, b: D, places: number): D {
  const q = roundedRatio(scaled(a), SCALE, scaled(b), SCALE, places);
  if (!Number.isNaN(q)) return fromScaled(q, places);
  return QUOTIENTS.get(a, b, places, roundedQuotientOf);
}

/** round(score ÷ 100 × points) to `places`, half up (remembered): 满意度得分, 互评得分. */
export function roundedShare(score: D, points: D, places: number): D {
  const s = scaled(score);
  const p = scaled(points);
  // Both at least 0 (0 × a negative is −0 in decimal.js): score × points ÷ 10^(4 + 4 + 2).
  if (s >= 0 && p >= 0) {
    const q = roundedRatio(s * p, 2 * SCALE + 2, 1, 0, places);
    if (!Number.isNaN(q)) return fromScaled(q, places);
  }
  return SHARES.get(score, points, places, roundedShareOf);
}

/** round(part ÷ whole × 100) to `places`, half up (remembered): 换算得分. */
export function roundedPercent(part: D, whole: D, places: number): D {
  // part × 100 is the scaled part ÷ 10^(4 − 2).
  const q = roundedRatio(scaled(part), SCALE - 2, scaled(whole), SCALE, places);
  if (!Number.isNaN(q)) return fromScaled(q, places);
  return PERCENTS.get(part, whole, places, roundedPercentOf);
}
