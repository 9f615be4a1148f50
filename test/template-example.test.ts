import { describe, expect, it } from "vitest";
import { appliesTo } from "../lib/applies";
import { D, roundHalfUp } from "../lib/decimal";
import type { SheetOut } from "../lib/format";
import { CATEGORIES, defaultRankGroup, HEADERS, INPUT_SHEETS, NOT_APPLICABLE_MARKS } from "../lib/layout";
import { GRADES, type Grade } from "../lib/model";
import { readAssessment } from "../lib/reader";
import { runAssessment } from "../lib/run";
import { buildTemplate, DEFAULT_INDICATORS } from "../lib/template";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";

const book = buildTemplate({ year: 2024, example: true });
const sheet = (name: string): SheetOut => {
  const found = book.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
};
const data = (name: string) => sheet(name).rows.slice(1);

const units = data("考核对象").map((row) => ({
  name: String(row[1]),
  category: String(row[2]),
  lastRank: row[4] as number | null,
  lastGrade: row[5] as string | null,
}));
const unitNames = new Set(units.map((unit) => unit.name));
const adjustments = data("加减分").map((row) => ({ unit: String(row[0]), type: row[1], points: new D(row[2] as number), serious: row[5] === "是", major: row[6] === "是" }));
const peerRows = sheet("上下互评").rows;
const raters = (peerRows[0] ?? []).slice(1).map(String);
const ratingWords: Record<string, string> = { 好: "100", 较好: "85", 一般: "70", 差: "55" };

const sumOf = (values: D[]) => values.reduce((total, value) => total.plus(value), new D(0));

