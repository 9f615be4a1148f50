import { describe, expect, it } from "vitest";
import { D, fixed } from "../lib/decimal";
import type { AssessmentResult } from "../lib/model";
import { applyQuota, bigDrop, gradeFor, rankTotals, scoreAssessment } from "../lib/rules";
import { totalsInput, unitOf } from "./rules-helpers";

const d = (values: string[]) => values.map((v) => new D(v));
const ranksOf = (result: AssessmentResult, names: string[]) => names.map((n) => unitOf(result, n).rank);
const gradesOf = (result: AssessmentResult, names: string[]) => names.map((n) => unitOf(result, n).grade);

describe("rule 7 名次", () => {
  const fiveWithThreeWayTie = { 甲: "95", 乙: "90", 丙: "90", 丁: "90", 戊: "85" };
  const names = Object.keys(fiveWithThreeWayTie);

  it("rule 7 名次: 中国式排名 with a three-way tie gives 1, 2, 2, 2, 3", () => {
    const { result } = scoreAssessment(totalsInput(fiveWithThreeWayTie));
    expect(ranksOf(result, names)).toEqual([1, 2, 2, 2, 3]);
    expect(unitOf(result, "丙").notes).toContain("并列第2名");
    expect(unitOf(result, "甲").notes.some((n) => n.startsWith("并列"))).toBe(false);
  });

  it("rule 7 名次: 跳位排名 with a three-way tie gives 1, 2, 2, 2, 5", () => {
    const { result } = scoreAssessment(totalsInput(fiveWithThreeWayTie, { params: { rankRule: "competition" } }));
    expect(ranksOf(result, names)).toEqual([1, 2, 2, 2, 5]);
  });

  it("rule 7 名次: ranks by the rounded 总分 (89.994 and 89.995 → 89.99 and 90.00 differ; 89.991 and 89.994 tie)", () => {
    expect(rankTotals(d(["89.99", "90.00", "89.99"]), "dense")).toEqual([2, 1, 2]);
    const { result } = scoreAssessment(totalsInput({ 甲: "89.991", 乙: "89.994", 丙: "89.995" }));
    expect(ranksOf(result, ["甲", "乙", "丙"])).toEqual([2, 2, 1]);
  });

  it("rule 7 名次: ranks within each 排名分组 and orders 结果 by group then 名次", () => {
    const units = ["乡1", { name: "县1", category: "政府部门" }, "乡2", { name: "县2", category: "政府部门" }];
    const { result } = scoreAssessment(totalsInput({ 乡1: "80", 县1: "70", 乡2: "90", 县2: "75" }, { units }));
    expect(result.units.map((u) => `${u.unit.name}${u.rank}`)).toEqual(["乡21", "乡12", "县21", "县12"]);
    expect(result.groups.map((g) => g.rankGroup)).toEqual(["乡镇", "县直单位"]);
  });
});

describe("rule 8 等次", () => {
  const lines = { excellent: new D(90), good: new D(80), pass: new D(60) };
  it.each([
    ["90", "优秀"],
    ["89.99", "良好"],
    ["80", "良好"],
    ["79.99", "合格"],
    ["60", "合格"],
    ["59.99", "不合格"],
  ])("rule 8 等次: 总分 %s → %s", (total, grade) => {
    expect(gradeFor(new D(total), lines)).toBe(grade);
  });

  it("rule 8 等次: per-group thresholds (优秀分数线-乡镇 = 85): 86 is 优秀 for 乡镇, 良好 for 县直单位", () => {
    const thresholds = { base: lines, byGroup: new Map([["乡镇", { excellent: new D(85), good: new D(75), pass: new D(60) }]]) };
    const units = ["乡1", { name: "县1", category: "政府部门" }];
    const { result } = scoreAssessment(totalsInput({ 乡1: "86", 县1: "86" }, { units, params: { thresholds } }));
    expect(gradesOf(result, ["乡1", "县1"])).toEqual(["优秀", "良好"]);
  });
});

