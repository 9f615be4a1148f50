import { figureText } from "../output/figures";
import { GRADES, type AssessmentResult, type Grade } from "../model";
import { CHANGE_TEXT } from "./messages";

/** One unit's 总分, 名次 and final 等次 as written (总分 to 小数位数), the figures two runs are compared by. */
export interface ResultLine {
  name: string;
  rankGroup: string;
  total: string;
  rank: number;
  grade: string;
}

/** A unit whose 总分, 名次 or 等次 differs between two runs. */
export interface UnitChange {
  name: string;
  rankGroup: string;
  before: ResultLine;
  after: ResultLine;
}

export interface ResultChanges {
  /** In the order of the later run's 结果. */
  changed: UnitChange[];
  unchanged: number;
  /** Units only in the later run / only in the earlier one. */
  added: string[];
  removed: string[];
}

/** The lines of a result, in 结果 order. */
export function resultLines(result: AssessmentResult): ResultLine[] {
  const places = result.params.decimals;
  return result.units.map((u) => ({ name: u.unit.name, rankGroup: u.unit.rankGroup, total: figureText(u.total, places), rank: u.rank, grade: u.grade }));
}

/** Units matched by name; a unit changed when its 总分 (as written), 名次 or 等次 differs. */
export function compareResults(before: readonly ResultLine[], after: readonly ResultLine[]): ResultChanges {
  const earlier = new Map(before.map((line) => [line.name, line]));
  const changed: UnitChange[] = [];
  const added: string[] = [];
  let unchanged = 0;
  for (const line of after) {
    const old = earlier.get(line.name);
    if (old === undefined) added.push(line.name);
    else if (old.total !== line.total || old.rank !== line.rank || old.grade !== line.grade) changed.push({ name: line.name, rankGroup: line.rankGroup, before: old, after: line });
    else unchanged += 1;
  }
  const later = new Set(after.map((line) => line.name));
  const removed = before.filter((line) => !later.has(line.name)).map((line) => line.name);
  return { changed, unchanged, added, removed };
}

/** "县财政局 总分 85.29 → 86.10，名次 14 → 12": only what changed. */
export function describeChange(change: UnitChange): string {
  const parts: string[] = [];
  const { before, after } = change;
  if (before.total !== after.total) parts.push(CHANGE_TEXT.total(before.total, after.total));
  if (before.rank !== after.rank) parts.push(CHANGE_TEXT.rank(before.rank, after.rank));
  if (before.grade !== after.grade) parts.push(CHANGE_TEXT.grade(before.grade, after.grade));
  return CHANGE_TEXT.line(change.name, parts.join(CHANGE_TEXT.separator));
}

/** Every line of a comparison for people: the changed units, units added or gone, and how many stayed the same. */
export function describeChanges(changes: ResultChanges): string[] {
  const lines = [...changes.changed.map(describeChange), ...changes.added.map(CHANGE_TEXT.added), ...changes.removed.map(CHANGE_TEXT.removed)];
  const same = lines.length === 0 ? CHANGE_TEXT.allUnchanged(changes.unchanged) : CHANGE_TEXT.unchanged(changes.unchanged);
  return [...lines, same];
}

/** Units per final 等次 in one 排名分组. */
export interface GradeCounts {
  rankGroup: string;
  byGrade: Record<Grade, number>;
}

export function gradeCounts(result: AssessmentResult): GradeCounts[] {
  return result.groups.map((g) => ({ rankGroup: g.rankGroup, byGrade: { ...g.byGrade } }));
}

export { GRADES };
