import { ZERO, type D } from "../decimal";
import type { Params, PeerRating } from "../model";
import { asFirstTerm } from "./numbers";
import { roundedQuotient, roundedShare } from "./remembered";
import { fromScaled, roundedRatio, scaled, SCALE } from "./scaled";
import { trimmedMean, type TrimmedMean } from "./trim";

/** The ratings one rater group gave a unit, and what came of them. */
export interface PeerGroupWorking {
  group: string;
  /** Ratings in sheet order. */
  values: D[];
  trimmed: TrimmedMean;
  weight: D;
}

export type PeerOutcome =
  | { kind: "rated"; groups: PeerGroupWorking[]; weightSum: D; peerScore: D; peer: D }
  /** No counted rating at all. */
  | { kind: "none" }
  /** Ratings came only from groups whose 互评权重 is 0. */
  | { kind: "noWeight"; groups: PeerGroupWorking[] }
  /** Fewer counted ratings than 互评最少评议数: the item does not apply. */
  | { kind: "tooFew"; groups: PeerGroupWorking[]; count: number; minimum: number };

type PeerParams = Pick<Params, "decimals" | "peerPoints" | "peerWeights" | "trimPeer" | "trimMinCount" | "peerMinRatings">;

/**
 * 互评最少评议数: a unit that received fewer counted ratings (its own and those of raters left out by 互评同分票无效
 * are not counted) than the minimum has no 互评得分; the item does not apply and 换算 rescales as for a unit nobody
 * rated. Blank: no minimum. Returns the count when below the minimum, else null.
 */
export function tooFewRatings(count: number, params: Pick<Params, "peerMinRatings">): number | null {
  const minimum = params.peerMinRatings ?? null;
  return minimum !== null && count > 0 && count < minimum ? minimum : null;
}

/** Rule 3 (grouping): the counted ratings a unit received, grouped by the rater's 排名分组, groups in `groupOrder`. */
export function ratingsByRaterGroup(
  ratee: string,
  ratings: readonly PeerRating[],
  groupOf: ReadonlyMap<string, string>,
  groupOrder: readonly string[],
  places: ReadonlyMap<string, RaterPlace> = raterPlaces(groupOf, groupOrder),
): Map<string, D[]> {
  const byGroup = new Map<string, D[]>();
  forEachRaterGroup(ratee, ratings, groupOrder, places, (group, values) => {
    byGroup.set(group, values);
  });
  return byGroup;
}

/**
 * ratingsByRaterGroup's groups and lists, handed to `take` in its order without making its map (peerScore makes the
 * groups' workings straight from them).
 */
function forEachRaterGroup(
  ratee: string,
  ratings: readonly PeerRating[],
  groupOrder: readonly string[],
  places: ReadonlyMap<string, RaterPlace>,
  take: (group: string, values: D[]) => void,
): void {
  // Lists by the rater group's place in `groupOrder`, made when the group's first rating comes; groups outside the
  // order (none when the order is the units' own 排名分组) follow in the order their first rating comes.
  const lists = LISTS;
  for (let place = 0; place < lists.length; place += 1) lists[place] = undefined;
  let others: Map<string, D[]> | null = null;
  for (let i = 0; i < ratings.length; i += 1) {
    const rating = ratings[i] as PeerRating;
    if (rating.ratee !== ratee) continue;
    const place = places.get(rating.rater);
    if (place === undefined) continue;
    if (typeof place === "number") {
      const list = lists[place];
      if (list === undefined) lists[place] = [rating.value];
      else list.push(rating.value);
      continue;
    }
    others ??= new Map();
    const list = others.get(place.group);
    if (list === undefined) others.set(place.group, [rating.value]);
    else list.push(rating.value);
  }
  // A group named twice in the order keeps its first place (raterPlaces gives its raters that place).
  for (let place = 0; place < lists.length; place += 1) {
    const list = lists[place];
    if (list === undefined) continue;
    lists[place] = undefined;
    take(groupOrder[place] as string, list);
  }
  if (others !== null) for (const [group, list] of others) take(group, list);
}

// The lists by place, reused (scoring is synchronous): emptied before and after each unit, and never shortened, which
// would give up the storage.
const LISTS: (D[] | undefined)[] = [];

