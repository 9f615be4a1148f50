import Decimal from "decimal.js";

/**
 * Our own Decimal constructor. A clone, so that no other importer of decimal.js is affected;
 * 40 significant digits is far above any intermediate figure of an assessment;
 * ROUND_HALF_UP rounds half away from zero, as Excel's ROUND and 四舍五入 do.
 */
export const D = Decimal.clone({
  precision: 40,
  rounding: Decimal.ROUND_HALF_UP,
  toExpNeg: -40,
  toExpPos: 40,
});
export type D = InstanceType<typeof D>;

export const ZERO = new D(0);
export const HUNDRED = new D(100);

/** Rounds half away from zero (四舍五入) to `places` decimal places. */
export function roundHalfUp(value: D, places: number): D {
  // Most figures are rounded already (sums of half points, figures rounded by an earlier rule); Decimals are
  // immutable, so such a value is its own rounding, and decimal.js would build a new one.
  if (value.decimalPlaces() <= places) return value;
  return value.toDecimalPlaces(places, D.ROUND_HALF_UP);
}

/** The figure as written to a cell or to JSON: half-up, exactly `places` decimals ("92.35", "137.00"). */
export function fixed(value: D, places: number): string {
  // A run writes the same figures many times (results, 计算说明, the fingerprint): each text made once per value.
  return byFigure(FIXED_TEXTS, value, places, fixedText);
}

/**
 * `make(value, places)`, remembered in `made` by the figure's exact value and the places (made afresh each time for
 * a value without a small exact key, or unusual places); `made` is emptied when full, so memory stays small over
 * many runs. Each figure's text or number is then worked out once, however many cells show it.
 */
export function byFigure<T>(made: Map<number, T>, value: D, places: number, make: (value: D, places: number) => T): T {
  const key = exactKey(value);
  if (key < 0 || !Number.isInteger(places) || places < 0 || places >= 8) return make(value, places);
  // key < 2^28 and places < 8: the slot stays below 2^31, a small integer looked up quickly.
  const slot = key * 8 + places;
  let result = made.get(slot);
  if (result === undefined) {
    result = make(value, places);
    if (made.size >= TEXTS_LIMIT) made.clear();
    made.set(slot, result);
  }
  return result;
}

/** `value.toString()` (decimal.js's shortest text, "7", "12.5"), made once per value. */
export function plainText(value: D): string {
  const key = exactKey(value);
  if (key < 0) return value.toString();
  let text = PLAIN_TEXTS.get(key);
  if (text === undefined) {
    text = value.toString();
    if (PLAIN_TEXTS.size >= TEXTS_LIMIT) PLAIN_TEXTS.clear();
    PLAIN_TEXTS.set(key, text);
  }
  return text;
}

// Texts by exactKey (and places); bounded, so that memory stays small over many runs.
const FIXED_TEXTS = new Map<number, string>();
const PLAIN_TEXTS = new Map<number, string>();
const TEXTS_LIMIT = 100_000;

function fixedText(value: D, places: number): string {
  if (value.decimalPlaces() > places) return value.toFixed(places, D.ROUND_HALF_UP);
  // Nothing to round: the shortest text padded with zeros is the same text, without decimal.js's new Decimal.
  const text = value.toString();
  if (places === 0 || text.includes("e")) return places === 0 ? text : value.toFixed(places, D.ROUND_HALF_UP);
  const point = text.indexOf(".");
  const have = point < 0 ? 0 : text.length - point - 1;
  return `${text}${point < 0 ? "." : ""}${"0".repeat(places - have)}`;
}

/**
 * `x.cmp(y)`: −1, 0 or 1 as x is below, equal to or above y. decimal.js copies its argument on every comparison (a
 * new Decimal and digit array), and ranking or trimming compares hundreds of thousands of times: this compares
 * decimal.js's own sign, exponent and base-1e7 digits as decimal.js's cmp does, without the copy. NaN and ±Infinity
 * go to decimal.js.
 */
export function compare(x: D, y: D): number {
  if (x === y && x.d !== null) return 0;
  const xd = x.d;
  const yd = y.d;
  // decimal.js's d is null for NaN and ±Infinity, which its typing omits.
  if (xd === null || yd === null || xd === undefined || yd === undefined) return x.cmp(y);
  const xs = x.s;
  const ys = y.s;
  // Either zero (decimal.js keeps zero as [0], whatever its sign)?
  if (xd[0] === 0 || yd[0] === 0) return xd[0] !== 0 ? xs : yd[0] !== 0 ? -ys : 0;
  if (xs !== ys) return xs;
  if (x.e !== y.e) return (x.e > y.e) !== (xs < 0) ? 1 : -1;
  const xl = xd.length;
  const yl = yd.length;
  const shorter = xl < yl ? xl : yl;
  for (let i = 0; i < shorter; i += 1) {
    const a = xd[i] as number;
    const b = yd[i] as number;
    if (a !== b) return (a > b) !== (xs < 0) ? 1 : -1;
  }
  return xl === yl ? 0 : (xl > yl) !== (xs < 0) ? 1 : -1;
}

/**
 * A small whole number (below 2^28) that names a short decimal exactly, for remembering results by value; −1 for any
 * other. The value is ±m × 10^k with m not a multiple of 10; short means m below 2^21 (up to 6 or 7 significant
 * digits) and k within −32…31 — the scores, ratings, weights and figures of an assessment. The key is m, k and the
 * sign packed together, so two values have the same key only when they are the same number (−0 and 0 differ). Small,
 * so that JavaScript keeps it as a small integer: a Map looks such keys up quickly, while large keys (stored as
 * doubles) hash poorly and made the lookups slower than decimal.js.
 */
export function exactKey(x: D): number {
  const d = x.d;
  // decimal.js's d is null for NaN and ±Infinity, which its typing omits.
  if (d === null || d === undefined) return -1;
  // decimal.js keeps the digits in base-1e7 words, the first without leading zeros, no trailing zero words.
  const first = d[0] as number;
  let m: number;
  let digits: number;
  if (d.length === 1) {
    m = first;
    digits = digitCount(first);
  } else if (d.length === 2) {
    m = first * 1e7 + (d[1] as number);
    digits = digitCount(first) + 7;
  } else {
    return -1;
  }
  const sign = x.s < 0 ? 1 : 0;
  if (m === 0) return sign;
  // x.e is the exponent of the first digit; k that of the last.
  let k = x.e - digits + 1;
  while (m % 10 === 0) {
    m /= 10;
    k += 1;
  }
  if (m >= 2097152 || k < -32 || k > 31) return -1;
  return (m * 64 + (k + 32)) * 2 + sign;
}

function digitCount(word: number): number {
  let digits = 1;
  for (let rest = word; rest >= 10; rest = Math.floor(rest / 10)) digits += 1;
  return digits;
}
