import { D } from "../lib/decimal";
import { columnName } from "../lib/grid";
import { defaultRankGroup } from "../lib/layout";
import type { Adjustment, AssessmentInput, AssessmentResult, Grade, Indicator, Params, PeerRating, SatisfactionEntry, ScoreEntry, Unit, UnitResult } from "../lib/model";

/** Spec §3 defaults. */
export function defaultParams(overrides: Partial<Params> = {}): Params {
  return {
    year: 2026,
    decimals: 2,
    satisfactionPoints: new D(10),
    peerPoints: new D(10),
    peerWeights: new Map([
      ["乡镇", new D("0.5")],
      ["县直单位", new D("0.5")],
    ]),
    trimPeer: true,
    trimMinCount: 6,
    uniformRaterInvalid: false,
    ratingWords: new Map([
      ["好", new D(100)],
      ["较好", new D(85)],
      ["一般", new D(70)],
      ["差", new D(55)],
    ]),
    ballotValues: { satisfied: new D(100), basic: new D(80), unsatisfied: new D(30) },
    bonusCap: new D(5),
    penaltyCap: new D(10),
    totalCap: null,
    thresholds: { base: { excellent: new D(90), good: new D(80), pass: new D(60) }, byGroup: new Map() },
    excellentQuota: { base: null, byGroup: new Map() },
    rankRule: "dense",
    bigDropPlaces: 5,
    blankScore: "error",
    deadline: null,
    goodShareCap: null,
    ratingFormMode: "words",
    region: "",
    ...overrides,
  };
}

export interface UnitSpec {
  name: string;
  category?: string;
  rankGroup?: string;
  lastRank?: number;
  lastGrade?: Grade;
}

export interface IndicatorSpec {
  code: string;
  max: string;
  categories?: "all" | string[];
}

export type BallotSpec = { satisfied: string; basic: string; unsatisfied: string; unknown: string };

export interface AdjustmentSpec {
  unit: string;
  type: "bonus" | "penalty";
  points: string;
  reason?: string;
  serious?: boolean;
  majorIssue?: boolean;
}

export interface InputSpec {
  params?: Partial<Params>;
  /** A bare name is a 乡镇 unit. */
  units: (string | UnitSpec)[];
  /** Default: one indicator "1.1" worth 100 points for every category. */
  indicators?: IndicatorSpec[];
  /** unit → indicator code → score as typed ("/" for 不适用). */
  scores?: Record<string, Record<string, string>>;
  /** unit → typed percent, or ballots. */
  satisfaction?: Record<string, string | BallotSpec>;
  /** [rater, ratee, rating]. */
  ratings?: [string, string, string][];
  adjustments?: AdjustmentSpec[];
}

const DEFAULT_INDICATORS: IndicatorSpec[] = [{ code: "1.1", max: "100" }];

/** An AssessmentInput as the reader would hand it, with refs pointing at plausible cells. */
export function buildInput(spec: InputSpec): AssessmentInput {
  const units: Unit[] = spec.units.map((u, index) => toUnit(typeof u === "string" ? { name: u } : u, index));
  const indicators: Indicator[] = (spec.indicators ?? DEFAULT_INDICATORS).map((i, index) => ({
    code: i.code,
    level1: "一级",
    level2: `二级${i.code}`,
    content: "",
    maxPoints: new D(i.max),
    method: "日常评价",
    assessor: "县委依法治县办",
    categories: i.categories ?? "all",
    row: index + 2,
  }));
  const scores = new Map<string, Map<string, ScoreEntry>>();
  units.forEach((unit, u) => {
    const typed = spec.scores?.[unit.name] ?? {};
    const entries = new Map<string, ScoreEntry>();
    indicators.forEach((indicator, i) => {
      const text = typed[indicator.code];
      if (text === undefined) return;
      const ref = { sheet: "评分", cell: `${columnName(i + 2)}${u + 3}` };
      entries.set(indicator.code, text === "/" ? { kind: "notApplicable", ref } : { kind: "score", value: new D(text), ref });
    });
    scores.set(unit.name, entries);
  });
  const satisfaction = new Map<string, SatisfactionEntry>();
  for (const [name, value] of Object.entries(spec.satisfaction ?? {})) {
    const row = units.findIndex((u) => u.name === name) + 2;
    if (typeof value === "string") {
      satisfaction.set(name, { kind: "percent", percent: new D(value), ref: { sheet: "满意度", cell: `B${row}` } });
    } else {
      satisfaction.set(name, {
        kind: "ballots",
        satisfied: new D(value.satisfied),
        basic: new D(value.basic),
        unsatisfied: new D(value.unsatisfied),
        unknown: new D(value.unknown),
        ref: { sheet: "满意度", cell: `C${row}` },
      });
    }
  }
  const ratings: PeerRating[] = (spec.ratings ?? []).map(([rater, ratee, value]) => ({
    rater,
    ratee,
    value: new D(value),
    word: null,
    ref: { sheet: "上下互评", cell: `${columnName(indexOf(units, rater) + 1)}${indexOf(units, ratee) + 2}` },
  }));
  const adjustments: Adjustment[] = (spec.adjustments ?? []).map((a, index) => ({
    unit: a.unit,
    type: a.type,
    points: new D(a.points),
    reason: a.reason ?? `事由${index + 1}`,
    basis: "",
    serious: a.serious ?? false,
    majorIssue: a.majorIssue ?? false,
    ref: { sheet: "加减分", cell: `C${index + 2}` },
  }));
  return { params: defaultParams(spec.params), units, indicators, scores, satisfaction, ratings, adjustments };
}

function toUnit(spec: UnitSpec, index: number): Unit {
  const category = spec.category ?? "乡镇";
  return {
    name: spec.name,
    category,
    rankGroup: spec.rankGroup ?? defaultRankGroup(category),
    lastRank: spec.lastRank ?? null,
    lastGrade: spec.lastGrade ?? null,
    row: index + 2,
  };
}

function indexOf(units: readonly Unit[], name: string): number {
  const index = units.findIndex((u) => u.name === name);
  if (index < 0) throw new Error(`test input: no unit ${name}`);
  return index;
}

/**
 * Units whose 总分 is simply the given figure: one indicator worth 100, no survey, no peer rating,
 * so 换算得分 = the score and 总分 = it (plus any adjustments given).
 */
export function totalsInput(totals: Record<string, string>, spec: Omit<InputSpec, "units" | "scores"> & { units?: (string | UnitSpec)[] } = {}): AssessmentInput {
  const names = Object.keys(totals);
  const units = spec.units ?? names;
  const scores = Object.fromEntries(Object.entries(totals).map(([name, total]) => [name, { "1.1": total }]));
  return buildInput({ ...spec, units, scores });
}

/** The result of the named unit. */
export function unitOf(result: AssessmentResult, name: string): UnitResult {
  const found = result.units.find((u) => u.unit.name === name);
  if (found === undefined) throw new Error(`no result for ${name}`);
  return found;
}

/** The audit line of the given item. */
export function auditOf(unit: UnitResult, item: string): { value: string; explanation: string } {
  const line = unit.audit.find((l) => l.item === item);
  if (line === undefined) throw new Error(`no audit line ${item}`);
  return line;
}
