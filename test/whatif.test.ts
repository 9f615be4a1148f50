import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateBook } from "../bench/generate";
import { renderOutputs, toJson } from "../lib/output";
import { runAssessment } from "../lib/run";
import { changesSince, notePreviousRun, previousRun, previousRunLines, describeChanges, parseSetting, prepareWhatIf, withParamChanges, type ParamChange, type WhatIfSession } from "../lib/whatif";
import { paramRow, sheetOf, validWorkbook } from "./helpers/workbook";

function session(book = validWorkbook()): WhatIfSession {
  const prepared = prepareWhatIf(book);
  if (!("preview" in prepared)) throw new Error(`not scorable: ${JSON.stringify(prepared.issues)}`);
  return prepared;
}

/**
 * The small valid workbook (test/helpers/workbook.ts) scores 乡镇: 城关镇 95.62 优秀 (1), 柳屯镇 86.78 良好 (2);
 * 县直单位: 县法院 87.97 良好 (1), 县司法局 85.66 良好 (2, and it has a 情节严重 扣分, so never 优秀).
 */
describe("试算 (what-if)", () => {
  it("the base: the workbook's own figures, and the values in force as fields", () => {
    const s = session();
    expect(s.base.units.map((u) => `${u.unit.name} ${u.total.toFixed(2)} ${u.grade} ${u.rank}`)).toEqual(["城关镇 95.62 优秀 1", "柳屯镇 86.78 良好 2", "县法院 87.97 良好 1", "县司法局 85.66 良好 2"]);
    expect(s.fields.find((f) => f.name === "优秀分数线-乡镇")?.value).toBe("90");
    expect(s.fields.find((f) => f.name === "优秀比例上限-县直单位")?.value).toBe("");
    expect(s.fields.find((f) => f.name === "名次规则")?.value).toBe("中国式排名");
  });

  it("优秀分数线 85: 柳屯镇 86.78 and 县法院 87.97 become 优秀, 县司法局 85.66 stays 良好 (情节严重); 参数!B16 would change 90 → 85", () => {
    const preview = session().preview([{ name: "优秀分数线", value: 85 }]);
    expect(preview.issues).toEqual([]);
    expect(preview.edits).toEqual([{ sheet: "参数", cell: `B${paramRow("优秀分数线")}`, nameCell: `A${paramRow("优秀分数线")}`, name: "优秀分数线", before: 90, after: 85, added: false }]);
    expect(preview.changes.changed.map((c) => [c.name, c.before.grade, c.after.grade])).toEqual([
      ["柳屯镇", "良好", "优秀"],
      ["县法院", "良好", "优秀"],
    ]);
    expect(preview.changes.unchanged).toBe(2);
    expect(preview.before.map((g) => [g.rankGroup, g.byGrade.优秀, g.byGrade.良好])).toEqual([["乡镇", 1, 1], ["县直单位", 0, 2]]);
    expect(preview.after.map((g) => [g.rankGroup, g.byGrade.优秀, g.byGrade.良好])).toEqual([["乡镇", 2, 0], ["县直单位", 1, 1]]);
    expect(describeChanges(preview.changes)).toEqual(["柳屯镇 等次 良好 → 优秀", "县法院 等次 良好 → 优秀", "其余2个单位的总分、名次、等次都没有变化。"]);
  });

  it("a per-group line adds a row 优秀分数线-乡镇 below the table; the plain line stays", () => {
    const preview = session().preview([{ name: "优秀分数线-乡镇", value: 86 }]);
    const added = preview.edits[0];
    expect(added).toMatchObject({ name: "优秀分数线-乡镇", added: true, before: null, after: 86, cell: `B${sheetOf(validWorkbook(), "参数").rows.length + 1}`, nameCell: `A${sheetOf(validWorkbook(), "参数").rows.length + 1}` });
    expect(preview.after[0]?.byGrade.优秀).toBe(2);
    expect(preview.after[1]).toEqual(preview.before[1]);
  });

  it("a line out of order is the reader's own error at the cell tried, and nothing is scored", () => {
    const preview = session().preview([{ name: "良好分数线", value: 95 }]);
    expect(preview.result).toBeNull();
    expect(preview.issues.map((i) => [i.level, i.sheet, i.cell, i.message])).toEqual([
      ["error", "参数", `B${paramRow("良好分数线")}`, "良好分数线 95 不低于优秀分数线 90。分数线须从高到低：优秀 > 良好 > 合格 ≥ 0，请改正。"],
    ]);
  });

  it("a parameter a 试算 cannot change, and a group that does not exist, are refused with what can be", () => {
    const preview = session().preview([{ name: "小数位数", value: 1 }, { name: "优秀分数线-街道", value: 80 }]);
    expect(preview.result).toBeNull();
    expect(preview.issues.map((i) => i.message)).toEqual([
      "“小数位数”不能试算。试算可以改：优秀分数线、良好分数线、合格分数线、优秀比例上限、名次规则、加分上限、扣分上限、总分上限、退步较大名次（可加“-排名分组”，如“优秀分数线-乡镇”）。",
      "“优秀分数线-街道”中的排名分组“街道”不存在。本工作簿的排名分组有：乡镇、县直单位。",
    ]);
  });

  it("--set texts: 优秀分数线=88, 优秀比例上限=30%, ＝ full-width, blank cap", () => {
    expect(parseSetting("优秀分数线=88")).toEqual({ name: "优秀分数线", value: 88 });
    expect(parseSetting("优秀比例上限=30%")).toEqual({ name: "优秀比例上限", value: "30%" });
    expect(parseSetting("优秀比例上限＝0.3")).toEqual({ name: "优秀比例上限", value: 0.3 });
    expect(parseSetting("总分上限=")).toEqual({ name: "总分上限", value: null });
    expect(parseSetting("优秀分数线")).toBeNull();
  });

  it("describes the changes: each unit with only what changed, then the unchanged count", () => {
    const s = session();
    const lines = describeChanges(s.preview([{ name: "名次规则", value: "跳位排名" }]).changes);
    expect(lines).toEqual(["全部4个单位的总分、名次、等次都没有变化。"]);
  });
});

