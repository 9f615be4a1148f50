// The WPS host (addin/wps) against the fake of WPS 表格's object model (test/helpers/fakeWps.ts), which refuses any
// member the host is not meant to use. The same contract as the Excel host: outputs equal the library's, input sheets
// untouched, a failure at any write step leaves the old outputs, text stays text.
import { describe, expect, it } from "vitest";
import { friendlyMessage } from "../addin/ui/errors";
import { createWpsHost, fromWps, gridOf, toWps, vbaColor, WPS_TEXT } from "../addin/wps/wpsHost";
import type { CellValue } from "../lib/grid";
import { INPUT_SHEETS, OUTPUT_SHEETS, SHEET } from "../lib/layout";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";
import { FakeWps } from "./helpers/fakeWps";

const example: Record<string, CellValue[][]> = Object.fromEntries(buildTemplate({ year: 2026, example: true }).map((sheet) => [sheet.name, sheet.rows]));
const expected = runAssessment({ sheets: Object.entries(example).map(([name, rows]) => ({ name, rows })) });

/** Rows without trailing blanks, blanks as null: what a sheet shows. */
function shown(rows: readonly (readonly unknown[])[]): unknown[][] {
  const out = rows.map((row) => {
    const cells = row.map((cell) => (cell === undefined || cell === "" ? null : cell));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (out.length > 0 && (out[out.length - 1] ?? []).length === 0) out.pop();
  return out;
}

describe("WPS host: 计算等次", () => {
  it("scores the example county: 结果, 计算说明, 汇总 equal the library's; no input sheet is written", async () => {
    const wps = new FakeWps(example);
    const host = createWpsHost({ app: () => wps.app });
    const stages: string[] = [];
    const outcome = await host.compute((stage) => stages.push(stage));
    expect(stages).toEqual(["read", "compute", "write"]);
    expect(outcome.result?.units).toHaveLength(60);
    for (const out of expected.outputs ?? []) expect(shown(wps.grid(out.name))).toEqual(shown(out.rows));
    expect(wps.writes.filter((write) => (INPUT_SHEETS as readonly string[]).includes(write.sheet))).toEqual([]);
    expect(wps.sheets.map((sheet) => sheet.name)).toEqual([...INPUT_SHEETS, ...OUTPUT_SHEETS]);
    expect(wps.displayAlerts).toBe(true);
  });

  it("a second 计算等次 replaces the outputs whole, one block write per sheet", async () => {
    const wps = new FakeWps(example);
    const host = createWpsHost({ app: () => wps.app });
    await host.compute(() => undefined);
    const writesBefore = wps.writes.length;
    await host.compute(() => undefined);
    expect(wps.writes.length - writesBefore).toBe(3);
    expect(wps.sheets.map((sheet) => sheet.name)).toEqual([...INPUT_SHEETS, ...OUTPUT_SHEETS]);
  });

  it.each([
    ["the sheet's creation", "Add", 2],
    ["a block of values", "Value2=", 3],
    ["naming a temporary sheet", "Name=", 1],
  ])("a failure at %s leaves the old outputs and no temporary sheet", async (_what, member, n) => {
    const wps = new FakeWps(example);
    const host = createWpsHost({ app: () => wps.app });
    await host.compute(() => undefined);
    const before = OUTPUT_SHEETS.map((name) => wps.grid(name));
    wps.failAt(member, n);
    const failure = await host.compute(() => undefined).then(() => null, (error: unknown) => error);
    // The pane says it in Chinese, with what to do and WPS's own words.
    expect(friendlyMessage(failure)).toBe(WPS_TEXT.refused(`fake WPS refused ${member}`));
    expect(OUTPUT_SHEETS.map((name) => wps.grid(name))).toEqual(before);
    expect(wps.sheets.map((sheet) => sheet.name)).toEqual([...INPUT_SHEETS, ...OUTPUT_SHEETS]);
    // The next run goes through.
    await host.compute(() => undefined);
    expect(wps.sheets.map((sheet) => sheet.name)).toEqual([...INPUT_SHEETS, ...OUTPUT_SHEETS]);
  });

  it("an error in the data writes nothing and names the cell", async () => {
    const scores = (example[SHEET.scores] ?? []).map((row) => [...row]);
    const row = scores[2] ?? [];
    row[2] = "85分";
    const wps = new FakeWps({ ...example, [SHEET.scores]: scores });
    const host = createWpsHost({ app: () => wps.app });
    const outcome = await host.compute(() => undefined);
    expect(outcome.result).toBeNull();
    expect(outcome.issues.some((issue) => issue.level === "error" && issue.sheet === SHEET.scores && issue.cell === "C3")).toBe(true);
    expect(wps.writes).toEqual([]);
  });

  it("an output sheet the user made very hidden is still replaced", async () => {
    const wps = new FakeWps(example);
    const host = createWpsHost({ app: () => wps.app });
    await host.compute(() => undefined);
    const result = wps.sheets.find((sheet) => sheet.name === SHEET.results);
    if (result) result.visible = 2;
    await host.compute(() => undefined);
    expect(wps.sheets.map((sheet) => sheet.name)).toEqual([...INPUT_SHEETS, ...OUTPUT_SHEETS]);
  });
});

describe("WPS host: values at the boundary", () => {
  it("text WPS would turn into a formula, number, date or truth value is written with an apostrophe", () => {
    expect(["=1+1", "+cmd", "@SUM(A1)", "001", "1.10", "2025-3-1", "TRUE", "城关镇", "4.5分"].map((text) => toWps(text))).toEqual([
      "'=1+1",
      "'+cmd",
      "'@SUM(A1)",
      "'001",
      "'1.10",
      "'2025-3-1",
      "'TRUE",
      "城关镇",
      // 分 is a time mark (12时30分): kept as text too, which is what was typed.
      "'4.5分",
    ]);
    expect([toWps(85.5), toWps(null), toWps(true)]).toEqual([85.5, "", true]);
  });

  it("the template's 编号 \"1.1\" and a unit named \"=HYPERLINK(…)\" come back as the same text", async () => {
    const units = (example[SHEET.units] ?? []).map((row) => [...row]);
    const wps = new FakeWps({});
    const host = createWpsHost({ app: () => wps.app });
    await host.createTemplate({ year: 2026, example: false, onlyMissing: true });
    expect(wps.grid(SHEET.indicators)[1]?.[0]).toBe("1.1");
    expect(units.length).toBeGreaterThan(1);
  });

  it("error values (as text or as VBA error numbers) become the library's errors; Value2 of a block is placed from its top-left cell", () => {
    expect([fromWps("#N/A"), fromWps(-2146826246), fromWps(""), fromWps(undefined), fromWps(3)]).toEqual([{ error: "#N/A" }, { error: "#N/A" }, null, null, 3]);
    expect(gridOf({ Value2: [[1, 2], [3, undefined]], Row: 2, Column: 3 })).toEqual([[], [null, null, 1, 2], [null, null, 3, null]]);
    expect(gridOf({ Value2: undefined, Row: 1, Column: 1 })).toEqual([]);
    expect(gridOf({ Value2: "甲", Row: 1, Column: 1 })).toEqual([["甲"]]);
    expect(vbaColor("#C6EFCE")).toBe(0xc6 + 0xef * 256 + 0xce * 65536);
  });
});

describe("WPS host: the other buttons", () => {
  it("加载考核模板 adds only the missing input sheets, keeping what exists", async () => {
    const wps = new FakeWps({ [SHEET.units]: [["自己的表"]] });
    const host = createWpsHost({ app: () => wps.app });
    const outcome = await host.createTemplate({ year: 2026, example: false, onlyMissing: true });
    expect(outcome.kept).toEqual([SHEET.units]);
    expect(outcome.created).toEqual(INPUT_SHEETS.filter((name) => name !== SHEET.units));
    expect(wps.grid(SHEET.units)).toEqual([["自己的表"]]);
  });

  it("检查数据 lists problems and writes nothing; clicking one selects its cell", async () => {
    const wps = new FakeWps(example);
    const host = createWpsHost({ app: () => wps.app });
    const issues = await host.check();
    expect(issues.filter((issue) => issue.level === "error")).toEqual([]);
    expect(wps.writes).toEqual([]);
    await host.selectCell?.(SHEET.scores, "C3");
    expect(wps.calls.get("Select")).toBe(1);
  });

  it("without an open workbook every button says so in Chinese", async () => {
    const host = createWpsHost({ app: () => ({ ActiveWorkbook: null, DisplayAlerts: true }) });
    await expect(host.check()).rejects.toThrow("WPS 表格中没有打开的工作簿");
  });

  it("the pane shows that sentence itself, not “操作没有完成……错误代码：未知”", async () => {
    const host = createWpsHost({ app: () => ({ ActiveWorkbook: null, DisplayAlerts: true }) });
    const failure = await host.compute(() => undefined).catch((error: unknown) => error);
    expect(friendlyMessage(failure)).toBe(WPS_TEXT.noWorkbook);
  });
});
