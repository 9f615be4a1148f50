/**
 * The reader reads each distinct number of a 评分 column (and of 上下互评) once and shares its Decimal. These tests
 * pin down that the sharing never hides a problem: a number good in one column is still checked in another, a bad
 * number or a text number is reported at every cell that holds it, and every entry still names its own cell.
 * Workbook: test/helpers/workbook.ts (评分 C = 1.1 分值 5, D = 2.1 分值 4.5; rows 3–6 城关镇, 柳屯镇, 县司法局, 县法院).
 */
import { describe, expect, it } from "vitest";
import { readAssessment } from "../lib/reader";
import { setCell, validWorkbook } from "./helpers/workbook";

const ABOVE_4_5 = "分值为 4.5，得分不能超过 4.5。请填写 0 到 4.5 之间的得分。";

function read(edits: [string, string, string | number][]) {
  let book = validWorkbook();
  for (const [sheet, cell, value] of edits) book = setCell(book, sheet, cell, value);
  return readAssessment(book);
}

describe("shared Decimals in 评分", () => {
  it("5 is good under 1.1 (分值 5) and still an error under 2.1 (分值 4.5), at each cell that holds it", () => {
    const outcome = read([
      ["评分", "C3", 5],
      ["评分", "C4", 5],
      ["评分", "D3", 5],
      ["评分", "D4", 5],
    ]);
    expect(outcome.issues.map((i) => [i.level, i.cell, i.message])).toEqual([
      ["error", "D3", ABOVE_4_5],
      ["error", "D4", ABOVE_4_5],
    ]);
  });

  it("equal numbers in different columns share one Decimal; each entry keeps its own cell", () => {
    const outcome = read([
      ["评分", "C3", 4],
      ["评分", "D3", 4],
    ]);
    const 城关镇 = outcome.input?.scores.get("城关镇");
    const a = 城关镇?.get("1.1");
    const b = 城关镇?.get("2.1");
    expect(a?.kind === "score" && b?.kind === "score" && a.value === b.value).toBe(true);
    expect([a?.ref, b?.ref]).toEqual([
      { sheet: "评分", cell: "C3" },
      { sheet: "评分", cell: "D3" },
    ]);
  });

  it("a number typed as text is read with a warning at every cell, not once per value", () => {
    const outcome = read([
      ["评分", "C3", "4"],
      ["评分", "C4", "4"],
    ]);
    expect(outcome.issues.map((i) => [i.level, i.cell, i.code])).toEqual([
      ["warning", "C3", "cell.textNumber"],
      ["warning", "C4", "cell.textNumber"],
    ]);
  });

  it("a unit's scores read as a map of 编号 → entry, 不适用 included, in column order", () => {
    const outcome = read([["评分", "C3", "不适用"]]);
    const 城关镇 = outcome.input?.scores.get("城关镇");
    expect(城关镇?.size).toBe(3);
    expect(城关镇?.has("3.2")).toBe(false);
    expect([...(城关镇 ?? [])].map(([code, e]) => [code, e.kind, e.kind === "score" ? e.value.toString() : "", e.ref.cell])).toEqual([
      ["1.1", "notApplicable", "", "C3"],
      ["2.1", "score", "4", "D3"],
      ["3.1", "score", "9.5", "E3"],
    ]);
    const 县法院 = outcome.input?.scores.get("县法院");
    expect([...(县法院?.keys() ?? [])]).toEqual(["1.1", "2.1", "3.2"]);
    const seen: string[] = [];
    县法院?.forEach((entry, code) => seen.push(`${code}=${entry.kind === "score" ? entry.value.toString() : "/"}`));
    expect(seen).toEqual(["1.1=4", "2.1=4", "3.2=9"]);
  });
});

describe("shared Decimals in 上下互评", () => {
  it("a rating out of range is an error at every cell that holds it", () => {
    const outcome = read([
      ["上下互评", "C2", 120],
      ["上下互评", "B3", 120],
    ]);
    expect(outcome.issues.filter((i) => i.level === "error").map((i) => [i.sheet, i.cell, i.code])).toEqual([
      ["上下互评", "C2", "peer.range"],
      ["上下互评", "B3", "peer.range"],
    ]);
  });

  it("the same word twice is one shared value, each rating with its own cell", () => {
    const outcome = read([["上下互评", "B3", "好"]]);
    const good = outcome.input?.ratings.filter((r) => r.word === "好") ?? [];
    expect(good.map((r) => [r.rater, r.ratee, r.value.toString(), r.ref.cell])).toEqual([
      ["县司法局", "城关镇", "100", "D2"],
      ["城关镇", "柳屯镇", "100", "B3"],
    ]);
    expect(good[0]?.value).toBe(good[1]?.value);
  });
});
