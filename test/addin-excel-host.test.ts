import { describe, expect, it } from "vitest";
import { OfficeMockObject } from "office-addin-mock";
import type { CellValue, WorkbookGrids } from "../lib/grid";
import { HEADERS, INPUT_SHEETS, OUTPUT_SHEETS, PARAM, PARAM_ROWS, SHEET } from "../lib/layout";
import { sealOutcome } from "../lib/integrity";
import { runAssessment } from "../lib/run";
import { nodeDigest } from "../bin/digest";
import { buildTemplate } from "../lib/template";
import { createExcelHost, paramRows } from "../addin/excel/excelHost";
import { toExcelValue } from "../addin/excel/cells";
import { PAYLOAD_LIMIT, splitRows, gridBytes } from "../addin/excel/budget";
import type { ComputeStage } from "../addin/ui/host";
import { FakeWorkbook, visible } from "../fakes/excel";
import { validWorkbook } from "./helpers/workbook";

const INPUTS: readonly string[] = INPUT_SHEETS;

/**
 * A workbook of `count` units in two groups, two indicators worth 50 + 40 and a survey worth 10, so every unit's
 * 应得分 is 100. Unit i (from 0) scores 30 + (i mod 21) on 1.1 and 40 − (i mod 5) on 2.1, survey 80 + (i mod 20)%.
 */
function bigWorkbook(count: number, firstName = (i: number) => `单位${i + 1}`): Record<string, CellValue[][]> {
  const units: CellValue[][] = [[...HEADERS.units]];
  const scores: CellValue[][] = [["单位名称", "类别", "1.1 履职", "2.1 学法"], ["分值", null, 50, 40]];
  const satisfaction: CellValue[][] = [[...HEADERS.satisfaction]];
  for (let i = 0; i < count; i += 1) {
    const name = firstName(i);
    const category = i % 2 === 0 ? "乡镇" : "政府部门";
    units.push([i + 1, name, category, null, null, null]);
    scores.push([name, category, 30 + (i % 21), 40 - (i % 5)]);
    satisfaction.push([name, 80 + (i % 20), null, null, null, null]);
  }
  return {
    [SHEET.guide]: [["填写说明"]],
    [SHEET.params]: [[...HEADERS.params], ...PARAM_ROWS.map((row) => [row.name, row.name === PARAM.year ? 2025 : row.value, row.explanation])],
    [SHEET.units]: units,
    [SHEET.indicators]: [
      [...HEADERS.indicators],
      ["1.1", "加强党的领导", "履职", "履行第一责任人职责", 50, "日常评价", "县委依法治县办", "全部"],
      ["2.1", "共同职责", "学法", "领导干部学法", 40, "集中评查", "县司法局", "全部"],
    ],
    [SHEET.scores]: scores,
    [SHEET.satisfaction]: satisfaction,
    [SHEET.peer]: [["被评单位"]],
    [SHEET.adjustments]: [[...HEADERS.adjustments]],
    [SHEET.daily]: [[...HEADERS.daily]],
    [SHEET.review]: [[...HEADERS.review]],
  };
}

function asGrids(sheets: Record<string, CellValue[][]>): WorkbookGrids {
  return { sheets: Object.entries(sheets).map(([name, rows]) => ({ name, rows: rows.map((row) => [...row]) })) };
}


const all = () => true;
/** 计算等次's time, fixed so that the fingerprint rows of 计算说明 are the same in the host and the expectation. */
const NOW = new Date(Date.UTC(2026, 0, 15, 1, 2, 3));

