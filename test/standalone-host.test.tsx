import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { buildTemplate } from "../lib/template";
import { runAssessment } from "../lib/run";
import { buildWorkbook, NotAWorkbookError, readWorkbookGrids } from "../files/xlsx";
import { FileHost, NoWorkbookOpenError, type FileLike } from "../addin/standalone/fileHost";
import type { ComputeStage } from "../addin/ui/host";

function fileOf(name: string, bytes: Uint8Array): FileLike {
  return { name, arrayBuffer: async () => bytes.slice().buffer };
}

function hostWithSaves() {
  const saved: { name: string; bytes: Uint8Array }[] = [];
  const host = new FileHost({ pickFile: async () => null, saveBytes: (bytes, name) => saved.push({ name, bytes }) });
  return { host, saved };
}

/** A row without its trailing blanks: a file does not keep empty cells at the end of a row. */
function trimEnd(row: readonly unknown[]): unknown[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === "")) end -= 1;
  return row.slice(0, end);
}

const example = buildWorkbook(buildTemplate({ year: 2026, example: true }));

describe("FileHost", () => {
  it("refuses a file that is not a workbook, and then has no workbook open", async () => {
    const { host } = hostWithSaves();
    await expect(host.load(fileOf("说明.xlsx", new TextEncoder().encode("这不是工作簿")))).rejects.toBeInstanceOf(NotAWorkbookError);
    expect(host.fileName()).toBeNull();
    await expect(host.check()).rejects.toBeInstanceOf(NoWorkbookOpenError);
  });

  it("knows an empty workbook (one blank sheet) from a filled one", async () => {
    const { host } = hostWithSaves();
    const blank = new ExcelJS.Workbook();
    blank.addWorksheet("Sheet1");
    await host.load(fileOf("空.xlsx", new Uint8Array(await blank.xlsx.writeBuffer())));
    expect(host.isEmptyWorkbook()).toBe(true);
    await host.load(fileOf("示例.xlsx", await example));
    expect(host.isEmptyWorkbook()).toBe(false);
    expect(await host.listExistingInputSheets()).toEqual(["说明", "参数", "考核对象", "考核指标", "评分", "满意度", "上下互评", "加减分", "平时考核", "审定调整"]);
  });

  it("saves a new template under its year's name without touching the open workbook", async () => {
    const { host, saved } = hostWithSaves();
    const outcome = await host.createTemplate({ year: 2026, example: false, onlyMissing: false });
    expect(saved.map((s) => s.name)).toEqual(["考核模板（2026年）.xlsx"]);
    expect(outcome.created).toEqual(["说明", "参数", "考核对象", "考核指标", "评分", "满意度", "上下互评", "加减分", "平时考核", "审定调整"]);
    const grids = await readWorkbookGrids(saved[0]!.bytes);
    expect(grids.sheets.map((s) => s.name)).toEqual(outcome.created);
    expect(host.fileName()).toBeNull();
  });

  it("computes through the stages 读取 → 计算 → 写入 and saves “（已计算）” with the library's 结果", async () => {
    const { host, saved } = hostWithSaves();
    const bytes = await example;
    await host.load(fileOf("示例.xlsx", bytes));
    expect(host.scoredFileName()).toBeNull();
    const stages: ComputeStage[] = [];
    const outcome = await host.compute((stage) => stages.push(stage));
    expect(stages).toEqual(["read", "compute", "write"]);
    expect(outcome.result).not.toBeNull();
    expect(host.scoredFileName()).toBe("示例（已计算）.xlsx");
    await host.saveFile();
    expect(saved.map((s) => s.name)).toEqual(["示例（已计算）.xlsx"]);

    const expected = runAssessment(await readWorkbookGrids(bytes));
    const written = await readWorkbookGrids(saved[0]!.bytes);
    const results = written.sheets.find((s) => s.name === "结果")!;
    const expectedResults = expected.outputs!.find((s) => s.name === "结果")!;
    expect(results.rows.map(trimEnd)).toEqual(expectedResults.rows.map(trimEnd));
    // The input sheets come back exactly as they went in.
    const original = await readWorkbookGrids(bytes);
    for (const sheet of original.sheets) {
      expect(written.sheets.find((s) => s.name === sheet.name)?.rows).toEqual(sheet.rows);
    }
  });

  it("offers nothing to save when the data has an error", async () => {
    const { host, saved } = hostWithSaves();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await example).slice().buffer);
    workbook.getWorksheet("评分")!.getCell("C3").value = "八十五";
    await host.load(fileOf("有错.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer())));
    const stages: ComputeStage[] = [];
    const outcome = await host.compute((stage) => stages.push(stage));
    expect(outcome.result).toBeNull();
    expect(stages).toEqual(["read", "compute"]);
    expect(outcome.issues.some((i) => i.level === "error" && i.sheet === "评分" && i.cell === "C3")).toBe(true);
    expect(host.scoredFileName()).toBeNull();
    await expect(host.saveFile()).rejects.toThrow();
    expect(saved).toEqual([]);
  });

  it("openFile opens what the picker gives, and nothing when the user cancels", async () => {
    const picks: (FileLike | null)[] = [null, fileOf("选中.xlsx", await example)];
    const host = new FileHost({ pickFile: async () => picks.shift() ?? null, saveBytes: () => undefined });
    expect(await host.openFile()).toBeNull();
    expect(host.fileName()).toBeNull();
    expect(await host.openFile()).toBe("选中.xlsx");
    expect(host.fileName()).toBe("选中.xlsx");
  });
});
