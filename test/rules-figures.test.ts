import { describe, expect, it } from "vitest";
import { D, fixed } from "../lib/decimal";
import {
  cappedSum,
  indicatorScore,
  normalise,
  peerScore,
  satisfactionScore,
  scoreAssessment,
  totalScore,
  trimmedMean,
} from "../lib/rules";
import { buildInput, defaultParams, unitOf } from "./rules-helpers";

const d = (values: string[]) => values.map((v) => new D(v));
const f2 = (value: D | null) => (value === null ? null : fixed(value, 2));

describe("rule 1 指标得分", () => {
  it("rule 1 指标得分: sums the applicable scores and 分值, leaving out 不适用", () => {
    const input = buildInput({
      units: ["甲"],
      indicators: [
        { code: "1.1", max: "5" },
        { code: "1.2", max: "5" },
        { code: "3.2.4", max: "4" },
        { code: "4.1", max: "10", categories: ["政府部门"] },
      ],
      scores: { 甲: { "1.1": "4.5", "1.2": "5", "3.2.4": "/" } },
    });
    const outcome = indicatorScore(input.units[0]!, input.indicators, input.scores.get("甲"), 2);
    // 4.5 + 5 = 9.5 of 5 + 5 = 10; 3.2.4 is 不适用, 4.1 does not apply to 乡镇.
    expect(fixed(outcome.earned, 2)).toBe("9.50");
    expect(fixed(outcome.possible, 2)).toBe("10.00");
    expect(outcome.notApplicable).toEqual(["3.2.4"]);
  });

  it("rule 1 指标得分: a missing cell of an applicable indicator counts 0 of its 分值", () => {
    const input = buildInput({ units: ["甲"], indicators: [{ code: "1.1", max: "5" }, { code: "1.2", max: "5" }], scores: { 甲: { "1.1": "3" } } });
    const outcome = indicatorScore(input.units[0]!, input.indicators, input.scores.get("甲"), 2);
    expect([fixed(outcome.earned, 2), fixed(outcome.possible, 2)]).toEqual(["3.00", "10.00"]);
  });
});

describe("rule 2 满意度", () => {
  const params = defaultParams();
  it("rule 2 满意度: ballots leave 不了解 out: (40×100 + 8×80 + 2×30) ÷ 50 = 94.00% → 9.40", () => {
    const input = buildInput({ units: ["甲"], satisfaction: { 甲: { satisfied: "40", basic: "8", unsatisfied: "2", unknown: "3" } } });
    const outcome = satisfactionScore(input.satisfaction.get("甲"), params);
    expect(f2(outcome?.percent ?? null)).toBe("94.00");
    expect(f2(outcome?.score ?? null)).toBe("9.40");
  });

  it("rule 2 满意度: the percent is rounded before the points: 280 ÷ 3 = 93.33% → 9.33", () => {
    const input = buildInput({ units: ["甲"], satisfaction: { 甲: { satisfied: "2", basic: "1", unsatisfied: "0", unknown: "5" } } });
    const outcome = satisfactionScore(input.satisfaction.get("甲"), params);
    expect([f2(outcome?.percent ?? null), f2(outcome?.score ?? null)]).toEqual(["93.33", "9.33"]);
  });

  it("rule 2 满意度: only 不了解 ballots means not surveyed, with a warning at the row", () => {
    const input = buildInput({ units: ["甲"], satisfaction: { 甲: { satisfied: "0", basic: "0", unsatisfied: "0", unknown: "7" } } });
    const { result, issues } = scoreAssessment(input);
    expect(unitOf(result, "甲").satisfaction).toBeNull();
    expect(issues).toContainEqual(expect.objectContaining({ level: "warning", code: "rules.noCountableBallots", sheet: "满意度", cell: "C2" }));
  });

  it.each([
    ["10.05", "1.01"],
    ["26.75", "2.68"],
    ["1.25", "0.13"],
  ])("rule 2 满意度: rounds half up where float and banker's rounding differ: %s%% × 10 ÷ 100 → %s", (percent, score) => {
    const input = buildInput({ units: ["甲"], satisfaction: { 甲: percent } });
    expect(f2(satisfactionScore(input.satisfaction.get("甲"), params)?.score ?? null)).toBe(score);
  });

  it("rule 2 满意度: no row means the item does not apply, with a note", () => {
    const { result } = scoreAssessment(buildInput({ units: ["甲"], scores: { 甲: { "1.1": "80" } } }));
    expect(unitOf(result, "甲").satisfaction).toBeNull();
    expect(unitOf(result, "甲").notes).toContain("未参加满意度调查，按实际应得分换算");
  });
});

