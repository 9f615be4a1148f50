import { describe, expect, it } from "vitest";
import { toJson } from "../lib/output";
import { error, warning } from "../lib/issue";
import { sampleResult } from "./output-helpers";

describe("toJson (spec §5)", () => {
  const issues = [warning("score.fullWidth", "评分", "F7", "全角数字８５．５已按85.5读取；请改为半角数字。")];

  it("writes the year and every unit in result order, figures with exactly 小数位数 decimals", () => {
    const json = toJson(sampleResult(), issues);
    expect(json.year).toBe(2025);
    expect(json.units.map((unit) => unit.name)).toEqual(["城关镇", "柳屯镇", "文留镇", "县司法局", "县人民法院"]);
    expect(json.units[0]).toEqual({
      name: "城关镇", category: "乡镇", rankGroup: "乡镇",
      indicatorEarned: "75.50", indicatorPossible: "80.00", satisfaction: "9.20", peer: "8.75",
      normalised: "93.45", bonus: "2.50", penalty: "1.60", total: "94.35",
      rank: 1, grade: "优秀", computedGrade: "优秀", adjusted: false, notes: [],
    });
    expect(json.units[3]?.indicatorPossible).toBe("137.00");
    expect(json.units[3]?.notes).toEqual(["加分合计7分，按上限计5分"]);
  });

  it("gives null for items that do not apply and numbers for ranks", () => {
    const json = toJson(sampleResult(), []);
    expect(json.units[1]?.satisfaction).toBeNull();
    expect(json.units[4]?.peer).toBeNull();
    expect(json.units.map((unit) => unit.rank)).toEqual([1, 2, 2, 1, 2]);
  });

  it("rounds half up to 小数位数 0", () => {
    const unit = toJson(sampleResult({ decimals: 0 }), []).units[0];
    expect([unit?.bonus, unit?.penalty, unit?.normalised, unit?.peer]).toEqual(["3", "2", "93", "9"]);
  });

  it("passes issues through with level, sheet, cell and message only", () => {
    expect(toJson(sampleResult(), issues).issues).toEqual([
      { level: "warning", sheet: "评分", cell: "F7", message: "全角数字８５．５已按85.5读取；请改为半角数字。" },
    ]);
  });

  it("with no result (input errors): year null, no units, the problems", () => {
    const problems = [error("score.notNumber", "评分", "D5", "“85分”不是数字；请只填数字，如 85。")];
    expect(toJson(null, problems)).toEqual({
      year: null,
      units: [],
      issues: [{ level: "error", sheet: "评分", cell: "D5", message: "“85分”不是数字；请只填数字，如 85。" }],
    });
  });

  it("survives JSON.stringify as plain data", () => {
    const text = JSON.stringify(toJson(sampleResult(), []));
    expect(text).toContain('"total":"98.63"');
    expect(text).toContain('"satisfaction":null');
  });
});
