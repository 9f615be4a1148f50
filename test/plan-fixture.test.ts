/**
 * 导入工作安排 on the project's own documents (issue 20): test/fixtures/plan/工作安排.txt, a short 工作安排 of a
 * made-up 示例县 in the shape of the real ones (header and 通知, 一、 sections, （一） tasks, 牵头单位/责任单位 lines,
 * a paragraph broken by a page, an unnumbered task, half-width marks, a name broken by a page, a closing remark),
 * and 实施方案.txt, a plan with no 牵头单位 lines (1. tasks under （一） headings). Every rule of the importer is tested
 * here without ../shared; the expected rows were worked out by hand from the fixture (line numbers are the file's).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseWorkPlan, type PlanIndicator } from "../lib/plan";
import { PLAN_TXT, SCHEME_TXT } from "./helpers/planFixtures";

const plan = readFileSync(PLAN_TXT, "utf8");
const scheme = readFileSync(SCHEME_TXT, "utf8");

function byCode(rows: readonly PlanIndicator[], code: string): PlanIndicator {
  const row = rows.find((r) => r.code === code);
  if (row === undefined) throw new Error(`no row ${code}`);
  return row;
}

describe("工作安排.txt: 示例县2025年度法治政府建设工作安排", () => {
  const { rows, warnings } = parseWorkPlan(plan);
  const codesOf = (code: string) => warnings.filter((w) => w.code === code).map((w) => w.line);

  it("finds the 8 numbered tasks and the unnumbered paragraph after （三） (3-1), skipping the header and 通知", () => {
    expect(rows.map((r) => r.code)).toEqual(["1", "2", "3", "3-1", "4", "5", "6", "7", "8"]);
    expect(rows.some((r) => r.content.includes("印发给你们"))).toBe(false);
    expect(codesOf("plan.unnumbered")).toEqual([31]);
  });

  it("takes 一级指标 from the section, 二级指标 up to the first 。, the rest as 考核内容", () => {
    const one = byCode(rows, "1");
    expect(one.level1).toBe("深入学习贯彻习近平法治思想");
    expect(one.level2).toBe("坚持习近平法治思想的指导地位");
    expect(one.content).toBe("各级各部门要把习近平法治思想贯彻落实到法治政府建设全过程。");
    expect(one.sourceLines).toEqual([17, 17]);
  });

  it("joins a sentence broken by a page (（二）, lines 19 and 21) without a break", () => {
    expect(byCode(rows, "2").content).toBe("各级各部门要严格落实领导干部学法制度，将习近平法治思想纳入理论学习中心组学习计划。");
    expect(byCode(rows, "2").sourceLines).toEqual([19, 21]);
  });

  it("keeps a section heading with a half-width comma whole", () => {
    expect(byCode(rows, "3").level1).toBe("健全政府机构职能体系, 推动更好发挥政府作用");
    expect(byCode(rows, "5").level1).toBe("健全政府机构职能体系, 推动更好发挥政府作用");
    expect(byCode(rows, "6").level1).toBe("全面推进严格规范公正文明执法");
  });

  it("reads 牵头单位 as 考核主体 and 各乡镇… + 县直有关单位 as 全部", () => {
    const three = byCode(rows, "3");
    expect(three.assessor).toBe("县委编办");
    expect(three.categories).toBe("all");
    expect(three.sourceLines).toEqual([25, 29]);
    expect(byCode(rows, "3-1")).toMatchObject({ level2: "深化“双随机、一公开”监管，完善各部门协调配合机制", assessor: "县市场监管局", categories: "all" });
  });

  it("joins two 牵头单位 with 、; reads half-width brackets, colons and commas", () => {
    expect(byCode(rows, "4").assessor).toBe("县行政审批服务局、县市场监管局");
    expect(byCode(rows, "4").categories).toBe("all");
    const five = byCode(rows, "5");
    expect(five.level2).toBe("规范政府法律顾问工作");
    expect(five.assessor).toBe("县司法局");
    expect(five.categories).toEqual(["乡镇", "政府部门"]);
  });

  it("（六） has no 牵头单位: named 责任单位 kept, 县政府其他部门按职责分工负责 read as 政府部门", () => {
    const six = byCode(rows, "6");
    expect(six.assessor).toBe("");
    expect(six.categories).toEqual(["政府部门", "县公安局", "县市场监管局", "县应急管理局"]);
  });

  it("mends a 牵头单位 name broken by a page (（七）: 县司法 / 局)", () => {
    expect(byCode(rows, "7").assessor).toBe("县政府办、县司法局");
    expect(byCode(rows, "7").sourceLines).toEqual([55, 61]);
  });

  it("keeps a task's second paragraph (（八）, line 65) as a new line of 考核内容", () => {
    expect(byCode(rows, "8").content).toBe("加强对行政权力的制约和监督。\n深化运用“四种形态”，推动形成担当作为的良好氛围。");
    expect(byCode(rows, "8").assessor).toBe("县纪委监委、县司法局");
  });

  it("warns for each task without 牵头单位 or 责任单位, the closing paragraph, and 县直有关单位 once", () => {
    expect(codesOf("plan.noLead")).toEqual([17, 19, 51]);
    expect(codesOf("plan.noResponsible")).toEqual([17, 19]);
    expect(codesOf("plan.strayText")).toEqual([71]);
    const countyWide = warnings.filter((w) => w.code === "plan.countyWide");
    expect(countyWide.map((w) => w.line)).toEqual([29]);
    expect(countyWide[0]?.message).toContain("涉及5项任务");
    expect(countyWide[0]?.message).toContain("党委机关、人大政协、政府部门、法院检察院、群团机关、驻县单位");
  });

  it("spreads 40 points over each 适用类别 set in half points, the extra half points to the first tasks", () => {
    // 全部: 1, 2, 3, 3-1, 4, 7, 8 share 80 half points: 11 each and 3 left over, so 1, 2, 3 get 6 and the
    // other four 5.5 (3 × 6 + 4 × 5.5 = 40). （五） and （六） are alone in their sets: 40 each.
    expect(rows.map((r) => [r.code, r.maxPoints.toString()])).toEqual([
      ["1", "6"], ["2", "6"], ["3", "6"], ["3-1", "5.5"], ["4", "5.5"], ["5", "40"], ["6", "40"], ["7", "5.5"], ["8", "5.5"],
    ]);
    expect(codesOf("plan.pointGroup")).toHaveLength(3);
  });

  it("with another total each set sums to it; a total too small for half points gives 0 with a warning", () => {
    const ten = parseWorkPlan(plan, { total: 10 }).rows;
    // 20 half points over 7 tasks: 2 each and 6 left over: 1 → 1.5, the next five 1.5 too, the last (8) 1.
    expect(ten.filter((r) => r.categories === "all").map((r) => r.maxPoints.toString())).toEqual(["1.5", "1.5", "1.5", "1.5", "1.5", "1.5", "1"]);
    const half = parseWorkPlan(plan, { total: 2 });
    // 4 half points over 7 tasks: the first four get 0.5, the other three 0.
    expect(half.rows.filter((r) => r.categories === "all").map((r) => r.maxPoints.toString())).toEqual(["0.5", "0.5", "0.5", "0.5", "0", "0", "0"]);
    expect(half.warnings.some((w) => w.code === "plan.zeroPoints")).toBe(true);
    expect(() => parseWorkPlan(plan, { total: 40.3 })).toThrow(RangeError);
  });

  it("with 考核对象 given, lists the named 责任单位 that are not among them (names compared without spaces)", () => {
    const outcome = parseWorkPlan(plan, { units: [{ name: "县 公安局", category: "政府部门" }] });
    const unknown = outcome.warnings.filter((w) => w.code === "plan.unknownUnit");
    expect(unknown.map((w) => w.line)).toEqual([53]);
    expect(unknown[0]?.message).toContain("县市场监管局、县应急管理局");
    expect(unknown[0]?.message).not.toContain("县公安局");
  });

  it("reads the same with Windows line ends and with labels in brackets at the end of a task", () => {
    expect(parseWorkPlan(plan.replace(/\n/g, "\r\n")).rows).toEqual(rows);
    const inline = parseWorkPlan("一、依法行政\n（一）加强规范性文件管理。严格备案审查。（牵头单位：县司法局；责任单位：县直有关单位）");
    expect(inline.rows.map((r) => [r.code, r.level2, r.assessor])).toEqual([["1", "加强规范性文件管理", "县司法局"]]);
  });

  it("reports text with no numbered task at all", () => {
    expect(parseWorkPlan("这是一段说明文字。").warnings.map((w) => w.code)).toEqual(["plan.noTasks"]);
  });
});

describe("工作安排.txt as it comes out of a PDF: short wrapped lines, indented paragraphs, page numbers", () => {
  // The fixture's lines that go on a paragraph broken by a page: in a PDF they are not indented.
  const continued = new Set([21, 59]);

  function asPdf(text: string, width: number): string {
    const out: string[] = [];
    let page = 1;
    text.split("\n").forEach((raw, i) => {
      const line = raw.trim();
      if (line === "") return;
      const chars = [...`${continued.has(i + 1) ? "" : "\u3000\u3000"}${line}`];
      for (let from = 0; from < chars.length; from += width) {
        out.push(chars.slice(from, from + width).join(""));
        if (out.length % 23 === 22) out.push(`- ${page++} -`);
      }
    });
    return out.join("\n");
  }

  const noSpace = (s: string): string => s.replace(/\s/g, "");
  const word = parseWorkPlan(plan).rows;

  it.each([20, 28, 36])("gives the same rows when wrapped at %i characters a line", (width) => {
    const pdf = parseWorkPlan(asPdf(plan, width));
    expect(pdf.rows.map((r) => [r.code, r.level1, r.level2, noSpace(r.content), r.assessor, r.categories, r.maxPoints.toString()])).toEqual(
      word.map((r) => [r.code, r.level1, r.level2, noSpace(r.content), r.assessor, r.categories, r.maxPoints.toString()]),
    );
    expect(pdf.warnings.filter((w) => w.code === "plan.strayText")).toHaveLength(1);
  });
});

describe("实施方案.txt: a plan without 牵头单位 lines", () => {
  const { rows, warnings } = parseWorkPlan(scheme);

  it("finds 6 tasks: two under 总体要求, 1.–3. under 主要任务, one under 组织保障; （一） headings over 1.", () => {
    expect(rows.map((r) => r.code)).toEqual(["1.1", "1.2", "1", "2", "3", "3.1"]);
    expect(byCode(rows, "1").level1).toBe("健全政府机构职能体系");
    expect(byCode(rows, "3").level1).toBe("健全依法行政制度体系");
    expect(byCode(rows, "1.1").level1).toBe("总体要求");
    expect(byCode(rows, "3.1").level1).toBe("组织保障");
  });

  it("a title alone on its line is 二级指标 and the next line starts 考核内容", () => {
    expect(byCode(rows, "1.1")).toMatchObject({ level2: "指导思想", content: "坚持以习近平法治思想为指导，全面推进依法行政。" });
    expect(byCode(rows, "3.1")).toMatchObject({ level2: "强化领导机制", content: "加强党对法治政府建设的领导。" });
  });

  it("keeps an unnumbered paragraph with the task above it", () => {
    expect(byCode(rows, "1")).toMatchObject({ level2: "推进政府机构职能优化协同高效", content: "坚持优化政府组织结构。\n全面实行政府权责清单制度。" });
  });

  it("leaves every 考核主体 empty and 适用类别 全部, with one warning for the whole text", () => {
    expect(rows.every((r) => r.assessor === "" && r.categories === "all")).toBe(true);
    const noLabels = warnings.filter((w) => w.code === "plan.noLabels");
    expect(noLabels).toHaveLength(1);
    expect(noLabels[0]?.message).toContain("6项任务");
    expect(warnings.filter((w) => w.code === "plan.noLead")).toEqual([]);
  });
});