describe("rule 3 互评", () => {
  it("rule 3 互评: trims at exactly 互评去极值最少人数 (6 ratings: drop 100 and 70, (90+88+86+84) ÷ 4 = 87.00)", () => {
    const t = trimmedMean(d(["100", "90", "88", "86", "84", "70"]), true, 6, 2);
    expect(fixed(t.mean, 2)).toBe("87.00");
    expect(t.dropped && [t.dropped.highest.toString(), t.dropped.lowest.toString()]).toEqual(["100", "70"]);
  });

  it("rule 3 互评: does not trim one below 互评去极值最少人数 (5 ratings: 434 ÷ 5 = 86.80)", () => {
    const t = trimmedMean(d(["100", "90", "88", "86", "70"]), true, 6, 2);
    expect(fixed(t.mean, 2)).toBe("86.80");
    expect(t.dropped).toBeNull();
  });

  it("rule 3 互评: does not trim when 互评去掉最高最低分 is 否", () => {
    expect(fixed(trimmedMean(d(["100", "90", "88", "86", "84", "70"]), false, 6, 2).mean, 2)).toBe("86.33");
  });

  const townsAndDepartments = ["乡1", "乡2", "甲", { name: "县1", category: "政府部门" }];

  it("rule 3 互评: weights the rater groups: (85.00×50% + 70.00×50%) ÷ 100% = 77.50 → 7.75", () => {
    const input = buildInput({ units: townsAndDepartments, ratings: [["乡1", "甲", "80"], ["乡2", "甲", "90"], ["县1", "甲", "70"]] });
    const { result } = scoreAssessment(input);
    expect([f2(unitOf(result, "甲").peerScore), f2(unitOf(result, "甲").peer)]).toEqual(["77.50", "7.75"]);
  });

  it("rule 3 互评: weights not summing to 100%: (85×60% + 70×20%) ÷ 80% = 81.25 → 8.125 rounds half up to 8.13", () => {
    const peerWeights = new Map([["乡镇", new D("0.6")], ["县直单位", new D("0.2")]]);
    const input = buildInput({ params: { peerWeights }, units: townsAndDepartments, ratings: [["乡1", "甲", "80"], ["乡2", "甲", "90"], ["县1", "甲", "70"]] });
    const { result } = scoreAssessment(input);
    expect([f2(unitOf(result, "甲").peerScore), f2(unitOf(result, "甲").peer)]).toEqual(["81.25", "8.13"]);
  });

  it("rule 3 互评: a group with no ratings shares out its weight (only 县直单位 rated: 85.00)", () => {
    const units = ["甲", { name: "县1", category: "政府部门" }, { name: "县2", category: "政府部门" }];
    const outcome = peerScore(
      "甲",
      buildInput({ units, ratings: [["县1", "甲", "90"], ["县2", "甲", "80"]] }).ratings,
      new Map([["甲", "乡镇"], ["县1", "县直单位"], ["县2", "县直单位"]]),
      ["乡镇", "县直单位"],
      defaultParams(),
    );
    expect(outcome.kind).toBe("rated");
    if (outcome.kind !== "rated") return;
    expect([fixed(outcome.peerScore, 2), fixed(outcome.peer, 2)]).toEqual(["85.00", "8.50"]);
  });

  it("rule 3 互评: a self-rating is ignored with a warning at its cell", () => {
    const input = buildInput({ units: ["甲", "乙"], ratings: [["甲", "甲", "100"], ["乙", "甲", "80"]] });
    const { result, issues } = scoreAssessment(input);
    expect(f2(unitOf(result, "甲").peerScore)).toBe("80.00");
    const self = issues.filter((i) => i.code === "rules.selfRating");
    expect(self).toHaveLength(1);
    expect(self[0]).toMatchObject({ level: "warning", sheet: "上下互评", cell: "B2" });
    expect(self[0]?.message).toContain("本单位给自己的评分不计入");
  });

  it("rule 3 互评: 互评同分票无效 是 leaves out a rater who gave everyone the same rating, warning at the rater's column", () => {
    const spec = { units: ["甲", "乙", "丙"], ratings: [["乙", "甲", "100"], ["乙", "丙", "100"], ["丙", "甲", "80"], ["丙", "乙", "70"]] as [string, string, string][] };
    const on = scoreAssessment(buildInput({ ...spec, params: { uniformRaterInvalid: true } }));
    expect(f2(unitOf(on.result, "甲").peerScore)).toBe("80.00");
    expect(unitOf(on.result, "丙").peer).toBeNull();
    expect(on.issues).toContainEqual(expect.objectContaining({ code: "rules.uniformRater", sheet: "上下互评", cell: "C1" }));
    const off = scoreAssessment(buildInput(spec));
    expect(f2(unitOf(off.result, "甲").peerScore)).toBe("90.00");
  });

  it("rule 3 互评: no rating at all: the item does not apply, with a warning and a note", () => {
    const { result, issues } = scoreAssessment(buildInput({ units: ["甲"], scores: { 甲: { "1.1": "80" } } }));
    expect(unitOf(result, "甲").peer).toBeNull();
    expect(unitOf(result, "甲").notes).toContain("无互评评分，按实际应得分换算");
    // At the unit's own row (of 考核对象 here: it has no 上下互评 row), never at a header cell.
    expect(issues).toContainEqual(expect.objectContaining({ level: "warning", code: "rules.noPeerRatings", sheet: "考核对象", cell: "B2", unit: "甲" }));
  });

  it("rule 3 互评: several units without a rating: one 提示 naming them, at the first one's own row, every row kept", () => {
    const { issues } = scoreAssessment(buildInput({ units: ["甲", "乙", "丙"], ratings: [["甲", "丙", "90"]] }));
    expect(issues.filter((i) => i.code === "rules.noPeerRatings")).toEqual([
      {
        level: "warning",
        code: "rules.noPeerRatings",
        sheet: "考核对象",
        cell: "B2",
        message: "2 个单位没有收到互评评分：甲、乙，此项不计，按实际应得分换算。如有评分，请在上下互评表中填写。",
        places: [
          { sheet: "考核对象", cell: "B2" },
          { sheet: "考核对象", cell: "B3" },
        ],
      },
    ]);
  });

  it("rule 3 互评: ratings only from a group weighted 0: the item does not apply", () => {
    const peerWeights = new Map([["乡镇", new D("1")], ["县直单位", new D("0")]]);
    const input = buildInput({ params: { peerWeights }, units: ["甲", { name: "县1", category: "政府部门" }], ratings: [["县1", "甲", "90"]] });
    const { result, issues } = scoreAssessment(input);
    expect(unitOf(result, "甲").peer).toBeNull();
    expect(issues).toContainEqual(expect.objectContaining({ code: "rules.peerZeroWeight", sheet: "考核对象", cell: "B2" }));
  });
});

