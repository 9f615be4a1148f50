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
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- decimal.js's d is null for NaN and ±Infinity, which its typing omits
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
