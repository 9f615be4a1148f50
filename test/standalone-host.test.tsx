import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { buildTemplate } from "../lib/template";
import { runAssessment } from "../lib/run";
import { buildWorkbook, NotAWorkbookError, readWorkbookGrids } from "../files/xlsx";
import { FILE_CHANGED_TEXT, FileChangedError, FileHost, NoWorkbookOpenError, type FileLike } from "../addin/standalone/fileHost";
import { friendlyMessage } from "../addin/ui/errors";
import { trialChanges } from "../lib/whatif/trial";
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

/** A file on disk as the page holds it: its content and modified time can change after it was chosen. */
class DiskFile implements FileLike {
  refused = false;
  constructor(
    readonly name: string,
    public bytes: Uint8Array,
    public lastModified: number,
  ) {}
  async arrayBuffer(): Promise<ArrayBuffer> {
    // Chromium's answer for a picked File whose file changed on disk since.
    if (this.refused) throw new DOMException("The requested file could not be read", "NotReadableError");
    return this.bytes.slice().buffer;
  }
}

/** The example with 评分!C3 (城关镇 · 1.1, worth 5) set to `score`. */
async function exampleWithC3(score: number): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await example).slice().buffer);
  workbook.getWorksheet("评分")!.getCell("C3").value = score;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function totalOf(rows: readonly (readonly unknown[])[], unit: string): unknown {
  const header = rows[0]!.indexOf("单位名称") >= 0 ? rows[0]! : rows[1]!;
  const row = rows.find((r) => r[header.indexOf("单位名称")] === unit);
  return row?.[header.indexOf("总分")];
}

