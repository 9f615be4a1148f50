// @vitest-environment jsdom
import { describe, expect, it, vi, afterEach, beforeAll } from "vitest";
import { cleanup, render, screen, waitFor, fireEvent } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { D } from "../lib/decimal";
import type { Issue } from "../lib/issue";
import type { AssessmentResult, GroupSummary } from "../lib/model";
import { AssessmentPane } from "../addin/ui/AssessmentPane";
import type { AssessmentHost, ComputeOutcome, ComputeStage } from "../addin/ui/host";
import { friendlyMessage } from "../addin/ui/errors";
import { NotAWorkbookError, XLSX_MESSAGES } from "../files/xlsx";
import { waitForExcel } from "../addin/taskpane/boot";
import { preloadPaneSections } from "./helpers/paneSections";

afterEach(cleanup);

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

function group(rankGroup: string, count: number, byGrade: GroupSummary["byGrade"], highest: string, lowest: string): GroupSummary {
  return { rankGroup, count, byGrade, highest: new D(highest), lowest: new D(lowest), mean: new D(0), excellentLimit: null, quotaExceededByTie: false };
}

const RESULT = {
  params: { decimals: 2 },
  units: [],
  groups: [group("乡镇", 20, { 优秀: 3, 良好: 10, 合格: 6, 不合格: 1 }, "96.5", "58.254"), group("县直单位", 40, { 优秀: 8, 良好: 20, 合格: 12, 不合格: 0 }, "99.125", "61")],
} as unknown as AssessmentResult;

const PROBLEM: Issue = { level: "error", sheet: "评分", cell: "F7", message: "“85分”不是数字：请只填写数字，如 85。", code: "score.notNumber" };

function fakeHost(overrides: Partial<AssessmentHost> = {}): AssessmentHost {
  return {
    listExistingInputSheets: vi.fn(async () => ["说明", "参数"]),
    createTemplate: vi.fn(async () => ({ created: [], kept: [] })),
    check: vi.fn(async () => [PROBLEM]),
    compute: vi.fn(async () => ({ issues: [], result: RESULT })),
    readParams: vi.fn(async () => [{ name: "小数位数", value: "2" }]),
    selectCell: vi.fn(async () => undefined),
    showSheet: vi.fn(async () => undefined),
    ...overrides,
  };
}

function show(host: AssessmentHost) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <AssessmentPane host={host} defaultYear={2025} />
    </FluentProvider>,
  );
}

describe("task pane", () => {
  beforeAll(preloadPaneSections, 60_000);
  it("disables 计算等次 while running, ignores a double click, shows the stages and then the summary", async () => {
    let finish: (outcome: ComputeOutcome) => void = () => undefined;
    let report: (stage: ComputeStage) => void = () => undefined;
    const compute = vi.fn(
      (onStage: (stage: ComputeStage) => void) =>
        new Promise<ComputeOutcome>((resolve) => {
          report = onStage;
          finish = resolve;
        }),
    );
    const host = fakeHost({ compute });
    show(host);
    const button = screen.getByRole("button", { name: /计算等次/ });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(compute).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByRole("button", { name: /正在计算/ })).toHaveProperty("disabled", true));
    report("read");
    // The stages load on first use (React.lazy, fetched when the pane mounts).
    await waitFor(() => expect(screen.getByText("读取").closest("[aria-current]")).not.toBeNull(), { timeout: 30_000 });
    report("compute");
    await waitFor(() => expect(screen.getByText("计算").closest("[aria-current]")).not.toBeNull());
    report("write");
    await waitFor(() => expect(screen.getByText("写入").closest("[aria-current]")).not.toBeNull());
    fireEvent.click(screen.getByRole("button", { name: /正在计算/ }));
    expect(compute).toHaveBeenCalledTimes(1);
    finish({ issues: [], result: RESULT });
    // The summary table's script loads on demand: on a loaded machine that takes more than findByRole's default second.
    const table = await screen.findByRole("table", { name: "汇总" }, { timeout: 30_000 });
    const rows = Array.from(table.querySelectorAll("tbody tr"));
    const cells = rows.map((row) => Array.from(row.querySelectorAll("td"), (cell) => cell.textContent));
    // Figures as written with 2 places, half-up: 58.254 → 58.25, 99.125 → 99.13.
    expect(cells).toEqual([
      ["乡镇", "20", "3", "10", "6", "1", "96.50", "58.25"],
      ["县直单位", "40", "8", "20", "12", "0", "99.13", "61.00"],
    ]);
    expect(screen.getByRole("button", { name: /计算等次/ })).toHaveProperty("disabled", false);
  });

  it("lists problems from 检查数据, and clicking one selects its cell", async () => {
    const host = fakeHost();
    show(host);
    fireEvent.click(screen.getByRole("button", { name: /检查数据/ }));
    const problem = await screen.findByRole("button", { name: /评分!F7/ }, { timeout: 30_000 });
    expect(screen.getByText(/错误 1 个，提示 0 个/)).toBeTruthy();
    fireEvent.click(problem);
    await waitFor(() => expect(host.selectCell).toHaveBeenCalledWith("评分", "F7"));
  });

  it("says nothing was written when 计算等次 finds errors", async () => {
    show(fakeHost({ compute: vi.fn(async () => ({ issues: [PROBLEM], result: null })) }));
    fireEvent.click(screen.getByRole("button", { name: /计算等次/ }));
    expect(await screen.findByText(/发现 1 个错误，未写入任何内容/)).toBeTruthy();
    // The problem list loads on first use (React.lazy).
    expect(await screen.findByRole("button", { name: /评分!F7/ }, { timeout: 30_000 })).toBeTruthy();
  });

  it("shows a friendly message, not a stack, when Excel is in cell-edit mode", async () => {
    const error = Object.assign(new Error("The operation cannot be performed in cell edit mode.\n    at x (y.js:1)"), { code: "InvalidOperationInCellEditMode" });
    show(fakeHost({ compute: vi.fn(async () => Promise.reject(error)) }));
    fireEvent.click(screen.getByRole("button", { name: /计算等次/ }));
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("Excel 中有单元格正在编辑，Excel 暂不接受任何操作。请按 Enter（或 Esc）结束编辑，或点一下工作表中的另一个单元格，然后再点一次按钮。");
    expect(alert.textContent).not.toContain("y.js");
  });

  it("shows 参数 at a glance and existing sheets for 加载考核模板", async () => {
    const host = fakeHost();
    show(host);
    expect(await screen.findByText("小数位数")).toBeTruthy();
    fireEvent.click(screen.getByText("打开“参数”表"));
    await waitFor(() => expect(host.showSheet).toHaveBeenCalledWith("参数"));
  });
});

