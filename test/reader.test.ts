import { describe, expect, it } from "vitest";
import type { CellValue, WorkbookGrids } from "../lib/grid";
import type { AssessmentInput, ScoreEntry } from "../lib/model";
import { readAssessment } from "../lib/reader";
import { appendRow, paramRow, removeSheet, setCell, sheetOf, validWorkbook } from "./helpers/workbook";

/** Reads a book that must have no error; returns the input. */
function readOk(book: WorkbookGrids): AssessmentInput {
  const read = readAssessment(book);
  expect(read.issues.filter((issue) => issue.level === "error")).toEqual([]);
  if (read.input === null) throw new Error("no input");
  return read.input;
}

function score(input: AssessmentInput, unit: string, code: string): string {
  const entry: ScoreEntry | undefined = input.scores.get(unit)?.get(code);
  if (entry === undefined) return "absent";
  return entry.kind === "score" ? entry.value.toString() : "不适用";
}

describe("the valid workbook", () => {
  const input = readOk(validWorkbook());

  it("reads the units with their default rank groups", () => {
    expect(input.units.map((unit) => [unit.name, unit.category, unit.rankGroup, unit.lastRank, unit.lastGrade, unit.row])).toEqual([
      ["城关镇", "乡镇", "乡镇", 2, "优秀", 2],
      ["柳屯镇", "乡镇", "乡镇", null, null, 3],
      ["县司法局", "政府部门", "县直单位", 1, "良好", 4],
      ["县法院", "法院检察院", "县直单位", null, null, 5],
    ]);
  });

  it("reads the indicators", () => {
    expect(input.indicators.map((indicator) => [indicator.code, indicator.level2, indicator.maxPoints.toString(), indicator.categories, indicator.row])).toEqual([
      ["1.1", "主要负责人履职", "5", "all", 2],
      ["2.1", "学法用法", "4.5", "all", 3],
      ["3.1", "依法行政", "10", ["乡镇", "政府部门"], 4],
      ["3.2", "公正司法", "10", ["法院检察院"], 5],
    ]);
    expect(input.indicators[0]?.assessor).toBe("县委依法治县办");
    expect(input.indicators[1]?.method).toBe("集中评查");
  });

  it("reads the scores of applicable indicators only, with their cells", () => {
    expect(["1.1", "2.1", "3.1", "3.2"].map((code) => score(input, "城关镇", code))).toEqual(["5", "4", "9.5", "absent"]);
    expect(["1.1", "2.1", "3.1", "3.2"].map((code) => score(input, "县法院", code))).toEqual(["4", "4", "absent", "9"]);
    expect(input.scores.get("柳屯镇")?.get("1.1")).toMatchObject({ kind: "score", ref: { sheet: "评分", cell: "C4" } });
  });

  it("reads 满意度 as a percentage or ballots; a unit without a row is not surveyed", () => {
    const percent = input.satisfaction.get("城关镇");
    expect(percent?.kind === "percent" ? [percent.percent.toString(), percent.ref.cell] : null).toEqual(["93.5", "B2"]);
    const ballots = input.satisfaction.get("柳屯镇");
    expect(ballots?.kind === "ballots" ? [ballots.satisfied, ballots.basic, ballots.unsatisfied, ballots.unknown].map(String) : null).toEqual(["40", "8", "2", "5"]);
    expect(input.satisfaction.has("县法院")).toBe(false);
  });

  it("reads 上下互评 with words mapped to points", () => {
    expect(input.ratings).toHaveLength(12);
    const word = input.ratings.find((rating) => rating.ratee === "城关镇" && rating.rater === "县司法局");
    expect(word && [word.value.toString(), word.word, word.ref.cell]).toEqual(["100", "好", "D2"]);
    const average = input.ratings.find((rating) => rating.ratee === "柳屯镇" && rating.rater === "县法院");
    expect(average && [average.value.toString(), average.word]).toEqual(["70", "一般"]);
    const number = input.ratings.find((rating) => rating.ratee === "县法院" && rating.rater === "柳屯镇");
    expect(number && [number.value.toString(), number.word]).toEqual(["86", null]);
  });

  it("reads 加减分", () => {
    expect(input.adjustments.map((adjustment) => [adjustment.unit, adjustment.type, adjustment.points.toString(), adjustment.serious, adjustment.majorIssue, adjustment.ref.cell])).toEqual([
      ["城关镇", "bonus", "2", false, false, "A2"],
      ["县司法局", "penalty", "1.5", true, false, "A3"],
    ]);
    expect(input.adjustments[0]?.reason).toBe("获评省级法治示范乡镇");
  });

  it("reads the template's parameters as the defaults of spec §3", () => {
    const p = input.params;
    expect([p.year, p.decimals, p.satisfactionPoints.toString(), p.peerPoints.toString()]).toEqual([2025, 2, "10", "10"]);
    expect([...p.peerWeights].map(([group, weight]) => [group, weight.toString()])).toEqual([
      ["乡镇", "0.5"],
      ["县直单位", "0.5"],
    ]);
    expect([p.trimPeer, p.trimMinCount, p.uniformRaterInvalid]).toEqual([true, 6, false]);
    expect([...p.ratingWords].map(([word, value]) => `${word}=${value.toString()}`)).toEqual(["好=100", "较好=85", "一般=70", "差=55"]);
    expect([p.ballotValues.satisfied, p.ballotValues.basic, p.ballotValues.unsatisfied].map(String)).toEqual(["100", "80", "30"]);
    expect([p.bonusCap?.toString(), p.penaltyCap?.toString(), p.totalCap]).toEqual(["5", "10", null]);
    expect([p.thresholds.base.excellent, p.thresholds.base.good, p.thresholds.base.pass].map(String)).toEqual(["90", "80", "60"]);
    expect(p.thresholds.byGroup.size).toBe(0);
    expect([p.excellentQuota.base, p.excellentQuota.byGroup.size]).toEqual([null, 0]);
    expect([p.rankRule, p.bigDropPlaces, p.blankScore]).toEqual(["dense", 5, "error"]);
  });
});

