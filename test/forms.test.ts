import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  collectReturns,
  formAssessor,
  makeForms,
  progressLines,
  progressOf,
  readIdentity,
  readMaster,
  readReturn,
  type FormBook,
  type FormReturn,
  type MasterContext,
} from "../lib/forms";
import { appliesTo } from "../lib/applies";
import type { WorkbookGrids } from "../lib/grid";
import { SHEET } from "../lib/layout";
import { readAssessment } from "../lib/reader";
import { applyEdits, blankMaster, exampleBook, fillForm, grid, nodeDigest, trimmed } from "./helpers/forms";

async function master(book: WorkbookGrids): Promise<MasterContext> {
  const read = await readMaster(book, nodeDigest);
  if (read.master === null) throw new Error(JSON.stringify(read.issues));
  return read.master;
}

function formOf(forms: readonly FormBook[], fileName: string): FormBook {
  const form = forms.find((f) => f.fileName === fileName);
  if (form === undefined) throw new Error(`no form ${fileName}`);
  return form;
}

const example = exampleBook();
const blank = blankMaster(example);

describe("forms out (分发)", () => {
  it("makes a 评分表 per 考核主体 (first named), a 互评表 per 评议单位 and one 满意度汇总表", async () => {
    const forms = makeForms(await master(blank), "2025-12-20");
    const scores = forms.filter((form) => form.kind === "score").map((form) => form.owner);
    expect(scores).toEqual([
      "县委依法治县办", "县委宣传部", "县委组织部", "县纪委监委", "县委政法委", "县委办公室", "县司法局",
      "县委营商环境办", "县应急管理局", "县政务服务和大数据管理局", "县法治政府建设领导小组办公室",
    ]);
    // The example's raters: its 20 乡镇 and 18 政府部门 (the columns of its 上下互评).
    expect(forms.filter((form) => form.kind === "rating")).toHaveLength(38);
    expect(forms.filter((form) => form.kind === "satisfaction").map((form) => form.fileName)).toEqual(["满意度汇总表.xlsx"]);
  });

  it("keeps the 评分 layout: only the 主体's indicators, only the units they apply to, 不适用 grey and locked", async () => {
    const context = await master(blank);
    const form = formOf(makeForms(context, "2025-12-20"), "评分表-县委政法委.xlsx");
    const sheet = form.sheets.find((s) => s.name === "评分");
    const mine = context.input.indicators.filter((indicator) => formAssessor(indicator) === "县委政法委").map((i) => i.code);
    expect(mine).toEqual(["2.2", "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6", "3.4.2"]);
    expect(sheet?.rows[0]?.slice(0, 3)).toEqual(["单位名称", "类别", "2.2 依法有效化解社会矛盾纠纷，不断促进社会公平正义"]);
    expect(sheet?.rows[1]?.slice(0, 4)).toEqual(["分值", "", 5, 7]);
    // 2.2 applies to 全部: every unit of 考核对象 has a row.
    expect(sheet?.rows.length).toBe(2 + context.input.units.length);
    // 城关镇 (乡镇): 2.2 open, 3.3.x (法院检察院) grey, 3.4.2 (乡镇、群团机关、人大政协) open.
    const town = sheet?.rows.find((row) => row[0] === "城关镇");
    expect(town?.slice(2)).toEqual([null, "不适用", "不适用", "不适用", "不适用", "不适用", "不适用", null]);
    expect(sheet?.unlocked).toContain("C3");
    expect(sheet?.unlocked).toContain("J3");
    expect(sheet?.unlocked).not.toContain("D3");
    expect(sheet?.rangeValidations.map((v) => `${v.range} ${v.min}–${v.max}`).slice(0, 2)).toEqual(["C3:C62 0–5", "D3:D62 0–7"]);
    expect(sheet?.notes[0]?.text).toContain("完善调解、仲裁、行政复议");
    expect(sheet?.notes[0]?.text).toContain("考核方式：集中评查\n配合单位：县司法局、县信访局");
    expect(sheet?.protect).toBe(true);
  });

  it("carries the master's fingerprint, the 主体 and the date in a very hidden identity sheet", async () => {
    const context = await master(blank);
    const form = formOf(makeForms(context, "2025-12-20"), "互评表-城关镇.xlsx");
    const identitySheet = form.sheets.find((s) => s.hidden);
    expect(identitySheet?.name).toBe("表单信息");
    const identity = readIdentity({ sheets: form.sheets.map((s) => ({ name: s.name, rows: s.rows })) });
    expect(identity?.kind).toBe("rating");
    expect(identity?.owner).toBe("城关镇");
    expect(identity?.made).toBe("2025-12-20");
    expect(identity?.fingerprint).toBe(context.fingerprint);
    expect(identity?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
  });

  it("gives a 互评表 the units its rater rates, pairs marked / grey and locked, a drop-down of the words", async () => {
    const form = formOf(makeForms(await master(blank), "2025-12-20"), "互评表-城关镇.xlsx");
    const sheet = form.sheets.find((s) => s.name === "上下互评");
    expect(sheet?.rows[0]).toEqual(["被评单位", "城关镇"]);
    // A 乡镇 rates the 政府部门 and 驻县单位 (the example's 考核方案 §五（七）), the other 乡镇 are marked /.
    const open = sheet?.rows.slice(1).filter((row) => row[1] !== "/").map((row) => row[0]);
    expect(open).toHaveLength(18 + 6);
    expect(sheet?.rows.some((row) => row[0] === "城关镇")).toBe(false);
    expect(sheet?.format.validations[0]?.list).toEqual(["好", "较好", "一般", "差"]);
  });

  it("sends indicators without a 考核主体 to 评分表-考核办", async () => {
    const book = blankMaster(example);
    const indicators = grid(book, SHEET.indicators);
    const column = (indicators[0] ?? []).indexOf("考核主体");
    indicators.forEach((row, index) => {
      if (index > 0 && (row[0] === "1.2" || row[0] === "1.3")) row[column] = null;
    });
    const forms = makeForms(await master(book), "2025-12-20");
    const office = formOf(forms, "评分表-考核办.xlsx");
    expect(office.sheets.find((s) => s.name === "评分")?.rows[0]?.slice(2).map((h) => String(h).split(" ")[0])).toEqual(["1.2", "1.3"]);
  });
});

/** The example's forms filled from its own figures: 县司法局 re-sorted, 县委组织部 leaves 城关镇 · 1.5 blank. */
function filledReturns(forms: readonly FormBook[], context: MasterContext, skip: ReadonlySet<string>): FormReturn[] {
  return forms
    .filter((form) => !skip.has(form.fileName))
    .map((form) => {
      const options =
        form.owner === "县司法局" || form.owner === "柳屯镇"
          ? { resort: true }
          : form.fileName === "评分表-县委组织部.xlsx"
            ? { leaveBlank: { unit: "城关镇", key: "1.5" } }
            : {};
      return readReturn(form.fileName, new Date(2025, 11, 24, 9, 30), fillForm(form, example, options), context);
    });
}

describe("round trip on the example (回收)", () => {
  it("forms filled from the example's figures merge back to the example's 评分, 上下互评 and 满意度", async () => {
    const context = await master(blank);
    const forms = makeForms(context, "2025-12-20");
    const late = "互评表-县司法局.xlsx";
    const first = collectReturns(context, filledReturns(forms, context, new Set([late])));
    expect(first.ok).toBe(true);
    expect(first.issues.filter((issue) => issue.level === "error")).toEqual([]);
    const merged = applyEdits(blank, first.edits, first.log);

    // The blank cell and the missing form are named in 回收记录.
    const organisation = first.log.find((row) => row.file === "评分表-县委组织部.xlsx");
    expect(organisation?.result).toBe("已合并");
    expect(organisation?.blank).toBe(1);
    expect(organisation?.note).toContain("未填 1 格：城关镇 · 1.5（C3）");
    const missing = first.log.filter((row) => row.result === "未回收");
    expect(missing.map((row) => `${row.kind}-${row.owner}`)).toEqual(["互评表-县司法局"]);

    // 进度 says the same, by name.
    const input = readAssessment(merged).input;
    if (input === null) throw new Error("unreadable");
    const lines = progressLines(progressOf(input, merged));
    // Counted independently: the (unit, indicator) pairs that apply; raters with a blank owed (not /, not self).
    const expected = input.indicators.reduce((sum, indicator) => sum + input.units.filter((unit) => appliesTo(indicator, unit)).length, 0);
    expect(expected).toBe(1093);
    const peerRows = grid(example, SHEET.peer);
    const raters = (peerRows[0] ?? []).slice(1).map(String);
    const owing = raters.filter((rater, index) => peerRows.slice(1).some((row) => row[0] !== rater && (row[index + 1] ?? null) === null));
    // The example's raters leave a cell blank now and then; 县司法局's form has not come back.
    expect(new Set([...owing, "县司法局"]).size).toBe(24);
    expect(lines[1]).toBe("评分 1,092/1,093，缺 县委组织部（1 格）；互评 缺 24 个评议单位；满意度 缺 6 个单位");
    expect(lines).toContain("  考核主体 县委组织部：已填 119/120，未填的单位：城关镇（1.5）");
    expect(lines).toContain("  尚未交回的表：互评表-县司法局");

    // The late form comes in; only the one blank cell differs from the example.
    const second = collectReturns(await master(merged), filledReturns([formOf(forms, late)], context, new Set()));
    expect(second.ok).toBe(true);
    const complete = applyEdits(merged, second.edits, second.log);
    expect(second.log.filter((row) => row.result === "未回收")).toEqual([]);
    const expectedScores = trimmed(grid(example, SHEET.scores)).map((row) => [...row]);
    const town = expectedScores.findIndex((row) => row[0] === "城关镇");
    const column = (expectedScores[0] ?? []).findIndex((header) => String(header).startsWith("1.5 "));
    (expectedScores[town] ?? [])[column] = null;
    expect(trimmed(grid(complete, SHEET.scores))).toEqual(trimmed(expectedScores));
    // A 互评表 never lists its rater: the example's one self-rating (县司法局 by itself, ignored by the rules) stays out.
    const expectedPeer = trimmed(grid(example, SHEET.peer)).map((row) => [...row]);
    const self = (expectedPeer[0] ?? []).indexOf("县司法局");
    const selfRow = expectedPeer.find((row) => row[0] === "县司法局") ?? [];
    expect(selfRow[self]).not.toBeNull();
    selfRow[self] = null;
    expect(trimmed(grid(complete, SHEET.peer))).toEqual(trimmed(expectedPeer));
    const unsurveyedAsBlankRows = (rows: ReturnType<typeof grid>) => trimmed(rows).filter((row) => row.length > 1);
    expect(unsurveyedAsBlankRows(grid(complete, SHEET.satisfaction))).toEqual(unsurveyedAsBlankRows(grid(example, SHEET.satisfaction)));
  });

  it("changes nothing when the same returns are collected again", async () => {
    const context = await master(blank);
    const forms = makeForms(context, "2025-12-20");
    const first = collectReturns(context, filledReturns(forms, context, new Set()));
    const merged = applyEdits(blank, first.edits, first.log);
    const again = collectReturns(await master(merged), filledReturns(forms, await master(merged), new Set()));
    expect(again.ok).toBe(true);
    expect(again.edits).toEqual([]);
    expect(again.filled).toBe(0);
    expect(applyEdits(merged, again.edits, again.log)).toEqual(merged);
  });
});

describe("any split, any order (property)", () => {
  const base = exampleBook();
  const indicatorCount = grid(base, SHEET.indicators).length - 1;
  it("merges to the same workbook whoever scores what and in whatever order the returns come, and collecting again changes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: indicatorCount, maxLength: indicatorCount }),
        fc.integer({ min: 1, max: 4 }),
        fc.infiniteStream(fc.double({ min: 0, max: 1, noNaN: true })),
        async (assessors, batches, random) => {
          // A split of the indicators among four 考核主体 (the fourth blank: the office's own form).
          const book = blankMaster(base);
          const indicators = grid(book, SHEET.indicators);
          const column = (indicators[0] ?? []).indexOf("考核主体");
          indicators.forEach((row, index) => {
            if (index > 0) row[column] = [null, "甲局", "乙局、甲局", "丙办"][assessors[index - 1] ?? 0] ?? null;
          });
          const context = await master(book);
          const forms = makeForms(context, "2025-12-20");
          const source = exampleBook();
          // Scores come from the example; the owners changed nothing in which cells exist.
          const returns = forms.map((form) => readReturn(form.fileName, null, fillForm(form, source), context));
          const order = [...returns].sort(() => (random.next().value < 0.5 ? -1 : 1));
          let current = book;
          for (let batch = 0; batch < batches; batch += 1) {
            const part = order.filter((_, index) => index % batches === batch);
            const outcome = collectReturns(await master(current), part.map((r) => readReturn(r.file, null, fillForm(formOf(forms, r.file), source), context)));
            expect(outcome.ok).toBe(true);
            current = applyEdits(current, outcome.edits, outcome.log);
          }
          const all = collectReturns(context, returns);
          const once = applyEdits(book, all.edits, all.log);
          for (const name of [SHEET.scores, SHEET.peer, SHEET.satisfaction]) expect(trimmed(grid(current, name))).toEqual(trimmed(grid(once, name)));
          const again = collectReturns(await master(once), returns);
          expect(again.edits).toEqual([]);
        },
      ),
      { numRuns: 12, seed: 15 },
    );
  });
});