/** A rater's group as its place in the group order, or the group itself when it is not in the order. */
export type RaterPlace = number | { group: string };

/**
 * Rater → the place of its group in `groupOrder` (see ratingsByRaterGroup). scoreAssessment works it out once and
 * hands it to every unit's peerScore, so that each rating is one lookup.
 */
export function raterPlaces(groupOf: ReadonlyMap<string, string>, groupOrder: readonly string[]): ReadonlyMap<string, RaterPlace> {
  const placeOfGroup = new Map<string, number>();
  groupOrder.forEach((group, place) => {
    if (!placeOfGroup.has(group)) placeOfGroup.set(group, place);
  });
  const places = new Map<string, RaterPlace>();
  for (const [rater, group] of groupOf) places.set(rater, placeOfGroup.get(group) ?? { group });
  return places;
}

/** Rule 3: peer score = round(Σ 权重 × group score ÷ Σ 权重) over the rater groups that gave ratings (so the weights of absent groups are shared out); 互评得分 = round(peer score ÷ 100 × 互评分值). */
export function peerScore(
  ratee: string,
  ratings: readonly PeerRating[],
  groupOf: ReadonlyMap<string, string>,
  groupOrder: readonly string[],
  params: PeerParams,
  raters?: ReadonlyMap<string, RaterPlace>,
): PeerOutcome {
  const places = params.decimals;
  const groups: PeerGroupWorking[] = [];
  let count = 0;
  forEachRaterGroup(ratee, ratings, groupOrder, raters ?? raterPlaces(groupOf, groupOrder), (group, values) => {
    groups.push({ group, values, trimmed: trimmedMean(values, params.trimPeer, params.trimMinCount, places), weight: params.peerWeights.get(group) ?? ZERO });
    count += values.length;
  });
  if (groups.length === 0) return { kind: "none" };
  const minimum = tooFewRatings(count, params);
  if (minimum !== null) return { kind: "tooFew", groups, count, minimum };
  const short = scaledPeerScore(groups, places, params.peerPoints);
  if (short !== null) return short;
  // Σ 权重 and Σ 权重 × group score from 0 as `sum` adds them, in one walk.
  let weightSum: D | null = null;
  let weighted: D | null = null;
  for (const g of groups) {
    const term = g.weight.times(g.trimmed.mean);
    weightSum = weightSum === null ? asFirstTerm(g.weight) : weightSum.plus(g.weight);
    weighted = weighted === null ? asFirstTerm(term) : weighted.plus(term);
  }
  if (weightSum === null || weighted === null || weightSum.isZero()) return { kind: "noWeight", groups };
  const score = roundedQuotient(weighted, weightSum, places);
  const peer = roundedShare(score, params.peerPoints, places);
  return { kind: "rated", groups, weightSum, peerScore: score, peer };
}

/**
 * The weighted peer score with the weights and group scores as scaled whole numbers (lib/rules/scaled.ts; the
 * products scaled by 10^8), the same figures as the walk in peerScore; null when a figure is not such a number, a
 * product might pass 2^53, or a weight or group score is below 0, or Σ 权重 is 0: then decimal.js works it out.
 */
function scaledPeerScore(groups: PeerGroupWorking[], places: number, points: D): PeerOutcome | null {
  let weightSum = 0;
  let weighted = 0;
  for (let i = 0; i < groups.length; i += 1) {
    const g = groups[i] as PeerGroupWorking;
    const weight = scaled(g.weight);
    const term = weight * scaled(g.trimmed.mean);
    // Terms of at least 0, each below 2^53: Σ is exact while it stays below 2^53 (checked in roundedRatio).
    if (!Number.isSafeInteger(term) || term < 0 || !(weight >= 0)) return null;
    weightSum += weight;
    weighted += term;
  }
  if (!(weightSum > 0) || !(weighted >= 0)) return null;
  const score = roundedRatio(weighted, 2 * SCALE, weightSum, SCALE, places);
  if (Number.isNaN(score)) return null;
  const peerScore = fromScaled(score, places);
  return { kind: "rated", groups, weightSum: fromScaled(weightSum, SCALE), peerScore, peer: roundedShare(peerScore, points, places) };
}
