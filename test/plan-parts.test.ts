import { describe, expect, it } from "vitest";
import { D } from "../lib/decimal";
import { HEADERS } from "../lib/layout";
import { parseWorkPlan, planIndicatorsSheet } from "../lib/plan";
import { classifyLine } from "../lib/plan/lines";
import { splitNames } from "../lib/plan/names";
import { chineseNumeral } from "../lib/plan/numerals";
import { spreadPoints } from "../lib/plan/points";
import { readResponsible } from "../lib/plan/responsible";

const SEVEN = ["乡镇", "党委机关", "人大政协", "政府部门", "法院检察院", "群团机关", "驻县单位"];

describe("chineseNumeral", () => {
  it.each([
    ["一", 1], ["九", 9], ["十", 10], ["十一", 11], ["二十", 20], ["三十五", 35], ["九十九", 99], ["一百", 100], ["一百零五", 105], ["两", 2],
  ])("%s is %d", (text, value) => {
    expect(chineseNumeral(text)).toBe(value);
  });
  it("is null for other text", () => {
    expect(chineseNumeral("")).toBeNull();
    expect(chineseNumeral("一是")).toBeNull();
  });
});

describe("classifyLine", () => {
  it.each(["- 30 -", "—30—", "－ ３０ －", "30", "第 3 页", "第3页 共12页", "  ", "\u3000"])("%j is a page number or blank", (line) => {
    expect(classifyLine(line, 1)).toEqual([]);
  });
  it.each([
    ["一、总体要求", "section", 1, "总体要求"],
    ["十二、加强", "section", 12, "加强"],
    ["（三）推进。", "paren", 3, "推进。"],
    ["(八) 进一步规范。", "paren", 8, "进一步规范。"],
    ["（二十一）加强", "paren", 21, "加强"],
    ["1.推进", "arabic", 1, "推进"],
    ["12、推进", "arabic", 12, "推进"],
    ["３．推进", "arabic", 3, "推进"],
    ["（1）具体", "arabicParen", 1, "具体"],
    ["(2) 具体", "arabicParen", 2, "具体"],
    ["②具体", "circled", 2, "具体"],
  ])("%j is an item", (line, marker, number, text) => {
    expect(classifyLine(line, 7)).toEqual([{ kind: "item", line: 7, marker, number, raw: line, text }]);
  });
  it.each(["3.5亿元的项目", "2024年，全县", "（2022—2025年）", "一是加强"])("%j is text", (line) => {
    expect(classifyLine(line, 1)).toEqual([{ kind: "text", line: 1, text: line, indented: false }]);
  });
  it("reads label lines, full- or half-width, one or two on a line", () => {
    expect(classifyLine("牵头单位：县司法局", 5)).toEqual([{ kind: "labels", line: 5, lead: "县司法局", responsible: null }]);
    expect(classifyLine("责任单位: 各乡镇人民政府", 5)).toEqual([{ kind: "labels", line: 5, lead: null, responsible: "各乡镇人民政府" }]);
    expect(classifyLine("牵头单位：县司法局；责任单位：县直有关单位", 5)).toEqual([
      { kind: "labels", line: 5, lead: "县司法局", responsible: "县直有关单位" },
    ]);
  });
  it("splits labels in brackets at the end of a task line", () => {
    expect(classifyLine("（三）推进改革。严格执行。（牵头单位：县司法局；责任单位：各乡镇）", 9)).toEqual([
      { kind: "item", line: 9, marker: "paren", number: 3, raw: "（三）推进改革。严格执行。", text: "推进改革。严格执行。" },
      { kind: "labels", line: 9, lead: "县司法局", responsible: "各乡镇" },
    ]);
  });
});

describe("splitNames", () => {
  it("splits on 、，,；; and spaces, not inside brackets", () => {
    expect(splitNames("各乡镇人民政府、街道办事处，县直有关单位")).toEqual(["各乡镇人民政府", "街道办事处", "县直有关单位"]);
    expect(splitNames("各乡（镇、办）; 县法院 县检察院")).toEqual(["各乡（镇、办）", "县法院", "县检察院"]);
  });
});

