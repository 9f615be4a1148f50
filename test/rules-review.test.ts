import { describe, expect, it } from "vitest";
import { D } from "../lib/decimal";
import type { AssessmentInput, Grade, Override } from "../lib/model";
import { renderResults, renderSummary, toJson } from "../lib/output";
import { scoreAssessment } from "../lib/rules";
import { auditOf, totalsInput, unitOf, type UnitSpec } from "./rules-helpers";

const quota = (q: string) => ({ excellentQuota: { base: new D(q), byGroup: new Map<string, D | null>() } });

function override(unit: string, grade: Grade, row: number, reason = "事由", basis = "依据"): Override {
  return { unit, grade, reason, basis, date: null, ref: { sheet: "审定调整", cell: `A${row}` } };
}

function withOverrides(input: AssessmentInput, overrides: Override[]): AssessmentInput {
  return { ...input, overrides };
}

const gradesOf = (input: AssessmentInput, names: string[]) => {
  const { result } = scoreAssessment(input);
  return names.map((n) => `${unitOf(result, n).computedGrade}→${unitOf(result, n).grade}`);
};

describe("审定调整 (考核方案 §六（一）: results go to the 县委、县政府 for 审定)", () => {
  // Five units, 优秀比例上限 40%: floor(5 × 0.4) = 2 may be 优秀. By the lines 甲 96, 乙 93, 丙 92 are 优秀;
  // the quota keeps 甲 and 乙, holds 丙 to 良好.
  const five = { 甲: "96", 乙: "93", 丙: "92", 丁: "85", 戊: "70" };
  const names = Object.keys(five);

  it("一票否决 on the top unit: 甲 优秀 → 不合格, 名次 stays 1; the freed place is NOT filled: 丙 stays 良好 and is told", () => {
    const input = withOverrides(totalsInput(five, { params: quota("0.4") }), [override("甲", "不合格", 2, "发生重大法治问题，一票否决", "县委常委会2027年第3次会议")]);
    const { result } = scoreAssessment(input);
    expect(gradesOf(input, names)).toEqual(["优秀→不合格", "优秀→优秀", "良好→良好", "良好→良好", "合格→合格"]);
    const 甲 = unitOf(result, "甲");
    expect(甲.rank).toBe(1);
    expect(甲.notes).toContain("经审定调整：发生重大法治问题，一票否决（县委常委会2027年第3次会议）");
    // The flags follow the final 等次: 不合格 → 法治建议书 and 约谈.
    expect(甲.notes).toContain("制发法治建议书");
    expect(甲.notes).toContain("约谈、责令整改");
    const 丙 = unitOf(result, "丙");
    expect(丙.notes).toContain("超出优秀比例（上限2个），定为良好");
    expect(丙.notes).toContain("审定调整后本组空出1个优秀名额，本单位按总分在递补之列；是否递补由审定决定，如递补请在审定调整表中填写");
    expect(auditOf(甲, "等次").value).toBe("优秀");
    expect(auditOf(甲, "审定等次")).toMatchObject({
      value: "不合格",
      explanation: "经审定调整（审定调整!A2）：计算等次 优秀 → 审定等次 不合格。事由：发生重大法治问题，一票否决；依据：县委常委会2027年第3次会议",
    });
    // 汇总 counts the final 等次: 优秀 1 (乙), 良好 2 (丙 丁), 合格 1 (戊), 不合格 1 (甲).
    expect(result.groups[0]).toMatchObject({ byGrade: { 优秀: 1, 良好: 2, 合格: 1, 不合格: 1 }, adjusted: 1, placesFreedByReview: 1, overQuotaByReview: 0 });
  });

  it("the meeting fills the freed place itself: a second row raises 丙 to 优秀 (within the quota, no over-quota note)", () => {
    const input = withOverrides(totalsInput(five, { params: quota("0.4") }), [override("甲", "不合格", 2), override("丙", "优秀", 3, "递补", "同一会议")]);
    const { result } = scoreAssessment(input);
    expect(gradesOf(input, names)).toEqual(["优秀→不合格", "优秀→优秀", "良好→优秀", "良好→良好", "合格→合格"]);
    expect(unitOf(result, "丙").notes.some((n) => n.includes("超出优秀比例（上限2个）") && n.startsWith("经审定"))).toBe(false);
    expect(result.groups[0]).toMatchObject({ adjusted: 2, placesFreedByReview: 0, overQuotaByReview: 0 });
  });

  it("a raise to 优秀 beyond the quota stands (the meeting decided), with a 提示 and a line in 汇总", () => {
    const input = withOverrides(totalsInput(five, { params: quota("0.4") }), [override("丁", "优秀", 2, "获评省级法治政府建设示范项目", "县政府常务会议纪要〔2027〕5号")]);
    const { result } = scoreAssessment(input);
    expect(gradesOf(input, names)).toEqual(["优秀→优秀", "优秀→优秀", "良好→良好", "良好→优秀", "合格→合格"]);
    const 丁 = unitOf(result, "丁");
    expect(丁.rank).toBe(4);
    expect(丁.notes).toContain("经审定定为优秀，超出优秀比例（上限2个）");
    expect(result.groups[0]).toMatchObject({ byGrade: { 优秀: 3, 良好: 1, 合格: 1, 不合格: 0 }, overQuotaByReview: 1 });
    const summary = renderSummary(result).rows[1] ?? [];
    expect(summary[9]).toBe("优秀比例上限40%，本组最多2个优秀；经审定调整等次1个（各等次单位数按审定等次统计）；审定定为优秀使本组超出优秀比例1个");
  });

  it("the flags follow the final 等次: 连续两年优秀 lost by a lowering, 法治建议书 dropped by a raise to 良好", () => {
    const units: UnitSpec[] = [{ name: "甲", lastGrade: "优秀" }, { name: "乙", lastGrade: "优秀" }, { name: "丙" }];
    const input = withOverrides(totalsInput({ 甲: "95", 乙: "94", 丙: "75" }, { units }), [override("乙", "良好", 2), override("丙", "良好", 3)]);
    const { result } = scoreAssessment(input);
    expect(unitOf(result, "甲").notes).toContain("连续两年优秀，建议通报表扬");
    expect(unitOf(result, "乙").notes).not.toContain("连续两年优秀，建议通报表扬");
    expect(unitOf(result, "丙").computedGrade).toBe("合格");
    expect(unitOf(result, "丙").notes).not.toContain("制发法治建议书");
    // And the other way: a raise to 优秀 of a unit 优秀 last year earns 连续两年优秀.
    const raised = withOverrides(totalsInput({ 甲: "88" }, { units: [{ name: "甲", lastGrade: "优秀" }] }), [override("甲", "优秀", 2)]);
    expect(unitOf(scoreAssessment(raised).result, "甲").notes).toContain("连续两年优秀，建议通报表扬");
  });

  it("a row that keeps the computed 等次 is recorded but not counted as adjusted", () => {
    const input = withOverrides(totalsInput({ 甲: "95", 乙: "80" }), [override("甲", "优秀", 2, "经审核无异议", "县委常委会")]);
    const { result } = scoreAssessment(input);
    const 甲 = unitOf(result, "甲");
    expect(甲.notes).toContain("经审定维持原等次：经审核无异议（县委常委会）");
    expect(result.groups[0]?.adjusted).toBe(0);
    expect(toJson(result, []).units.find((u) => u.name === "甲")).toMatchObject({ grade: "优秀", computedGrade: "优秀", adjusted: false });
  });

  it("结果 shows 等次 (computed) and 审定等次 (final) side by side; JSON has grade final, computedGrade and adjusted", () => {
    const input = withOverrides(totalsInput({ 甲: "95", 乙: "80" }), [override("甲", "良好", 2)]);
    const { result } = scoreAssessment(input);
    const sheet = renderResults(result);
    const header = (sheet.rows[0] ?? []).map(String);
    const row = sheet.rows[1] ?? [];
    expect([row[header.indexOf("单位名称")], row[header.indexOf("等次")], row[header.indexOf("审定等次")]]).toEqual(["甲", "优秀", "良好"]);
    expect(toJson(result, []).units.map((u) => [u.name, u.grade, u.computedGrade, u.adjusted])).toEqual([
      ["甲", "良好", "优秀", true],
      ["乙", "良好", "良好", false],
    ]);
    expect(auditOf(unitOf(result, "乙"), "审定等次")).toMatchObject({ value: "良好", explanation: "未经审定调整，同计算等次 → 良好" });
  });
});
