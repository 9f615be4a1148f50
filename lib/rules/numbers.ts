import { D, ZERO, fixed } from "../decimal";

/** Σ of the values, exactly (no rounding). */
export function sum(values: readonly D[]): D {
  return values.reduce((total, value) => total.plus(value), ZERO);
}

/** A number as people write it in a note: no trailing zeros (7, 12.5). */
export function plain(value: D): string {
  return value.toString();
}

/** A fraction as a percent without trailing zeros: 0.5 → "50%". */
export function percentOf(fraction: D): string {
  return `${plain(fraction.times(100))}%`;
}

/** The figure as written to the sheet, to `places` decimals. */
export function shown(value: D, places: number): string {
  return fixed(value, places);
}

/** A whole count as a Decimal, for arithmetic with scores. */
export function count(n: number): D {
  return new D(n);
}
