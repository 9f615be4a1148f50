/**
 * Issue 15, items 3 and 4: who is a 评议单位 (参数 互评评议单位, one rule for 生成评分表, 分发 and 进度), and the
 * minimums 互评最少评议数 / 满意度最少有效票数 below which the item does not apply. Figures worked out by hand on
 * the small workbook of test/helpers/workbook.ts.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeForms, progressOf, readMaster } from "../lib/forms";
import type { WorkbookGrids } from "../lib/grid";
import { PARAM, SHEET } from "../lib/layout";
import { peerRaters } from "../lib/raters";
import { readAssessment } from "../lib/reader";
import { checkAssessment, runAssessment } from "../lib/run";
import { layoutSheets } from "../lib/template";
import { blankMaster, clone, exampleBook, grid, nodeDigest } from "./helpers/forms";
import { paramRow, setCell, validWorkbook } from "./helpers/workbook";

function withParam(book: WorkbookGrids, name: string, value: string | number | null): WorkbookGrids {
  return setCell(book, SHEET.params, `B${paramRow(name)}`, value);
}

function unitResult(book: WorkbookGrids, name: string) {
  const outcome = runAssessment(book);
  if (outcome.result === null) throw new Error(JSON.stringify(outcome.issues));
  const unit = outcome.result.units.find((u) => u.unit.name === name);
  if (unit === undefined) throw new Error(`no unit ${name}`);
  return { unit, issues: outcome.issues };
}

/** The example county after 生成评分表: every unit of 考核对象 now has a (mostly empty) rater column in 上下互评. */
function exampleAfterLayout(source: WorkbookGrids): WorkbookGrids {
  const book = clone(source);
  for (const sheet of layoutSheets(book).sheets) {
    const found = book.sheets.find((s) => s.name === sheet.name);
    if (found !== undefined) found.rows = sheet.rows.map((row) => [...row]);
  }
  return book;
}

describe("评议单位: one rule (lib/raters.ts)", () => {
  const units = [
    { name: "城关镇", category: "乡镇", rankGroup: "乡镇" },
    { name: "县司法局", category: "政府部门", rankGroup: "县直单位" },
    { name: "县法院", category: "法院检察院", rankGroup: "县直单位" },
    { name: "县委办", category: "党委机关", rankGroup: "县直单位" },
  ];

  it("参数 names 类别 or 排名分组: those units, and any unit whose column already holds a rating", () => {
    expect(peerRaters(units, ["乡镇", "政府部门"], new Set())).toEqual(["城关镇", "县司法局"]);
    expect(peerRaters(units, ["县直单位"], new Set())).toEqual(["县司法局", "县法院", "县委办"]);
    expect(peerRaters(units, ["乡镇"], new Set(["县委办"]))).toEqual(["城关镇", "县委办"]);
  });

  it("blank: the columns holding a rating or 不适用, or every unit when none holds anything yet", () => {
    expect(peerRaters(units, null, new Set(["县法院", "城关镇"]))).toEqual(["城关镇", "县法院"]);
    expect(peerRaters(units, null, new Set())).toEqual(["城关镇", "县司法局", "县法院", "县委办"]);
  });

  it("the example (互评评议单位 = 乡镇、政府部门): 生成评分表 keeps 38 rater columns, 分发 sends 38 互评表, 进度 chases 38", async () => {
    const laidOut = exampleAfterLayout(exampleBook());
    expect((grid(laidOut, SHEET.peer)[0] ?? []).length).toBe(1 + 38);
    const blank = blankMaster(laidOut);
    const read = await readMaster(blank, nodeDigest);
    if (read.master === null) throw new Error(JSON.stringify(read.issues));
    expect(makeForms(read.master, "2027-01-05").filter((form) => form.kind === "rating")).toHaveLength(38);
    const progress = progressOf(read.master.input, blank);
    expect(progress.raters).toHaveLength(38);
    expect(progress.raters.some((rater) => rater.name === "县委办公室")).toBe(false);
  });

  it("互评评议单位 blank: 生成评分表 gives every unit a column, but only the 38 columns holding ratings are chased", () => {
    const book = withParam(exampleBook(), PARAM.peerRaters, null);
    const laidOut = exampleAfterLayout(book);
    expect((grid(laidOut, SHEET.peer)[0] ?? []).length).toBe(1 + 60);
    const read = readAssessment(laidOut);
    if (read.input === null) throw new Error("unreadable");
    const raters = progressOf(read.input, laidOut).raters;
    expect(raters).toHaveLength(38);
    expect(raters.every((rater) => rater.given <= rater.expected)).toBe(true);
  });

  it("with 互评评议单位 = 乡镇、政府部门, 生成评分表 gives only those units a rater column and 分发 a 互评表", async () => {
    const book = withParam(validWorkbook(), PARAM.peerRaters, "乡镇、政府部门");
    // 县法院 has not rated anybody yet: its column is empty.
    for (const row of grid(book, SHEET.peer).slice(1)) row[4] = null;
    const peer = layoutSheets(book).sheets.find((sheet) => sheet.name === SHEET.peer);
    expect(peer?.rows[0]).toEqual(["被评单位", "城关镇", "柳屯镇", "县司法局"]);
    expect(peer?.rows.map((row) => row[0])).toEqual(["被评单位", "城关镇", "柳屯镇", "县司法局", "县法院"]);
    const read = await readMaster(book, nodeDigest);
    if (read.master === null) throw new Error(JSON.stringify(read.issues));
    expect(makeForms(read.master, "2027-01-05").filter((form) => form.kind === "rating").map((form) => form.owner)).toEqual(["城关镇", "柳屯镇", "县司法局"]);
  });

  it("a 参数 word that is no 类别 or 排名分组 is a warning at its cell, naming the word", () => {
    const book = withParam(validWorkbook(), PARAM.peerRaters, "乡镇、县直机关");
    const issue = checkAssessment(book).find((i) => i.code === "param.unknownRaterGroup");
    expect(issue?.cell).toBe(`B${paramRow(PARAM.peerRaters)}`);
    expect(issue?.message).toBe(
      "参数“互评评议单位”中的“县直机关”不是考核对象中任何单位的类别或排名分组，这些单位不会参加互评。请改为考核对象中的类别（乡镇、政府部门、法院检察院）或排名分组，用“、”分隔。",
    );
  });
});

