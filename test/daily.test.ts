// 平时考核 (issue 18, seed 002 双月检查、季度点评): hand-worked cases on the small valid workbook of helpers/workbook.ts.
//
// Its figures without 平时考核, by hand (default 参数, 2 decimals; 上下互评 rows are the units rated):
// - 城关镇: 指标 5 + 4 + 9.5 = 18.5 of 19.5; 满意度 93.5% → 9.35; 互评 乡镇组 90, 县直单位组 (100 + 85) / 2 = 92.5 →
//   0.5 × 90 + 0.5 × 92.5 = 91.25 → 9.13 (9.125 half up). 实得 18.5 + 9.35 + 9.13 = 36.98 of 39.5 → 93.62; 加分 2 →
//   总分 95.62, 优秀 (上年 优秀: 连续两年优秀).
// - 柳屯镇: 指标 4.5 + 4.5 + 8 = 17 of 19.5; 满意度 (40×100 + 8×80 + 2×30) / 50 = 94.00% → 9.40; 互评 乡镇组 80,
//   县直单位组 (85 + 70) / 2 = 77.5 → 78.75 → 7.88 (7.875 half up). 实得 34.28 of 39.5 → 86.78 (86.7848…), 良好.
// - 县司法局: 指标 3 + 3.5 + 10 = 16.5 of 19.5; 满意度 88% → 8.80; 互评 乡镇组 (90 + 85) / 2 = 87.5, 县直单位组 95 →
//   91.25 → 9.13. 实得 34.43 → 87.16 (87.1645…); 扣分 1.5 (情节严重) → 85.66, 良好.
// - 县法院: 指标 4 + 4 + 9 = 17 of 19.5, not surveyed; 互评 乡镇组 (88 + 86) / 2 = 87, 县直单位组 92 → 89.5 → 8.95.
//   实得 25.95 of 29.5 → 87.97 (87.9661…), 良好.
// 平时考核 columns (HEADERS.daily): A 单位名称, B–M 1月…12月台账, N–S 第1…6次检查, T–W 第1…4季度点评, X 取消评先资格, Y 事由.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue, WorkbookGrids } from "../lib/grid";
import { HEADERS, PARAM } from "../lib/layout";
import type { DailyRecord } from "../lib/model";
import { runQuarter } from "../lib/quarter";
import { readAssessment } from "../lib/reader";
import { quarterChecks, quarterMonths } from "../lib/rules/quarterReview";
import { selfCriticismStreak } from "../lib/rules/reviewStreak";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";
import { appendRow, paramRow, setCell, validWorkbook } from "./helpers/workbook";

type Cells = Partial<Record<(typeof HEADERS.daily)[number], CellValue>>;

/** The valid workbook with a 平时考核 sheet of the given rows (unit, cells by header). */
function withDaily(rows: [string, Cells][], params: Record<string, CellValue> = {}): WorkbookGrids {
  const book = validWorkbook();
  book.sheets.push({ name: "平时考核", rows: [[...HEADERS.daily], ...rows.map(([unit, cells]) => HEADERS.daily.map((h, i) => (i === 0 ? unit : (cells[h] ?? null))))] });
  for (const [name, value] of Object.entries(params)) setCell(book, "参数", `B${paramRow(name)}`, value);
  return book;
}

function scored(book: WorkbookGrids) {
  const out = runAssessment(book);
  expect(out.issues.filter((i) => i.level === "error")).toEqual([]);
  if (out.result === null) throw new Error("not scored");
  const byName = new Map(out.result.units.map((u) => [u.unit.name, u]));
  const unit = (name: string) => {
    const found = byName.get(name);
    if (found === undefined) throw new Error(name);
    return { total: found.total.toFixed(2), grade: found.grade, rank: found.rank, notes: found.notes, penalty: found.penalty.toFixed(2), bonus: found.bonus.toFixed(2), audit: found.audit };
  };
  return { unit, outputs: out.outputs };
}

