// @vitest-environment jsdom
// 生成通报, 生成反馈单 and 核验 in the pane and the page (issue 17): the file host and the Excel host (on the counting
// fake) make the same documents as `kaohe report`, refuse a workbook that fails 核验 with what to do, name the cells
// that differ, and write nothing into the workbook. Figures and names worked out by hand from the example county.
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { unzipSync } from "fflate";
import { buildWorkbook } from "../files/xlsx";
import { writeFeedbackZip, writeNoticeDocx } from "../files/docx";
import { FileHost, type FileLike } from "../addin/standalone/fileHost";
import { createExcelHost } from "../addin/excel/excelHost";
import { AssessmentPane } from "../addin/ui/AssessmentPane";
import { ReportSection } from "../addin/ui/ReportSection";
import { REPORT_TEXT } from "../addin/ui/reportMessages";
import { mediaTypeOf } from "../addin/ui/download";
import type { ReportWriter } from "../addin/ui/host";
import { INPUT_SHEETS } from "../lib/layout";
import { REPORT } from "../lib/report";
import { buildTemplate } from "../lib/template";
import { FakeWorkbook } from "../fakes/excel";

afterEach(cleanup);

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

/** The example county's 优秀 units, by hand from its 2026 results: 户部寨镇 (3rd) lost 评先资格, so 良好. */
const TOWNS_EXCELLENT = "优秀（4个）：城关镇、白堽乡、渠村乡、柳屯镇。";
const DEPARTMENTS_EXCELLENT = "优秀（6个）：县司法局、县人民法院、县纪委监委机关、县政府办公室、县委办公室、国家税务总局示例县税务局。";

const example = buildWorkbook(buildTemplate({ year: 2026, example: true }));

function fileOf(name: string, bytes: Uint8Array): FileLike {
  return { name, arrayBuffer: async () => bytes.slice().buffer };
}

function hostWithSaves() {
  const saved: { name: string; bytes: Uint8Array }[] = [];
  const host = new FileHost({ pickFile: async () => null, saveBytes: (bytes, name) => saved.push({ name, bytes }) });
  return { host, saved };
}

async function textOf(docx: Uint8Array): Promise<string> {
  const { value } = await mammoth.extractRawText({ buffer: Buffer.from(docx) });
  return value;
}