describe("rule 9 情节严重", () => {
  it("rule 9 情节严重: the top unit (97 − 2 = 95) keeps 名次 1 but is 良好, with a note", () => {
    const input = totalsInput({ 甲: "97", 乙: "92", 丙: "85" }, { adjustments: [{ unit: "甲", type: "penalty", points: "2", serious: true }] });
    const { result } = scoreAssessment(input);
    const 甲 = unitOf(result, "甲");
    expect([fixed(甲.total, 2), 甲.rank, 甲.grade]).toEqual(["95.00", 1, "良好"]);
    expect(甲.notes).toContain("有情节严重的扣分情形，不得评为优秀，定为良好");
    expect(unitOf(result, "乙").grade).toBe("优秀");
  });

  it("rule 9 情节严重: a unit already below 优秀 keeps its grade and gets no such note", () => {
    const input = totalsInput({ 甲: "75" }, { adjustments: [{ unit: "甲", type: "penalty", points: "1", serious: true }] });
    const 甲 = unitOf(scoreAssessment(input).result, "甲");
    expect(甲.grade).toBe("合格");
    expect(甲.notes).not.toContain("有情节严重的扣分情形，不得评为优秀，定为良好");
  });
});

describe("rule 10 优秀比例上限", () => {
  const quota = (q: string) => ({ excellentQuota: { base: new D(q), byGroup: new Map<string, D | null>() } });

  it("rule 10 优秀比例: 5 units × 40% = 2: the third and fourth 优秀 become 良好", () => {
    const { result } = scoreAssessment(totalsInput({ 甲: "96", 乙: "93", 丙: "92", 丁: "91", 戊: "85" }, { params: quota("0.4") }));
    expect(gradesOf(result, ["甲", "乙", "丙", "丁", "戊"])).toEqual(["优秀", "优秀", "良好", "良好", "良好"]);
    expect(unitOf(result, "丙").notes).toContain("超出优秀比例（上限2个），定为良好");
    expect(result.groups[0]).toMatchObject({ excellentLimit: 2, quotaExceededByTie: false });
  });

  it("rule 10 优秀比例: units tied on the boundary 名次 all stay 优秀; the quota is exceeded by the tie", () => {
    const { result } = scoreAssessment(totalsInput({ 甲: "96", 乙: "93", 丙: "93", 丁: "91", 戊: "85" }, { params: quota("0.4") }));
    expect(gradesOf(result, ["甲", "乙", "丙", "丁", "戊"])).toEqual(["优秀", "优秀", "优秀", "良好", "良好"]);
    // Both units of the tie get the same note, whichever comes first in 考核对象 (issue 13 item 5).
    expect(unitOf(result, "乙").notes).toContain("并列第2名跨过优秀比例界线，并列单位均为优秀");
    expect(unitOf(result, "丙").notes).toContain("并列第2名跨过优秀比例界线，并列单位均为优秀");
    expect(unitOf(result, "乙").notes).toEqual(unitOf(result, "丙").notes);
    expect(unitOf(result, "丁").notes).toContain("超出优秀比例（上限2个），定为良好");
    expect(result.groups[0]).toMatchObject({ excellentLimit: 2, quotaExceededByTie: true });
    expect(result.groups[0]?.byGrade).toEqual({ 优秀: 3, 良好: 2, 合格: 0, 不合格: 0 });
  });

  it("rule 10 优秀比例: a unit demoted by 情节严重 does not use the quota (4 × 25% = 1)", () => {
    const input = totalsInput({ 甲: "97", 乙: "92", 丙: "91", 丁: "70" }, { params: quota("0.25"), adjustments: [{ unit: "甲", type: "penalty", points: "1", serious: true }] });
    const { result } = scoreAssessment(input);
    expect(gradesOf(result, ["甲", "乙", "丙", "丁"])).toEqual(["良好", "优秀", "良好", "合格"]);
  });

  it("rule 10 优秀比例: floor(3 × 30%) = 0: every 优秀 becomes 良好, even when tied", () => {
    const outcome = applyQuota([{ rank: 1, grade: "优秀" }, { rank: 1, grade: "优秀" }, { rank: 2, grade: "良好" }], new D("0.3"));
    expect([outcome.limit, outcome.grades, outcome.exceededByTie]).toEqual([0, ["良好", "良好", "良好"], false]);
  });

  it("rule 10 优秀比例: a group's own quota wins over the plain one", () => {
    const excellentQuota = { base: new D("0.5"), byGroup: new Map<string, D | null>([["乡镇", null]]) };
    const { result } = scoreAssessment(totalsInput({ 甲: "96", 乙: "93" }, { params: { excellentQuota } }));
    expect(gradesOf(result, ["甲", "乙"])).toEqual(["优秀", "优秀"]);
    expect(result.groups[0]?.excellentLimit).toBeNull();
  });
});

