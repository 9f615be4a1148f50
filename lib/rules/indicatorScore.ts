import { roundHalfUp, ZERO, type D } from "../decimal";
import { appliesTo } from "../applies";
import type { Indicator, ScoreEntry, Unit } from "../model";
import { UnitScores, type ScoreSlot } from "../reader/unitScores";
import { sumByCount } from "./numbers";
import { fromScaled, scaled, SCALE } from "./scaled";

export interface IndicatorOutcome {
  /** 指标得分, rounded. */
  earned: D;
  /** 指标应得分, rounded. */
  possible: D;
  /**
   * The indicators counted for the unit, in 考核指标 order, and the unit's score on each at the same position
   * (0 when the cell is missing). Two arrays rather than an object per indicator: see UnitScores in lib/reader.
   */
  counted: readonly Indicator[];
  scores: readonly D[];
  /** Codes of indicators marked 不适用 for this unit. */
  notApplicable: string[];
}

/** Rule 1: 指标得分 is the sum of the unit's scores on the indicators that apply, 指标应得分 the sum of their 分值, each an exact sum rounded once; an indicator marked 不适用 leaves both. */
export function indicatorScore(
  unit: Pick<Unit, "name" | "category">,
  indicators: readonly Indicator[],
  entries: ReadonlyMap<string, ScoreEntry> | undefined,
  places: number,
): IndicatorOutcome {
  // Built in reused lists, then copied once at their size (a list grown item by item is copied as it grows). The
  // lists are written by place and never emptied: `length = 0` would give up their storage, and every unit's pushes
  // would grow them again.
  const counted = COUNTED;
  const scores = SCORES;
  let size = 0;
  const notApplicable: string[] = [];
  // The reader's rows hand their scores straight from their slots (no entry object per cell); any other map the
  // plain way.
  const row = entries instanceof UnitScores ? entries : null;
  const positions = row === null ? null : row.columns.positionsOf(indicators);
  // Scores and 分值 are added as they come as scaled whole numbers (lib/rules/scaled.ts); NaN once any is not such
  // a figure, and then the lists are added with decimal.js.
  // (Far below 2^53 for any list a sheet can hold: each figure is below 10^11.)
  let earned = indicators.length > 50_000 ? Number.NaN : 0;
  let possible = earned;
  const points = pointFigures(indicators);
  for (let i = 0; i < indicators.length; i += 1) {
    const indicator = indicators[i] as Indicator;
    const slot: ScoreSlot = positions === null || row === null ? slotOf(entries?.get(indicator.code)) : row.slotAt(positions[i] as number);
    // The reader hands a score for every indicator that applies; a missing one was a blank cell already
    // reported as an error, and it counts as 0 of its 分值 so that nothing is silently left out of 应得分.
    if (slot === undefined && !appliesTo(indicator, unit)) continue;
    if (slot === "notApplicable") {
      notApplicable.push(indicator.code);
      continue;
    }
    const score = slot ?? ZERO;
    counted[size] = indicator;
    scores[size] = score;
    size += 1;
    earned += scaled(score);
    possible += points[i] as number;
  }
  const unitScores = scores.slice(0, size);
  const unitCounted = sharedList(counted, size, indicators, notApplicable.length === 0);
  return {
    earned: roundHalfUp(Number.isNaN(earned) ? sumByCount(unitScores) : fromScaled(earned, SCALE), places),
    possible: roundHalfUp(Number.isNaN(possible) ? sumByCount(unitCounted.map((indicator) => indicator.maxPoints)) : fromScaled(possible, SCALE), places),
    counted: unitCounted,
    scores: unitScores,
    notApplicable,
  };
}

// Each indicator's 分值 as a scaled figure, by its place in the 考核指标 list they were worked out for: the same for
// every unit, worked out once per list instead of once per unit.
// Kept with the indicators themselves, so that a list changed in place is not taken for the same list.
let points = new Float64Array(0);
let pointsOf: Indicator[] = [];

function pointFigures(indicators: readonly Indicator[]): Float64Array {
  if (!sameItems(pointsOf, indicators, indicators.length)) {
    points = new Float64Array(indicators.length);
    for (let i = 0; i < indicators.length; i += 1) points[i] = scaled((indicators[i] as Indicator).maxPoints);
    pointsOf = indicators.slice();
  }
  return points;
}

const COUNTED: Indicator[] = [];
const SCORES: D[] = [];

// Lists of counted indicators already handed out, the last used first. Units of one 类别 without a 不适用 count the
// same indicators: they share one list (read only) instead of a hundred-item copy each. A unit with a 不适用 has a
// list of its own, which is never kept here, so that it cannot push out the lists that are shared.
const KNOWN: (readonly Indicator[])[] = [];
const KNOWN_LIMIT = 16;
// The 考核指标 list the known lists were made from: another list (another run) starts afresh.
let knownFrom: readonly Indicator[] | null = null;

/** A list equal to the first `size` of `counted` (item by item): one handed out before when there is one, else a copy. */
function sharedList(counted: readonly Indicator[], size: number, from: readonly Indicator[], shareable: boolean): readonly Indicator[] {
  if (!shareable) return counted.slice(0, size);
  if (from !== knownFrom) {
    KNOWN.length = 0;
    knownFrom = from;
  }
  for (let i = 0; i < KNOWN.length; i += 1) {
    const known = KNOWN[i] as readonly Indicator[];
    if (!sameItems(known, counted, size)) continue;
    if (i > 0) {
      KNOWN.splice(i, 1);
      KNOWN.unshift(known);
    }
    return known;
  }
  const list = counted.slice(0, size);
  KNOWN.unshift(list);
  if (KNOWN.length > KNOWN_LIMIT) KNOWN.pop();
  return list;
}

/** Whether `a` is the first `size` items of `b`. */
function sameItems(a: readonly Indicator[], b: readonly Indicator[], size: number): boolean {
  if (a.length !== size) return false;
  for (let i = 0; i < size; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function slotOf(entry: ScoreEntry | undefined): ScoreSlot {
  return entry === undefined ? undefined : entry.kind === "notApplicable" ? "notApplicable" : entry.value;
}