/** The example scored on the page and downloaded (下载结果), with one cell of 结果 typed over by hand. */
async function scoredWithEdit(sheet: string, cell: string, value: number): Promise<Uint8Array> {
  const { host, saved } = hostWithSaves();
  await host.load(fileOf("示例考核.xlsx", await example));
  await host.compute(() => undefined);
  await host.saveFile();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(saved[0]!.bytes) as unknown as ArrayBuffer);
  book.getWorksheet(sheet)!.getCell(cell).value = value;
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe("the page's 通报、反馈单、核验 (FileHost)", () => {
  it("生成通报 on a workbook not yet scored: scored in memory, 考核结果通报.docx listing the 优秀 units in 名次 order", async () => {
    const { host, saved } = hostWithSaves();
    await host.load(fileOf("示例考核.xlsx", await example));
    const made = await host.makeNotice();
    expect(made).toEqual({ file: "考核结果通报.docx", lines: [REPORT.notScored], issues: [] });
    expect(saved.map((file) => file.name)).toEqual(["考核结果通报.docx"]);
    expect(mediaTypeOf(saved[0]!.name)).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    const text = await textOf(saved[0]!.bytes);
    expect(text).toContain("关于2026年度示例县法治建设考核结果的通报");
    expect(text).toContain(TOWNS_EXCELLENT);
    expect(text).toContain(DEPARTMENTS_EXCELLENT);
    expect(text).toContain("不合格（1个）：五星乡。");
  }, 60_000);

  it("after 计算等次 on the page, 核验 checks the scored copy (what 下载结果 saves) and passes; the 通报 is the command line's", async () => {
    const { host, saved } = hostWithSaves();
    await host.load(fileOf("示例考核.xlsx", await example));
    const before = await host.verify();
    expect(before.ok).toBe(false);
    expect(before.verdict).toBe("核验未通过：此工作簿没有“结果”表，还没有计算等次，无从核验。请先计算等次。");
    expect(before.notes).toEqual([REPORT_TEXT.checkedOpened("示例考核.xlsx")]);

    await host.compute(() => undefined);
    const after = await host.verify();
    expect(after.ok).toBe(true);
    expect(after.verdict).toMatch(/^核验通过：输入与结果一致（指纹 [0-9a-f]{64}）$/);
    expect(after.issues).toEqual([]);
    expect(after.notes[after.notes.length - 1]).toBe(REPORT_TEXT.checkedScored("示例考核（已计算）.xlsx"));

    const made = await host.makeNotice();
    // Scored already: no "scored in memory" note; the text is what files/docx writes for the same results.
    expect(made).toEqual({ file: "考核结果通报.docx", lines: [], issues: [] });
    expect(await textOf(saved[0]!.bytes)).toContain(TOWNS_EXCELLENT);
    expect(saved).toHaveLength(1);
  }, 60_000);

  it("生成反馈单: one .zip, one 反馈单-单位.docx per unit (60), each a page for its unit", async () => {
    const { host, saved } = hostWithSaves();
    await host.load(fileOf("示例考核.xlsx", await example));
    const made = await host.makeFeedback();
    expect(made.file).toBe("反馈单.zip");
    expect(saved.map((file) => file.name)).toEqual(["反馈单.zip"]);
    expect(mediaTypeOf("反馈单.zip")).toBe("application/zip");
    const entries = unzipSync(saved[0]!.bytes);
    expect(Object.keys(entries)).toHaveLength(60);
    expect(Object.keys(entries)).toContain("反馈单-城关镇.docx");
    expect(Object.keys(entries)).toContain("反馈单-国家税务总局示例县税务局.docx");
    const town = await textOf(entries["反馈单-城关镇.docx"]!);
    expect(town).toContain("城关镇");
    expect(town).toContain("102.73");
    expect(town).not.toContain("白堽乡");
    // 五星乡 (不合格, last, warned): its 提示 join into one sentence, each part without its own full stop.
    const last = await textOf(entries["反馈单-五星乡.docx"]!);
    expect(last).toContain("你单位将被通报警示；按照有关规定，将对你单位进行约谈、责令整改。");
    expect(last).not.toMatch(/。；|。。/);
  }, 90_000);

  it("a 结果 figure typed over by hand: 核验 names 结果!L2 (城关镇 · 总分); 生成通报 makes nothing and says 重新计算等次", async () => {
    const edited = await scoredWithEdit("结果", "L2", 95);
    const { host, saved } = hostWithSaves();
    await host.load(fileOf("示例考核（已计算）.xlsx", edited));
    const verified = await host.verify();
    expect(verified.ok).toBe(false);
    expect(verified.verdict).toBe("核验未通过：结果与输入不一致，共 1 处不同。");
    expect(verified.issues).toEqual([
      { level: "error", code: "verify.difference", sheet: "结果", cell: "L2", context: "城关镇 · 总分", message: "为 95.00，按输入应为 102.73" },
    ]);
    expect(verified.notes).toContain("“结果”表在计算等次之后被改动过（与计算时记录的指纹不同）。");

    const notice = await host.makeNotice();
    expect(notice.file).toBeNull();
    expect(notice.lines[notice.lines.length - 1]).toBe(REPORT.inconsistent);
    expect(REPORT.inconsistent).toContain("请重新计算等次");
    expect(notice.issues.map((issue) => `${issue.sheet}!${issue.cell}`)).toEqual(["结果!L2"]);
    expect((await host.makeFeedback()).file).toBeNull();
    expect(saved).toEqual([]);

    // 计算等次 on the page makes a consistent copy: then both pass.
    await host.compute(() => undefined);
    expect((await host.verify()).ok).toBe(true);
    expect((await host.makeNotice()).file).toBe("考核结果通报.docx");
  }, 90_000);

  it("a score in 评分 changed after 计算等次: 核验 names that cell (评分!F7, 八公桥镇 · 1.4), the 结果 cells it moves, the sheet", async () => {
    // 评分!F7 is 八公桥镇's 1.4 (4 points); 0 drops it from 15th to 17th of the towns.
    const edited = await scoredWithEdit("评分", "F7", 0);
    const { host } = hostWithSaves();
    await host.load(fileOf("示例考核（已计算）.xlsx", edited));
    const verified = await host.verify();
    expect(verified.ok).toBe(false);
    // The cell typed over comes first, named from the score 计算说明 recorded for 八公桥镇's 1.4 at 计算等次.
    expect(verified.issues[0]).toEqual({
      level: "error",
      code: "verify.changedScore",
      sheet: "评分",
      cell: "F7",
      context: "八公桥镇 · 1.4 持续推进法治建设宣传和理论研究",
      message: "计算等次时为 4，现为 0",
    });
    expect(verified.issues.filter((issue) => issue.sheet === "评分")).toHaveLength(1);
    expect(verified.issues).toContainEqual(
      expect.objectContaining({ sheet: "结果", context: "八公桥镇 · 总分", message: "为 73.30，按输入应为 71.08" }),
    );
    expect(verified.notes).toContain("计算等次之后，输入表“评分”有改动（与计算时记录的指纹不同）。");
  }, 90_000);
});