describe("lenient reading", () => {
  it("accepts a full-width number and a number with spaces, with warnings", () => {
    const book = validWorkbook();
    setCell(book, "评分", "C3", "４．５");
    setCell(book, "评分", "D3", "  4 ");
    const input = readOk(book);
    expect([score(input, "城关镇", "1.1"), score(input, "城关镇", "2.1")]).toEqual(["4.5", "4"]);
  });

  it.each(["不适用", "/", "／", " 不适用 "])("reads %j as 不适用", (mark) => {
    const book = validWorkbook();
    setCell(book, "评分", "C3", mark);
    expect(score(readOk(book), "城关镇", "1.1")).toBe("不适用");
  });

  it("counts a blank score as 0 under 空白评分=按0分", () => {
    const book = validWorkbook();
    setCell(book, "参数", `B${paramRow("空白评分")}`, "按0分");
    setCell(book, "评分", "E4", null);
    expect(score(readOk(book), "柳屯镇", "3.1")).toBe("0");
  });

  it("reads columns in any order", () => {
    const book = validWorkbook();
    const units = sheetOf(book, "考核对象");
    units.rows = units.rows.map((row) => [row[5] ?? null, row[2] ?? null, row[1] ?? null, row[4] ?? null, row[3] ?? null, row[0] ?? null]);
    const satisfaction = sheetOf(book, "满意度");
    satisfaction.rows = satisfaction.rows.map((row) => [...row].reverse());
    const input = readOk(book);
    expect(input.units.map((unit) => [unit.name, unit.category, unit.lastRank, unit.lastGrade])).toEqual([
      ["城关镇", "乡镇", 2, "优秀"],
      ["柳屯镇", "乡镇", null, null],
      ["县司法局", "政府部门", 1, "良好"],
      ["县法院", "法院检察院", null, null],
    ]);
    const ballots = input.satisfaction.get("柳屯镇");
    expect(ballots?.kind === "ballots" ? ballots.satisfied.toString() : null).toBe("40");
  });

  it("finds headers after trimming and NFKC (满意度（％）)", () => {
    const book = validWorkbook();
    setCell(book, "满意度", "B1", " 满意度（％） ");
    const percent = readOk(book).satisfaction.get("城关镇");
    expect(percent?.kind === "percent" ? percent.percent.toString() : null).toBe("93.5");
  });

  it("ignores an extra column and still reads the rest", () => {
    const book = validWorkbook();
    setCell(book, "考核对象", "G1", "备注");
    setCell(book, "考核对象", "G2", "示范镇");
    expect(readOk(book).units).toHaveLength(4);
  });

  it("skips empty rows", () => {
    const book = validWorkbook();
    sheetOf(book, "考核对象").rows.splice(2, 0, [null, "  ", null], []);
    expect(readOk(book).units.map((unit) => [unit.name, unit.row])).toEqual([
      ["城关镇", 2],
      ["柳屯镇", 5],
      ["县司法局", 6],
      ["县法院", 7],
    ]);
  });

  it("matches names after trimming full-width spaces and NBSP", () => {
    const book = validWorkbook();
    setCell(book, "考核对象", "B2", "\u3000城关镇\u00a0");
    setCell(book, "评分", "A3", " 城关镇 ");
    const input = readOk(book);
    expect(input.units[0]?.name).toBe("城关镇");
    expect(score(input, "城关镇", "1.1")).toBe("5");
  });

  it("reads an 编号 typed as a number as its shortest text", () => {
    const book = validWorkbook();
    setCell(book, "考核指标", "A2", 1.1);
    setCell(book, "评分", "C1", "1.1\u3000主要负责人履职");
    expect(readOk(book).indicators[0]?.code).toBe("1.1");
  });

  it("reads a sheet whose name has spaces around it", () => {
    const book = validWorkbook();
    sheetOf(book, "评分").name = " 评分 ";
    const input = readOk(book);
    expect(input.scores.get("城关镇")?.get("1.1")?.ref.sheet).toBe(" 评分 ");
  });

  it("skips a 考核对象 row with only its 序号 typed", () => {
    const book = validWorkbook();
    appendRow(book, "考核对象", [5, null, null, null, null, null]);
    expect(readAssessment(book).issues).toEqual([]);
  });

  it.each(["不适用", "/"])("reads 满意度(%%) %s as not surveyed", (mark) => {
    const book = validWorkbook();
    setCell(book, "满意度", "B4", mark);
    const read = readAssessment(book);
    expect(read.issues).toEqual([]);
    expect(read.input?.satisfaction.has("县司法局")).toBe(false);
  });

  it("does not warn about the template's 互评权重 rows when a group has no unit", () => {
    const book = validWorkbook();
    const units = sheetOf(book, "考核对象");
    units.rows = units.rows.filter((row) => row[2] !== "乡镇");
    for (const name of ["评分", "满意度", "上下互评", "加减分"]) removeSheet(book, name);
    expect(readAssessment(book).issues.filter((issue) => issue.sheet === "参数")).toEqual([]);
  });

  it("reads a named unit in 适用类别", () => {
    const book = validWorkbook();
    setCell(book, "考核指标", "H5", "县法院、县司法局");
    setCell(book, "评分", "F5", 8);
    const input = readOk(book);
    expect(input.indicators[3]?.categories).toEqual(["县法院", "县司法局"]);
    expect(score(input, "县司法局", "3.2")).toBe("8");
  });
});

