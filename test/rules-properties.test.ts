import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D, fixed } from "../lib/decimal";
import type { AssessmentResult, UnitResult } from "../lib/model";
import { scoreAssessment } from "../lib/rules";
import { buildInput, type AdjustmentSpec, type InputSpec, type UnitSpec } from "./rules-helpers";

const RUNS = { seed: 20261123, numRuns: 100 };

/** A random but valid assessment: 1–8 units in two groups, two indicators, optional survey, peer ratings and adjustments. */
const inputSpec: fc.Arbitrary<InputSpec> = fc
  .record({
    groups: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
    decimals: fc.integer({ min: 0, max: 3 }),
    rankRule: fc.constantFrom("dense" as const, "competition" as const),
    quota: fc.constantFrom(null, "0.2", "0.3", "0.5"),
    bonusCap: fc.constantFrom(null, "5", "3"),
    penaltyCap: fc.constantFrom(null, "10", "4"),
    totalCap: fc.constantFrom(null, "100"),
    uniformRaterInvalid: fc.boolean(),
    trimMinCount: fc.integer({ min: 3, max: 6 }),
    seed: fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 120, maxLength: 120 }),
  })
  .map((g) => {
    // Deterministic choices from the generated seed list, so each spec is a plain value fast-check can shrink.
    let i = 0;
    const next = (n: number) => (g.seed[i++ % g.seed.length] ?? 0) % n;
    const units: UnitSpec[] = g.groups.map((town, k) => ({ name: `单位${k}`, category: town ? "乡镇" : "政府部门" }));
    const scores: Record<string, Record<string, string>> = {};
    const satisfaction: Record<string, string> = {};
    const ratings: [string, string, string][] = [];
    // Most units score high, so that 优秀, ties and the quota come up often; the rest anywhere from 0.
    const points = (max: number, strong: boolean) => (strong ? new D(max).minus(new D(next(21)).div(2)) : new D(next(max * 2 + 1)).div(2)).toString();
    for (const unit of units) {
      const strong = next(4) > 0;
      scores[unit.name] = { "1.1": next(10) === 0 ? "/" : points(60, strong), "1.2": points(40, strong) };
      if (next(3) > 0) satisfaction[unit.name] = new D(strong ? 8000 + next(2001) : next(10_001)).div(100).toString();
      for (const rater of units)
        if (next(3) > 0 && (rater !== unit || next(10) === 0)) ratings.push([rater.name, unit.name, String(strong ? 60 + next(41) : next(101))]);
    }
    const adjustments: AdjustmentSpec[] = Array.from({ length: next(7) }, () => ({
      unit: units[next(units.length)]!.name,
      type: next(2) === 0 ? "bonus" : "penalty",
      points: new D(next(20) + 1).div(2).toString(),
      serious: next(4) === 0,
    }));
    const d = (v: string | null) => (v === null ? null : new D(v));
    return {
      params: {
        decimals: g.decimals,
        rankRule: g.rankRule,
        excellentQuota: { base: d(g.quota), byGroup: new Map() },
        bonusCap: d(g.bonusCap),
        penaltyCap: d(g.penaltyCap),
        totalCap: d(g.totalCap),
        uniformRaterInvalid: g.uniformRaterInvalid,
        trimMinCount: g.trimMinCount,
      },
      units,
      indicators: [{ code: "1.1", max: "60" }, { code: "1.2", max: "40" }],
      scores,
      satisfaction,
      ratings,
      adjustments,
    } satisfies InputSpec;
  });

const score = (spec: InputSpec) => scoreAssessment(buildInput(spec)).result;

describe("rules: laws (fast-check)", () => {
  it("换算得分 lies in [0, 100]", () => {
    fc.assert(
      fc.property(inputSpec, (spec) => score(spec).units.every((u) => u.normalised.gte(0) && u.normalised.lte(100))),
      RUNS,
    );
  });

  it("加分 ≤ 加分上限 and 扣分 ≤ 扣分上限", () => {
    fc.assert(
      fc.property(inputSpec, (spec) => {
        const { params, units } = score(spec);
        return units.every(
          (u) => (params.bonusCap === null || u.bonus.lte(params.bonusCap)) && (params.penaltyCap === null || u.penalty.lte(params.penaltyCap)),
        );
      }),
      RUNS,
    );
  });

  it("名次 follows 总分 within a group: a higher 总分 has a strictly better 名次, an equal 总分 the same 名次", () => {
    fc.assert(
      fc.property(inputSpec, (spec) => {
        const units = score(spec).units;
        for (const a of units)
          for (const b of units) {
            if (a.unit.rankGroup !== b.unit.rankGroup) continue;
            if (a.total.gt(b.total) && !(a.rank < b.rank)) return false;
            if (a.total.eq(b.total) && a.rank !== b.rank) return false;
          }
        return true;
      }),
      RUNS,
    );
  });

  it("优秀比例上限 is never exceeded except through a tie on the boundary", () => {
    fc.assert(
      fc.property(inputSpec, (spec) =>
        score(spec).groups.every((g) => g.excellentLimit === null || g.quotaExceededByTie || g.byGrade.优秀 <= g.excellentLimit),
      ),
      RUNS,
    );
  });

  it("results do not depend on the order of 考核对象", () => {
    fc.assert(
      fc.property(
        inputSpec.chain((spec) => fc.tuple(fc.constant(spec), fc.shuffledSubarray(spec.units, { minLength: spec.units.length, maxLength: spec.units.length }))),
        ([spec, shuffled]) => {
          const before = byName(score(spec));
          const after = byName(score({ ...spec, units: shuffled }));
          expect(after).toEqual(before);
        },
      ),
      RUNS,
    );
  });

  it("every figure in 计算说明 equals the unit's figure as written (fixed to 小数位数)", () => {
    fc.assert(
      fc.property(inputSpec, (spec) => {
        const result = score(spec);
        for (const u of result.units) expect(u.audit.map((l) => l.value)).toEqual(expectedAuditValues(u, result.params.decimals));
      }),
      RUNS,
    );
  });
});

function expectedAuditValues(u: UnitResult, dp: number): string[] {
  const f = (v: D | null) => (v === null ? "不适用" : fixed(v, dp));
  return [
    f(u.indicatorEarned), f(u.indicatorPossible), f(u.satisfaction), f(u.peer), f(u.possible), f(u.earned),
    f(u.normalised), f(u.bonus), f(u.penalty), f(u.total), String(u.rank), u.computedGrade ?? u.grade, u.grade,
  ];
}

/** The figures, 名次, 等次, 提示 and audit values of each unit, by name. */
function byName(result: AssessmentResult): Record<string, unknown> {
  const dp = result.params.decimals;
  return Object.fromEntries(
    result.units.map((u) => [u.unit.name, { values: expectedAuditValues(u, dp), notes: u.notes, audit: u.audit.map((l) => l.value) }]),
  );
}
