import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { carryOver, lastYearLines, planCarryOver } from "../lib/carryover";
import type { CellValue } from "../lib/grid";
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

describe("从上年结果导入: laws (fast-check)", () => {
  const NAMES = ["城关镇", "柳屯镇", "文留镇", "县司法局", "县法院", "县财政局", "县教育局", "新设镇"];
  const GRADE_LIST = ["优秀", "良好", "合格", "不合格"] as const;
  /** Last year's 结果 as the scorer writes it: 名次, 单位名称 and 审定等次 in their columns. */
  function lastBook(lines: readonly { name: string; rank: number; grade: string }[]) {
    const header = [...HEADERS.results];
    const at = (name: string) => header.indexOf(name as (typeof header)[number]);
    const rows = lines.map((line) => {
      const row: (string | number | null)[] = header.map(() => null);
      row[at("名次")] = line.rank;
      row[at("单位名称")] = line.name;
      row[at("等次")] = "良好";
      row[at("审定等次")] = line.grade;
      return row;
    });
    return { sheets: [{ name: SHEET.results, rows: [header, ...rows] }] };
  }
  const lastLines = fc.uniqueArray(fc.record({ name: fc.constantFrom(...NAMES), rank: fc.integer({ min: 1, max: 60 }), grade: fc.constantFrom(...GRADE_LIST) }), { selector: (line) => line.name, minLength: 1 });
  const thisUnits = fc.uniqueArray(fc.record({ name: fc.constantFrom(...NAMES), typed: fc.option(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.constantFrom(...GRADE_LIST)), { nil: null }) }), { selector: (unit) => unit.name });

  function currentBook(units: readonly { name: string; typed: [number, string] | null }[]) {
    const rows: CellValue[][] = [[...HEADERS.units], ...units.map((unit, i) => [i + 1, unit.name, "乡镇", null, unit.typed?.[0] ?? null, unit.typed?.[1] ?? null])];
    return { sheets: [{ name: SHEET.units, rows }] };
  }

  it("a matched unit gets exactly last year's 名次 and 审定等次; any other keeps what it had; importing again changes nothing", () => {
    fc.assert(
      fc.property(lastLines, thisUnits, (lines, units) => {
        const current = currentBook(units);
        const plan = planCarryOver(lastBook(lines), current);
        expect(plan.issues).toEqual([]);
        const written = plan.sheets.find((sheet) => sheet.name === SHEET.units)?.rows ?? current.sheets[0]?.rows ?? [];
        const byName = new Map(lines.map((line) => [line.name, line]));
        units.forEach((unit, i) => {
          const row = written[i + 1] ?? [];
          const line = byName.get(unit.name);
          expect([row[4] ?? null, row[5] ?? null]).toEqual(line === undefined ? [unit.typed?.[0] ?? null, unit.typed?.[1] ?? null] : [line.rank, line.grade]);
        });
        expect(new Set([...plan.lastOnly, ...plan.matched.values()])).toEqual(new Set(lines.map((line) => line.name)));
        const again = planCarryOver(lastBook(lines), { sheets: [{ name: SHEET.units, rows: written }] });
        expect(again.changed).toBe(0);
        expect(again.sheets.some((sheet) => sheet.name === SHEET.units)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});
