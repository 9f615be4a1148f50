// @vitest-environment jsdom
/**
 * 从上年结果导入 in the two hosts and the pane (issue 16 part 3): the Excel host over the counting fake (考核对象 kept
 * as 考核对象（原）, nothing written before confirmation, a workbook changed since the preview previewed again), the file
 * host (a downloaded copy), the button with a file chosen (preview, then download), and the pane showing the item only
 * for a host that can read last year's file.
 *
 * Last year: the small workbook of helpers/workbook.ts scored in-process: 城关镇 1 优秀, 柳屯镇 2 良好 (乡镇);
 * 县法院 1 良好, 县司法局 2 良好 (县直单位). This year: 城关镇 (3/良好 typed, stale), 新设镇 (new), 县人民法院 (renamed
 * from 县法院 through 单位更名), 柳屯镇 and 县司法局 gone.
 */
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { afterEach, describe, expect, it } from "vitest";
import { createExcelHost } from "../addin/excel/excelHost";
import { FileHost, type FileLike } from "../addin/standalone/fileHost";
import { AssessmentPane } from "../addin/ui/AssessmentPane";
import { CARRY_TEXT } from "../addin/ui/carryMessages";
import { CarryOverSection } from "../addin/ui/CarryOverSection";
import type { AssessmentHost } from "../addin/ui/host";
import { FakeWorkbook } from "../fakes/excel";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import type { SheetOut } from "../lib/format";
import type { CellValue, WorkbookGrids } from "../lib/grid";
import { HEADERS, SHEET } from "../lib/layout";
import { runAssessment } from "../lib/run";
import { validWorkbook } from "./helpers/workbook";

const all = () => true;

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

afterEach(cleanup);

function lastYear(): WorkbookGrids {
  const book = validWorkbook();
  for (const out of runAssessment(book).outputs ?? []) book.sheets.push({ name: out.name, rows: out.rows.map((row) => [...row]) });
  return book;
}

const UNITS: CellValue[][] = [[...HEADERS.units], [1, "城关镇", "乡镇", null, 3, "良好"], [2, "新设镇", "乡镇"], [3, "县人民法院", "法院检察院"]];
const RENAMES: CellValue[][] = [[...HEADERS.renames], ["县法院", "县人民法院"]];

const PREVIEW = [
  "从上年结果导入：上年“结果”共 4 个单位，本年“考核对象”共 3 个单位。",
  "将填写 2 个单位的上年名次、上年等次（按单位名称对应）：",
  "  城关镇：上年名次 1，上年等次 优秀（原填 3、良好，将被替换）",
  "  县人民法院（上年名称“县法院”，按单位更名表）：上年名次 1，上年等次 良好",
  "本年新增、或已更名的单位 1 个，上年“结果”中找不到，上年名次、上年等次不填：新设镇。",
  "上年有、本年“考核对象”中找不到的单位 2 个（已撤销、合并或更名）：柳屯镇、县司法局。",
  "不会按相近的名称自动对应。更名或合并的单位，请在“单位更名”表中填写“上年名称 → 本年名称”（如 柳屯镇 → 新设镇），再导入一次。",
];

const PLAIN = { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] };
const asSheets = (book: WorkbookGrids): SheetOut[] =>
  book.sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => row.map((cell) => cell as string | number | null)), format: PLAIN }));

function fileOf(name: string, bytes: Uint8Array): FileLike {
  return { name, arrayBuffer: async () => bytes.slice().buffer };
}