describe("计算等次 in Excel (fake)", () => {
  it("takes at most 3 syncs for 200 units, reports 读取 → 计算 → 写入, and writes exactly the library's output", async () => {
    const sheets = bigWorkbook(200);
    const book = new FakeWorkbook(sheets);
    const stages: ComputeStage[] = [];
    const host = createExcelHost({ run: book.run, supports: all, now: () => NOW });
    const outcome = await host.compute((stage) => stages.push(stage));
    expect(outcome.result).not.toBeNull();
    expect(book.syncCount).toBeLessThanOrEqual(3);
    expect(stages).toEqual(["read", "compute", "write"]);
    const expected = await sealOutcome(runAssessment(asGrids(sheets)), { digest: nodeDigest, now: NOW });
    expect(expected.outputs).not.toBeNull();
    for (const out of expected.outputs ?? []) {
      expect(visible(book.grid(out.name))).toEqual(visible(out.rows));
    }
    // 200 units: 结果 has a header, 200 rows, a blank row and the note on the 名次规则.
    expect(book.grid(SHEET.results)).toHaveLength(203);
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([...INPUTS, ...OUTPUT_SHEETS]);
  });

  it("never writes into, deletes or renames an input sheet", async () => {
    const book = new FakeWorkbook(bigWorkbook(200));
    await createExcelHost({ run: book.run, supports: all }).compute(() => undefined);
    expect(book.writes.length).toBeGreaterThan(0);
    expect(book.writes.filter((write) => INPUTS.includes(write.sheet))).toEqual([]);
    const touched = book.structure.filter((change) => change.kind !== "activate" && INPUTS.includes(change.sheet));
    expect(touched).toEqual([]);
  });

  it("writes nothing at all when the workbook has errors, and the old results stay", async () => {
    const sheets = bigWorkbook(10);
    const scores = sheets[SHEET.scores] ?? [];
    const row = scores[4] ?? [];
    row[2] = "八十五"; // text that is not a number: an error
    sheets[SHEET.results] = [["旧结果"]];
    const book = new FakeWorkbook(sheets);
    const outcome = await createExcelHost({ run: book.run, supports: all }).compute(() => undefined);
    expect(outcome.result).toBeNull();
    expect(outcome.issues.some((issue) => issue.level === "error" && issue.sheet === SHEET.scores && issue.cell === "C5")).toBe(true);
    expect(book.writes).toEqual([]);
    expect(book.structure).toEqual([]);
    expect(book.grid(SHEET.results)).toEqual([["旧结果"]]);
  });

  it("replaces old output sheets whole, and keeps them when a write fails half-way", async () => {
    const sheets = bigWorkbook(20);
    sheets[SHEET.results] = Array.from({ length: 500 }, () => ["旧", "数据"]);
    const failing = new FakeWorkbook(sheets);
    failing.failNextWrite = "InvalidOperationInCellEditMode";
    await expect(createExcelHost({ run: failing.run, supports: all }).compute(() => undefined)).rejects.toMatchObject({
      code: "InvalidOperationInCellEditMode",
    });
    expect(failing.grid(SHEET.results)).toHaveLength(500);
    expect(failing.sheets.map((sheet) => sheet.name)).toEqual([...INPUTS, SHEET.results]);

    const book = new FakeWorkbook(sheets);
    await createExcelHost({ run: book.run, supports: all }).compute(() => undefined);
    expect(book.grid(SHEET.results)).toHaveLength(23);
    // 结果 keeps its identity: cleared and the new content copied in, in the last write sync, with the temporaries
    // deleted in that same sync; the new sheets 计算说明 and 汇总 take their names there too.
    const last = book.syncCount - 1;
    expect(book.structure.filter((change) => change.kind === "delete" || change.kind === "rename")).toEqual([
      { sync: last, kind: "delete", sheet: `${SHEET.results}（计算中，可删除）` },
      { sync: last, kind: "rename", sheet: `${SHEET.audit}（计算中，可删除）`, to: SHEET.audit },
      { sync: last, kind: "rename", sheet: `${SHEET.summary}（计算中，可删除）`, to: SHEET.summary },
    ]);
    // Its row heights and page setup (this run's rows and page breaks) go in the same sync, after the copy.
    const layout = (write: { kind: string; values?: unknown[][] }) => write.kind === "pageLayout" || write.kind === "pageBreak" || JSON.stringify(write.values ?? []).includes('"height"');
    expect(book.writes.filter((write) => write.sheet === SHEET.results && layout(write)).every((write) => write.sync === last)).toBe(true);
    expect(book.writes.filter((write) => write.sheet === SHEET.results && !layout(write)).map((write) => [write.sync, write.kind])).toEqual([
      [last, "clear"],
      [last, "copy"],
      ...HEADERS.results.map(() => [last, "format"]),
    ]);
  });

  it("writes text that begins with = + - @ as text (a unit named =1+1)", async () => {
    const names = ["=1+1", "+86", "-某局", "@单位"];
    const book = new FakeWorkbook(bigWorkbook(4, (i) => names[i] ?? ""));
    const outcome = await createExcelHost({ run: book.run, supports: all }).compute(() => undefined);
    expect(outcome.result).not.toBeNull();
    const results = book.grid(SHEET.results);
    const nameColumn = HEADERS.results.indexOf("单位名称");
    const written = results.slice(1, 1 + names.length).map((row) => row[nameColumn]);
    expect([...written].sort()).toEqual([...names].sort());
    const sent = book.writes.filter((write) => write.kind === "values" && write.sheet.startsWith(SHEET.results));
    expect(sent.flatMap((write) => write.values ?? []).some((row) => row.includes("'=1+1"))).toBe(true);
  });

  it("keeps every request under 5 MB for 20,000 units (reads and writes split into blocks)", async () => {
    const sheets = bigWorkbook(20_000);
    const book = new FakeWorkbook(sheets);
    const outcome = await createExcelHost({ run: book.run, supports: all }).compute(() => undefined);
    expect(outcome.result?.units).toHaveLength(20_000);
    expect(book.syncCount).toBeGreaterThan(3);
    for (const sync of book.syncs) expect(sync.requestBytes).toBeLessThan(PAYLOAD_LIMIT);
    // A response Excel on the web refuses is read again in blocks; every accepted one is under the limit too.
    const accepted = book.syncs.filter((sync) => sync.responseBytes <= PAYLOAD_LIMIT);
    expect(book.syncs.length - accepted.length).toBeLessThanOrEqual(1);
    expect(book.grid(SHEET.results)).toHaveLength(20_003);
    const expected = runAssessment(asGrids(sheets)).outputs ?? [];
    const results = expected.find((out) => out.name === SHEET.results);
    expect(visible(book.grid(SHEET.results))).toEqual(visible(results?.rows ?? []));
  }, 240_000);

  it("reads a sheet whose name has a trailing space with a second read", async () => {
    const sheets = bigWorkbook(6);
    const scores = sheets[SHEET.scores] ?? [];
    delete sheets[SHEET.scores];
    sheets[`${SHEET.scores} `] = scores;
    const book = new FakeWorkbook(sheets);
    const host = createExcelHost({ run: book.run, supports: all });
    const issues = await host.check();
    expect(issues.filter((issue) => issue.level === "error")).toEqual([]);
    // The one-sync read asks for 评分's range through a null object, which Excel may refuse: then the names, then the sheets.
    expect(book.syncCount).toBe(3);
    expect(await host.check()).toEqual(issues);
    // Learnt: the names first straight away.
    expect(book.syncCount).toBe(5);
    await host.selectCell?.(SHEET.scores, "C3");
    expect(book.structure.at(-1)).toMatchObject({ kind: "select", sheet: `${SHEET.scores} `, to: "C3" });
  });

  it("uses freeze panes, tab colours (ExcelApi 1.7) and drop-downs (1.8) only when supported", async () => {
    const without = new FakeWorkbook();
    await createExcelHost({ run: without.run, supports: () => false }).createTemplate({ year: 2025, example: false, onlyMissing: true });
    expect(without.writes.filter((write) => ["validation", "freeze", "tabColor"].includes(write.kind))).toEqual([]);
    const withAll = new FakeWorkbook();
    await createExcelHost({ run: withAll.run, supports: all }).createTemplate({ year: 2025, example: false, onlyMissing: true });
    expect(withAll.writes.some((write) => write.kind === "validation")).toBe(true);
    expect(withAll.writes.some((write) => write.kind === "freeze")).toBe(true);
  });
});

