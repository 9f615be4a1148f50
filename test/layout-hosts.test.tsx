// @vitest-environment jsdom
/**
 * 生成评分表 in the two hosts and the pane (issue 12 point 5): the Excel host over the counting fake (old sheets renamed
 * and kept right after the new ones, 0…分值 checks, nothing written unseen), the file host (a downloaded copy), and the
 * LayoutSection (preview first, written only on confirmation, a changed workbook previewed again).
 */
import { cleanup, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createExcelHost } from "../addin/excel/excelHost";
import { FileHost, type FileLike } from "../addin/standalone/fileHost";
import type { AssessmentHost, LayoutWritten } from "../addin/ui/host";
import { LayoutSection } from "../addin/ui/LayoutSection";
import { LAYOUT_TEXT } from "../addin/ui/layoutMessages";
import { FakeWorkbook } from "../fakes/excel";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import { HEADERS } from "../lib/layout";
import { buildTemplate, layoutSheets, type LayoutOutcome } from "../lib/template";

const all = () => true;

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

// Two units, two indicators, by hand: 3.1 applies to 党委机关 only, so 城关镇's 3.1 cell is 不适用.
const UNITS = [[...HEADERS.units], [1, "城关镇", "乡镇"], [2, "县委办", "党委机关"]];
const INDICATORS = [
  [...HEADERS.indicators],
  ["1.1", "党的领导", "学习", "学习。", 5, null, "县委依法治县办", "全部"],
  ["3.1", "分类职责", "依法执政", "依法执政。", 10, null, "县委依法治县办", "党委机关"],
];
// Last year's 评分 had only 城关镇 and 1.1.
const OLD_SCORES = [["单位名称", "类别", "1.1 学习"], ["分值", null, 5], ["城关镇", "乡镇", 4.5]];

afterEach(cleanup);

describe("Excel host 生成评分表", () => {
  it("previews without writing, then writes each new sheet where the old one stood, the old kept right after", async () => {
    const book = new FakeWorkbook({ 说明: [["说明"]], 考核对象: UNITS, 考核指标: INDICATORS, 评分: OLD_SCORES, 加减分: [[...HEADERS.adjustments]] });
    const host = createExcelHost({ run: book.run, supports: all });
    const preview = await host.previewLayout?.();
    expect(preview?.preview[0]).toBe(
      "评分：2 个单位 × 2 项指标，1 格填“不适用”（灰色，该类别不考核）；照抄已填的 1 个值（按单位名称和指标编号对应，不按位置）；新增单位：县委办；新增指标：3.1。原“评分”表改名为“评分（原）”保留，不删除任何内容。",
    );
    expect(book.structure).toEqual([]);
    const written = await host.writeLayout?.(preview?.preview ?? []);
    expect(written).toEqual({ written: ["评分", "满意度", "上下互评"], kept: ["评分（原）"] });
    expect(book.sheets.map((s) => s.name)).toEqual(["说明", "考核对象", "考核指标", "评分", "评分（原）", "加减分", "满意度", "上下互评"]);
    expect(book.grid("评分（原）")).toEqual(OLD_SCORES);
    expect(book.grid("评分")).toEqual([
      ["单位名称", "类别", "1.1 学习", "3.1 依法执政"],
      ["分值", null, 5, 10],
      ["城关镇", "乡镇", 4.5, "不适用"],
      ["县委办", "党委机关", null, null],
    ]);
    const rules = book.writes.filter((w) => w.kind === "validation" && w.sheet === "评分").map((w) => JSON.stringify(w.values));
    expect(rules.some((rule) => rule.includes('"decimal":{"formula1":0,"formula2":10,"operator":"Between"}'))).toBe(true);
  });

  it("writes nothing when the workbook changed after the preview, and previews again", async () => {
    const book = new FakeWorkbook({ 考核对象: UNITS, 考核指标: INDICATORS, 评分: OLD_SCORES });
    const host = createExcelHost({ run: book.run, supports: all });
    const preview = await host.previewLayout?.();
    book.sheets.find((s) => s.name === "考核对象")?.cells.push([3, "柳屯镇", "乡镇"]);
    const written = await host.writeLayout?.(preview?.preview ?? []);
    expect(written !== undefined && "stale" in written && written.stale.preview[0]).toContain("新增单位：县委办、柳屯镇");
    expect(book.structure).toEqual([]);
  });

  it("an error in 考核对象 writes nothing", async () => {
    const book = new FakeWorkbook({ 考核对象: [...UNITS, [3, "城关镇", "乡镇"]], 考核指标: INDICATORS, 评分: OLD_SCORES });
    const host = createExcelHost({ run: book.run, supports: all });
    const preview = await host.previewLayout?.();
    expect(preview?.issues.some((issue) => issue.level === "error" && issue.cell === "B4")).toBe(true);
    expect(await host.writeLayout?.(preview?.preview ?? [])).toMatchObject({ stale: { sheets: [] } });
    expect(book.structure).toEqual([]);
  });
});