describe("Excel host 从上年结果导入", () => {
  it("previews without writing, then writes 考核对象 where it stood, the old one kept right after", async () => {
    const book = new FakeWorkbook({ 说明: [["说明"]], 考核对象: UNITS, 考核指标: [[...HEADERS.indicators]], 单位更名: RENAMES });
    const host = createExcelHost({ run: book.run, supports: all });
    const plan = await host.previewCarryOver?.(lastYear());
    expect(plan?.issues).toEqual([]);
    expect(plan?.preview).toEqual(PREVIEW);
    expect(book.structure).toEqual([]);
    const written = await host.writeCarryOver?.(lastYear(), plan?.preview ?? []);
    expect(written).toEqual({ written: ["考核对象"], kept: ["考核对象（原）"], file: null });
    expect(book.sheets.map((s) => s.name)).toEqual(["说明", "考核对象", "考核对象（原）", "考核指标", "单位更名"]);
    expect(book.grid("考核对象（原）")).toEqual(UNITS);
    expect(book.grid("考核对象")).toEqual([
      [...HEADERS.units],
      [1, "城关镇", "乡镇", null, 1, "优秀"],
      [2, "新设镇", "乡镇", null, null, null],
      [3, "县人民法院", "法院检察院", null, 1, "良好"],
    ]);
  });

  it("writes nothing when 考核对象 changed after the preview, and previews again", async () => {
    const book = new FakeWorkbook({ 考核对象: UNITS.map((row) => [...row]), 单位更名: RENAMES });
    const host = createExcelHost({ run: book.run, supports: all });
    const plan = await host.previewCarryOver?.(lastYear());
    book.sheets.find((s) => s.name === "考核对象")?.cells.push([4, "县司法局", "政府部门"]);
    const written = await host.writeCarryOver?.(lastYear(), plan?.preview ?? []);
    expect(written !== undefined && "stale" in written && written.stale.preview[1]).toBe("将填写 3 个单位的上年名次、上年等次（按单位名称对应）：");
    expect(book.structure).toEqual([]);
  });

  it("an error in 单位更名 (an old name last year's 结果 lacks) plans nothing to write, at its cell", async () => {
    const book = new FakeWorkbook({ 考核对象: UNITS, 单位更名: [...RENAMES, ["县林业局", "新设镇"]] });
    const plan = await createExcelHost({ run: book.run, supports: all }).previewCarryOver?.(lastYear());
    expect(plan?.issues.map((issue) => `${issue.sheet}!${issue.cell}`)).toEqual(["单位更名!A3"]);
    expect(plan?.sheets).toEqual([]);
  });
});

describe("FileHost 从上年结果导入", () => {
  it("downloads 考核（已导入上年）.xlsx with 考核对象 filled and kept as 考核对象（原）; the file opened stays as it was", async () => {
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const host = new FileHost({ pickFile: async () => null, saveBytes: (bytes, name) => saved.push({ name, bytes }) });
    const current = validWorkbook();
    current.sheets = current.sheets.filter((sheet) => sheet.name !== SHEET.units).concat([{ name: SHEET.units, rows: UNITS }, { name: SHEET.renames, rows: RENAMES }]);
    await host.load(fileOf("考核.xlsx", await buildWorkbook(asSheets(current))));
    const last = await host.readLastYearFile("2025（已计算）.xlsx", await buildWorkbook(asSheets(lastYear())));
    const plan = await host.previewCarryOver(last);
    expect(plan.preview).toEqual(PREVIEW);
    expect(saved).toEqual([]);
    expect(await host.writeCarryOver(last, plan.preview)).toEqual({ written: ["考核对象"], kept: ["考核对象（原）"], file: "考核（已导入上年）.xlsx" });
    const book = await readWorkbookGrids(saved[0]?.bytes ?? new Uint8Array());
    expect(book.sheets.find((s) => s.name === "考核对象")?.rows[1]).toEqual([1, "城关镇", "乡镇", null, 1, "优秀"]);
    expect(book.sheets.find((s) => s.name === "考核对象（原）")?.rows[1]).toEqual([1, "城关镇", "乡镇", null, 3, "良好"]);
    // The workbook the page holds is unchanged: previewing again shows the same.
    expect((await host.previewCarryOver(last)).preview).toEqual(PREVIEW);
  });
});

/** A browser File the section reads (jsdom's may lack arrayBuffer). */
function browserFile(name: string, bytes: Uint8Array): File {
  const file = new File([bytes.slice()], name);
  Object.defineProperty(file, "arrayBuffer", { value: async () => bytes.slice().buffer });
  return file;
}

