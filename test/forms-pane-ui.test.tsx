// @vitest-environment jsdom
/**
 * The pane's 分发与回收 section (the Excel pane; the page uses the same section): returned files picked or dropped go
 * to the host's preview, nothing is written until 写入工作簿, and a workbook changed since the preview shows the new one.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { AssessmentPane } from "../addin/ui/AssessmentPane";
import type { AssessmentHost, CollectPreview, ReturnedFile } from "../addin/ui/host";

afterEach(cleanup);

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

const ROW = { file: "评分表-县司法局.xlsx", kind: "评分表", owner: "县司法局", modified: "2027-01-10 16:05", filled: 40, blank: 0, result: "已合并", note: "新填入 40 格" };
const READY: CollectPreview = { ok: true, log: [ROW], issues: [], filled: 40, replaced: [], replaceFrom: [] };

function host(overrides: Partial<AssessmentHost> = {}): AssessmentHost {
  return {
    listExistingInputSheets: vi.fn(async () => []),
    createTemplate: vi.fn(async () => ({ created: [], kept: [] })),
    check: vi.fn(async () => []),
    compute: vi.fn(async () => ({ issues: [], result: null })),
    readParams: vi.fn(async () => []),
    distributeForms: vi.fn(async () => ({ issues: [], forms: 50 })),
    previewCollect: vi.fn(async () => READY),
    applyCollect: vi.fn(async () => "已写入：从收回的表填入 40 处新值，并更新了“回收记录”表。其他单元格没有改动。"),
    ...overrides,
  };
}

function xlsx(name: string): File {
  return new File([new Uint8Array([80, 75, 3, 4])], name, { lastModified: new Date(2027, 0, 10, 16, 5).getTime() });
}

/** A drop of files as a browser makes it: a DataTransfer that says it carries Files. */
function drop(target: Element, files: File[]): void {
  const dataTransfer = { files, types: ["Files"], dropEffect: "none" };
  fireEvent.dragEnter(target, { dataTransfer });
  fireEvent.dragOver(target, { dataTransfer });
  fireEvent.drop(target, { dataTransfer });
}

async function openSection(): Promise<void> {
  fireEvent.click(screen.getByRole("button", { name: "分发与回收" }));
  // The section is loaded when opened (React.lazy): on a loaded machine the first import takes a while.
  await screen.findByRole("button", { name: "选择交回的表" }, { timeout: 15_000 });
}

describe("the Excel pane's 分发与回收", () => {
  it("shows the section only for a host that can collect, and previews dropped files without writing", async () => {
    const excel = host();
    render(
      <FluentProvider theme={webLightTheme}>
        <AssessmentPane host={excel} />
      </FluentProvider>,
    );
    await openSection();
    expect(screen.getByText(/Mac 版 Excel 的任务窗格不能下载文件/)).toBeTruthy();
    drop(screen.getByRole("region", { name: "把交回的表拖到这里" }), [xlsx("评分表-县司法局.xlsx"), xlsx("互评表-城关镇.xlsx")]);
    await screen.findByText("回收记录（2 个文件，尚未写入）");
    const calls = vi.mocked(excel.previewCollect!).mock.calls;
    expect(calls).toHaveLength(1);
    const files = calls[0]?.[0] as ReturnedFile[];
    expect(files.map((file) => [file.name, file.bytes.length, file.modified?.getDate()])).toEqual([
      ["评分表-县司法局.xlsx", 4, 10],
      ["互评表-城关镇.xlsx", 4, 10],
    ]);
    expect(excel.applyCollect).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "写入工作簿" }));
    await screen.findByText(/已写入：从收回的表填入 40 处新值/);
    expect(excel.applyCollect).toHaveBeenCalledTimes(1);
  });

  it("hides the section for a host without 回收", async () => {
    render(
      <FluentProvider theme={webLightTheme}>
        <AssessmentPane host={host({ previewCollect: undefined, applyCollect: undefined })} />
      </FluentProvider>,
    );
    expect(screen.queryByRole("button", { name: "分发与回收" })).toBeNull();
  });

  it("shows the new preview and writes nothing when the workbook changed since the preview", async () => {
    const conflict: CollectPreview = { ...READY, ok: false, filled: 0, log: [{ ...ROW, result: "未合并" }] };
    const excel = host({ applyCollect: vi.fn(async () => ({ stale: conflict })) });
    render(
      <FluentProvider theme={webLightTheme}>
        <AssessmentPane host={excel} />
      </FluentProvider>,
    );
    await openSection();
    drop(screen.getByTestId("returns-drop"), [xlsx("评分表-县司法局.xlsx")]);
    fireEvent.click(await screen.findByRole("button", { name: "写入工作簿" }));
    await screen.findByText(/工作簿在预览之后有改动，没有写入/);
    expect(screen.getByText("有冲突，不能合并。请按下面的列表处理；确以某份回收表为准时，勾选该行的“以此表为准”。")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "写入工作簿" })).toBeNull();
  });

  it("ignores a drag that carries no files (text dragged from a cell)", async () => {
    const excel = host();
    render(
      <FluentProvider theme={webLightTheme}>
        <AssessmentPane host={excel} />
      </FluentProvider>,
    );
    await openSection();
    fireEvent.drop(screen.getByTestId("returns-drop"), { dataTransfer: { files: [], types: ["text/plain"] } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(excel.previewCollect).not.toHaveBeenCalled();
  });
});