function fileOf(name: string, bytes: Uint8Array): FileLike {
  return { name, arrayBuffer: async () => bytes.slice().buffer };
}

describe("FileHost 生成评分表", () => {
  it("downloads 考核（评分表）.xlsx with the new sheets and the old kept; the file opened stays as it was", async () => {
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const host = new FileHost({ pickFile: async () => null, saveBytes: (bytes, name) => saved.push({ name, bytes }) });
    const sheets = buildTemplate({ year: 2025, example: true });
    await host.load(fileOf("考核.xlsx", await buildWorkbook(sheets)));
    const preview = await host.previewLayout();
    expect(preview.changes.map((c) => c.changed)).toEqual([false, true, true]);
    expect(saved).toEqual([]);
    expect(await host.writeLayout(preview.preview)).toEqual({ written: ["满意度", "上下互评"], kept: ["满意度（原）", "上下互评（原）"] });
    expect(saved.map((s) => s.name)).toEqual(["考核（评分表）.xlsx"]);
    const book = await readWorkbookGrids(saved[0]?.bytes ?? new Uint8Array());
    expect(book.sheets.map((s) => s.name)).toContain("上下互评（原）");
    expect(layoutSheets(book).sheets).toEqual([]);
    // The workbook the page holds is unchanged: previewing again still shows the same changes.
    expect((await host.previewLayout()).preview).toEqual(preview.preview);
  });
});

function fakeHost(outcomes: LayoutOutcome[], written: LayoutWritten[]): AssessmentHost & { writeLayout: ReturnType<typeof vi.fn> } {
  return {
    listExistingInputSheets: async () => [],
    createTemplate: async () => ({ created: [], kept: [] }),
    check: async () => [],
    compute: async () => ({ issues: [], result: null }),
    readParams: async () => [],
    previewLayout: async () => outcomes.shift() ?? layoutSheets({ sheets: [] }),
    writeLayout: vi.fn(async () => written.shift() ?? { written: [], kept: [] }),
  };
}

function outcome(preview: string[], changed = true): LayoutOutcome {
  return { issues: [], sheets: changed ? [{ name: "评分", rows: [], format: { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] } }] : [], changes: [], orphans: [], preview };
}

function renderSection(host: AssessmentHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LayoutSection host={host} confirmLabel={LAYOUT_TEXT.confirmExcel} writtenText={LAYOUT_TEXT.writtenExcel} />
    </FluentProvider>,
  );
}

describe("LayoutSection", () => {
  it("shows the preview, and writes only on confirmation, passing the preview it showed", async () => {
    const host = fakeHost([outcome(["评分：新建。", "满意度：不改动。"])], [{ written: ["评分"], kept: ["评分（原）"] }]);
    renderSection(host);
    await userEvent.click(screen.getByRole("button", { name: LAYOUT_TEXT.previewButton }));
    expect(await screen.findByText("评分：新建。")).toBeTruthy();
    expect(host.writeLayout).not.toHaveBeenCalled();
    await userEvent.click(screen.getByRole("button", { name: LAYOUT_TEXT.confirmExcel }));
    await waitFor(() => expect(screen.getByText("已生成：评分；原表改名保留为：评分（原）。")).toBeTruthy());
    expect(host.writeLayout).toHaveBeenCalledWith(["评分：新建。", "满意度：不改动。"]);
    expect(screen.queryByRole("button", { name: LAYOUT_TEXT.confirmExcel })).toBeNull();
  });

  it("a workbook changed since the preview: says so and shows the new preview to confirm", async () => {
    const host = fakeHost([outcome(["评分：旧预览。"])], [{ stale: outcome(["评分：新预览。"]) }]);
    renderSection(host);
    await userEvent.click(screen.getByRole("button", { name: LAYOUT_TEXT.previewButton }));
    await userEvent.click(await screen.findByRole("button", { name: LAYOUT_TEXT.confirmExcel }));
    expect(await screen.findByText(LAYOUT_TEXT.stale)).toBeTruthy();
    expect(screen.getByText("评分：新预览。")).toBeTruthy();
    expect(screen.queryByText("评分：旧预览。")).toBeNull();
  });

  it("nothing to change: says so, offers no confirmation", async () => {
    renderSection(fakeHost([outcome(["评分：不改动。"], false)], []));
    await userEvent.click(screen.getByRole("button", { name: LAYOUT_TEXT.previewButton }));
    expect(await screen.findByText(LAYOUT_TEXT.nothingToDo)).toBeTruthy();
    expect(screen.queryByRole("button", { name: LAYOUT_TEXT.confirmExcel })).toBeNull();
  });
});