/** A fake Excel with the example county, and an Excel host with the real Word writer whose saves are recorded. */
async function excelWithExample() {
  const book = new FakeWorkbook();
  const saved: { name: string; bytes: Uint8Array }[] = [];
  const reportWriter = async (): Promise<ReportWriter> => ({ notice: writeNoticeDocx, feedbackZip: writeFeedbackZip });
  const host = createExcelHost({ run: book.run, supports: () => true, reportWriter, save: (bytes, name) => saved.push({ name, bytes }) });
  await host.createTemplate({ year: 2026, example: true, onlyMissing: true });
  return { book, host, saved };
}

function inputGrids(book: FakeWorkbook): unknown[][][] {
  return INPUT_SHEETS.filter((name) => book.find(name) !== undefined).map((name) => book.grid(name));
}

describe("the Excel pane's 通报、反馈单、核验 (createExcelHost on the fake)", () => {
  it("核验 passes after 计算等次, names 结果!L2 once typed over, and writes nothing", async () => {
    const { book, host } = await excelWithExample();
    await host.compute(() => undefined);
    const ok = await host.verify!();
    expect(ok.ok).toBe(true);
    expect(ok.verdict).toMatch(/^核验通过：输入与结果一致（指纹 [0-9a-f]{64}）$/);

    const results = book.find("结果")!;
    results.cells[1]![11] = 95;
    const writes = book.writes.length;
    const inputs = inputGrids(book);
    const bad = await host.verify!();
    expect(bad.ok).toBe(false);
    expect(bad.issues).toEqual([
      { level: "error", code: "verify.difference", sheet: "结果", cell: "L2", context: "城关镇 · 总分", message: "为 95.00，按输入应为 102.73" },
    ]);
    expect(book.writes.length).toBe(writes);
    expect(inputGrids(book)).toEqual(inputs);
  }, 60_000);

  it("生成通报 hands 考核结果通报.docx to the user (the same text as the page's), refuses after a hand edit, writes no sheet", async () => {
    const { book, host, saved } = await excelWithExample();
    await host.compute(() => undefined);
    const writes = book.writes.length;
    const inputs = inputGrids(book);
    expect(await host.makeNotice!()).toEqual({ file: "考核结果通报.docx", lines: [], issues: [] });
    expect(saved.map((file) => file.name)).toEqual(["考核结果通报.docx"]);
    const text = await textOf(saved[0]!.bytes);
    expect(text).toContain(TOWNS_EXCELLENT);
    expect(text).toContain(DEPARTMENTS_EXCELLENT);
    const feedback = await host.makeFeedback!();
    expect(feedback.file).toBe("反馈单.zip");
    expect(Object.keys(unzipSync(saved[1]!.bytes))).toHaveLength(60);

    book.find("结果")!.cells[1]![11] = 95;
    const refused = await host.makeNotice!();
    expect(refused.file).toBeNull();
    expect(refused.lines[refused.lines.length - 1]).toBe(REPORT.inconsistent);
    expect(refused.issues.map((issue) => `${issue.sheet}!${issue.cell}`)).toEqual(["结果!L2"]);
    expect(saved).toHaveLength(2);
    expect(book.writes.length).toBe(writes);
    expect(inputGrids(book)).toEqual(inputs);
  }, 90_000);

  it("without a Word writer (misuse) the documents fail loudly rather than silently", async () => {
    const book = new FakeWorkbook();
    const host = createExcelHost({ run: book.run, supports: () => true });
    await expect(host.makeNotice!()).rejects.toThrow(/reportWriter/);
  });
});

