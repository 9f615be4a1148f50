// The bench at a tiny size, so that it cannot rot: shapes and counts only, never a time.
import { describe, expect, it } from "vitest";
import { HEADERS, INPUT_SHEETS, SHEET } from "../lib/layout";
import { measureExcel } from "../bench/excel";
import { floatAssessment } from "../bench/floatRules";
import { adjustmentCount, generateBook, INDICATOR_COUNT, RATINGS_PER_UNIT } from "../bench/generate";
import { measureLibrary } from "../bench/library";
import { pageAssets } from "../bench/pages";
import { markdownTable, textTable } from "../bench/report";
import { median } from "../bench/stats";
import { measureWhatIf } from "../bench/whatIf";

const UNITS = 40;
const rowsOf = (name: string) => generateBook(UNITS).sheets.find((sheet) => sheet.name === name)?.rows ?? [];

describe("bench generator", () => {
  it("writes the input sheets in order, one 评分 row per unit and 100 indicator columns", () => {
    const book = generateBook(UNITS);
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([...INPUT_SHEETS]);
    const scores = rowsOf(SHEET.scores);
    // header, 分值, then one row per unit
    expect(scores).toHaveLength(UNITS + 2);
    expect(scores[0]).toHaveLength(HEADERS.scores.length + INDICATOR_COUNT);
    expect(rowsOf(SHEET.indicators)).toHaveLength(INDICATOR_COUNT + 1);
  });

  it("gives every unit 30 peer ratings, never its own, and N/5 adjustment records", () => {
    const peer = rowsOf(SHEET.peer);
    const raters = (peer[0] ?? []).slice(1);
    for (const row of peer.slice(1)) {
      const given = row.slice(1).filter((cell) => cell !== null);
      expect(given).toHaveLength(RATINGS_PER_UNIT);
      const self = raters.indexOf(row[0] ?? "");
      if (self >= 0) expect(row[self + 1]).toBeNull();
    }
    expect(rowsOf(SHEET.adjustments)).toHaveLength(adjustmentCount(UNITS) + 1);
    expect(adjustmentCount(UNITS)).toBe(8);
  });

  it("is deterministic: the same seed gives the same workbook, another seed another", () => {
    expect(generateBook(UNITS, 7)).toEqual(generateBook(UNITS, 7));
    expect(generateBook(UNITS, 7)).not.toEqual(generateBook(UNITS, 8));
  });
});

describe("bench parts at a tiny size", () => {
  it("library: scores every unit without errors, the float baseline scores the same units", () => {
    const figures = measureLibrary(UNITS, 1);
    expect(figures.resultUnits).toBe(UNITS);
    expect(figures.errors).toBe(0);
    // 结果: header + one row per unit; 计算说明 and 汇总 add more.
    expect(figures.outputRows).toBeGreaterThan(UNITS + 1);
    expect(figures.equalTotals).toBeLessThanOrEqual(UNITS);
    expect(figures.maxRssBytes).toBeGreaterThan(0);
    const float = floatAssessment(generateBook(UNITS));
    expect(float.units).toHaveLength(UNITS);
    expect(new Set(float.units.map((u) => u.rankGroup))).toEqual(new Set(["乡镇", "县直单位"]));
  });

  it("Excel host: 计算等次 of 40 units in at most 3 syncs, every request under 4 MB", async () => {
    const figures = await measureExcel(UNITS);
    expect(figures.scoredUnits).toBe(UNITS);
    expect(figures.syncs).toBeLessThanOrEqual(3);
    expect(figures.refusedResponses).toBe(0);
    expect(figures.largestRequestBytes).toBeLessThan(4 * 1024 * 1024);
    // Again in the same pane: the output sheets exist and keep their freeze panes, tab colours and chart. The last
    // 结果 and the 核验 rows of 计算说明 (与上次相比, issue 16) are read in the same sync as the inputs (issue 14), then
    // the write: 2 syncs, and what changed since the last run is still listed.
    expect(figures.second).toMatchObject({ syncs: 2, refusedResponses: 0, sinceLast: true });
  }, 60_000);
});

describe("bench 试算 part at a tiny size", () => {
  it("scores every unit, and the tries of 优秀分数线 91…95 move some unit (else the time would measure nothing)", () => {
    const figures = measureWhatIf(UNITS, 2);
    expect(figures.resultUnits).toBe(UNITS);
    expect(figures.tries).toBe(2);
    expect(figures.changedUnits).toBeGreaterThan(0);
    expect(figures.fastestMs).toBeLessThanOrEqual(figures.medianMs);
    expect(figures.medianMs).toBeLessThanOrEqual(figures.slowestMs);
  }, 60_000);
});

describe("bench helpers", () => {
  it("median of odd and even counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
  });

  it("finds the local scripts of a minified page, not office.js from the CDN", () => {
    const html = '<script src=legacy-check.js></script><script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><script defer src="taskpane.1234.js"></script><link rel=stylesheet href=a.css>';
    expect(pageAssets(html)).toEqual({ scripts: ["legacy-check.js", "taskpane.1234.js"], styles: ["a.css"] });
  });

  it("marks met and missed targets in both tables", () => {
    const rows = [
      { part: "1", subject: "10 units", measure: "time", figure: "1 s", target: "< 2 s", met: true },
      { part: "1", subject: "10 units", measure: "ratio", figure: "5×", target: "≤ 4×", met: false },
      { part: "1", subject: "10 units", measure: "rss", figure: "1 MB", target: "", met: null },
    ];
    const text = textTable(rows).split("\n");
    expect(text).toHaveLength(4);
    expect(text[1]?.endsWith("✓")).toBe(true);
    expect(text[2]?.endsWith("✗")).toBe(true);
    expect(markdownTable(rows).split("\n")).toHaveLength(5);
  });
});
