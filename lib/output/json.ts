import { fixed, type D } from "../decimal";
import type { Issue } from "../issue";
import type { AssessmentResult, UnitResult } from "../model";

/** Spec §5 JSON. */
export interface ResultsJson {
  year: number | null;
  units: UnitJson[];
  issues: IssueJson[];
}

/** One unit of spec §5: figures as strings with exactly 小数位数 decimals, null for an item that does not apply. */
export interface UnitJson {
  name: string;
  category: string;
  rankGroup: string;
  indicatorEarned: string;
  indicatorPossible: string;
  satisfaction: string | null;
  peer: string | null;
  normalised: string;
  bonus: string;
  penalty: string;
  total: string;
  rank: number;
  /** The final 等次 (after 审定调整). */
  grade: string;
  /** 等次 by the rules, before 审定调整. */
  computedGrade: string;
  /** The 审定 set a 等次 different from the computed one. */
  adjusted: boolean;
  notes: string[];
}

export interface IssueJson {
  level: "error" | "warning";
  sheet: string;
  cell: string;
  message: string;
}

/** The results and problems as spec §5 JSON; with no result (input errors) year is null and units empty. */
export function toJson(result: AssessmentResult | null, issues: readonly Issue[]): ResultsJson {
  return {
    year: result === null ? null : result.params.year,
    units: result === null ? [] : result.units.map((unit) => unitJson(unit, result.params.decimals)),
    issues: issues.map(issueJson),
  };
}

function unitJson(unit: UnitResult, places: number): UnitJson {
  const figure = (value: D): string => fixed(value, places);
  const optional = (value: D | null): string | null => (value === null ? null : figure(value));
  return {
    name: unit.unit.name,
    category: unit.unit.category,
    rankGroup: unit.unit.rankGroup,
    indicatorEarned: figure(unit.indicatorEarned),
    indicatorPossible: figure(unit.indicatorPossible),
    satisfaction: optional(unit.satisfaction),
    peer: optional(unit.peer),
    normalised: figure(unit.normalised),
    bonus: figure(unit.bonus),
    penalty: figure(unit.penalty),
    total: figure(unit.total),
    rank: unit.rank,
    grade: unit.grade,
    computedGrade: unit.computedGrade ?? unit.grade,
    adjusted: (unit.computedGrade ?? unit.grade) !== unit.grade,
    notes: [...unit.notes],
  };
}

/** Only the four fields of spec §5: the stable code stays inside the library. */
function issueJson(issue: Issue): IssueJson {
  return { level: issue.level, sheet: issue.sheet, cell: issue.cell, message: issue.message };
}
