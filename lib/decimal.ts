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
  return value.toDecimalPlaces(places, D.ROUND_HALF_UP);
}

/** The figure as written to a cell or to JSON: half-up, exactly `places` decimals ("92.35", "137.00"). */
export function fixed(value: D, places: number): string {
  return value.toFixed(places, D.ROUND_HALF_UP);
}
