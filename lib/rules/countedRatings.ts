import { warning, type Issue } from "../issue";
import type { PeerRating, Unit } from "../model";
import { MESSAGES } from "./messages";

export interface CountedRatings {
  ratings: PeerRating[];
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

/** Rule 3: the ratings that count: between units, no self-ratings, and (互评同分票无效 是) no uniform raters. */
export function countedRatings(ratings: readonly PeerRating[], units: readonly Pick<Unit, "name">[], uniformRaterInvalid: boolean): CountedRatings {
  const known = betweenUnits(ratings, units);
  const own = withoutSelfRatings(known.ratings);
  const issues = [...known.issues, ...own.issues];
  if (!uniformRaterInvalid) return { ratings: own.ratings, issues };
  const uniform = withoutUniformRaters(own.ratings);
  return { ratings: uniform.ratings, issues: [...issues, ...uniform.issues], ...(uniform.voided === undefined ? {} : { voided: uniform.voided }) };
}