describe("互评最少评议数", () => {
  it("off by default: every unit with ratings has its 互评得分", () => {
    expect(unitResult(validWorkbook(), "城关镇").unit.peer?.toString()).not.toBeUndefined();
  });

  it("3 ratings against a minimum of 4: 互评 does not apply, 换算 without it, a 提示 naming the count", () => {
    // 柳屯镇 received 80 (城关镇), 较好 = 85 (县司法局), 一般 = 70 (县法院): 3 counted ratings.
    const { unit, issues } = unitResult(withParam(validWorkbook(), PARAM.peerMinRatings, 4), "柳屯镇");
    expect(unit.peer).toBeNull();
    // 应得分 19.5 (5 + 4.5 + 10) + 满意度 10 = 29.5; 实得分 17 + 满意度 9.40 (4700 ÷ 50 = 94.00%) = 26.40;
    // 换算 = 26.40 ÷ 29.5 × 100 = 89.49.
    expect(unit.possible.toString()).toBe("29.5");
    expect(unit.normalised.toFixed(2)).toBe("89.49");
    expect(unit.notes).toContain("收到互评3份，少于4份，此项不计，按实际应得分换算");
    // Every unit of the small workbook received 3 ratings: one 提示 names them all, each cell listed.
    const grouped = issues.filter((i) => i.code === "rules.fewPeerRatings");
    expect(grouped).toHaveLength(1);
    expect(grouped[0]?.message).toBe(
      "4 个单位收到的可计入互评评分少于参数“互评最少评议数”：城关镇、柳屯镇、县司法局、县法院，互评此项不计，按实际应得分换算（各单位收到几份写在结果的提示列）。如有漏填的评分，请在上下互评表中补上；如不设下限，请清空该参数。",
    );
    expect(grouped[0]?.places).toHaveLength(4);
    // At the minimum nobody is told anything.
    const one = unitResult(withParam(validWorkbook(), PARAM.peerMinRatings, 3), "柳屯镇");
    expect(one.issues.some((i) => i.code === "rules.fewPeerRatings")).toBe(false);
  });

  it("3 ratings against a minimum of 3: counted as without a minimum", () => {
    const without = unitResult(validWorkbook(), "柳屯镇").unit;
    const atMinimum = unitResult(withParam(validWorkbook(), PARAM.peerMinRatings, 3), "柳屯镇").unit;
    // 乡镇组 80; 县直单位组 (85 + 70) ÷ 2 = 77.5; (80 × 50% + 77.5 × 50%) ÷ 100% = 78.75; 78.75 ÷ 100 × 10 = 7.88 (half up).
    expect(atMinimum.peer?.toString()).toBe("7.88");
    expect(atMinimum.normalised.toString()).toBe(without.normalised.toString());
  });

  it("refuses a minimum that is not a whole number ≥ 1, at its cell", () => {
    const issues = checkAssessment(withParam(validWorkbook(), PARAM.peerMinRatings, 2.5));
    const issue = issues.find((i) => i.cell === `B${paramRow(PARAM.peerMinRatings)}`);
    expect(issue?.level).toBe("error");
    expect(issue?.message).toBe("这里应填写不小于 1 的整数，或留空表示不设下限，现在是“2.5”。请改正。");
  });
});