describe("friendly Office messages", () => {
  it.each([
    ["InvalidOperationInCellEditMode", "Excel 中有单元格正在编辑，Excel 暂不接受任何操作。请按 Enter（或 Esc）结束编辑，或点一下工作表中的另一个单元格，然后再点一次按钮。"],
    ["AccessDenied", "工作表或工作簿受保护，无法写入。请在“审阅”选项卡撤销保护后再试。"],
    ["RequestPayloadSizeLimitExceeded", "一次要传送的数据太多，Excel 拒绝了请求。请关闭其他工作簿后重试；仍不行时请使用 Excel 桌面版或独立网页版。"],
    ["RangeExceedsLimit", "一次要传送的数据太多，Excel 拒绝了请求。请关闭其他工作簿后重试；仍不行时请使用 Excel 桌面版或独立网页版。"],
  ])("%s", (code, text) => {
    expect(friendlyMessage({ code, message: "x" })).toBe(text);
  });

  it("has no branch for codes Excel never sends (WorksheetProtected, SheetProtected, PayloadTooLarge): they are unknown codes", () => {
    for (const code of ["WorksheetProtected", "SheetProtected", "PayloadTooLarge"]) {
      expect(friendlyMessage({ code, message: "x" })).toBe(`操作没有完成，请重试。若问题仍然存在，请把错误代码告诉管理员：${code}`);
    }
  });

  it("gives other failures a short Chinese text with the code", () => {
    expect(friendlyMessage({ code: "GeneralException", message: "boom", stack: "at a.js:1" })).toBe(
      "操作没有完成，请重试。若问题仍然存在，请把错误代码告诉管理员：GeneralException",
    );
  });

  it("passes on the file host's own Chinese message when the file cannot be written (a damaged part)", () => {
    const refused = new NotAWorkbookError(XLSX_MESSAGES.notAWorkbook);
    expect(friendlyMessage(refused)).toBe(XLSX_MESSAGES.notAWorkbook);
  });
});

describe("start-up without Excel", () => {
  it("no Office global, a hanging onReady, another host, and Excel", async () => {
    expect(await waitForExcel(undefined)).toBe("noOffice");
    expect(await waitForExcel({ onReady: () => new Promise(() => undefined) }, 20)).toBe("noOffice");
    expect(await waitForExcel({ onReady: async () => ({ host: "Word" }), HostType: { Excel: "Excel" } })).toBe("notExcel");
    expect(await waitForExcel({ onReady: async () => ({ host: null }) })).toBe("noOffice");
    expect(await waitForExcel({ onReady: async () => ({ host: "Excel" }), HostType: { Excel: "Excel" } })).toBe("excel");
  });
});
