/**
 * 生成评分表 (issue 12 point 5): lib/template/layoutSheets.ts over grids. Every expected figure below was worked out by
 * hand from the small workbook here: three units, three indicators, old sheets with a gone unit, a gone indicator,
 * a unit whose 类别 changed, a second row for a unit, a column without a header.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NOT_APPLICABLE_FILL, type SheetOut } from "../lib/format";
import type { CellValue, SheetGrid, WorkbookGrids } from "../lib/grid";
import { HEADERS } from "../lib/layout";
import { layoutSheets, type LayoutOutcome } from "../lib/template";

const units: SheetGrid = {
  name: "考核对象",
  rows: [
    [...HEADERS.units],
    [1, "城关镇", "乡镇"],
    [2, "县司法局", "政府部门"],
    [3, "县委办", "党委机关"],
  ],
};

const indicators: SheetGrid = {
  name: "考核指标",
  rows: [
    [...HEADERS.indicators],
    ["1.1", "党的领导", "学习", "学习习近平法治思想。", 5, "日常评价", "县委依法治县办", "全部"],
    ["3.1", "分类职责", "依法执政", "推进依法执政。", 10, "日常评价", "县委依法治县办", "党委机关"],
    ["3.2", "分类职责", "依法行政", "推进依法行政。", 10, "实地考核", "县司法局", "乡镇、政府部门"],
  ],
};

// Columns: A 单位名称, B 类别, C 1.1, D 3.2, E 9.9 (gone), F no header, G 3.1. 县委办 was 乡镇 the year before.
const oldScores: SheetGrid = {
  name: "评分",
  rows: [
    ["单位名称", "类别", "1.1 学习", "3.2 依法行政", "9.9 旧指标", null, "3.1 依法执政"],
    ["分值", "", 5, 10, 3, null, 10],
    ["城关镇", "乡镇", 4.5, 8, 2, "补记", "不适用"],
    ["县司法局", "政府部门", 5, "不适用", 1, null, "不适用"],
    ["县委办", "乡镇", 5, 6, null, null, "不适用"],
    ["已撤销局", "政府部门", 3, 7, null, null, "不适用"],
    ["城关镇", "乡镇", 1, 1],
  ],
};

const oldSatisfaction: SheetGrid = {
  name: "满意度",
  rows: [
    [...HEADERS.satisfaction, "备注"],
    ["城关镇", 93.5],
    ["县司法局", null, 40, 5, 1, 2, "好"],
    ["外单位", 90],
  ],
};

const oldPeer: SheetGrid = {
  name: "上下互评",
  rows: [
    ["被评单位", "城关镇", "县司法局", "旧单位"],
    ["城关镇", 90, "好", 80],
    ["县司法局", 85],
  ],
};

function book(...sheets: SheetGrid[]): WorkbookGrids {
  return { sheets: [{ name: "说明", rows: [["填写说明"]] }, units, indicators, ...sheets] };
}

function sheetOf(outcome: LayoutOutcome, name: string): SheetOut {
  const found = outcome.sheets.find((sheet) => sheet.name === name);
  if (found === undefined) throw new Error(`no new sheet ${name}`);
  return found;
}

describe("生成评分表 on a workbook with old sheets", () => {
  const outcome = layoutSheets(book(oldScores, oldSatisfaction, oldPeer));

  it("builds 评分 from 考核对象 and 考核指标, carrying each value by unit name and 编号", () => {
    expect(outcome.issues.filter((issue) => issue.level === "error")).toEqual([]);
    expect(sheetOf(outcome, "评分").rows).toEqual([
      ["单位名称", "类别", "1.1 学习", "3.1 依法执政", "3.2 依法行政"],
      ["分值", "", 5, 10, 10],
      ["城关镇", "乡镇", 4.5, "不适用", 8],
      // 3.2 applied to 政府部门 last year too: the 不适用 there was typed by the clerk and stays.
      ["县司法局", "政府部门", 5, "不适用", "不适用"],
      // 3.1 did not apply to 乡镇: its 不适用 was the template's, not typed, so the cell that now applies is blank.
      ["县委办", "党委机关", 5, null, "不适用"],
    ]);
  });

  it("greys exactly the 不适用 cells and checks each column for 0…分值", () => {
    const scores = sheetOf(outcome, "评分");
    expect(scores.format.styles.filter((style) => style.fill === NOT_APPLICABLE_FILL).map((style) => style.range)).toEqual(["D3", "D4", "E5"]);
    expect(scores.format.decimalValidations?.map((v) => [v.range, v.min, v.max])).toEqual([
      ["C3:C500", 0, 5],
      ["D3:D500", 0, 10],
      ["E3:E500", 0, 10],
    ]);
    expect(scores.format.decimalValidations?.[0]?.prompt).toBe("分值为 5，得分应在 0 到 5 之间；本项对该单位不适用时填“不适用”。");
  });

  it("lists every value with no place by cell, with the reason", () => {
    expect(outcome.orphans.map((o) => [`${o.sheet}!${o.cell}`, o.value, o.reason])).toEqual([
      ["评分!E3", "2", "指标“9.9”已不在考核指标中"],
      ["评分!E4", "1", "指标“9.9”已不在考核指标中"],
      ["评分!F3", "补记", "评分中没有列标题的列"],
      ["评分!C6", "3", "评分中的单位“已撤销局”不在考核对象中"],
      ["评分!D6", "7", "评分中的单位“已撤销局”不在考核对象中"],
      ["评分!C7", "1", "评分中单位“城关镇”的第二行（第一行在 评分!A3）"],
      ["评分!D7", "1", "评分中单位“城关镇”的第二行（第一行在 评分!A3）"],
      ["评分!D5", "6", "指标“3.2”对县委办（党委机关）不适用"],
      ["满意度!G3", "好", "满意度的列“备注”不是这张表的列"],
      ["满意度!B4", "90", "满意度中的单位“外单位”不在考核对象中"],
      ["上下互评!D2", "80", "评议单位“旧单位”不在考核对象中"],
    ]);
  });

  it("builds 满意度 with a row per unit, values by header", () => {
    expect(sheetOf(outcome, "满意度").rows).toEqual([
      [...HEADERS.satisfaction],
      ["城关镇", 93.5, null, null, null, null],
      ["县司法局", null, 40, 5, 1, 2],
      ["县委办", null, null, null, null, null],
    ]);
  });

  it("builds 上下互评 as units × units, the own cell grey and its self-rating kept", () => {
    const peer = sheetOf(outcome, "上下互评");
    expect(peer.rows).toEqual([
      ["被评单位", "城关镇", "县司法局", "县委办"],
      ["城关镇", 90, "好", null],
      ["县司法局", 85, null, null],
      ["县委办", null, null, null],
    ]);
    expect(peer.format.styles.filter((style) => style.fill === NOT_APPLICABLE_FILL).map((style) => style.range)).toEqual(["B2", "C3", "D4"]);
  });

  it("says what moves: counts, units and columns added or gone, the old sheets' new names", () => {
    expect(outcome.changes.map((c) => [c.sheet, c.changed, c.keptAs, c.carried, c.addedUnits, c.removedUnits, c.addedColumns, c.removedColumns])).toEqual([
      ["评分", true, "评分（原）", 5, [], ["已撤销局"], [], ["9.9"]],
      ["满意度", true, "满意度（原）", 5, ["县委办"], ["外单位"], [], []],
      ["上下互评", true, "上下互评（原）", 3, ["县委办"], [], ["县委办"], ["旧单位"]],
    ]);
    expect(outcome.changes[0]?.notApplicable).toBe(3);
    expect(outcome.preview[0]).toBe(
      "评分：3 个单位 × 3 项指标，3 格填“不适用”（灰色，该类别不考核）；照抄已填的 5 个值（按单位名称和指标编号对应，不按位置）；移去单位：已撤销局；移去指标：9.9。原“评分”表改名为“评分（原）”保留，不删除任何内容。",
    );
    expect(outcome.preview).toContain("以下 11 个已填的值在新表中没有位置，没有写入新表（都还在改名保留的原表中，请对照处理）：");
    expect(outcome.preview).toContain("指标“9.9”已不在考核指标中：评分!E3（2）、评分!E4（1）");
  });

  it("is idempotent: built again on its own output, nothing changes and nothing is orphaned", () => {
    const again = layoutSheets(book(...outcome.sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows as CellValue[][] }))));
    expect(again.sheets).toEqual([]);
    expect(again.orphans).toEqual([]);
    expect(again.changes.map((c) => c.changed)).toEqual([false, false, false]);
    expect(again.preview).toEqual(["评分：已与考核对象、考核指标一致，不改动。", "满意度：已与考核对象、考核指标一致，不改动。", "上下互评：已与考核对象、考核指标一致，不改动。"]);
  });

  it("a kept name already taken moves on to （原2）", () => {
    const taken = layoutSheets(book(oldScores, { name: "评分（原）", rows: [["旧"]] }));
    expect(taken.changes[0]?.keptAs).toBe("评分（原2）");
  });
});

describe("生成评分表 without old sheets, and refusals", () => {
  it("builds all three new when the workbook has none", () => {
    const outcome = layoutSheets(book());
    expect(outcome.sheets.map((sheet) => sheet.name)).toEqual(["评分", "满意度", "上下互评"]);
    expect(outcome.changes.map((c) => c.keptAs)).toEqual([null, null, null]);
    expect(outcome.preview[0]).toBe("评分：工作簿中还没有这张表，新建。3 个单位 × 3 项指标，3 格填“不适用”（灰色，该类别不考核）。");
  });

  it("builds nothing when 考核对象 has an error (a unit twice), naming the cell", () => {
    const twice: SheetGrid = { name: "考核对象", rows: [...units.rows, [4, "城关镇", "乡镇"]] };
    const outcome = layoutSheets({ sheets: [twice, indicators, oldScores] });
    expect(outcome.sheets).toEqual([]);
    expect(outcome.issues.find((issue) => issue.level === "error")?.cell).toBe("B5");
    expect(outcome.preview).toEqual(["考核对象或考核指标有错误，未生成评分表。请按下面的提示改正后再点“生成评分表”。"]);
  });

  it("builds nothing on a 类别 typo (镇 for 乡镇): its cells would be greyed wrongly", () => {
    const typo: SheetGrid = { name: "考核对象", rows: [[...HEADERS.units], [1, "城关镇", "镇"]] };
    const outcome = layoutSheets({ sheets: [typo, indicators] });
    expect(outcome.sheets).toEqual([]);
    expect(outcome.issues.some((issue) => issue.level === "error" && issue.sheet === "考核对象" && issue.cell === "C2")).toBe(true);
  });

  it("builds nothing when 考核指标 is empty", () => {
    const outcome = layoutSheets({ sheets: [units, { name: "考核指标", rows: [[...HEADERS.indicators]] }] });
    expect(outcome.sheets).toEqual([]);
    expect(outcome.issues.map((issue) => issue.message)).toContain("考核指标表中没有指标，无法生成评分表。请先填写考核指标（或导入工作安排）。");
  });
});

describe("laws of 生成评分表", () => {
  const scoreGrid = (order: number[], columns: number[]): SheetGrid => {
    const header = ["单位名称", "类别", ...columns.map((c) => ["1.1 学习", "3.1 依法执政", "3.2 依法行政"][c] ?? "")];
    const maxRow = ["分值", "", ...columns.map((c) => [5, 10, 10][c] ?? 0)];
    const typed: CellValue[][] = [
      ["城关镇", "乡镇", 4, "不适用", 9],
      ["县司法局", "政府部门", 3.5, "不适用", 7],
      ["县委办", "党委机关", 2, 8, "不适用"],
    ];
    return { name: "评分", rows: [header, maxRow, ...order.map((u) => [typed[u]?.[0] ?? null, typed[u]?.[1] ?? null, ...columns.map((c) => typed[u]?.[c + 2] ?? null)])] };
  };

  it("the new 评分 does not depend on the order of the old rows and columns", () => {
    // In 考核对象's and 考核指标's order the old sheet already is the new one.
    const expected = scoreGrid([0, 1, 2], [0, 1, 2]).rows;
    expect(layoutSheets(book(scoreGrid([0, 1, 2], [0, 1, 2]))).changes[0]?.changed).toBe(false);
    fc.assert(
      fc.property(fc.shuffledSubarray([0, 1, 2], { minLength: 3 }), fc.shuffledSubarray([0, 1, 2], { minLength: 3 }), (order, columns) => {
        const outcome = layoutSheets(book(scoreGrid(order, columns)));
        expect(outcome.orphans).toEqual([]);
        expect(outcome.sheets.find((sheet) => sheet.name === "评分")?.rows ?? expected).toEqual(expected);
      }),
    );
  });

  it("every typed value is either carried or listed: none vanishes", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 10 }), fc.constantFrom("不适用", "x")), { minLength: 7, maxLength: 7 }), { maxLength: 6 }),
        fc.array(fc.constantFrom("城关镇", "县司法局", "县委办", "别处", ""), { minLength: 6, maxLength: 6 }),
        (cells, names) => {
          const rows = cells.map((row, index) => [names[index] ?? "", "乡镇", ...row.slice(2)]);
          const grid: SheetGrid = { name: "评分", rows: [oldScores.rows[0] ?? [], oldScores.rows[1] ?? [], ...rows] };
          const outcome = layoutSheets(book(grid));
          const typed = rows.flatMap((row) => row.slice(2)).filter((value) => value !== null && value !== "不适用").length;
          const carried = outcome.changes[0]?.carried ?? 0;
          // A 不适用 carried is not counted among the typed values above; every other value is carried or listed.
          const carriedMarks = outcome.sheets[0]?.rows.slice(2).flatMap((row) => row.slice(2)).filter((value) => value === "不适用").length ?? 0;
          const notApplicable = outcome.changes[0]?.notApplicable ?? 0;
          expect(carried - (carriedMarks - notApplicable) + outcome.orphans.length).toBe(typed);
        },
      ),
      { numRuns: 200 },
    );
  });
});