const STREAK_NOTE = "连续两次在季度点评会议上作检查性发言（第2、3季度），通报批评，约谈主要领导";

describe("rule D1: two consecutive 检查性发言", () => {
  it("Q2 and Q3: 通报批评，约谈主要领导; with the 扣分 参数 blank nothing else changes (86.78)", () => {
    const { unit } = scored(withDaily([["柳屯镇", { 第2季度点评: "检查性发言", 第3季度点评: "检查性发言" }]]));
    expect(unit("柳屯镇")).toMatchObject({ total: "86.78", grade: "良好", penalty: "0.00" });
    expect(unit("柳屯镇").notes).toContain(STREAK_NOTE);
  });

  it("Q1 and Q3 are not consecutive: no such note", () => {
    const { unit } = scored(withDaily([["柳屯镇", { 第1季度点评: "检查性发言", 第3季度点评: "检查性发言" }]]));
    expect(unit("柳屯镇").notes.join("|")).not.toMatch(/连续两次/);
  });

  it("law: a streak is found exactly when two neighbouring quarters are both 检查性发言", () => {
    const mark = fc.constantFrom<"selfCriticism" | "experience" | null>("selfCriticism", "experience", null);
    fc.assert(
      fc.property(fc.array(mark, { minLength: 4, maxLength: 4 }), (marks) => {
        const record: Pick<DailyRecord, "reviews"> = { reviews: marks.map((m) => (m === null ? null : { mark: m, ref: { sheet: "平时考核", cell: "T2" } })) };
        const pairs = [0, 1, 2].filter((q) => marks[q] === "selfCriticism" && marks[q + 1] === "selfCriticism");
        const streak = selfCriticismStreak(record);
        expect(streak !== null).toBe(pairs.length > 0);
        // Every quarter listed is a 检查性发言 next to another one.
        for (const q of streak ?? []) expect(marks[q - 1] === "selfCriticism" && (marks[q - 2] === "selfCriticism" || marks[q] === "selfCriticism")).toBe(true);
      }),
    );
  });
});

describe("rule D4: generated 加减分 go through the caps with the register's", () => {
  it("检查性发言扣分 6 twice + a 加减分 扣分 5 = 17, capped at 10: 86.78 − 10 = 76.78, 合格", () => {
    const book = withDaily([["柳屯镇", { 第2季度点评: "检查性发言", 第3季度点评: "检查性发言" }]], { [PARAM.selfCriticismPenalty]: 6 });
    appendRow(book, "加减分", ["柳屯镇", "扣分", 5, "行政复议纠错", "复议决定书", "否", "否"]);
    const { unit } = scored(book);
    expect(unit("柳屯镇")).toMatchObject({ total: "76.78", grade: "合格", penalty: "10.00" });
    expect(unit("柳屯镇").notes).toContain("扣分合计17分，按上限计10分");
    const penaltyLine = unit("柳屯镇").audit.find((line) => line.item === "扣分")?.explanation ?? "";
    // Each generated record names the cell it came from: 第2季度 is U2, 第3季度 V2.
    expect(penaltyLine).toContain("第2季度点评会议作检查性发言（平时考核!U2） 6");
    expect(penaltyLine).toContain("第3季度点评会议作检查性发言（平时考核!V2） 6");
    expect(penaltyLine).toContain("行政复议纠错 5");
  });

  it("经验介绍加分 1: 86.78 + 1 = 87.78", () => {
    const { unit } = scored(withDaily([["柳屯镇", { 第1季度点评: "经验介绍" }]], { [PARAM.experienceBonus]: 1 }));
    expect(unit("柳屯镇")).toMatchObject({ total: "87.78", bonus: "1.00" });
  });

  it("台账未报扣分 0.5 per 未报: 县法院 未报 twice → 扣分 1.00, 87.97 → 86.97; 逾期 1 + 未报 2 reach 台账提示次数 3", () => {
    const cells: Cells = { "1月台账": "逾期", "2月台账": "未报", "3月台账": "按时", "4月台账": "未报" };
    const { unit } = scored(withDaily([["县法院", cells]], { [PARAM.ledgerMissingPenalty]: 0.5 }));
    expect(unit("县法院")).toMatchObject({ total: "86.97", penalty: "1.00" });
    expect(unit("县法院").notes).toContain("工作台账逾期1次、未报2次");
  });

  it("with every 参数 blank (the template's default) 平时考核 adds no point: the four totals stay as without it", () => {
    const all: Cells = { "1月台账": "未报", 第1季度点评: "检查性发言", 第2季度点评: "经验介绍", 第1次检查: 60 };
    const { unit } = scored(withDaily(["城关镇", "柳屯镇", "县司法局", "县法院"].map((name) => [name, all])));
    expect(["城关镇", "柳屯镇", "县司法局", "县法院"].map((name) => unit(name).total)).toEqual(["95.62", "86.78", "85.66", "87.97"]);
  });

  it("台账提示次数 4: three lapses give no 提示", () => {
    const { unit } = scored(withDaily([["县法院", { "1月台账": "逾期", "2月台账": "未报", "4月台账": "未报" }]], { [PARAM.ledgerNoticeCount]: 4 }));
    expect(unit("县法院").notes.join("|")).not.toMatch(/台账/);
  });
});