describe("the example county 示例县", () => {
  it("is deterministic: two builds are equal", () => {
    expect(JSON.stringify(buildTemplate({ year: 2024, example: true }))).toBe(JSON.stringify(book));
    expect(book.map((s) => s.name)).toEqual([...INPUT_SHEETS]);
  });

  it("has 60 units with unique names: 20 乡镇 and 40 县直单位 over all seven categories", () => {
    expect(units).toHaveLength(60);
    expect(unitNames.size).toBe(60);
    expect(units.filter((unit) => unit.category === "乡镇")).toHaveLength(20);
    expect(new Set(units.map((unit) => unit.category))).toEqual(new Set(CATEGORIES.map((c) => c.name)));
    expect(data("考核对象").map((row) => row[0])).toEqual(units.map((_, index) => index + 1));
    expect(sheet("说明").rows[0]?.[0]).toBe("示例县2024年度法治建设考核工作簿  填写说明");
    expect(sheet("说明").rows[1]?.[0]).toMatch(/^本工作簿是示例.*虚构数据/);
  });

  it("keeps values plain: strings, decimal-exact numbers and blanks only", () => {
    for (const s of book) {
      for (const row of s.rows) {
        for (const value of row) {
          if (typeof value === "number") expect(new D(value).toString()).toBe(String(value));
          else expect(value === null || typeof value === "string").toBe(true);
        }
      }
    }
  });

  it("scores applicable cells in half points within the 分值, with a few 不适用 or / typed by the unit", () => {
    const rows = data("评分").slice(1);
    expect(rows.map((row) => row[0])).toEqual(units.map((unit) => unit.name));
    const typedMarks: string[] = [];
    rows.forEach((row, u) => {
      const unit = units[u];
      if (unit === undefined) throw new Error("row without unit");
      expect(row[1]).toBe(unit.category);
      DEFAULT_INDICATORS.forEach((indicator, i) => {
        const cell = row[i + 2];
        if (!appliesTo(indicator, unit)) {
          expect(cell).toBe("不适用");
        } else if (typeof cell === "string") {
          expect(NOT_APPLICABLE_MARKS).toContain(cell);
          typedMarks.push(`${unit.name} ${indicator.code} ${cell}`);
        } else {
          const score = new D(cell as number);
          expect(score.times(2).isInteger()).toBe(true);
          expect(score.gte(0) && score.lte(indicator.maxPoints)).toBe(true);
          // Mostly 70–100% of 分值: allow the low units' odd lower cell.
          expect(score.gte(new D(indicator.maxPoints).times("0.5"))).toBe(true);
        }
      });
    });
    expect(typedMarks).toEqual(["新习镇 3.2.3 /", "县人民检察院 3.3.2 不适用", "县供电公司 3.2.3 /", "县供电公司 3.5.4 不适用"]);
  });

  it("surveys most units by percentage or by ballots, never both, and leaves a few out", () => {
    const rows = data("满意度");
    const percent = rows.filter((row) => typeof row[1] === "number" && row.length === 2);
    const ballots = rows.filter((row) => row[1] === null && row.slice(2, 6).every((v) => typeof v === "number" && Number.isInteger(v) && v >= 0));
    expect(percent.length + ballots.length).toBe(rows.length);
    expect(percent.length).toBeGreaterThan(10);
    expect(ballots.length).toBeGreaterThan(10);
    expect(percent.some((row) => !Number.isInteger(row[1]))).toBe(true);
    for (const row of percent) expect((row[1] as number) >= 0 && (row[1] as number) <= 100).toBe(true);
    const surveyed = new Set(rows.map((row) => String(row[0])));
    expect(surveyed.size).toBe(rows.length);
    for (const name of surveyed) expect(unitNames.has(name)).toBe(true);
    expect(units.filter((unit) => !surveyed.has(unit.name)).map((unit) => unit.name)).toEqual([
      "县委统战部", "县委编办", "县人大常委会办公室", "县政协办公室", "县科协", "县残联",
    ]);
  });

  it("has peer ratings as numbers and words, a self-rating, a group of 6 or more, and units with no rating at all", () => {
    for (const name of raters) expect(unitNames.has(name)).toBe(true);
    const cells = peerRows.slice(1).flatMap((row) => row.slice(1).map((value, column) => ({ ratee: String(row[0]), rater: raters[column], value })));
    const given = cells.filter((cell) => cell.value !== null && cell.value !== "/");
    for (const cell of given) {
      if (typeof cell.value === "string") expect(Object.keys(ratingWords)).toContain(cell.value);
      else expect(cell.value as number).toBeGreaterThanOrEqual(50);
    }
    expect(given.some((cell) => typeof cell.value === "string")).toBe(true);
    expect(given.some((cell) => typeof cell.value === "number")).toBe(true);
    expect(given.filter((cell) => cell.ratee === cell.rater).map((cell) => cell.ratee)).toEqual(["县司法局"]);
    const category = new Map(units.map((unit) => [unit.name, unit.category]));
    const countFrom = (ratee: string, group: string) => given.filter((cell) => cell.ratee === ratee && defaultRankGroup(category.get(cell.rater ?? "") ?? "") === group).length;
    expect(countFrom("城关镇", "县直单位")).toBeGreaterThanOrEqual(6);
    expect(countFrom("县公安局", "乡镇")).toBeGreaterThanOrEqual(6);
    const rated = new Set(given.map((cell) => cell.ratee));
    for (const name of ["县人民法院", "县人民检察院", "县总工会", "县委办公室", "县人大常委会办公室"]) expect(rated.has(name)).toBe(false);
    for (const name of rated) expect(unitNames.has(name)).toBe(true);
  });

  it("has a capped 加分 (sum over 5), a capped 扣分 (sum over 10), a serious 扣分 and a 重大法治问题", () => {
    const sum = (unit: string, type: string) => sumOf(adjustments.filter((a) => a.unit === unit && a.type === type).map((a) => a.points)).toString();
    expect(sum("城关镇", "加分")).toBe("6.5");
    expect(sum("五星乡", "扣分")).toBe("11");
    expect(adjustments.filter((a) => a.serious).map((a) => a.unit)).toEqual(["县自然资源局"]);
    expect(adjustments.filter((a) => a.major).map((a) => a.unit)).toEqual(["县住房和城乡建设局"]);
    for (const a of adjustments) {
      expect(unitNames.has(a.unit)).toBe(true);
      expect(["加分", "扣分"]).toContain(a.type);
      expect(a.points.gt(0)).toBe(true);
    }
  });

  it("fills 上年名次 and 上年等次 per rank group (two new units have none)", () => {
    const byName = new Map(units.map((unit) => [unit.name, unit]));
    expect(byName.get("五星乡")?.lastRank).toBe(3);
    expect(byName.get("城关镇")).toMatchObject({ lastRank: 1, lastGrade: "优秀" });
    expect(units.filter((unit) => unit.lastRank === null).map((unit) => unit.name)).toEqual(["县城市管理局", "县科协"]);
    for (const group of ["乡镇", "县直单位"]) {
      const ranks = units.filter((unit) => defaultRankGroup(unit.category) === group && unit.lastRank !== null).map((unit) => unit.lastRank);
      expect([...ranks].sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(ranks.map((_, index) => index + 1));
    }
    for (const unit of units) if (unit.lastGrade !== null) expect(GRADES).toContain(unit.lastGrade);
  });

  it("spreads over all four grades by a rough estimate of spec §4 (the real rules are tested on it elsewhere)", () => {
    const estimate = estimateTotals();
    const grades = new Map([...estimate].map(([name, e]) => [name, e.grade]));
    expect(new Set(grades.values())).toEqual(new Set(GRADES));
    expect(grades.get("城关镇")).toBe("优秀");
    expect(grades.get("五星乡")).toBe("不合格");
    expect(estimate.get("县自然资源局")?.total.gte(90)).toBe(true);
    expect(grades.get("县自然资源局")).toBe("良好");
    const towns = [...estimate].filter(([name]) => units.find((unit) => unit.name === name)?.category === "乡镇");
    const lowest = towns.reduce((low, entry) => (entry[1].total.lt(low[1].total) ? entry : low));
    expect(lowest[0]).toBe("五星乡");
    if (process.env.SHOW_ESTIMATE) console.log([...estimate].map(([name, e]) => `${name} ${e.total.toFixed(2)} ${e.grade}`).join("\n"));
  });
});

describe("the example through the reader and the rules", () => {
  const grids = { sheets: book.map((s) => ({ name: s.name, rows: s.rows })) };
  const outcome = runAssessment(grids);
  const byName = new Map((outcome.result?.units ?? []).map((u) => [u.unit.name, u]));

  it("reads without a single problem", () => {
    const read = readAssessment(grids);
    expect(read.issues).toEqual([]);
    expect(read.input?.units).toHaveLength(60);
    expect(read.input?.indicators).toHaveLength(34);
  });

  it("scores with only the expected warnings: one self-rating (县司法局 rates itself at AA27) and one line for the 16 units nobody rated", () => {
    expect(outcome.issues.filter((i) => i.level === "error")).toEqual([]);
    const self = outcome.issues.filter((i) => i.code === "rules.selfRating");
    expect(self.map((i) => `${i.sheet}!${i.cell}`)).toEqual(["上下互评!AA27"]);
    // 党委机关 7 + 人大政协 2 + 法院检察院 2 + 群团机关 5, told in one line at the first one's row of 考核对象
    // (none of them has a row in 上下互评), each unit's own row kept in places.
    const unrated = outcome.issues.filter((i) => i.code === "rules.noPeerRatings");
    expect(unrated).toHaveLength(1);
    expect(unrated[0]).toMatchObject({ sheet: "考核对象", cell: "B22" });
    expect(unrated[0]?.message).toBe(
      "16 个单位没有收到互评评分：县委办公室、县纪委监委机关、县委组织部、县委宣传部、县委统战部、县委政法委、县委编办、县人大常委会办公室、县政协办公室、县人民法院、县人民检察院、县总工会、团县委、县妇联、县科协、县残联，此项不计，按实际应得分换算。如有评分，请在上下互评表中填写。",
    );
    expect(unrated[0]?.places).toHaveLength(16);
    expect(unrated[0]?.places?.every((place) => place.sheet === "考核对象" && /^B\d+$/.test(place.cell))).toBe(true);
    expect(outcome.issues).toHaveLength(2);
    expect(outcome.outputs?.map((o) => o.name)).toEqual(["结果", "计算说明", "汇总"]);
  });

  it("gives all four grades and the notes the example was made for", () => {
    expect(new Set([...byName.values()].map((u) => u.grade))).toEqual(new Set(GRADES));
    const notes = (name: string) => byName.get(name)?.notes.join(" ") ?? "";
    expect(notes("城关镇")).toContain("加分合计6.5分，按上限计5分");
    expect(notes("城关镇")).toContain("连续两年优秀");
    expect(byName.get("五星乡")?.grade).toBe("不合格");
    expect(notes("五星乡")).toContain("扣分合计11分，按上限计10分");
    expect(notes("五星乡")).toContain("排名最后");
    expect(notes("五星乡")).toContain("退步较大");
    expect(notes("五星乡")).toContain("约谈、责令整改");
    expect(byName.get("县自然资源局")?.total.gte(90)).toBe(true);
    expect(byName.get("县自然资源局")?.grade).toBe("良好");
    expect(notes("县住房和城乡建设局")).toContain("约谈、责令整改");
    expect(notes("县委统战部")).toContain("未参加满意度调查");
  });

  it("agrees with the plain re-statement of spec §4 on every unit's 总分 and 等次", () => {
    const estimate = estimateTotals();
    for (const [name, unit] of byName) {
      expect([name, unit.total.toFixed(2), unit.grade]).toEqual([name, estimate.get(name)?.total.toFixed(2), estimate.get(name)?.grade]);
    }
  });

  it("survives a round trip through an .xlsx file (text 编号, numbers, marks)", async () => {
    const bytes = await buildWorkbook(book);
    const read = readAssessment(await readWorkbookGrids(bytes));
    expect(read.issues).toEqual([]);
    expect(read.input?.indicators.map((i) => i.code).slice(0, 2)).toEqual(["1.1", "1.2"]);
  });

  it("the empty template reads with only the missing units reported", async () => {
    const empty = buildTemplate({ year: 2024 });
    const read = readAssessment(await readWorkbookGrids(await buildWorkbook(empty)));
    expect(read.issues.filter((i) => i.level === "error").map((i) => i.code)).toEqual(["unit.none"]);
  });
});

/**
 * A deliberately plain re-statement of spec §4 (2 decimals, no ties or quotas), to check the example's design.
 * Every figure 计算说明 shows (满意度%, each group's mean, the weighted peer score) is rounded before it is used,
 * as spec §4 says: "each figure is computed from the rounded figures shown before it".
 */
function estimateTotals(): Map<string, { total: D; grade: Grade }> {
  const category = new Map(units.map((unit) => [unit.name, unit.category]));
  const scoreRows = data("评分").slice(1);
  const satisfaction = new Map(data("满意度").map((row) => [String(row[0]), row]));
  const result = new Map<string, { total: D; grade: Grade }>();
  units.forEach((unit, u) => {
    let earned = new D(0);
    let possible = new D(0);
    DEFAULT_INDICATORS.forEach((indicator, i) => {
      const cell = scoreRows[u]?.[i + 2];
      if (typeof cell === "number") {
        earned = earned.plus(cell);
        possible = possible.plus(indicator.maxPoints);
      }
    });
    const survey = satisfaction.get(unit.name);
    if (survey !== undefined) {
      const percent =
        typeof survey[1] === "number"
          ? new D(survey[1])
          : new D(survey[2] as number).times(100).plus(new D(survey[3] as number).times(80)).plus(new D(survey[4] as number).times(30))
              .div(new D(survey[2] as number).plus(survey[3] as number).plus(survey[4] as number));
      earned = earned.plus(roundHalfUp(roundHalfUp(percent, 2).div(10), 2));
      possible = possible.plus(10);
    }
    const row = peerRows.find((r) => r[0] === unit.name);
    const groups = new Map<string, D[]>();
    row?.slice(1).forEach((value, column) => {
      const rater = raters[column] ?? "";
      if (value === null || value === "/" || rater === unit.name) return;
      const rating = typeof value === "string" ? new D(ratingWords[value] ?? "0") : new D(value as number);
      const group = defaultRankGroup(category.get(rater) ?? "");
      groups.set(group, [...(groups.get(group) ?? []), rating]);
    });
    if (groups.size > 0) {
      const means = [...groups.values()].map((ratings) => {
        const sorted = [...ratings].sort((a, b) => a.comparedTo(b));
        const kept = sorted.length >= 6 ? sorted.slice(1, -1) : sorted;
        return roundHalfUp(sumOf(kept).div(kept.length), 2);
      });
      earned = earned.plus(roundHalfUp(roundHalfUp(sumOf(means).div(means.length), 2).div(10), 2));
      possible = possible.plus(10);
    }
    const normalised = roundHalfUp(earned.div(possible).times(100), 2);
    const mine = adjustments.filter((a) => a.unit === unit.name);
    const bonus = D.min(sumOf(mine.filter((a) => a.type === "加分").map((a) => a.points)), 5);
    const penalty = D.min(sumOf(mine.filter((a) => a.type === "扣分").map((a) => a.points)), 10);
    const total = normalised.plus(bonus).minus(penalty);
    let grade: Grade = total.gte(90) ? "优秀" : total.gte(80) ? "良好" : total.gte(60) ? "合格" : "不合格";
    if (grade === "优秀" && mine.some((a) => a.serious)) grade = "良好";
    // 平时考核: 取消评先资格 = 是 bars 优秀 too.
    if (grade === "优秀" && data("平时考核").some((r) => r[0] === unit.name && r[HEADERS.daily.indexOf("取消评先资格")] === "是")) grade = "良好";
    result.set(unit.name, { total, grade });
  });
  return result;
}