describe("rule 4 换算", () => {
  it("rule 4 换算: 应得分 140 (120 of indicators + 10 + 10): 实得分 122.70 ÷ 140.00 × 100 = 87.64", () => {
    const input = buildInput({
      units: ["甲", { name: "县1", category: "政府部门" }, { name: "县2", category: "政府部门" }],
      indicators: [
        { code: "1.1", max: "40" },
        { code: "3.1", max: "40", categories: ["乡镇"] },
        { code: "3.2", max: "40", categories: ["乡镇"] },
      ],
      scores: { 甲: { "1.1": "36.5", "3.1": "35", "3.2": "33.5" } },
      satisfaction: { 甲: "92" },
      ratings: [["县1", "甲", "90"], ["县2", "甲", "80"]],
    });
    const 甲 = unitOf(scoreAssessment(input).result, "甲");
    expect([甲.indicatorEarned, 甲.indicatorPossible, 甲.satisfaction, 甲.peer, 甲.possible, 甲.earned, 甲.normalised, 甲.total].map(f2)).toEqual([
      "105.00", "120.00", "9.20", "8.50", "140.00", "122.70", "87.64", "87.64",
    ]);
  });

  it("rule 4 换算: 应得分 0 is an error at 考核对象!B{row}", () => {
    const input = buildInput({ units: ["甲", "乙"], scores: { 甲: { "1.1": "80" }, 乙: { "1.1": "/" } } });
    const { issues } = scoreAssessment(input);
    expect(issues).toContainEqual(expect.objectContaining({ level: "error", code: "rules.possibleZero", sheet: "考核对象", cell: "B3" }));
  });

  it("rule 4 换算: uses the rounded figures: 8.33 ÷ 9.00 × 100 = 92.56 (not 8.333… ÷ 9)", () => {
    const n = normalise([{ points: new D("9"), score: new D("8.33") }], 2);
    expect(f2(n.normalised)).toBe("92.56");
  });

  it("rule 4 换算 with 小数位数 0: 69.5 → 70 of 80; 86.5% → 87% → 9 of 10; 79 ÷ 90 × 100 = 88", () => {
    const input = buildInput({
      params: { decimals: 0 },
      units: ["甲"],
      indicators: [{ code: "1.1", max: "40" }, { code: "3.1", max: "40" }],
      scores: { 甲: { "1.1": "36.5", "3.1": "33" } },
      satisfaction: { 甲: "86.5" },
    });
    const 甲 = unitOf(scoreAssessment(input).result, "甲");
    const f0 = (v: D | null) => (v === null ? null : fixed(v, 0));
    expect([甲.indicatorEarned, 甲.indicatorPossible, 甲.satisfactionPercent, 甲.satisfaction, 甲.possible, 甲.earned, 甲.normalised].map(f0)).toEqual([
      "70", "80", "87", "9", "90", "79", "88",
    ]);
  });
});

