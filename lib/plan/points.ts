import { D } from "../decimal";

/** The rule for a 分值 total: a positive multiple of 0.5 (half points are the finest 分值 the importer gives). */
export function isHalfPointTotal(total: D): boolean {
  const halves = total.times(2);
  return halves.isFinite() && halves.isInteger() && halves.gt(0);
}

/**
 * 分值 spread evenly in half points: the tasks that share one 适用类别 set (`keys[i]` names the set of task i)
 * together get `total`; each gets the same number of half points and the half points left over go one each
 * to the first tasks of the set, in document order.
 * @throws RangeError when `total` is not a positive multiple of 0.5.
 */
export function spreadPoints(keys: readonly string[], total: D): D[] {
  if (!isHalfPointTotal(total)) {
    throw new RangeError(`spreadPoints: total must be a positive multiple of 0.5, got ${total.toString()}`);
  }
  const halves = total.times(2);
  const members = new Map<string, number[]>();
  keys.forEach((key, i) => members.set(key, [...(members.get(key) ?? []), i]));
  const points: D[] = keys.map(() => new D(0));
  for (const indices of members.values()) {
    const each = halves.divToInt(indices.length);
    const extra = halves.minus(each.times(indices.length));
    indices.forEach((taskIndex, position) => {
      const share = extra.gt(position) ? each.plus(1) : each;
      points[taskIndex] = share.div(2);
    });
  }
  return points;
}

/**
 * The 分值 total as a clerk typed it, when it is what spreadPoints accepts (a positive multiple of 0.5, digits only);
 * otherwise null. One rule for the pane's field and the command line's --total.
 */
export function parsePlanTotal(typed: string): number | null {
  const text = typed.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) return null;
  const total = new D(text);
  // A whole or half number is exact as a JS number; parseWorkPlan takes the total as one.
  return isHalfPointTotal(total) ? total.toNumber() : null;
}
