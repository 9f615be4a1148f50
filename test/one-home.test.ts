/**
 * Issue 11: each rule that hosts used to write for themselves now lives once in lib/. These tests pin the shared
 * helpers, and show the hosts' old disagreements are gone (a sheet name with a zero-width space, a unit name with a
 * control character, a year of 1999).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D } from "../lib/decimal";
import { cellAddress, columnIndex, columnName, hasSheetNamed, parseA1Range, sameSheetName } from "../lib/grid";
import { HEADERS } from "../lib/layout";
import { figureText, groupFigureTexts, RESULT_COLUMN_FIELDS, RESULT_FIELDS } from "../lib/output";
import { isHalfPointTotal, parsePlanTotal } from "../lib/plan/points";
import { planUnits } from "../lib/plan";
import { readUnits } from "../lib/reader/units";
import { parseTemplateYear, TEMPLATE_YEAR_HINT } from "../lib/template";
import type { GroupSummary } from "../lib/model";
import { parseRange } from "../files/xlsx/range";
import { rangeOrigin, rangeSize } from "../addin/excel/address";
import { parseAddress } from "../fakes/excel";

describe("one sheet-name comparison", () => {
  it("ignores spaces of every kind around a name, zero-width ones too", () => {
    expect(sameSheetName("评分\u200b", "评分")).toBe(true);
    expect(sameSheetName("\u3000评分 ", "评分")).toBe(true);
    expect(sameSheetName("评分\ufeff", "评分")).toBe(true);
    expect(sameSheetName("评 分", "评分")).toBe(false);
    expect(hasSheetNamed(["说明", "考核对象\u200b"], "考核对象")).toBe(true);
    expect(hasSheetNamed(["说明"], "考核对象")).toBe(false);
  });
});

describe("one A1 range reader", () => {
  it("reads cells, ranges, whole columns and $ signs, 0-based", () => {
    expect(parseA1Range("B2:F20")).toEqual({ from: { row: 1, column: 1 }, to: { row: 19, column: 5 } });
    expect(parseA1Range("$AA$10")).toEqual({ from: { row: 9, column: 26 }, to: { row: 9, column: 26 } });
    expect(parseA1Range("c:c")).toEqual({ from: { row: null, column: 2 }, to: { row: null, column: 2 } });
    expect(parseA1Range(" XFD1 ")?.from).toEqual({ row: 0, column: 16383 });
  });

  it("refuses what is not a range", () => {
    for (const text of ["", "A0", "1A", "A1:B2:C3", "ABCD1", "A-1", "评分!A1"]) expect(parseA1Range(text)).toBeNull();
  });

  it("strict: only what a stored part holds (capitals, no $, rows)", () => {
    expect(parseA1Range("A1:B2", { strict: true })).not.toBeNull();
    for (const text of ["a1", "$A$1", "A:A", " A1"]) expect(parseA1Range(text, { strict: true })).toBeNull();
  });

  it("columnIndex is columnName backwards", () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (index) => columnIndex(columnName(index)) === index));
    expect(columnIndex("a")).toBe(-1);
  });

  it("cellAddress of a parsed corner gives the address back", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1048575 }), fc.integer({ min: 0, max: 16383 }), (row, column) => {
        const address = cellAddress(row, column);
        const from = parseA1Range(address)?.from;
        return from !== undefined && from.row === row && from.column === column;
      }),
    );
  });

  it("every host's range function agrees with it", () => {
    expect(parseRange("B2:F20", 100)).toEqual({ top: 2, left: 2, bottom: 20, right: 6 });
    expect(parseRange("C:C", 30)).toEqual({ top: 1, left: 3, bottom: 30, right: 3 });
    expect(parseRange("C5:C", 30)).toEqual({ top: 5, left: 3, bottom: 30, right: 3 });
    expect(rangeSize("B2:F20")).toEqual({ rows: 19, columns: 5 });
    expect(rangeSize("C:C")).toEqual({ rows: null, columns: 1 });
    expect(rangeOrigin("$B$2:F20")).toEqual({ row: 1, column: 1 });
    expect(parseAddress("B2:D4")).toEqual({ row: 1, column: 1, rows: 3, columns: 3 });
    expect(parseAddress("C:C")).toEqual({ row: 0, column: 2, rows: 1048576, columns: 1 });
  });
});

describe("考核对象 names read once", () => {
  it("the 工作安排 importer sees the names the reader sees", () => {
    const sheet = {
      name: "考核对象\u200b",
      rows: [
        ["序号", " 单位名称", "类别"],
        [1, "城关镇\u3000", "乡镇 "],
        [2, "县\u0007司法局", "政府部门"],
        [3, 110, "政府部门"],
        [4, "  ", "乡镇"],
      ],
    };
    expect(planUnits({ sheets: [sheet] })).toEqual([
      { name: "城关镇", category: "乡镇" },
      { name: "县司法局", category: "政府部门" },
      { name: "110", category: "政府部门" },
    ]);
    const read = readUnits({ ...sheet, name: "考核对象" }, []);
    expect([...read.names]).toEqual(["城关镇", "县司法局", "110"]);
  });
});

describe("the template year", () => {
  it("is four digits from 2000 to 2100 wherever it is typed", () => {
    expect(parseTemplateYear(" 2026 ")).toBe(2026);
    expect(parseTemplateYear("2000")).toBe(2000);
    expect(parseTemplateYear("2100")).toBe(2100);
    for (const text of ["1999", "2101", "26", "２０２６", "2026年", ""]) expect(parseTemplateYear(text)).toBeNull();
    expect(TEMPLATE_YEAR_HINT).toBe("请填写 2000 到 2100 之间的年份");
  });
});

describe("the 分值 total", () => {
  it("is one rule for the typed total and for spreadPoints", () => {
    expect(isHalfPointTotal(new D("40"))).toBe(true);
    expect(isHalfPointTotal(new D("0.5"))).toBe(true);
    expect(isHalfPointTotal(new D("0"))).toBe(false);
    expect(isHalfPointTotal(new D("0.3"))).toBe(false);
    expect(isHalfPointTotal(new D("-2"))).toBe(false);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 9 }), (whole, tenth) => {
        const text = `${whole}.${tenth}`;
        return (parsePlanTotal(text) !== null) === isHalfPointTotal(new D(text));
      }),
    );
  });
});

describe("结果 columns and figure strings", () => {
  it("the page's columns are 结果's headers, each with its JSON field", () => {
    expect(RESULT_FIELDS).toHaveLength(HEADERS.results.length);
    expect(RESULT_COLUMN_FIELDS.map((column) => column.header)).toEqual([...HEADERS.results]);
    expect(RESULT_COLUMN_FIELDS.find((column) => column.header === "总分")?.field).toBe("total");
    expect(RESULT_COLUMN_FIELDS.find((column) => column.header === "满意度得分")?.field).toBe("satisfaction");
  });

  it("figures are rounded half-up with 小数位数 decimals", () => {
    expect(figureText(new D("92.345"), 2)).toBe("92.35");
    expect(figureText(new D("90"), 2)).toBe("90.00");
    expect(figureText(new D("88.5"), 0)).toBe("89");
    const group = { highest: new D("95.125"), lowest: new D("60"), mean: new D("77.5625") } as GroupSummary;
    expect(groupFigureTexts(group, 2)).toEqual({ highest: "95.13", lowest: "60.00", mean: "77.56" });
  });
});
