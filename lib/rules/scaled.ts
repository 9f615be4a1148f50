/**
 * Exact figures as whole numbers, for the rules' hot sums and roundings. An assessment's figures are short decimals
 * (ratings 60–100, half points, two-decimal means): such a value times 10^4 is a whole number far below 2^53, and
 * whole numbers below 2^53 add, multiply and divide-with-remainder exactly in JavaScript. decimal.js does the same
 * sums exactly too (40 digits is far above them), so the results are the same numbers — without decimal.js's new
 * Decimal and digit arrays on every step (at 10,000 units: some 400,000 additions a run).
 *
 * Every short way here gives up (NaN) on anything else — more than 4 decimals, values of 10^7 or more, −0, NaN,
 * ±Infinity, a product or sum that might pass 2^53 — and the caller then computes with decimal.js as before. Results
 * go back to Decimals through `fromScaled`, which builds each distinct figure once from its exact digits.
 * test/rules-shortcuts.test.ts checks every short way against the plain decimal.js computation.
 */
import { D } from "../decimal";

/** The decimals a scaled figure keeps: x is held as x × 10^4. */
export const SCALE = 4;

/**
 * x × 10^4 as a whole number, or NaN when x has more than 4 decimals, is 10^7 or more in size, or is −0, NaN or
 * ±Infinity. Reads decimal.js's own digits: d holds base-1e7 words aligned on the decimal point (the first word the
 * whole part when e ≥ 0, the first 7 decimals when −7 ≤ e < 0), e the exponent of the first digit, s the sign.
 */
export function scaled(x: D): number {
  const d = x.d;
  // decimal.js's d is null for NaN and ±Infinity, which its typing omits.
  if (d === null || d === undefined) return Number.NaN;
  const e = x.e;
  const first = d[0] as number;
  let value: number;
  if (e >= 0) {
    // A whole part of one word (below 10^7), and at most one word of decimals of which only the first 4 are used.
    if (e >= 7) return Number.NaN;
    if (d.length === 1) {
      value = first * 10_000;
    } else {
      const decimals = d[1] as number;
      if (d.length > 2 || decimals % 1000 !== 0) return Number.NaN;
      value = first * 10_000 + decimals / 1000;
    }
  } else {
    // Below 1: one word of decimals (e ≥ −7), of which only the first 4 are used.
    if (e < -7 || d.length > 1 || first % 1000 !== 0) return Number.NaN;
    value = first / 1000;
  }
  if (x.s < 0) {
    // −0 has its own sign in decimal.js (and in its texts): left to decimal.js.
    return value === 0 ? Number.NaN : -value;
  }
  return value;
}

/**
 * round(n ÷ d) half up, for whole numbers 0 ≤ n and 0 < d with n + d below 2^53: the quotient by floating division,
 * then put right by its remainder, which is exact at this size.
 */
export function halfUpQuotient(n: number, d: number): number {
  let q = Math.floor(n / d);
  let r = n - q * d;
  if (r < 0) {
    q -= 1;
    r += d;
  } else if (r >= d) {
    q += 1;
    r -= d;
  }
  return r * 2 >= d ? q + 1 : q;
}

/** 10^n for the places a rounding keeps (0 ≤ n ≤ 8). */
export const POWERS = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000] as const;

/**
 * round(a ÷ b) to `places` decimals, half up, as a whole number × 10^places, for a = n ÷ 10^na and b = m ÷ 10^mb
 * given as scaled whole numbers; NaN when a < 0, b ≤ 0, either is not a whole number, or a step might pass 2^53.
 * (decimal.js divides to 40 digits and then rounds: the same figure, since a quotient of numbers this small never
 * comes within 10^−30 of a half without being one.)
 */
export function roundedRatio(n: number, na: number, m: number, mb: number, places: number): number {
  // a ÷ b = n × 10^(mb − na) ÷ m; to `places`: n × 10^(mb − na + places) ÷ m, the power moved below when negative.
  const shift = mb - na + places;
  if (!(n >= 0) || !(m > 0) || !Number.isInteger(places) || places < 0 || shift < -8 || shift > 8) return Number.NaN;
  const numerator = shift >= 0 ? n * (POWERS[shift] as number) : n;
  const denominator = shift >= 0 ? m : m * (POWERS[-shift] as number);
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || !Number.isSafeInteger(numerator + denominator)) return Number.NaN;
  return halfUpQuotient(numerator, denominator);
}

// Decimals built from scaled figures, by scale and then by the whole number (kept below 2^30 so that the key is a
// small integer, quick to look up); bounded, so that memory stays small over many runs.
const BUILT: (Map<number, D> | undefined)[] = [];
const BUILT_LIMIT = 50_000;
const SMALL = 2 ** 30;

/**
 * The Decimal n ÷ 10^scale (n a whole number below 2^53, 0 ≤ scale ≤ 8), made from its exact digits once per figure
 * and then handed out again: Decimals are immutable, and equal figures are the same number, written the same way.
 */
export function fromScaled(n: number, scale: number): D {
  // A product of two scaled figures (scale 8) is mostly a figure of 4 decimals: one table for both.
  if (scale > SCALE && n % (POWERS[scale - SCALE] as number) === 0) return fromScaled(n / (POWERS[scale - SCALE] as number), SCALE);
  if (n >= SMALL || n <= -SMALL) return build(n, scale);
  let built = BUILT[scale];
  if (built === undefined) {
    built = new Map();
    BUILT[scale] = built;
  }
  // As a 32-bit whole number the key is a small integer to V8 (figures worked out by division arrive as doubles,
  // which the map would hash as doubles).
  const key = n | 0;
  let value = built.get(key);
  if (value === undefined) {
    value = build(n, scale);
    if (built.size >= BUILT_LIMIT) built.clear();
    built.set(key, value);
  }
  return value;
}

function build(n: number, scale: number): D {
  if (!Number.isSafeInteger(n)) throw new RangeError(`fromScaled: ${n} is not a whole number below 2^53`);
  // The digits as text: decimal.js reads them exactly (no floating step).
  return new D(scale === 0 ? String(n) : `${n}e-${scale}`);
}
