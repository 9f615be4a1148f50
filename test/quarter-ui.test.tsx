// @vitest-environment jsdom
// 平时考核 in the pane and the page: the QuarterSection over a host, and the file host's 季度点评 download.
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import { FileHost, type FileLike } from "../addin/standalone/fileHost";
import { lastEndedQuarter, QuarterSection } from "../addin/ui/QuarterSection";
import type { AssessmentHost } from "../addin/ui/host";
import { INPUT_SHEETS } from "../lib/layout";
import { runQuarter } from "../lib/quarter";
import { buildTemplate } from "../lib/template";

afterEach(cleanup);

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

const exampleGrids = { sheets: buildTemplate({ year: 2026, example: true }).map((sheet) => ({ name: sheet.name, rows: sheet.rows })) };

function fakeHost(): AssessmentHost & { exportQuarter: ReturnType<typeof vi.fn> } {
  return {
    listExistingInputSheets: async () => [],
    createTemplate: async () => ({ created: [], kept: [] }),
    check: async () => [],
    compute: async () => ({ issues: [], result: null }),
    readParams: async () => [],
    quarter: async (q: number) => runQuarter(exampleGrids, q),
    exportQuarter: vi.fn(async (q: number) => runQuarter(exampleGrids, q)),
  };
}

describe("QuarterSection", () => {
  it("opens on the quarter that has just ended (January → the fourth)", () => {
    expect([0, 2, 3, 7, 11].map((month) => lastEndedQuarter(new Date(2026, month, 15)))).toEqual([4, 4, 1, 2, 3]);
  });

  it("shows the example's third quarter: 五星乡's second 检查性发言 in a row, who faces one; writes only on request", async () => {
    const host = fakeHost();
    render(
      <FluentProvider theme={webLightTheme}>
        <QuarterSection host={host} exportLabel="写入“季度点评”表" exportedText="已写入" today={new Date(2026, 9, 10)} />
      </FluentProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "查看" }));
    const table = await screen.findByRole("table", { name: "季度点评情况" });
    const row = within(table).getByRole("row", { name: /五星乡/ });
    expect(row.textContent).toContain("第2、3季度连续两次作检查性发言，通报批评，约谈主要领导");
    expect(screen.getByText(/本季度如再被点名即连续两次（通报批评、约谈主要领导）：五星乡、县邮政分公司/)).toBeTruthy();
    expect(host.exportQuarter).not.toHaveBeenCalled();
    await user.click(screen.getByRole("button", { name: "写入“季度点评”表" }));
    expect(host.exportQuarter).toHaveBeenCalledWith(3);
    expect(await screen.findByText("已写入", undefined, { timeout: 10_000 })).toBeTruthy();
  });
});

describe("FileHost 季度点评", () => {
  it("downloads a copy with 季度点评 added; the input sheets of the copy are the opened file's", async () => {
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const host = new FileHost({ pickFile: async () => null, saveBytes: (bytes, name) => saved.push({ name, bytes }) });
    const bytes = await buildWorkbook(buildTemplate({ year: 2026, example: true }));
    const file: FileLike = { name: "示例.xlsx", arrayBuffer: async () => bytes.slice().buffer };
    await host.load(file);
    const outcome = await host.exportQuarter(2);
    expect(outcome.overview?.quarter).toBe(2);
    expect(saved.map((s) => s.name)).toEqual(["示例（第2季度点评）.xlsx"]);
    const before = await readWorkbookGrids(bytes);
    const after = await readWorkbookGrids(saved[0]?.bytes ?? new Uint8Array());
    expect(after.sheets.map((s) => s.name)).toEqual([...INPUT_SHEETS, "季度点评"]);
    for (const name of INPUT_SHEETS) expect(after.sheets.find((s) => s.name === name)?.rows).toEqual(before.sheets.find((s) => s.name === name)?.rows);
  });
});