describe("加载考核模板 in Excel (fake)", () => {
  it("creates the missing input sheets with the template's values and never touches one that exists", async () => {
    const book = new FakeWorkbook({ [SHEET.params]: [["我的参数"]] });
    const host = createExcelHost({ run: book.run, supports: all });
    expect(await host.listExistingInputSheets()).toEqual([SHEET.params]);
    const outcome = await host.createTemplate({ year: 2025, example: true, onlyMissing: true });
    expect(outcome.kept).toEqual([SHEET.params]);
    expect(outcome.created).toEqual(INPUTS.filter((name) => name !== SHEET.params));
    expect(book.grid(SHEET.params)).toEqual([["我的参数"]]);
    expect(book.writes.filter((write) => write.sheet === SHEET.params)).toEqual([]);
    const template = buildTemplate({ year: 2025, example: true });
    const units = template.find((sheet) => sheet.name === SHEET.units);
    expect(visible(book.grid(SHEET.units))).toEqual(visible(units?.rows ?? []));
  });

  it("does nothing when every input sheet exists", async () => {
    const book = new FakeWorkbook(Object.fromEntries(INPUTS.map((name) => [name, [["x"]]])));
    const outcome = await createExcelHost({ run: book.run, supports: all }).createTemplate({ year: 2025, example: false, onlyMissing: true });
    expect(outcome.created).toEqual([]);
    expect(book.writes).toEqual([]);
    expect(book.structure).toEqual([]);
  });

  it("scores the example county the same way the library does", async () => {
    const book = new FakeWorkbook();
    const host = createExcelHost({ run: book.run, supports: all, now: () => NOW });
    await host.createTemplate({ year: 2025, example: true, onlyMissing: true });
    const inputs: WorkbookGrids = { sheets: INPUTS.map((name) => ({ name, rows: book.grid(name) as CellValue[][] })) };
    const outcome = await host.compute(() => undefined);
    expect(outcome.result).not.toBeNull();
    const expected = await sealOutcome(runAssessment(inputs), { digest: nodeDigest, now: NOW });
    for (const out of expected.outputs ?? []) expect(visible(book.grid(out.name))).toEqual(visible(out.rows));
  });
});

