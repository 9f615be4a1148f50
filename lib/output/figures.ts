import { byFigure, fixed, HUNDRED, roundHalfUp, type D } from "../decimal";
import type { GroupSummary } from "../model";

/**
 * The number a cell holds for a figure: the figure rounded half-up to `places`, as a double.
 * That is exactly the double Excel stores when a clerk types the rounded figure, so cell and JSON agree.
 */
export function figureNumber(value: D, places: number): number {
  // decimal.js makes a number through its text; 结果 and 汇总 write figures of a few thousand distinct values for
  // 10,000 units, so each value's number is made once per number of places.
  return byFigure(FIGURE_NUMBERS, value, places, roundedNumber);
}

/** figureNumber the plain way, through decimal.js. */
export function roundedNumber(value: D, places: number): number {
  return roundHalfUp(value, places).toNumber();
}

// Numbers by exact value and places (byFigure: −0 and 0 are two keys).
const FIGURE_NUMBERS = new Map<number, number>();

/** A parameter's number as a person reads it, without trailing zeros: 90 → "90", 2.5 → "2.5". */
export function plainText(value: D): string {
  return value.toString();
}

/** A fraction as a percentage for reading: 0.3 → "30%", 1/3 → "33.3333%" (four places at most). */
export function percentText(fraction: D): string {
  return `${roundHalfUp(fraction.times(HUNDRED), 4).toString()}%`;
}

/**
 * A figure as people read it: rounded half-up to `places` with exactly that many decimals ("92.35", "90.00").
 * The one text of a figure for the JSON, the page, the pane and the command line, equal to what 结果 shows.
 */
export function figureText(value: D, places: number): string {
  return fixed(value, places);
}

/** A 排名分组's 最高分, 最低分 and 平均分 as texts (figureText), as 汇总 shows them. */
export function groupFigureTexts(group: GroupSummary, places: number): { highest: string; lowest: string; mean: string } {
  return { highest: figureText(group.highest, places), lowest: figureText(group.lowest, places), mean: figureText(group.mean, places) };
}
