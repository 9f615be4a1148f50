import { describe, expect, it } from "vitest";
import { carryOver, lastYearLines } from "../lib/carryover";
import { HEADERS, SHEET } from "../lib/layout";
import { runAssessment } from "../lib/run";
import { sheetOf, validWorkbook } from "./helpers/workbook";

/** Last year = the small valid workbook scored: 城关镇 1 优秀, 柳屯镇 2 良好, 县法院 1 良好, 县司法局 2 良好. */
function lastYear() {
  const book = validWorkbook();
  for (const out of runAssessment(book).outputs ?? []) book.sheets.push({ name: out.name, rows: out.rows.map((row) => [...row]) });
  return book;
}

describe("从上年结果导入 (carry-over)", () => {
  it("reads last year's 名次 and final 等次 from 结果, footnote rows left out", () => {
    expect(lastYearLines(lastYear())).toEqual([
      { name: "城关镇", rank: 1, grade: "优秀" },
      { name: "柳屯镇", rank: 2, grade: "良好" },
      { name: "县法院", rank: 1, grade: "良好" },
      { name: "县司法局", rank: 2, grade: "良好" },
    ]);
  });

  it("fills 上年名次/上年等次 by name; a renamed unit only through 单位更名; a new unit blank; a unit gone listed", () => {
    const last = lastYearLines(lastYear()) ?? [];
    const current = validWorkbook();
    const units = sheetOf(current, SHEET.units).rows;
    units[1] = [1, "城关镇", "乡镇", null, null, null];
    units[2] = [2, "柳屯镇（新）", "乡镇", null, null, null];
    units[4] = [4, "县人民法院", "法院检察院", null, null, null];
    current.sheets.push({ name: SHEET.renames, rows: [[...HEADERS.renames], ["县法院", "县人民法院"]] });
    const outcome = carryOver(last, current);
    expect(outcome.rows.slice(1).map((row) => [row[1], row[4], row[5]])).toEqual([
      ["城关镇", 1, "优秀"],
      ["柳屯镇（新）", null, null],
      ["县司法局", 2, "良好"],
      ["县人民法院", 1, "良好"],
    ]);
    expect(outcome.currentOnly).toEqual(["柳屯镇（新）"]);
    expect(outcome.lastOnly).toEqual(["柳屯镇"]);
  });

  it("round trip: 上年等次 优秀 carried over makes this year's 优秀 城关镇 连续两年优秀", () => {
    const current = validWorkbook();
    const units = sheetOf(current, SHEET.units).rows;
    for (const row of units.slice(1)) {
      row[4] = null;
      row[5] = null;
    }
    const outcome = carryOver(lastYearLines(lastYear()) ?? [], current);
    sheetOf(current, SHEET.units).rows = outcome.rows;
    const result = runAssessment(current).result;
    const 城关镇 = result?.units.find((u) => u.unit.name === "城关镇");
    expect(城关镇?.unit.lastGrade).toBe("优秀");
    expect(城关镇?.notes).toContain("连续两年优秀，建议通报表扬");
  });
});
