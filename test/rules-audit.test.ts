import { describe, expect, it } from "vitest";
import { scoreAssessment } from "../lib/rules";
import { auditOf, buildInput, totalsInput, unitOf } from "./rules-helpers";

const towns = ["乡1", "乡2", "乡3", "乡4", "乡5", "乡6", "乡7", "乡8"];

// One 乡镇 unit with every kind of figure: 应得分 140, ballots with 不了解, a trimmed and an untrimmed rater group,
// a 加分 cap that bites and a 情节严重 扣分. Every figure below was worked out by hand:
// 36.5 + 35 + 33.5 = 105; (4000 + 640 + 60) ÷ 50 = 94%; 乡镇 (90+88+85+90+87+80) ÷ 6 = 86.666… → 86.67;
// 县直 270 ÷ 3 = 90; 86.67×0.5 + 90×0.5 = 88.335 → 88.34 → 8.834 → 8.83; 105 + 9.4 + 8.83 = 123.23;
// 123.23 ÷ 140 × 100 = 88.021… → 88.02; 88.02 + 5 − 1.5 = 91.52.
function fullExample() {
  return buildInput({
    units: ["甲", ...towns, { name: "县1", category: "政府部门" }, { name: "县2", category: "政府部门" }, { name: "县3", category: "政府部门" }],
    indicators: [
      { code: "1.1", max: "40" },
      { code: "3.1", max: "40", categories: ["乡镇"] },
      { code: "3.2", max: "40", categories: ["乡镇"] },
      { code: "3.2.4", max: "5" },
    ],
    scores: { 甲: { "1.1": "36.5", "3.1": "35", "3.2": "33.5", "3.2.4": "/" } },
    satisfaction: { 甲: { satisfied: "40", basic: "8", unsatisfied: "2", unknown: "3" } },
    ratings: [
      ...(["100", "90", "88", "85", "90", "87", "80", "70"].map((v, i) => [towns[i]!, "甲", v]) as [string, string, string][]),
      ["县1", "甲", "90"],
      ["县2", "甲", "95"],
      ["县3", "甲", "85"],
    ],
    adjustments: [
      { unit: "甲", type: "bonus", points: "3", reason: "获评示范" },
      { unit: "甲", type: "bonus", points: "4", reason: "经验推广" },
      { unit: "甲", type: "penalty", points: "1.5", reason: "通报批评", serious: true },
    ],
  });
}