describe("rule D5: 取消评先资格", () => {
  it("the top unit 城关镇 (95.62) is 良好, keeps 名次 1, and is no longer 连续两年优秀", () => {
    const { unit } = scored(withDaily([["城关镇", { 取消评先资格: "是", 取消评先事由: "创建工作严重滞后" }]]));
    expect(unit("城关镇")).toMatchObject({ total: "95.62", grade: "良好", rank: 1 });
    expect(unit("城关镇").notes).toContain("取消年度评先资格（创建工作严重滞后），不得评为优秀，定为良好");
    expect(unit("城关镇").notes.join("|")).not.toMatch(/连续两年优秀/);
    expect(unit("城关镇").audit.find((line) => line.item === "等次")?.explanation).toMatch(/取消评先资格，不得评为优秀，定为良好$/);
    expect(unit("城关镇").audit.find((line) => line.item === "平时考核")?.explanation).toContain("取消评先资格（平时考核!X2）：创建工作严重滞后");
  });

  it("on a unit that is not 优秀 it only notes the decision", () => {
    const { unit } = scored(withDaily([["县法院", { 取消评先资格: "是", 取消评先事由: "严重影响创建工作整体进度" }]]));
    expect(unit("县法院")).toMatchObject({ total: "87.97", grade: "良好" });
    expect(unit("县法院").notes).toContain("取消年度评先资格（严重影响创建工作整体进度）");
  });
});

describe("rule D3: 双月检查 fill the indicator 参数 双月检查指标 names", () => {
  const checks: Cells = { 第1次检查: 90, 第2次检查: "较好", 第3次检查: 80 };

  it("县司法局 90, 较好 (85), 80 → mean 85.00 → 1.1 = 85 ÷ 100 × 5 = 4.25; a score typed in 评分 is then an error", () => {
    const read = readAssessment(withDaily([["县司法局", checks]], { [PARAM.checkIndicator]: "1.1" }));
    const errors = read.issues.filter((i) => i.level === "error");
    expect(errors.map((i) => [i.sheet, i.cell, i.message])).toEqual([
      ["评分", "C5", "单位“县司法局”的指标“1.1”由平时考核的双月检查平均分计算（参数“双月检查指标”），但评分表这里也填了分数。请清空此格（检查结果见 平时考核!N2:P2），或把参数“双月检查指标”留空。"],
    ]);
  });

  it("with 评分!C5 cleared: 指标得分 17.75, 换算 35.68 / 39.5 → 90.33, − 1.5 = 88.83; 计算说明 shows where 4.25 came from", () => {
    const book = withDaily([["县司法局", checks]], { [PARAM.checkIndicator]: "1.1" });
    setCell(book, "评分", "C5", null);
    const { unit } = scored(book);
    expect(unit("县司法局")).toMatchObject({ total: "88.83", grade: "良好" });
    expect(unit("县司法局").audit.find((line) => line.item === "指标得分")?.value).toBe("17.75");
    expect(unit("县司法局").audit.find((line) => line.item === "平时考核")?.explanation).toContain(
      "指标 1.1 得分 = 检查平均分 85.00 ÷ 100 × 分值 5 = 4.25（按参数“双月检查指标”，来自 平时考核!N2:P2）",
    );
    // Units without a check result keep their 评分 cell.
    expect(unit("城关镇").total).toBe("95.62");
  });

  it("a 编号 that is not an indicator is an error at its 参数 cell", () => {
    const read = readAssessment(withDaily([], { [PARAM.checkIndicator]: "9.9" }));
    expect(read.issues.filter((i) => i.level === "error").map((i) => [i.sheet, i.cell])).toEqual([["参数", `B${paramRow(PARAM.checkIndicator)}`]]);
  });
});