describe("Excel host pieces", () => {
  it("quotes formula-like text, and only that", () => {
    expect(toExcelValue("=1+1")).toBe("'=1+1");
    expect(toExcelValue("@x")).toBe("'@x");
    expect(toExcelValue("-")).toBe("'-");
    expect(toExcelValue("县法院")).toBe("县法院");
    expect(toExcelValue(-3.5)).toBe(-3.5);
    expect(toExcelValue(null)).toBe("");
  });

  it("splits rows into blocks under the budget, in order, losing none", () => {
    const rows = Array.from({ length: 1000 }, (_, i) => [`第${i}行`, i, "说明文字说明文字"]);
    const blocks = splitRows(rows, 5000);
    expect(blocks.length).toBeGreaterThan(1);
    expect(blocks.flatMap((block) => block.rows)).toEqual(rows);
    for (const block of blocks) expect(gridBytes(block.rows)).toBeLessThanOrEqual(5000);
    blocks.forEach((block, i) => expect(block.start).toBe(blocks.slice(0, i).reduce((n, b) => n + b.rows.length, 0)));
  });

  it("lists 参数 below the header", () => {
    expect(paramRows([["参数", "值", "说明"], ["小数位数", "2", "…"], ["", "", ""], [" 加分上限 ", "5", ""]])).toEqual([
      { name: "小数位数", value: "2" },
      { name: "加分上限", value: "5" },
    ]);
  });

  it("checks the small valid workbook without errors", async () => {
    const grids = validWorkbook();
    // As the template makes it, with 平时考核 (header only): every input sheet is there, so one sync reads them all.
    const book = new FakeWorkbook({ ...Object.fromEntries(grids.sheets.map((sheet) => [sheet.name, sheet.rows])), [SHEET.daily]: [[...HEADERS.daily]] });
    const issues = await createExcelHost({ run: book.run, supports: all }).check();
    expect(issues.filter((issue) => issue.level === "error")).toEqual([]);
    expect(book.syncCount).toBe(1);
    expect(book.writes).toEqual([]);
  });
});

describe("office-addin-mock", () => {
  function mockExcel() {
    const calls: string[] = [];
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            getItem(name: string) {
              calls.push(`getItem ${name}`);
              return {
                activate: () => calls.push(`activate ${name}`),
                getRange: (address: string) => ({ select: () => calls.push(`select ${address}`) }),
              };
            },
          },
        },
        sync: async () => {
          calls.push("sync");
        },
      },
      run: async function (this: { context: unknown }, batch: (context: unknown) => Promise<unknown>) {
        return batch(this.context);
      },
    });
    return { mock, calls };
  }

  it("selects a problem's cell: activate the sheet, select the range, one sync", async () => {
    const { mock, calls } = mockExcel();
    const host = createExcelHost({ run: (batch) => mock.run(batch) as never, supports: all });
    await host.selectCell?.("评分", "F7");
    expect(calls).toEqual(["getItem 评分", "activate 评分", "select F7", "sync"]);
  });

  it("returns error strings (instead of throwing) for a property read without load or without sync", async () => {
    const mock = new OfficeMockObject({ context: { workbook: { range: { address: "G4" } } } });
    const range = mock.context.workbook.range;
    expect(range.address).toBe("Error, property was not loaded");
    range.load("address");
    expect(range.address).toBe("Error, context.sync() was not called");
    await mock.context.workbook.sync();
    await mock.sync();
    expect(range.address).toBe("G4");
  });
});