describe("readResponsible", () => {
  it.each([
    [["各乡镇人民政府", "街道办事处"], ["乡镇"]],
    [["各乡（镇、办）"], ["乡镇"]],
    [["县政府各部门"], ["政府部门"]],
    [["县政府其他部门按职责分工负责"], ["政府部门"]],
    [["县直有关单位"], ["党委机关", "人大政协", "政府部门", "法院检察院", "群团机关", "驻县单位"]],
    [["县直各单位", "驻县单位"], ["党委机关", "人大政协", "政府部门", "法院检察院", "群团机关", "驻县单位"]],
    [["群团机关", "乡镇"], ["乡镇", "群团机关"]],
    [["县法院", "县检察院"], ["县法院", "县检察院"]],
    [["县政府各部门", "县公安局等"], ["政府部门", "县公安局"]],
  ])("%j → %j", (names, categories) => {
    expect(readResponsible(names, SEVEN).categories).toEqual(categories);
  });
  it("is 全部 when every category is covered, when nothing is named, and for vague words", () => {
    expect(readResponsible(["各乡镇人民政府", "街道办事处", "县直有关单位"], SEVEN)).toEqual({ categories: "all", countyWide: true, vague: [], named: [] });
    expect(readResponsible([], SEVEN).categories).toBe("all");
    expect(readResponsible(["各有关单位"], SEVEN)).toEqual({ categories: "all", countyWide: false, vague: ["各有关单位"], named: [] });
  });
  it("uses the categories in use: 县直有关单位 includes a category users added", () => {
    expect(readResponsible(["县直有关单位"], [...SEVEN, "事业单位"]).categories).toEqual([
      "党委机关", "人大政协", "政府部门", "法院检察院", "群团机关", "驻县单位", "事业单位",
    ]);
  });
});

describe("spreadPoints", () => {
  it("gives each set the total, in half points, the remainder to the first tasks", () => {
    // a: 3 tasks share 40 = 80 half points: 27, 27, 26 half points → 13.5, 13.5, 13. b: 1 task gets 40.
    expect(spreadPoints(["a", "b", "a", "a"], new D(40)).map((p) => p.toString())).toEqual(["13.5", "40", "13.5", "13"]);
    // 7 tasks share 10 = 20 half points: 2 each and 6 left over → six get 1.5, the last gets 1.
    expect(spreadPoints(Array(7).fill("x"), new D(10)).map((p) => p.toString())).toEqual(["1.5", "1.5", "1.5", "1.5", "1.5", "1.5", "1"]);
  });
  it("throws on a total that is not a positive multiple of 0.5", () => {
    expect(() => spreadPoints(["a"], new D(0))).toThrow(RangeError);
    expect(() => spreadPoints(["a"], new D("40.3"))).toThrow(RangeError);
    expect(() => parseWorkPlan("（一）任务。", { total: 0.25 })).toThrow(RangeError);
  });
});

