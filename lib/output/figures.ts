import { HUNDRED, roundHalfUp, type D } from "../decimal";

/**
 * The number a cell holds for a figure: the figure rounded half-up to `places`, as a double.
 * That is exactly the double Excel stores when a clerk types the rounded figure, so cell and JSON agree.
 */
export function figureNumber(value: D, places: number): number {
  return roundHalfUp(value, places).toNumber();
}

/** A parameter's number as a person reads it, without trailing zeros: 90 → "90", 2.5 → "2.5". */
export function plainText(value: D): string {
  return value.toString();
}

/** A fraction as a percentage for reading: 0.3 → "30%", 1/3 → "33.3333%" (four places at most). */
export function percentText(fraction: D): string {
  return `${roundHalfUp(fraction.times(HUNDRED), 4).toString()}%`;
}