describe("bad 平时考核 input: the cell, and what to type instead", () => {
  const problems = (book: WorkbookGrids) => readAssessment(book).issues.filter((i) => i.sheet === "平时考核").map((i) => [i.level, i.cell, i.message]);

  it("a word that is not one of the allowed", () => {
    expect(problems(withDaily([["城关镇", { "1月台账": "缺报", 第1季度点评: "表扬" }]]))).toEqual([
      ["error", "B2", "“缺报”不是工作台账的报送情况。请填写“按时”“逾期”或“未报”之一；尚未到报送时间的月份留空。"],
      ["error", "T2", "“表扬”不是季度点评的结果。请填写“经验介绍”或“检查性发言”；未被点名的单位留空。"],
    ]);
  });

  it("a check result out of range or an unknown word", () => {
    expect(problems(withDaily([["城关镇", { 第1次检查: 105, 第2次检查: "优" }]]))).toEqual([
      ["error", "N2", "检查结果 105 不在 0 到 100 之间。请填写 0 到 100 之间的分数，或参数“检查等级分”中的等级词。"],
      ["error", "O2", "“优”不是检查结果。请填写 0 到 100 之间的分数，或 好、较好、一般、差 之一；尚未检查的留空。"],
    ]);
  });

  it("an unknown unit and a unit listed twice", () => {
    const found = problems(withDaily([["城关", {}], ["柳屯镇", {}], ["柳屯镇", {}]]));
    expect(found.map(([level, cell]) => [level, cell])).toEqual([
      ["error", "A2"],
      ["error", "A4"],
    ]);
    expect(found[0]?.[2]).toContain("单位“城关”不在“考核对象”中");
  });

  it("a month column out of order is read by its header, with a warning", () => {
    const book = withDaily([["县法院", { "1月台账": "逾期", "2月台账": "未报", "4月台账": "未报" }]]);
    const sheet = book.sheets.find((s) => s.name === "平时考核");
    const [header, row] = [sheet?.rows[0], sheet?.rows[1]];
    // Swap columns B and C (1月 and 2月) with their values.
    for (const r of [header, row]) if (r) [r[1], r[2]] = [r[2] ?? null, r[1] ?? null];
    expect(problems(book)).toEqual([["warning", "B1", "列“2月台账”排在“1月台账”之前。各列按表头读取，结果不受影响；为免看错月份，建议按模板顺序排列。"]]);
    const { unit } = scored(book);
    expect(unit("县法院").notes).toContain("工作台账逾期1次、未报2次");
  });

  it("取消评先资格 是 without 事由 warns", () => {
    expect(problems(withDaily([["城关镇", { 取消评先资格: "是" }]]))).toEqual([
      ["warning", "Y2", "取消评先资格填了“是”，但“取消评先事由”为空。请写明事由（如“严重影响创建工作整体进度”），便于审定和通报。"],
    ]);
  });
});