describe("parseWorkPlan on small texts", () => {
  it("codes tasks whose numbering restarts in each section by section and task: 1.1, 2.1", () => {
    const text = [
      "一、依法行政",
      "（一）加强文件管理。严格审核。",
      "牵头单位：县司法局",
      "责任单位：县直有关单位",
      "（二）推进公开。",
      "牵头单位：县政府办",
      "二、依法决策",
      "（一）严格决策程序。",
      "牵头单位：县政府办",
      "责任单位：各乡镇人民政府、街道办事处",
    ].join("\n");
    const { rows, warnings } = parseWorkPlan(text);
    expect(rows.map((r) => r.code)).toEqual(["1.1", "1.2", "2.1"]);
    expect(rows.map((r) => r.level1)).toEqual(["依法行政", "依法行政", "依法决策"]);
    expect(rows[1]?.categories).toBe("all");
    expect(rows[2]?.categories).toEqual(["乡镇"]);
    expect(warnings.filter((w) => w.code === "plan.noResponsible").map((w) => w.line)).toEqual([5]);
  });

  it("keeps numbered sub-items inside their task, and their numbers in 考核内容", () => {
    const text = ["一、执法", "（一）加强执法监督。具体包括：", "1. 开展评查；", "2. 公开通报。", "牵头单位：县司法局、县政府办", "（二）另一项。"].join("\n");
    const { rows } = parseWorkPlan(text);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.content).toBe("具体包括：\n1. 开展评查；\n2. 公开通报。");
    expect(rows[0]?.assessor).toBe("县司法局、县政府办");
    expect(rows[0]?.sourceLines).toEqual([2, 5]);
  });

  it("makes a document's repeated number unique, with a warning", () => {
    const { rows, warnings } = parseWorkPlan("（一）甲。\n牵头单位：县司法局\n（一）乙。\n牵头单位：县司法局");
    expect(rows.map((r) => r.code)).toEqual(["1", "1-2"]);
    expect(warnings.map((w) => w.code)).toContain("plan.duplicateCode");
  });

  it("reads labels in brackets at the end of a task, and reports labels that follow no task", () => {
    const text = ["一、依法行政", "牵头单位：县司法局", "（一）加强文件管理。严格审核。（牵头单位：县司法局；责任单位：县法院、县检察院）", "（二）推进公开。"].join("\n");
    const { rows, warnings } = parseWorkPlan(text, { units: [{ name: "县法院", category: "法院检察院" }] });
    expect(rows[0]?.assessor).toBe("县司法局");
    expect(rows[0]?.categories).toEqual(["县法院", "县检察院"]);
    expect(rows[0]?.content).toBe("严格审核。");
    expect(warnings.filter((w) => ["plan.strayLabels", "plan.unknownUnit"].includes(w.code)).map((w) => [w.code, w.line])).toEqual([
      ["plan.strayLabels", 2],
      ["plan.unknownUnit", 3],
    ]);
  });

  it("says so when no numbered task is found", () => {
    const { rows, warnings } = parseWorkPlan("这是一段没有编号的文字。");
    expect(rows).toEqual([]);
    expect(warnings.map((w) => w.code)).toEqual(["plan.noTasks"]);
  });

  it("accepts \\r\\n line ends and numbers lines from 1", () => {
    const { rows } = parseWorkPlan("标题\r\n\r\n（一）甲。乙。\r\n牵头单位：县司法局\r\n");
    expect(rows[0]?.sourceLines).toEqual([3, 4]);
    expect(rows[0]?.level2).toBe("甲");
    expect(rows[0]?.content).toBe("乙。");
  });
});

describe("planIndicatorsSheet", () => {
  it("writes the 考核指标 header and one row per task", () => {
    const { rows } = parseWorkPlan("一、依法行政\n（一）加强文件管理。严格审核。\n牵头单位：县司法局\n责任单位：县法院、县检察院\n（二）推进公开。\n牵头单位：县政府办\n责任单位：县法院、县检察院");
    expect(planIndicatorsSheet(rows).rows).toEqual([
      [...HEADERS.indicators],
      ["1", "依法行政", "加强文件管理", "严格审核。", 20, "", "县司法局", "县法院、县检察院"],
      ["2", "依法行政", "推进公开", "", 20, "", "县政府办", "县法院、县检察院"],
    ]);
  });
  it("writes 全部 for every category and half points as numbers", () => {
    const { rows } = parseWorkPlan("（一）甲。\n（二）乙。\n（三）丙。", { total: 2.5 });
    // 5 half points over 3 tasks: 2, 2, 1 → 1, 1, 0.5.
    expect(planIndicatorsSheet(rows).rows.slice(1).map((row) => [row[4], row[7]])).toEqual([[1, "全部"], [1, "全部"], [0.5, "全部"]]);
  });
});
