import { roundHalfUp, ZERO, type D } from "../decimal";
import { appliesTo } from "../applies";
import type { Indicator, ScoreEntry, Unit } from "../model";
import { UnitScores, type ScoreSlot } from "../reader/unitScores";
import { sum, Tally } from "./numbers";

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

// Reused by every unit (scoring is synchronous): counting allocates nothing.
const EARNED = new Tally();
const POSSIBLE = new Tally();

/** Rule 1: 指标得分 is the sum of the unit's scores on the indicators that apply, 指标应得分 the sum of their 分值, each an exact sum rounded once; an indicator marked 不适用 leaves both. */
export function indicatorScore(
  unit: Pick<Unit, "name" | "category">,
  indicators: readonly Indicator[],
  entries: ReadonlyMap<string, ScoreEntry> | undefined,
  places: number,
): IndicatorOutcome {
  // Built in reused lists, then copied once at their size (a list grown item by item is copied as it grows).
  const counted = COUNTED;
  const scores = SCORES;
  counted.length = 0;
  scores.length = 0;
  const notApplicable: string[] = [];
  // The reader's rows hand their scores straight from their slots (no entry object per cell); any other map the
  // plain way.
  const row = entries instanceof UnitScores ? entries : null;
  const positions = row === null ? null : row.columns.positionsOf(indicators);
  // Scores and 分值 are counted as they come (see sumByCount): the reader shares one Decimal per number of a column,
  // and 考核指标 one per 分值 written alike, so a unit's hundred figures are a handful of distinct objects.
  let countingEarned = true;
  let countingPossible = true;
  EARNED.clear();
  POSSIBLE.clear();
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
    counted.push(indicator);
    scores.push(score);
    if (countingEarned) countingEarned = EARNED.add(score);
    if (countingPossible) countingPossible = POSSIBLE.add(indicator.maxPoints);
  }
  // Few values, or too many distinct ones to count: the plain sums (same result).
  const many = counted.length >= 12;
  return {
    earned: roundHalfUp(many && countingEarned ? EARNED.total() : sum(scores), places),
    possible: roundHalfUp(many && countingPossible ? POSSIBLE.total() : sum(counted.map((indicator) => indicator.maxPoints)), places),
    counted: sharedList(counted, indicators, notApplicable.length === 0),
    scores: scores.slice(),
    notApplicable,
  };
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

/** A list equal to `counted` (item by item): one handed out before when there is one, else a copy. */
function sharedList(counted: readonly Indicator[], from: readonly Indicator[], shareable: boolean): readonly Indicator[] {
  if (!shareable) return counted.slice();
  if (from !== knownFrom) {
    KNOWN.length = 0;
    knownFrom = from;
  }
  for (let i = 0; i < KNOWN.length; i += 1) {
    const known = KNOWN[i] as readonly Indicator[];
    if (!sameItems(known, counted)) continue;
    if (i > 0) {
      KNOWN.splice(i, 1);
      KNOWN.unshift(known);
    }
    return known;
  }
  const list = counted.slice();
  KNOWN.unshift(list);
  if (KNOWN.length > KNOWN_LIMIT) KNOWN.pop();
  return list;
}

function sameItems(a: readonly Indicator[], b: readonly Indicator[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

function slotOf(entry: ScoreEntry | undefined): ScoreSlot {
  return entry === undefined ? undefined : entry.kind === "notApplicable" ? "notApplicable" : entry.value;
}
