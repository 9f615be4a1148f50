import type { D } from "../decimal";
import { HEADERS } from "../layout";
import { figureText } from "./figures";
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

/**
 * The field of UnitJson behind each column of 结果, in the sheet's order (HEADERS.results): a host showing the
 * results as a table takes its headers from HEADERS.results and its values from these fields, never retyping either.
 */
export const RESULT_FIELDS = [
  "rankGroup",
  "rank",
  "name",
  "category",
  "indicatorEarned",
  "indicatorPossible",
  "satisfaction",
  "peer",
  "normalised",
  "bonus",
  "penalty",
  "total",
  "computedGrade",
  "grade",
  "notes",
] as const satisfies readonly (keyof UnitJson)[] & { length: (typeof HEADERS.results)["length"] };

/** A 结果 column as a table shows it: the sheet's header and the JSON field holding its values. */
export interface ResultColumnField {
  header: string;
  field: (typeof RESULT_FIELDS)[number];
}

/** The 结果 columns in the sheet's order, each with its header and JSON field. */
export const RESULT_COLUMN_FIELDS: readonly ResultColumnField[] = RESULT_FIELDS.map((field, index) => ({ field, header: HEADERS.results[index] ?? field }));

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
  const figure = (value: D): string => figureText(value, places);
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