describe("ReportSection", () => {
  it("the pane shows the section for a host that has the three actions, and clicking a difference selects its cell", async () => {
    const { book, host } = await excelWithExample();
    await host.compute(() => undefined);
    book.find("结果")!.cells[1]![11] = 95;
    const select = vi.spyOn(host, "selectCell");
    render(
      <FluentProvider theme={webLightTheme}>
        <AssessmentPane host={host} defaultYear={2026} />
      </FluentProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: REPORT_TEXT.heading }));
    // The section loads when opened (not with the pane).
    await user.click(await screen.findByRole("button", { name: "核验" }, { timeout: 20_000 }));
    expect(await screen.findByText("核验未通过：结果与输入不一致，共 1 处不同。", undefined, { timeout: 20_000 })).toBeTruthy();
    await user.click(screen.getByRole("button", { name: /结果!L2（城关镇 · 总分）：为 95.00，按输入应为 102.73/ }));
    expect(select).toHaveBeenCalledWith("结果", "L2");
  }, 60_000);

  it("on the page: 生成通报 says where the file went; 核验 of a consistent workbook says 核验通过", async () => {
    const { host, saved } = hostWithSaves();
    await host.load(fileOf("示例考核.xlsx", await example));
    await host.compute(() => undefined);
    render(
      <FluentProvider theme={webLightTheme}>
        <ReportSection host={host} noticeText={REPORT_TEXT.noticeDownloaded} feedbackText={REPORT_TEXT.feedbackDownloaded} />
      </FluentProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "生成通报" }));
    expect(await screen.findByText(REPORT_TEXT.noticeDownloaded("考核结果通报.docx"), undefined, { timeout: 20_000 })).toBeTruthy();
    expect(saved.map((file) => file.name)).toEqual(["考核结果通报.docx"]);
    await user.click(screen.getByRole("button", { name: "核验" }));
    expect(await screen.findByText(/^核验通过：输入与结果一致/, undefined, { timeout: 20_000 })).toBeTruthy();
    expect(screen.getByText(REPORT_TEXT.checkedScored("示例考核（已计算）.xlsx"))).toBeTruthy();
  }, 60_000);

  it("a pane whose host lacks the actions (no Word writer at all) shows no such section", () => {
    const host = {
      listExistingInputSheets: async () => [],
      createTemplate: async () => ({ created: [], kept: [] }),
      check: async () => [],
      compute: async () => ({ issues: [], result: null }),
      readParams: async () => [],
    };
    render(
      <FluentProvider theme={webLightTheme}>
        <AssessmentPane host={host} defaultYear={2026} />
      </FluentProvider>,
    );
    expect(screen.queryByRole("button", { name: REPORT_TEXT.heading })).toBeNull();
  });
});