describe("rule 5 加分、扣分上限", () => {
  it("rule 5 上限: a cap that bites: 3 + 4 = 7 → 5.00", () => {
    const c = cappedSum(d(["3", "4"]), new D(5), 2);
    expect([c.sum.toString(), fixed(c.value, 2), c.cut]).toEqual(["7", "5.00", true]);
  });

  it("rule 5 上限: a cap that does not bite: 2 + 1.5 = 3.50", () => {
    const c = cappedSum(d(["2", "1.5"]), new D(5), 2);
    expect([fixed(c.value, 2), c.cut]).toEqual(["3.50", false]);
  });

  it("rule 5 上限: no cap (blank) keeps 8.00", () => {
    expect(fixed(cappedSum(d(["8"]), null, 2).value, 2)).toBe("8.00");
  });

  it("rule 5 上限: notes say what the cap cut, numbers without trailing zeros", () => {
    const input = buildInput({
      units: ["甲"],
      scores: { 甲: { "1.1": "80" } },
      adjustments: [
        { unit: "甲", type: "bonus", points: "3" },
        { unit: "甲", type: "bonus", points: "4" },
        { unit: "甲", type: "penalty", points: "6" },
        { unit: "甲", type: "penalty", points: "6.5" },
      ],
    });
    const 甲 = unitOf(scoreAssessment(input).result, "甲");
    expect([f2(甲.bonus), f2(甲.penalty), f2(甲.total)]).toEqual(["5.00", "10.00", "75.00"]);
    expect(甲.notes).toContain("加分合计7分，按上限计5分");
    expect(甲.notes).toContain("扣分合计12.5分，按上限计10分");
  });
});

describe("rule 6 总分", () => {
  it("rule 6 总分: below 0 counts as 0.00 with a note (5 − 8)", () => {
    const input = buildInput({ units: ["甲"], scores: { 甲: { "1.1": "5" } }, adjustments: [{ unit: "甲", type: "penalty", points: "8" }] });
    const 甲 = unitOf(scoreAssessment(input).result, "甲");
    expect(f2(甲.total)).toBe("0.00");
    expect(甲.notes).toContain("总分低于0，按0分计");
  });

  it("rule 6 总分: above 总分上限 counts as the cap (98 + 5 → 100.00)", () => {
    const t = totalScore(new D("98"), new D("5"), new D("0"), new D("100"), 2);
    expect([fixed(t.total, 2), t.capped]).toEqual(["100.00", true]);
  });

  it("rule 6 总分: may exceed 100 by 加分 without a cap (98 + 5 = 103.00)", () => {
    expect(fixed(totalScore(new D("98"), new D("5"), new D("0"), null, 2).total, 2)).toBe("103.00");
  });
});
