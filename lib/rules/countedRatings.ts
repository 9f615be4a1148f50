import { warning, type Issue } from "../issue";
import type { PeerRating, Unit } from "../model";
import { MESSAGES } from "./messages";

export interface CountedRatings {
  /** Read only: may be the very list given, when every rating counts. */
  ratings: readonly PeerRating[];
  issues: Issue[];
  /** Raters left out by 互评同分票无效, with the one rating they gave everyone (for 计算说明). */
  voided?: Map<string, PeerRating["value"]>;
}

/** The header cell of the rater's column in 上下互评 (row 1 of the rating's column). */
export function raterCell(rating: Pick<PeerRating, "ref">): string {
  return `${rating.ref.cell.replace(/\d+$/, "")}1`;
}

/** Rule 3 (which ratings count): a unit's rating of itself never counts (warning at the rating's cell). */
export function withoutSelfRatings(ratings: readonly PeerRating[]): CountedRatings {
  const issues: Issue[] = [];
  const kept: PeerRating[] = [];
  for (const rating of ratings) {
    if (rating.rater === rating.ratee) {
      issues.push(warning("rules.selfRating", rating.ref.sheet, rating.ref.cell, MESSAGES.selfRating(rating.rater)));
    } else {
      kept.push(rating);
    }
  }
  return { ratings: kept, issues };
}

/** Rule 3 (which ratings count): a rater who gave the same rating to every unit, and rated at least 2 units, is left out entirely. */
export function withoutUniformRaters(ratings: readonly PeerRating[]): CountedRatings {
  const byRater = new Map<string, PeerRating[]>();
  for (const rating of ratings) {
    const list = byRater.get(rating.rater) ?? [];
    list.push(rating);
    byRater.set(rating.rater, list);
  }
  const uniform = new Set<string>();
  const issues: Issue[] = [];
  for (const [rater, given] of byRater) {
    const first = given[0];
    if (first === undefined || given.length < 2) continue;
    if (given.every((r) => r.value.eq(first.value))) {
      uniform.add(rater);
      issues.push(warning("rules.uniformRater", first.ref.sheet, raterCell(first), MESSAGES.uniformRater(rater, first.value, given.length)));
    }
  }
  const voided = new Map<string, PeerRating["value"]>();
  for (const rater of uniform) {
    const first = byRater.get(rater)?.[0];
    if (first !== undefined) voided.set(rater, first.value);
  }
  return { ratings: ratings.filter((r) => !uniform.has(r.rater)), issues, voided };
}

/** Rule 3 (which ratings count): ratings between units of 考核对象 only; others are reported and left out. */
export function betweenUnits(ratings: readonly PeerRating[], units: readonly Pick<Unit, "name">[]): CountedRatings {
  const names = new Set(units.map((u) => u.name));
  const reported = new Set<string>();
  const issues: Issue[] = [];
  const kept: PeerRating[] = [];
  for (const rating of ratings) {
    if (names.has(rating.rater) && names.has(rating.ratee)) {
      kept.push(rating);
      continue;
    }
    const stranger = names.has(rating.rater) ? rating.ratee : rating.rater;
    if (reported.has(stranger)) continue;
    reported.add(stranger);
    const cell = names.has(rating.rater) ? `A${rating.ref.cell.replace(/^[A-Z]+/, "")}` : raterCell(rating);
    issues.push(warning("rules.peerUnknownUnit", rating.ref.sheet, cell, MESSAGES.peerUnknownUnit(stranger)));
  }
  return { ratings: kept, issues };
}

/** Whether every rating is between two different units of 考核对象 (then betweenUnits and withoutSelfRatings keep all). */
function everyBetweenOthers(ratings: readonly PeerRating[], units: readonly Pick<Unit, "name">[]): boolean {
  const names = new Set<string>();
  for (let i = 0; i < units.length; i += 1) names.add((units[i] as Pick<Unit, "name">).name);
  // A sheet's ratings come row by row: the 被评单位 of the previous rating needs no second look.
  let knownRatee: string | null = null;
  for (let i = 0; i < ratings.length; i += 1) {
    const { rater, ratee } = ratings[i] as PeerRating;
    if (rater === ratee || !names.has(rater)) return false;
    if (ratee === knownRatee) continue;
    if (!names.has(ratee)) return false;
    knownRatee = ratee;
  }
  return true;
}

/** Rule 3: the ratings that count: between units, no self-ratings, and (互评同分票无效 是) no uniform raters. */
export function countedRatings(ratings: readonly PeerRating[], units: readonly Pick<Unit, "name">[], uniformRaterInvalid: boolean): CountedRatings {
  // The usual sheet leaves nothing out for the first two reasons: one look at every rating then, and the list as it
  // is, instead of two copies of a province's ratings.
  let kept = ratings;
  let issues: Issue[] = [];
  if (!everyBetweenOthers(ratings, units)) {
    const known = betweenUnits(ratings, units);
    const own = withoutSelfRatings(known.ratings);
    kept = own.ratings;
    issues = [...known.issues, ...own.issues];
  }
  if (!uniformRaterInvalid) return { ratings: kept, issues };
  const uniform = withoutUniformRaters(kept);
  return { ratings: uniform.ratings, issues: [...issues, ...uniform.issues], ...(uniform.voided === undefined ? {} : { voided: uniform.voided }) };
}