describe("计算说明 (audit lines)", () => {
  const 甲 = unitOf(scoreAssessment(fullExample()).result, "甲");

  it("audit: one line per figure, in the order of 结果", () => {
    expect(甲.audit.map((l) => l.item)).toEqual(["指标得分", "指标应得分", "满意度得分", "互评得分", "应得分", "实得分", "换算得分", "加分", "扣分", "总分", "名次", "等次", "审定等次"]);
  });

  it.each([
    ["指标得分", "105.00", "1.1 得36.5 + 3.1 得35 + 3.2 得33.5（共3项；不适用：3.2.4）= 105.00"],
    ["指标应得分", "120.00", "1.1 40分 + 3.1 40分 + 3.2 40分（共3项；不适用：3.2.4）= 120.00"],
    ["满意度得分", "9.40", "票数：满意40×100 + 基本满意8×80 + 不满意2×30 = 4700，÷ 50票 = 94.00%（不了解3票不计）；94.00% × 10 = 9.40"],
    [
      "互评得分",
      "8.83",
      "乡镇组8人评分（100、90、88、85、90、87、80、70），去掉最高100、最低70，余6人平均 = 520 ÷ 6 = 86.67；县直单位组3人评分（90、95、85），平均 = 270 ÷ 3 = 90.00；(86.67×50% + 90.00×50%) ÷ 100% = 88.34；88.34 ÷ 100 × 10 = 8.83",
    ],
    ["应得分", "140.00", "指标应得分 120.00 + 满意度分值 10 + 互评分值 10 = 140.00"],
    ["实得分", "123.23", "指标得分 105.00 + 满意度得分 9.40 + 互评得分 8.83 = 123.23"],
    ["换算得分", "88.02", "实得分 123.23 ÷ 应得分 140.00 × 100 = 88.02"],
    ["加分", "5.00", "获评示范 3 + 经验推广 4 = 7，超过上限5，按上限计 = 5.00"],
    ["扣分", "1.50", "通报批评 1.5（情节严重） = 1.50（上限10）"],
    ["总分", "91.52", "换算得分 88.02 + 加分 5.00 − 扣分 1.50 = 91.52"],
    ["名次", "1", "乡镇组按总分从高到低排名（中国式排名），总分91.52为第1名"],
    ["等次", "良好", "总分91.52 ≥ 优秀分数线90 → 优秀；有情节严重的扣分情形，不得评为优秀，定为良好"],
  ])("audit %s: %s, %s", (item, value, explanation) => {
    expect(auditOf(甲, item)).toEqual({ item, value, explanation });
  });

  it("audit: notes of the example, in rule order", () => {
    expect(甲.notes).toEqual(["有1项指标不适用", "加分合计7分，按上限计5分", "有情节严重的扣分情形，不得评为优秀，定为良好"]);
  });

  it("audit 满意度得分: a typed percent shows its rounding: 94.456% → 94.46% → 9.45", () => {
    const input = buildInput({ units: ["甲"], scores: { 甲: { "1.1": "80" } }, satisfaction: { 甲: "94.456" } });
    const line = auditOf(unitOf(scoreAssessment(input).result, "甲"), "满意度得分");
    expect(line).toMatchObject({ value: "9.45", explanation: "填报满意度94.456%，四舍五入为94.46%；94.46% × 10 = 9.45" });
  });

  it("audit: items that do not apply read 不适用", () => {
    const 乙 = unitOf(scoreAssessment(buildInput({ units: ["乙"], scores: { 乙: { "1.1": "80" } } })).result, "乙");
    expect(auditOf(乙, "满意度得分")).toMatchObject({ value: "不适用", explanation: "未参加满意度调查，此项不计" });
    expect(auditOf(乙, "互评得分")).toMatchObject({ value: "不适用", explanation: "无上下互评评分，此项不计" });
    expect(auditOf(乙, "应得分").explanation).toBe("指标应得分 100.00 = 100.00");
    expect(auditOf(乙, "加分").explanation).toBe("无加分记录 = 0.00");
  });

  it("audit 互评得分: a rater group that did not rate is said in words (issue 12 point 2): 县直单位组未评，其权重由乡镇组承担", () => {
    // 甲 rated by 乡1 90 and 乡2 85 only; 县1 exists (so 县直单位 is a group of the county) but rates nobody.
    // 乡镇 (90 + 85) ÷ 2 = 87.50; the only weighted group: 互评分 87.50; 87.50 ÷ 100 × 10 = 8.75.
    const input = buildInput({ units: ["甲", "乡1", "乡2", { name: "县1", category: "政府部门" }], scores: { 甲: { "1.1": "80" } }, ratings: [["乡1", "甲", "90"], ["乡2", "甲", "85"]] });
    expect(auditOf(unitOf(scoreAssessment(input).result, "甲"), "互评得分")).toEqual({
      item: "互评得分",
      value: "8.75",
      explanation: "乡镇组2人评分（90、85），平均 = 175 ÷ 2 = 87.50；县直单位组未评，其权重由乡镇组承担：互评分 = 乡镇组平均 87.50 = 87.50；87.50 ÷ 100 × 10 = 8.75",
    });
  });

  it("audit 互评得分: where 互评同分票无效 voided a rater, it says so and that the rule is not monotone (issue 13 item 10)", () => {
    // 乡2 gives 甲 and 乡1 both 80: left out. 甲 keeps 乡1's 90 and 县1's 70: (90×50% + 70×50%) ÷ 100% = 80.00 → 8.00.
    const input = buildInput({
      params: { uniformRaterInvalid: true },
      units: ["甲", "乡1", "乡2", { name: "县1", category: "政府部门" }],
      scores: { 甲: { "1.1": "80" } },
      ratings: [["乡1", "甲", "90"], ["乡2", "甲", "80"], ["乡2", "乡1", "80"], ["县1", "甲", "70"], ["县1", "乡1", "75"]],
    });
    expect(auditOf(unitOf(scoreAssessment(input).result, "甲"), "互评得分")).toEqual({
      item: "互评得分",
      value: "8.00",
      explanation:
        "乡镇组1人评分（90），平均 = 90 ÷ 1 = 90.00；县直单位组1人评分（70），平均 = 70 ÷ 1 = 70.00；(90.00×50% + 70.00×50%) ÷ 100% = 80.00；80.00 ÷ 100 × 10 = 8.00；评议单位“乡2”（都是80分）给所有单位的评分都相同，按参数“互评同分票无效”其评分全部不计入。此规则不单调：该评议单位只要有一个评分不同，其全部评分就又都计入，被评单位的互评分可能因此升高",
    });
  });

  it("audit 名次 and 总分: names the tied units and the floor of 0", () => {
    const { result } = scoreAssessment(
      totalsInput({ 甲: "95", 乙: "90", 丙: "90", 丁: "5" }, { adjustments: [{ unit: "丁", type: "penalty", points: "8", reason: "通报" }] }),
    );
    expect(auditOf(unitOf(result, "乙"), "名次").explanation).toBe("乡镇组按总分从高到低排名（中国式排名），总分90.00为第2名，与丙并列");
    expect(auditOf(unitOf(result, "丁"), "总分")).toMatchObject({ value: "0.00", explanation: "换算得分 5.00 + 加分 0.00 − 扣分 8.00 = -3.00，低于0，按0计 = 0.00" });
  });
});