async function pageHost(): Promise<{ host: FileHost; saved: string[] }> {
  const saved: string[] = [];
  const host = new FileHost({ pickFile: async () => null, saveBytes: (_bytes, name) => void saved.push(name) });
  const current = validWorkbook();
  current.sheets = current.sheets.filter((sheet) => sheet.name !== SHEET.units).concat([{ name: SHEET.units, rows: UNITS }, { name: SHEET.renames, rows: RENAMES }]);
  await host.load(fileOf("考核.xlsx", await buildWorkbook(asSheets(current))));
  return { host, saved };
}

function renderSection(host: AssessmentHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <CarryOverSection host={host} confirmLabel={CARRY_TEXT.confirmFile} writtenText={(done) => CARRY_TEXT.writtenFile(done.file ?? "", done.kept)} />
    </FluentProvider>,
  );
}

describe("从上年结果导入 button (page)", () => {
  it("choosing last year's file shows the preview; only the confirmation downloads", async () => {
    const { host, saved } = await pageHost();
    renderSection(host);
    expect(screen.getByRole("button", { name: CARRY_TEXT.chooseButton })).toBeTruthy();
    fireEvent.change(screen.getByTestId("carry-over-file-input"), { target: { files: [browserFile("2025（已计算）.xlsx", await buildWorkbook(asSheets(lastYear())))] } });
    // The DOM shows a line without its leading indent.
    expect(await screen.findByText((PREVIEW[2] ?? "").trim())).toBeTruthy();
    expect(screen.getByText(PREVIEW[5] ?? "")).toBeTruthy();
    expect(screen.getByText(CARRY_TEXT.previewHeading("2025（已计算）.xlsx"))).toBeTruthy();
    expect(saved).toEqual([]);
    await userEvent.click(screen.getByRole("button", { name: CARRY_TEXT.confirmFile }));
    await waitFor(() => expect(screen.getByText("已下载“考核（已导入上年）.xlsx”（原表改名保留为：考核对象（原））。打开的文件没有改动；请打开下载的文件继续。")).toBeTruthy());
    expect(saved).toEqual(["考核（已导入上年）.xlsx"]);
    expect(screen.queryByRole("button", { name: CARRY_TEXT.confirmFile })).toBeNull();
  });

  it("last year's file never scored: says why, lists the problem, offers no confirmation", async () => {
    const { host, saved } = await pageHost();
    renderSection(host);
    fireEvent.change(screen.getByTestId("carry-over-file-input"), { target: { files: [browserFile("2025.xlsx", await buildWorkbook(asSheets(validWorkbook())))] } });
    expect(await screen.findByText(CARRY_TEXT.refused)).toBeTruthy();
    expect(screen.getByText(/上年工作簿中没有“结果”表/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: CARRY_TEXT.confirmFile })).toBeNull();
    expect(saved).toEqual([]);
  });

  it("a file that is not a workbook: says so by name", async () => {
    const { host } = await pageHost();
    renderSection(host);
    fireEvent.change(screen.getByTestId("carry-over-file-input"), { target: { files: [browserFile("上年.xlsx", new TextEncoder().encode("not a zip"))] } });
    expect(await screen.findByText(CARRY_TEXT.unreadable("上年.xlsx"))).toBeTruthy();
  });
});

describe("从上年结果导入 in the task pane", () => {
  it("is an item of the pane when the host can read last year's file (the entry injects the reader), absent otherwise", async () => {
    const book = new FakeWorkbook({ 考核对象: UNITS });
    const excel = createExcelHost({ run: book.run, supports: all });
    const { unmount } = render(
      <FluentProvider theme={webLightTheme}>
        <AssessmentPane host={Object.assign(excel, { readLastYearFile: async () => lastYear() })} />
      </FluentProvider>,
    );
    expect(screen.getByRole("button", { name: CARRY_TEXT.heading })).toBeTruthy();
    unmount();
    render(
      <FluentProvider theme={webLightTheme}>
        <AssessmentPane host={createExcelHost({ run: book.run, supports: all })} />
      </FluentProvider>,
    );
    expect(screen.queryByRole("button", { name: CARRY_TEXT.heading })).toBeNull();
  });
});
