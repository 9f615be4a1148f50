// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { AssessmentPane } from "../addin/ui/AssessmentPane";
import type { AssessmentHost } from "../addin/ui/host";
import { PlanImport, type PlanImportProps } from "../addin/ui/PlanImport";
import { planFileText } from "../files/planText";
import { preloadPaneSections } from "./helpers/paneSections";

// Two tasks under one heading. By hand: 编号 1 and 2 from （一）（二）; 二级指标 the first sentence; 考核主体 the 牵头单位;
// 适用类别 乡镇 (各乡镇人民政府、街道办事处) and the named unit 甲局. Each 适用类别 set has one task, so each gets the whole 40.
const PLAN = [
  "一、依法履职",
  "（一）推进机构改革。按时完成改革任务。",
  "牵头单位：县委编办",
  "责任单位：各乡镇人民政府、街道办事处",
  "（二）强化执法监督。开展执法检查。",
  "牵头单位：县司法局",
  "责任单位：甲局",
].join("\n");

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

afterEach(cleanup);

function setup(props: Partial<PlanImportProps> = {}) {
  const onWrite = vi.fn<PlanImportProps["onWrite"]>(async () => ({ kept: props.existingRows ? "考核指标（原）" : null }));
  render(
    <FluentProvider theme={webLightTheme}>
      <PlanImport existingRows={0} units={[{ name: "乙镇", category: "乡镇" }]} onWrite={onWrite} readFile={planFileText} {...props} />
    </FluentProvider>,
  );
  return { onWrite, user: userEvent.setup() };
}

async function pasteAndPreview(user: ReturnType<typeof userEvent.setup>) {
  // In the pane the section loads when opened (React.lazy): found once there.
  const box = await screen.findByRole("textbox", { name: "工作安排正文" });
  await user.click(box);
  await user.paste(PLAN);
  await user.click(screen.getByRole("button", { name: "预览" }));
}


describe("PlanImport", () => {
  it("previews the rows and the unknown unit, then writes them when 考核指标 is empty", async () => {
    const { onWrite, user } = setup();
    await pasteAndPreview(user);
    const table = screen.getByRole("table");
    const rows = within(table).getAllByRole("row").map((row) => [...row.querySelectorAll("th, td")].map((c) => c.textContent));
    expect(rows).toEqual([
      ["编号", "一级指标", "二级指标", "考核主体", "适用类别", "分值"],
      ["1", "依法履职", "推进机构改革", "县委编办", "乡镇", "40"],
      ["2", "依法履职", "强化执法监督", "县司法局", "甲局", "40"],
    ]);
    // 甲局 is not among the 考核对象 (only 乙镇 is): a warning on line 7, where 责任单位：甲局 stands.
    expect(screen.getByText(/第7行：.*甲局/)).toBeTruthy();
    await user.click(screen.getByRole("button", { name: "写入考核指标" }));
    expect(onWrite).toHaveBeenCalledTimes(1);
    const [written, options] = onWrite.mock.calls[0] ?? [];
    expect(written?.map((r) => r.code)).toEqual(["1", "2"]);
    expect(options).toEqual({ replace: false });
    expect(await screen.findByText(/已写入考核指标 2 行/)).toBeTruthy();
  });

  it("writes over existing indicators only once the user ticks the confirmation", async () => {
    const { onWrite, user } = setup({ existingRows: 24 });
    await pasteAndPreview(user);
    const write = screen.getByRole("button", { name: "写入考核指标" });
    expect(write.hasAttribute("disabled")).toBe(true);
    await user.click(screen.getByRole("checkbox", { name: /已有 24 行指标/ }));
    await user.click(write);
    expect(onWrite.mock.calls[0]?.[1]).toEqual({ replace: true });
    expect(await screen.findByText(/已写入考核指标 2 行，原表改名为“考核指标（原）”保留/)).toBeTruthy();
  });

  it("forgets the preview when the text changes, so a stale preview is never written", async () => {
    const { user } = setup();
    await pasteAndPreview(user);
    expect(screen.queryByRole("table")).not.toBeNull();
    await user.type(screen.getByRole("textbox", { name: "工作安排正文" }), "x");
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.queryByRole("button", { name: "写入考核指标" })).toBeNull();
  });

  it("says so when no task is found, and refuses a total that is not a multiple of 0.5", async () => {
    const { user } = setup();
    await user.click(screen.getByRole("textbox", { name: "工作安排正文" }));
    await user.paste("这里没有编号的任务");
    await user.click(screen.getByRole("button", { name: "预览" }));
    expect(screen.getByRole("alert").textContent).toContain("没有找到任何工作任务");
    const total = screen.getByRole("textbox", { name: "每类指标总分" });
    await user.clear(total);
    await user.type(total, "40.3");
    expect(screen.getByRole("button", { name: "预览" }).hasAttribute("disabled")).toBe(true);
  });
});

describe("task pane 导入工作安排", () => {
  beforeAll(preloadPaneSections, 60_000);
  function paneHost(overrides: Partial<AssessmentHost> = {}): AssessmentHost {
    return {
      listExistingInputSheets: vi.fn(async () => []),
      createTemplate: vi.fn(async () => ({ created: [], kept: [] })),
      check: vi.fn(async () => []),
      compute: vi.fn(async () => ({ issues: [], result: null })),
      readParams: vi.fn(async () => []),
      ...overrides,
    };
  }

  it("is hidden for a host that cannot import indicators", () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <AssessmentPane host={paneHost()} defaultYear={2025} />
      </FluentProvider>,
    );
    expect(screen.queryByRole("button", { name: "导入工作安排" })).toBeNull();
  });

  it("reads how many indicators the workbook has, asks to confirm, then writes and re-reads", async () => {
    const readPlanContext = vi.fn(async () => ({ units: [{ name: "甲局", category: "政府部门" }], indicatorRows: 3 }));
    const importIndicators = vi.fn<NonNullable<AssessmentHost["importIndicators"]>>(async () => ({ kept: "考核指标（原）" }));
    render(
      <FluentProvider theme={webLightTheme}>
        <AssessmentPane host={paneHost({ readPlanContext, importIndicators })} defaultYear={2025} />
      </FluentProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "导入工作安排" }));
    await pasteAndPreview(user);
    // 甲局 is a 考核对象 here: no unknown-unit warning.
    expect(screen.queryByText(/第7行：/)).toBeNull();
    await user.click(await screen.findByRole("checkbox", { name: /已有 3 行指标/ }));
    await user.click(screen.getByRole("button", { name: "写入考核指标" }));
    expect(importIndicators.mock.calls[0]?.[1]).toEqual({ replace: true });
    expect(await screen.findByText(/已写入考核指标 2 行，原表改名为“考核指标（原）”保留/)).toBeTruthy();
    expect(readPlanContext).toHaveBeenCalledTimes(2);
  });
});