const setting = fc.oneof(
  fc.record({ name: fc.constantFrom("优秀分数线", "良好分数线", "合格分数线", "优秀分数线-乡镇", "良好分数线-县直单位"), value: fc.integer({ min: 40, max: 99 }) }),
  fc.record({ name: fc.constantFrom("优秀比例上限", "优秀比例上限-乡镇"), value: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 100 }).map((n) => `${n}%`)) }),
  fc.record({ name: fc.constant("名次规则"), value: fc.constantFrom("中国式排名", "跳位排名") }),
  fc.record({ name: fc.constantFrom("加分上限", "扣分上限", "总分上限"), value: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 120 })) }),
) as fc.Arbitrary<ParamChange>;

describe("试算: law", () => {
  const book = generateBook(40, 7);
  // A 审定调整 row, so that the preview is of final 等次 too.
  const review = book.sheets.find((sheet) => sheet.name === "审定调整");
  const firstUnit = book.sheets.find((sheet) => sheet.name === "考核对象")?.rows[1]?.[1];
  review?.rows.push([firstUnit ?? null, "不合格", "发生重大法治问题", "县委常委会会议", null]);
  const s = session(book);

  it("applying the previewed values to 参数 and scoring gives exactly the preview (every figure, 提示 and 计算说明 line)", () => {
    fc.assert(
      fc.property(fc.array(setting, { maxLength: 4 }), (changes) => {
        const preview = s.preview(changes);
        const applied = withParamChanges(book, changes);
        expect(applied.edits).toEqual(preview.edits);
        const full = runAssessment(applied.book);
        if (preview.result === null) {
          expect(full.result).toBeNull();
          expect(full.issues.filter((i) => i.level === "error")).toEqual(preview.issues.filter((i) => i.level === "error"));
          return;
        }
        expect(full.result).not.toBeNull();
        if (full.result === null) return;
        expect(toJson(full.result, [])).toEqual(toJson(preview.result, []));
        expect(renderOutputs(full.result)).toEqual(renderOutputs(preview.result));
      }),
      { numRuns: 60 },
    );
  });

  it("a try writes nothing: the workbook's grids are as they were", () => {
    const before = JSON.stringify(book);
    s.preview([{ name: "优秀分数线", value: 70 }, { name: "优秀比例上限", value: "10%" }]);
    expect(JSON.stringify(book)).toBe(before);
  });
});


describe("what changed since the last run", () => {
  it("reads the old 结果 by its headers, and lists 城关镇 总分 95.62 → 85.49, 柳屯镇 名次 2 → 1, and the unchanged count", () => {
    const book = validWorkbook();
    const first = runAssessment(book);
    for (const out of first.outputs ?? []) book.sheets.push({ name: out.name, rows: out.rows.map((row) => [...row]) });
    // 城关镇's 3.1 from 9.5 to 5.5: 4 points fewer before 换算 (应得分 39.5 + 10 + 10 → ×100/59.5).
    const scores = book.sheets.find((sheet) => sheet.name === "评分");
    const row = scores?.rows[2];
    if (row) row[4] = 5.5;
    const second = runAssessment(book);
    const previous = previousRun(book, 2);
    expect(previous?.lines.map((l) => `${l.name} ${l.total} ${l.rank} ${l.grade}`)).toEqual(["城关镇 95.62 1 优秀", "柳屯镇 86.78 2 良好", "县法院 87.97 1 良好", "县司法局 85.66 2 良好"]);
    if (previous === null || second.result === null) throw new Error("no run");
    const changes = changesSince(previous, second.result);
    const lines = previousRunLines(previous, changes);
    expect(lines[0]).toBe("与工作簿中原有的结果相比：");
    // 3.1 from 9.5 to 5.5 is 4 of 39.5 应得分: 换算 falls by 4 ÷ 39.5 × 100 = 10.13, 95.62 → 85.49, below 柳屯镇 86.78.
    expect(lines.slice(1)).toEqual(["柳屯镇 名次 2 → 1", "城关镇 总分 95.62 → 85.49，名次 1 → 2，等次 优秀 → 良好", "其余2个单位的总分、名次、等次都没有变化。"]);
    const audit = notePreviousRun(second.outputs ?? [], previous, changes).find((sheet) => sheet.name === "计算说明")?.rows ?? [];
    expect(audit.slice(-3).map((r) => [r[0], r[2], r[3]])).toEqual([["上次计算", "上次计算时间", "未记录"], ["上次计算", "上次指纹", "未记录"], ["上次计算", "有变化的单位数", "2"]]);
  });

  it("a workbook without 结果 has no previous run", () => {
    expect(previousRun(validWorkbook(), 2)).toBeNull();
  });
});