describe("是/否 cells", () => {
  const cases: [CellValue, boolean][] = [
    ["是", true],
    ["Y", true],
    ["y", true],
    ["√", true],
    ["TRUE", true],
    ["true", true],
    [true, true],
    ["否", false],
    ["N", false],
    ["n", false],
    ["×", false],
    ["FALSE", false],
    [false, false],
    [null, false],
    ["  ", false],
  ];
  it.each(cases)("情节严重 %j → %s", (value, expected) => {
    const book = validWorkbook();
    setCell(book, "加减分", "F3", value);
    expect(readOk(book).adjustments[1]?.serious).toBe(expected);
  });
});

describe("参数", () => {
  const withParam = (name: string, value: CellValue) => {
    const book = validWorkbook();
    setCell(book, "参数", `B${paramRow(name)}`, value);
    return book;
  };

  it.each([0, 6])("accepts 小数位数 %d", (places) => {
    expect(readOk(withParam("小数位数", places)).params.decimals).toBe(places);
  });

  it.each<[CellValue, string]>([
    ["30%", "0.3"],
    ["３０％", "0.3"],
    [0.3, "0.3"],
    [30, "0.3"],
    ["12.5%", "0.125"],
    ["0%", "0"],
    [1, "1"],
  ])("优秀比例上限 %j is the fraction %s", (value, fraction) => {
    expect(readOk(withParam("优秀比例上限", value)).params.excellentQuota.base?.toString()).toBe(fraction);
  });

  it("blank caps mean no cap; missing cap rows give the defaults", () => {
    const blank = readOk(withParam("加分上限", null)).params;
    expect(blank.bonusCap).toBeNull();
    const book = validWorkbook();
    const params = sheetOf(book, "参数");
    params.rows = params.rows.filter((row) => row[0] !== "加分上限" && row[0] !== "小数位数");
    const missing = readOk(book).params;
    expect([missing.bonusCap?.toString(), missing.decimals]).toEqual(["5", 2]);
  });

  it("a missing 参数 sheet gives every default, with a warning", () => {
    const read = readAssessment(removeSheet(validWorkbook(), "参数"));
    expect(read.issues).toEqual([expect.objectContaining({ level: "warning", sheet: "参数", cell: "A1", message: "没有工作表“参数”，全部参数按默认值计算。如需修改参数，请加入“参数”工作表。" })]);
    expect(read.input?.params.year).toBe(new Date().getFullYear());
    expect(read.input?.params.thresholds.base.excellent.toString()).toBe("90");
  });

  it("reads per-group thresholds and quotas over the plain ones", () => {
    const book = validWorkbook();
    appendRow(book, "参数", ["优秀分数线-乡镇", 85]);
    appendRow(book, "参数", ["合格分数线－乡镇", 55]);
    appendRow(book, "参数", ["优秀比例上限-县直单位", "30%"]);
    const params = readOk(book).params;
    const own = params.thresholds.byGroup.get("乡镇");
    expect(own && [own.excellent, own.good, own.pass].map(String)).toEqual(["85", "80", "55"]);
    expect(params.thresholds.byGroup.has("县直单位")).toBe(false);
    expect(params.excellentQuota.byGroup.get("县直单位")?.toString()).toBe("0.3");
  });

  it("reads 互评等级分 with other separators and full-width signs", () => {
    const words = readOk(withParam("互评等级分", "好=95，较好＝85; 一般=70、差=50")).params.ratingWords;
    expect([...words].map(([word, value]) => `${word}=${value.toString()}`)).toEqual(["好=95", "较好=85", "一般=70", "差=50"]);
  });

  it("reads 名次规则 and 空白评分 words", () => {
    const params = readOk(withParam("名次规则", "跳位排名")).params;
    expect(params.rankRule).toBe("competition");
    expect(readOk(withParam("空白评分", "按０分")).params.blankScore).toBe("zero");
  });

  it("a weight for a new group makes that group's ratings usable", () => {
    const book = validWorkbook();
    setCell(book, "考核对象", "D5", "政法单位");
    appendRow(book, "参数", ["互评权重-政法单位", "20%"]);
    expect(readOk(book).params.peerWeights.get("政法单位")?.toString()).toBe("0.2");
  });
});
