import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D, fixed } from "../lib/decimal";
import { looksLikeFormula } from "../lib/format";
import { GRADES, type AssessmentResult, type Grade, type GroupSummary, type UnitResult } from "../lib/model";
import { renderOutputs, toJson } from "../lib/output";
import { params, unitResult } from "./output-helpers";

/** Text a user could type, including texts a spreadsheet would take for a formula. */
const userText = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("=SUM(A1:A3)", "+86", "-扣分", "@张三", "=1+1"));

/** A non-negative decimal with up to six places, often needing rounding (and often a half). */
const figure = fc.tuple(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 6 })).map(([n, places]) => new D(n).div(new D(10).pow(places)).toString());

const unitArb = fc.record({
  name: userText,
  category: userText,
  rankGroup: fc.constantFrom("乡镇", "县直单位", "=组"),
  indicatorEarned: figure,
  indicatorPossible: figure,
  satisfaction: fc.option(figure, { nil: null }),
  peer: fc.option(figure, { nil: null }),
  possible: figure,
  earned: figure,
  normalised: figure,
  bonus: figure,
  penalty: figure,
  total: figure,
  rank: fc.integer({ min: 1, max: 50 }),
  grade: fc.constantFrom<Grade>(...GRADES),
  notes: fc.array(userText, { maxLength: 3 }),
  audit: fc.array(fc.record({ item: userText, value: userText, explanation: userText }), { maxLength: 3 }),
});

function groupsOf(units: readonly UnitResult[], limit: number | null, tie: boolean): GroupSummary[] {
  const names = [...new Set(units.map((unit) => unit.unit.rankGroup))];
  return names.map((rankGroup) => {
    const members = units.filter((unit) => unit.unit.rankGroup === rankGroup);
    const totals = members.map((unit) => unit.total);
    const byGrade = { 优秀: 0, 良好: 0, 合格: 0, 不合格: 0 };
    for (const unit of members) byGrade[unit.grade] += 1;
    return {
      rankGroup,
      count: members.length,
      byGrade,
      highest: D.max(...totals),
      lowest: D.min(...totals),
      mean: totals.reduce((sum, total) => sum.plus(total), new D(0)).div(members.length),
      excellentLimit: limit,
      quotaExceededByTie: tie,
    };
  });
}

const resultArb = fc
  .record({
    units: fc.array(unitArb, { maxLength: 8 }),
    decimals: fc.integer({ min: 0, max: 4 }),
    quota: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    tie: fc.boolean(),
  })
  .map(({ units, decimals, quota, tie }): AssessmentResult => {
    const unitResults = units.map((unit) => unitResult(unit));
    const base = params({ decimals, excellentQuota: { base: quota === null ? null : new D(quota).div(100), byGroup: new Map() } });
    return { params: base, units: unitResults, groups: groupsOf(unitResults, quota === null ? null : 1, tie) };
  });

const JSON_FIGURES = ["indicatorEarned", "indicatorPossible", "satisfaction", "peer", "normalised", "bonus", "penalty", "total"] as const;

describe("output laws", () => {
  it("every figure of 结果 is the number of the JSON string, and 不适用 is null", () => {
    fc.assert(
      fc.property(resultArb, (result) => {
        const [results] = renderOutputs(result);
        const json = toJson(result, []);
        const dp = result.params.decimals;
        json.units.forEach((unit, index) => {
          const row = results?.rows[index + 1] ?? [];
          expect(row[1]).toBe(unit.rank);
          JSON_FIGURES.forEach((key, offset) => {
            const cell = row[4 + offset];
            const text = unit[key];
            if (text === null) {
              expect(cell).toBe("不适用");
            } else {
              expect(typeof cell).toBe("number");
              expect(text).toMatch(dp === 0 ? /^\d+$/ : new RegExp(`^\\d+\\.\\d{${dp}}$`));
              expect(fixed(new D(cell as number), dp)).toBe(text);
              expect(new D(cell as number).eq(new D(text))).toBe(true);
            }
          });
        });
      }),
    );
  });

  it("no cell looks like a formula unless the user typed that text", () => {
    fc.assert(
      fc.property(resultArb, (result) => {
        const typed = new Set<string>();
        for (const unit of result.units) {
          [unit.unit.name, unit.unit.category, unit.unit.rankGroup, unit.notes.join("；"), ...unit.notes].forEach((text) => typed.add(text));
          unit.audit.forEach((line) => [line.item, line.value, line.explanation].forEach((text) => typed.add(text)));
        }
        for (const sheet of renderOutputs(result)) {
          for (const cell of sheet.rows.flat()) {
            if (typeof cell === "string" && looksLikeFormula(cell)) expect(typed.has(cell)).toBe(true);
          }
        }
      }),
    );
  });

  it("each bar of 等次分布 has as many blocks as its count", () => {
    fc.assert(
      fc.property(resultArb, (result) => {
        const summary = renderOutputs(result)[2];
        const chart = summary?.rows.slice(summary.rows.findIndex((row) => row[0] === "等次分布") + 2) ?? [];
        expect(chart).toHaveLength(result.groups.length * GRADES.length);
        for (const [, , count, bar] of chart) expect(bar === null ? 0 : String(bar).length).toBe(count);
      }),
    );
  });
});
