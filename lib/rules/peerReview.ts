import { HUNDRED, roundHalfUp, ZERO, type D } from "../decimal";
import type { Params, PeerRating } from "../model";
import { sum } from "./numbers";
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
): Map<string, D[]> {
  const byGroup = new Map<string, D[]>();
  for (const group of groupOrder) byGroup.set(group, []);
  for (const rating of ratings) {
    if (rating.ratee !== ratee) continue;
    const group = groupOf.get(rating.rater);
    if (group === undefined) continue;
    const list = byGroup.get(group) ?? [];
    list.push(rating.value);
    byGroup.set(group, list);
  }
  for (const [group, list] of byGroup) if (list.length === 0) byGroup.delete(group);
  return byGroup;
}

/** Rule 3: peer score = round(Σ 权重 × group score ÷ Σ 权重) over the rater groups that gave ratings (so the weights of absent groups are shared out); 互评得分 = round(peer score ÷ 100 × 互评分值). */
export function peerScore(
  ratee: string,
  ratings: readonly PeerRating[],
  groupOf: ReadonlyMap<string, string>,
  groupOrder: readonly string[],
  params: PeerParams,
): PeerOutcome {
  const places = params.decimals;
  const byGroup = ratingsByRaterGroup(ratee, ratings, groupOf, groupOrder);
  if (byGroup.size === 0) return { kind: "none" };
  const groups: PeerGroupWorking[] = [...byGroup].map(([group, values]) => ({
    group,
    values,
    trimmed: trimmedMean(values, params.trimPeer, params.trimMinCount, places),
    weight: params.peerWeights.get(group) ?? ZERO,
  }));
  const count = groups.reduce((total, g) => total + g.values.length, 0);
  const minimum = tooFewRatings(count, params);
  if (minimum !== null) return { kind: "tooFew", groups, count, minimum };
  const weightSum = sum(groups.map((g) => g.weight));
  if (weightSum.isZero()) return { kind: "noWeight", groups };
  const weighted = sum(groups.map((g) => g.weight.times(g.trimmed.mean)));
  const score = roundHalfUp(weighted.div(weightSum), places);
  const peer = roundHalfUp(score.div(HUNDRED).times(params.peerPoints), places);
  return { kind: "rated", groups, weightSum, peerScore: score, peer };
}