describe("the example county's year", () => {
  const out = runAssessment({ sheets: buildTemplate({ year: 2026, example: true }).map((sheet) => ({ name: sheet.name, rows: sheet.rows })) });
  const notes = (name: string) => out.result?.units.find((u) => u.unit.name === name)?.notes ?? [];
  const grade = (name: string) => out.result?.units.find((u) => u.unit.name === name)?.grade;

  it("五星乡 made 检查性发言 in Q2 and Q3; 县城市管理局 in Q1 and Q3 only", () => {
    expect(notes("五星乡")).toContain(STREAK_NOTE);
    expect(notes("县城市管理局").join("|")).not.toMatch(/连续两次/);
  });

  it("户部寨镇 (92.76) lost its 评先资格: 良好; 五星乡 and 鲁河镇 had three 台账 lapses", () => {
    expect(grade("户部寨镇")).toBe("良好");
    expect(notes("户部寨镇")).toContain("取消年度评先资格（创建工作推进严重滞后，影响全县整体进度），不得评为优秀，定为良好");
    expect(notes("五星乡")).toContain("工作台账逾期2次、未报1次");
    expect(notes("鲁河镇")).toContain("工作台账逾期2次、未报1次");
  });
});

describe("季度点评 overview (kaohe quarter)", () => {
  it("the quarters' months and checks: Q1 check 1, Q2 checks 2–3, Q3 check 4, Q4 checks 5–6", () => {
    expect([1, 2, 3, 4].map(quarterMonths)).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9], [10, 11, 12]]);
    expect([1, 2, 3, 4].map(quarterChecks)).toEqual([[1], [2, 3], [4], [5, 6]]);
  });

  it("mid-year, with 评分 still empty: Q3 ranks the check in each group and names who faces a second 检查性发言", () => {
    const book = withDaily([
      ["城关镇", { 第4次检查: 92, "7月台账": "按时", "8月台账": "逾期", 第2季度点评: "经验介绍" }],
      ["柳屯镇", { 第4次检查: "好", "7月台账": "未报", 第2季度点评: "检查性发言" }],
      ["县司法局", { 第4次检查: 80, 第2季度点评: "检查性发言", 第3季度点评: "检查性发言" }],
    ]);
    const scores = book.sheets.find((s) => s.name === "评分");
    if (scores) scores.rows = [scores.rows[0] ?? []];
    const outcome = runQuarter(book, 3);
    expect(outcome.issues.filter((i) => i.level === "error")).toEqual([]);
    const lines = outcome.overview?.lines.map((l) => [l.unit.name, l.ledger, l.checkMean?.toFixed(2) ?? null, l.checkRank, l.previousReview, l.experienceSoFar, l.notes.join("|")]);
    expect(lines).toEqual([
      ["柳屯镇", "7月未报", "100.00", 1, "检查性发言", 0, "第2季度作检查性发言；本季度如再被点名，即连续两次，通报批评，约谈主要领导|本季度台账7月未报"],
      ["城关镇", "8月逾期", "92.00", 2, "经验介绍", 1, "本季度台账8月逾期"],
      ["县司法局", "未到期", "80.00", 1, "检查性发言", 0, "第2、3季度连续两次作检查性发言，通报批评，约谈主要领导"],
      ["县法院", "未到期", null, null, "", 0, ""],
    ]);
    expect(outcome.sheet?.rows[0]).toEqual(["2025年度第3季度平时考核情况（季度点评会议用）"]);
    expect(outcome.sheet?.rows[1]).toEqual([...HEADERS.quarterReview]);
  });

  it("without a 平时考核 sheet: an error saying how to add it", () => {
    const outcome = runQuarter(validWorkbook(), 2);
    expect(outcome.sheet).toBeNull();
    expect(outcome.issues.map((i) => [i.sheet, i.cell])).toEqual([["平时考核", "A1"]]);
  });
});