describe("满意度最少有效票数", () => {
  it("50 countable ballots (40 + 8 + 2; 5 不了解 not counted) against 51: 满意度 does not apply, with a 提示", () => {
    const { unit, issues } = unitResult(withParam(validWorkbook(), PARAM.satisfactionMinBallots, 51), "柳屯镇");
    expect(unit.satisfaction).toBeNull();
    // 应得分 19.5 + 互评 10 = 29.5; 实得分 17 + 7.88 = 24.88; 24.88 ÷ 29.5 × 100 = 84.34.
    expect(unit.possible.toString()).toBe("29.5");
    expect(unit.normalised.toFixed(2)).toBe("84.34");
    expect(unit.notes).toContain("满意度有效票50张，少于51张，此项不计，按实际应得分换算");
    expect(unit.notes).not.toContain("未参加满意度调查，按实际应得分换算");
    expect(issues.find((i) => i.code === "rules.fewBallots")?.message).toBe(
      "“柳屯镇”的满意度只有 50 张有效票（满意、基本满意、不满意），少于参数“满意度最少有效票数”51，满意度此项不计，按实际应得分换算。如票数有误，请在满意度表中改正；如不设下限，请清空该参数。",
    );
  });

  it("50 against 50 counts; a typed 满意度(%) is not held to the minimum", () => {
    expect(unitResult(withParam(validWorkbook(), PARAM.satisfactionMinBallots, 50), "柳屯镇").unit.satisfaction?.toString()).toBe("9.4");
    // 城关镇 typed 93.5%: 93.5 ÷ 100 × 10 = 9.35 whatever the minimum.
    expect(unitResult(withParam(validWorkbook(), PARAM.satisfactionMinBallots, 1000), "城关镇").unit.satisfaction?.toString()).toBe("9.35");
  });

  it("property: a minimum only takes the item away, below it, and never changes a figure it lets count", () => {
    const base = validWorkbook();
    const plain = readAssessment(base);
    expect(plain.input).not.toBeNull();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 120 }),
        fc.integer({ min: 1, max: 5 }),
        (satisfied, basic, unsatisfied, minBallots, minRatings) => {
          const countable = satisfied + basic + unsatisfied;
          fc.pre(countable > 0);
          const book = clone(base);
          const row = grid(book, SHEET.satisfaction)[2] ?? [];
          row[2] = satisfied;
          row[3] = basic;
          row[4] = unsatisfied;
          const free = unitResult(book, "柳屯镇").unit;
          withParam(book, PARAM.satisfactionMinBallots, minBallots);
          withParam(book, PARAM.peerMinRatings, minRatings);
          const held = unitResult(book, "柳屯镇").unit;
          if (countable < minBallots) expect(held.satisfaction).toBeNull();
          else expect(held.satisfaction?.toString()).toBe(free.satisfaction?.toString());
          // 柳屯镇 received 3 counted ratings.
          if (3 < minRatings) expect(held.peer).toBeNull();
          else expect(held.peer?.toString()).toBe(free.peer?.toString());
          if (countable >= minBallots && 3 >= minRatings) expect(held.normalised.toString()).toBe(free.normalised.toString());
        },
      ),
      { numRuns: 40 },
    );
  });
});