describe("rule 11 提示", () => {
  const six = (lastRanks: Record<string, number>) => ({
    units: ["甲", "乙", "丙", "丁", "戊", "己"].map((name) => ({ name, ...(lastRanks[name] ? { lastRank: lastRanks[name] } : {}) })),
  });
  const sixTotals = { 甲: "95", 乙: "90", 丙: "85", 丁: "80", 戊: "70", 己: "50" };

  it("rule 11 退步较大: exactly at the threshold (1 → 6, 5 places) is noted; one below (2 → 6, 4 places) is not", () => {
    expect(bigDrop(6, 1, 5)).toBe(5);
    expect(bigDrop(6, 2, 5)).toBeNull();
    const yes = unitOf(scoreAssessment(totalsInput(sixTotals, six({ 己: 1 }))).result, "己");
    expect(yes.notes).toContain("比上年后退5名，退步较大，通报警示");
    const no = unitOf(scoreAssessment(totalsInput(sixTotals, six({ 己: 2 }))).result, "己");
    expect(no.notes.some((n) => n.includes("退步较大"))).toBe(false);
  });

  it("rule 11 提示: 排名最后, 制发法治建议书, 约谈、责令整改 for the last, 不合格 unit, in rule order", () => {
    const 己 = unitOf(scoreAssessment(totalsInput(sixTotals)).result, "己");
    expect(己.grade).toBe("不合格");
    expect(己.notes).toEqual(["未参加满意度调查，按实际应得分换算", "无互评评分，按实际应得分换算", "排名最后，通报警示", "制发法治建议书", "约谈、责令整改"]);
  });

  it("rule 11 提示: all tied at the bottom are 排名最后; a group of one unit has no last place", () => {
    const { result } = scoreAssessment(totalsInput({ 甲: "95", 乙: "70", 丙: "70" }));
    expect(["甲", "乙", "丙"].map((n) => unitOf(result, n).notes.includes("排名最后，通报警示"))).toEqual([false, true, true]);
    const alone = scoreAssessment(totalsInput({ 甲: "50" })).result;
    expect(unitOf(alone, "甲").notes).not.toContain("排名最后，通报警示");
  });

  it("rule 11 连续两年优秀: 上年等次 优秀 and 优秀 again is proposed for praise", () => {
    const units = [{ name: "甲", lastGrade: "优秀" as const }, { name: "乙", lastGrade: "优秀" as const }];
    const { result } = scoreAssessment(totalsInput({ 甲: "95", 乙: "85" }, { units }));
    expect(unitOf(result, "甲").notes).toContain("连续两年优秀，建议通报表扬");
    expect(unitOf(result, "乙").notes).not.toContain("连续两年优秀，建议通报表扬");
  });

  it("rule 11 约谈: a 重大法治问题 record brings 约谈、责令整改 even for a 良好 unit", () => {
    const input = totalsInput({ 甲: "85" }, { adjustments: [{ unit: "甲", type: "penalty", points: "1", majorIssue: true }] });
    const 甲 = unitOf(scoreAssessment(input).result, "甲");
    expect(甲.grade).toBe("良好");
    expect(甲.notes).toContain("发生重大法治问题，约谈、责令整改");
    expect(甲.notes).not.toContain("制发法治建议书");
  });

  it("rule 11 提示: 有N项指标不适用 comes first", () => {
    const input = totalsInput({ 甲: "80" });
    input.indicators.push({ ...input.indicators[0]!, code: "1.2", row: 3 });
    input.scores.set("甲", new Map([...(input.scores.get("甲") ?? []), ["1.2", { kind: "notApplicable", ref: { sheet: "评分", cell: "D3" } }]]));
    expect(unitOf(scoreAssessment(input).result, "甲").notes[0]).toBe("有1项指标不适用");
  });
});

describe("汇总", () => {
  it("汇总: counts per 等次, highest, lowest and the mean rounded half up ((95 + 90 + 85 + 80 + 70 + 50.03) ÷ 6 = 78.34)", () => {
    const { result } = scoreAssessment(totalsInput({ 甲: "95", 乙: "90", 丙: "85", 丁: "80", 戊: "70", 己: "50.03" }));
    const g = result.groups[0]!;
    expect([g.count, fixed(g.highest, 2), fixed(g.lowest, 2), fixed(g.mean, 2)]).toEqual([6, "95.00", "50.03", "78.34"]);
    expect(g.byGrade).toEqual({ 优秀: 2, 良好: 2, 合格: 1, 不合格: 1 });
  });
});