describe("FileHost reads the file as it is now", () => {
  it("计算等次 and 检查数据 read the chosen file again: a score fixed and saved counts at the next click, and the download has it", async () => {
    const { host, saved } = hostWithSaves();
    const before = await exampleWithC3(5);
    const disk = new DiskFile("示例.xlsx", before, Date.UTC(2026, 11, 2, 1, 15));
    await host.load(disk);
    const first = await host.compute(() => undefined);
    const city = (outcome: typeof first) => outcome.result!.units.find((u) => u.unit.name === "城关镇")!;
    // By hand from the example's 计算说明: 应得分 140, 实得分 136.82 → 换算 136.82 ÷ 140 × 100 = 97.7285… → 97.73, 加分 5.
    expect(city(first).possible.toFixed(2)).toBe("140.00");
    expect(city(first).earned.toFixed(2)).toBe("136.82");
    expect(city(first).total.toFixed(2)).toBe("102.73");

    // The clerk types 3 into 评分!C3 in Excel and saves; the page's File still names the same file.
    const after = await exampleWithC3(3);
    disk.bytes = after;
    const second = await host.compute(() => undefined);
    // 2 points less: 134.82 ÷ 140 × 100 = 96.30, plus 加分 5.
    expect(city(second).earned.toFixed(2)).toBe("134.82");
    expect(city(second).total.toFixed(2)).toBe("101.30");
    await host.saveFile();
    const written = await readWorkbookGrids(saved[0]!.bytes);
    const expected = runAssessment(await readWorkbookGrids(after));
    const results = written.sheets.find((s) => s.name === "结果")!.rows;
    expect(String(totalOf(results, "城关镇"))).toBe(String(totalOf(expected.outputs!.find((s) => s.name === "结果")!.rows, "城关镇")));
    expect(Number(totalOf(results, "城关镇"))).toBe(101.3);
    expect(written.sheets.find((s) => s.name === "评分")!.rows[2]![2]).toBe(3);

    // 检查数据 reads it again too: a typo saved since is found.
    disk.bytes = await exampleWithC3(50);
    const found = await host.check();
    expect(found.some((i) => i.level === "error" && i.sheet === "评分" && i.cell === "C3")).toBe(true);
    expect(host.cellText("评分", "C3")).toBe("50");
  });

  it("a file the browser refuses to read again: FileChangedError “文件已修改，请重新打开”, the page told, nothing to download; opening it again clears it", async () => {
    const { host, saved } = hostWithSaves();
    const disk = new DiskFile("考核.xlsx", await example, Date.UTC(2026, 11, 2, 1, 15));
    await host.load(disk);
    await host.compute(() => undefined);
    let told = 0;
    const stop = host.subscribe(() => (told += 1));
    disk.refused = true;
    const stages: ComputeStage[] = [];
    const refused = host.compute((stage) => stages.push(stage));
    await expect(refused).rejects.toBeInstanceOf(FileChangedError);
    await expect(host.compute(() => undefined)).rejects.toThrow(/^文件已修改，请重新打开：浏览器不能再读取“考核.xlsx”/);
    expect(stages).toEqual(["read"]);
    expect(host.fileState()).toEqual({ name: "考核.xlsx", modified: new Date(Date.UTC(2026, 11, 2, 1, 15)), stale: true });
    expect(told).toBe(1);
    // The copy made from the old content is no longer offered.
    expect(host.scoredFileName()).toBeNull();
    await expect(host.saveFile()).rejects.toThrow();
    await expect(host.check()).rejects.toBeInstanceOf(FileChangedError);
    await expect(host.previewLayout()).rejects.toBeInstanceOf(FileChangedError);
    await expect(host.quarter(1)).rejects.toBeInstanceOf(FileChangedError);
    expect(friendlyMessage(new FileChangedError("考核.xlsx"))).toBe(FILE_CHANGED_TEXT.message("考核.xlsx"));
    expect(FILE_CHANGED_TEXT.message("考核.xlsx").startsWith(FILE_CHANGED_TEXT.title)).toBe(true);

    // 重新打开: the same file chosen again is a new File the browser reads.
    await host.load(new DiskFile("考核.xlsx", await example, Date.UTC(2026, 11, 2, 1, 40)));
    expect(host.fileState()).toEqual({ name: "考核.xlsx", modified: new Date(Date.UTC(2026, 11, 2, 1, 40)), stale: false });
    expect((await host.compute(() => undefined)).result).not.toBeNull();
    await host.saveFile();
    expect(saved.map((s) => s.name)).toEqual(["考核（已计算）.xlsx"]);
    stop();
  });

  it("with a file handle (a file dropped in Chromium) each read gets the file as saved since, with its new modified time", async () => {
    const { host } = hostWithSaves();
    let current = new DiskFile("拖放.xlsx", await exampleWithC3(5), Date.UTC(2026, 11, 2, 1, 15));
    await host.load(current, { getFile: async () => current });
    expect(host.fileState()?.modified).toEqual(new Date(Date.UTC(2026, 11, 2, 1, 15)));
    // Saved again: the handle gives a new File (the old one would be refused).
    current.refused = true;
    current = new DiskFile("拖放.xlsx", await exampleWithC3(3), Date.UTC(2026, 11, 2, 1, 20));
    const outcome = await host.compute(() => undefined);
    expect(outcome.result).not.toBeNull();
    expect(host.fileState()).toEqual({ name: "拖放.xlsx", modified: new Date(Date.UTC(2026, 11, 2, 1, 20)), stale: false });
    expect(host.cellText("评分", "C3")).toBe("3");
  });

  it("a problem at a score cell names its unit and indicator apart, for the page to show when it is clicked", async () => {
    const { host } = hostWithSaves();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await example).slice().buffer);
    workbook.getWorksheet("评分")!.getCell("C3").value = "八十五";
    await host.load(fileOf("有错.xlsx", new Uint8Array(await workbook.xlsx.writeBuffer())));
    const issue = (await host.check()).find((i) => i.sheet === "评分" && i.cell === "C3")!;
    expect(issue.unit).toBe("城关镇");
    expect(issue.indicator).toBe("1.1 深入学习宣传贯彻习近平法治思想");
    expect(host.cellText("评分", "C3")).toBe("八十五");
    expect(host.cellText("评分", "ZZ999")).toBe("");
    expect(host.cellText("没有这张表", "A1")).toBe("");
  });
});

describe("FileHost: a 试算 applied in memory and the file on disk", () => {
  it("keeps the 试算 while the file is unchanged; a file changed since is never scored without it: 文件已修改，请重新打开", async () => {
    const { host, saved } = hostWithSaves();
    const disk = new DiskFile("示例.xlsx", await example, Date.UTC(2026, 11, 2, 1, 15));
    await host.load(disk);
    const start = await host.prepareTrial();
    if (!("session" in start)) throw new Error("no 试算");
    const changes = trialChanges(start.fields, { 优秀分数线: "88" });
    const done = await host.applyTrial(changes, start.session.preview(changes).edits);
    expect(done.kind).toBe("applied");
    // 计算等次 again, the file untouched: the 试算's 参数 still count (88, not the file's 90).
    await host.compute(() => undefined);
    await host.saveFile();
    const lineOf = (rows: readonly (readonly unknown[])[]) => rows.find((row) => row[0] === "优秀分数线")?.[1];
    const params = (await readWorkbookGrids(saved[0]!.bytes)).sheets.find((s) => s.name === "参数")!.rows;
    expect(lineOf(params)).toBe(88);
    // The clerk fixes a score in Excel meanwhile: re-reading would drop the 试算 silently, so the page asks to reopen.
    disk.bytes = await exampleWithC3(3);
    await expect(host.compute(() => undefined)).rejects.toBeInstanceOf(FileChangedError);
    expect(host.fileState()?.stale).toBe(true);
    expect(host.scoredFileName()).toBeNull();
  });
});
