// Issue 13 item 5: no figure and no note of any unit may depend on the order of rows in an input sheet. Shuffling the
// data rows of every input sheet (参数, 考核对象, 考核指标, 评分, 满意度, 上下互评, 加减分) must give every unit the same
// figures, 名次, 等次 and 提示. What may change is only where a unit is listed (ties and rank groups follow 考核对象).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { CellValue, WorkbookGrids } from "../lib/grid";
import { HEADERS, PARAM, PARAM_ROWS, SHEET } from "../lib/layout";
import type { AssessmentResult } from "../lib/model";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";
import { validWorkbook } from "./helpers/workbook";

/** Rows before the data in each input sheet: 评分 has its 分值 row. */
const HEAD_ROWS: Record<string, number> = { [SHEET.scores]: 2 };

/** Every unit's figures and notes by name. */
function byUnit(result: AssessmentResult | null): Record<string, string> {
  expect(result).not.toBeNull();
  const entries = (result?.units ?? []).map((u) => {
    const figures = [u.indicatorEarned, u.indicatorPossible, u.satisfaction, u.peer, u.normalised, u.bonus, u.penalty, u.total].map((d) => d?.toString() ?? "不适用");
    return [u.unit.name, [...figures, u.rank, u.grade, ...u.notes].join(" | ")] as const;
  });
  return Object.fromEntries(entries);
}

/** The book with the data rows of each input sheet put in the order given by `orders` (one permutation per sheet). */
function shuffled(book: WorkbookGrids, orders: Map<string, number[]>): WorkbookGrids {
  return {
    sheets: book.sheets.map((sheet) => {
      const order = orders.get(sheet.name);
      if (order === undefined) return sheet;
      const head = HEAD_ROWS[sheet.name] ?? 1;
      const data = sheet.rows.slice(head);
      return { ...sheet, rows: [...sheet.rows.slice(0, head), ...order.map((i) => data[i] ?? [])] };
    }),
  };
}

const INPUTS = [SHEET.params, SHEET.units, SHEET.indicators, SHEET.scores, SHEET.satisfaction, SHEET.peer, SHEET.adjustments];

/** A permutation of the data rows of every input sheet of `book`. */
function ordersOf(book: WorkbookGrids): fc.Arbitrary<Map<string, number[]>> {
  const sheets = book.sheets.filter((sheet) => INPUTS.includes(sheet.name as (typeof INPUTS)[number]));
  const perSheet = sheets.map((sheet) => {
    const n = Math.max(0, sheet.rows.length - (HEAD_ROWS[sheet.name] ?? 1));
    const indexes = Array.from({ length: n }, (_, i) => i);
    return fc.shuffledSubarray(indexes, { minLength: n, maxLength: n }).map((order) => [sheet.name, order] as const);
  });
  return fc.tuple(...perSheet).map((pairs) => new Map(pairs));
}

/**
 * A small county made for ties: six 乡镇 whose 总分 are 96, 93, 93, 91, 85, 85 with 优秀比例上限 40% (6 × 40% = 2, so the
 * tie on 第2名 straddles the boundary and the tie on 第5名 is 排名最后), and a 情节严重 record that keeps 丁镇 from 优秀
 * (no survey and no rating: ratings and ballots are shuffled in the example county below).
 */
function tiedCounty(): WorkbookGrids {
  const book = validWorkbook();
  const set = (name: string, rows: CellValue[][]) => {
    const sheet = book.sheets.find((s) => s.name === name);
    if (sheet !== undefined) sheet.rows = rows;
  };
  const names = ["甲镇", "乙镇", "丙镇", "丁镇", "戊镇", "己镇"];
  const scores = [96, 93, 93, 91, 85, 85];
  set(SHEET.units, [[...HEADERS.units], ...names.map((name, i) => [i + 1, name, "乡镇", null, i + 1, i < 2 ? "优秀" : null])]);
  set(SHEET.indicators, [
    [...HEADERS.indicators],
    ["1.1", "加强党的领导", "主要负责人履职", "内容", 50, "日常评价", "县委依法治县办", "全部"],
    ["3.1", "分类职责", "依法行政", "内容", 50, "实地考核", "县司法局", "乡镇"],
  ]);
  set(SHEET.scores, [["单位名称", "类别", "1.1 主要负责人履职", "3.1 依法行政"], ["分值", null, 50, 50], ...names.map((name, i) => [name, "乡镇", 46, (scores[i] ?? 0) - 46])]);
  set(SHEET.satisfaction, [[...HEADERS.satisfaction]]);
  set(SHEET.peer, [["被评单位", ...names]]);
  set(SHEET.adjustments, [[...HEADERS.adjustments], ["丁镇", "扣分", 0.5, "复议被纠错", "决定书", "是", "否"], ["丁镇", "加分", 0.5, "示范", "文件", "否", "否"]]);
  const params = book.sheets.find((s) => s.name === SHEET.params);
  const quotaRow = PARAM_ROWS.findIndex((row) => row.name === PARAM.excellentQuota) + 1;
  if (params !== undefined) (params.rows[quotaRow] ?? [])[1] = 0.4;
  return book;
}

/** The example county of the template (60 units, ratings, ballots, 加减分, a self-rating), as grids. */
function exampleCounty(): WorkbookGrids {
  return { sheets: buildTemplate({ year: 2025, example: true }).map((sheet) => ({ name: sheet.name, rows: sheet.rows as CellValue[][] })) };
}

describe("order independence: shuffling the rows of every input sheet changes no figure and no note of any unit", () => {
  it("the tied county: the quota tie, the 排名最后 tie and their notes stay with every tied unit", () => {
    const book = tiedCounty();
    const first = runAssessment(book);
    expect(first.issues.filter((issue) => issue.level === "error")).toEqual([]);
    const expected = byUnit(first.result);
    // By hand: 乙镇 and 丙镇 share 第2名 across the quota line (2 of 6), both 优秀 with the same note.
    expect(expected["乙镇"]).toContain("并列第2名跨过优秀比例界线，并列单位均为优秀");
    expect(expected["丙镇"]).toContain("并列第2名跨过优秀比例界线，并列单位均为优秀");
    fc.assert(
      fc.property(ordersOf(book), (orders) => {
        expect(byUnit(runAssessment(shuffled(book, orders)).result)).toEqual(expected);
      }),
      { seed: 20251202, numRuns: 60 },
    );
  });

  it("the example county (60 units, 16 unrated, ballots and ratings)", () => {
    const book = exampleCounty();
    const expected = byUnit(runAssessment(book).result);
    fc.assert(
      fc.property(ordersOf(book), (orders) => {
        expect(byUnit(runAssessment(shuffled(book, orders)).result)).toEqual(expected);
      }),
      { seed: 20251202, numRuns: 8 },
    );
  }, 60_000);
});
