// @vitest-environment jsdom
import { createElement } from "react";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { afterEach, describe, expect, it, vi } from "vitest";
import { FileHost, type FileLike } from "../addin/standalone/fileHost";
import { StandalonePage } from "../addin/standalone/StandalonePage";
import type { ComputeOutcome } from "../addin/ui/host";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import { buildTemplate } from "../lib/template";

/** Concurrency on the standalone page: one 计算等次 at a time, and a result never outlives the workbook it was made from. */
afterEach(cleanup);

// jsdom has no ResizeObserver; Fluent's MessageBar measures itself with one.
Object.assign(window, {
  ResizeObserver: class {
    observe(): void {}
    unobserve(): void {}
    disconnect(): void {}
  },
});

const example = buildWorkbook(buildTemplate({ year: 2025, example: true }));

function fileOf(name: string, bytes: Uint8Array): FileLike {
  return { name, arrayBuffer: async () => bytes.slice().buffer };
}

describe("the standalone page", () => {
  it("ignores a second 计算等次 while one runs", async () => {
    const host = new FileHost({ pickFile: async () => null, saveBytes: () => undefined });
    const bytes = await example;
    const load = host.load.bind(host);
    // The page hands over the browser's File; the example workbook stands in for its content.
    vi.spyOn(host, "load").mockImplementation(() => load(fileOf("示例.xlsx", bytes)));
    let finish: (outcome: ComputeOutcome) => void = () => undefined;
    const compute = vi.spyOn(host, "compute").mockImplementation(() => new Promise<ComputeOutcome>((resolve) => (finish = resolve)));
    render(createElement(FluentProvider, { theme: webLightTheme }, createElement(StandalonePage, { host, defaultYear: 2025 })));
    fireEvent.change(screen.getByTestId("file-input"), { target: { files: [new File(["x"], "示例.xlsx")] } });
    // The page fetches its on-demand sections as it starts (issue 14); on a loaded machine that takes seconds here.
    const button = await screen.findByRole("button", { name: /计算等次/ }, { timeout: 30_000 });
    fireEvent.click(button);
    fireEvent.click(button);
    expect(compute).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByRole("button", { name: /正在计算/ })).toHaveProperty("disabled", true));
    fireEvent.click(screen.getByRole("button", { name: /正在计算/ }));
    expect(compute).toHaveBeenCalledTimes(1);
    finish({ issues: [], result: null });
    await waitFor(() => expect(screen.getByRole("button", { name: /计算等次/ })).toHaveProperty("disabled", false));
  });
});

describe("FileHost", () => {
  it("a workbook opened while another is being scored never gets the other's result to download", async () => {
    const saved: string[] = [];
    const host = new FileHost({ pickFile: async () => null, saveBytes: (_bytes, name) => saved.push(name) });
    await host.load(fileOf("甲.xlsx", await example));
    const computing = host.compute(() => undefined);
    const opening = host.load(fileOf("乙.xlsx", await buildWorkbook(buildTemplate({ year: 2025 }))));
    await Promise.all([computing, opening]);
    expect(host.fileName()).toBe("乙.xlsx");
    expect(host.scoredFileName()).toBeNull();
    await expect(host.saveFile()).rejects.toThrow();
    expect(saved).toEqual([]);
  });

  it("the same workbook scored twice at once: both finish, and the download is a whole scored copy", async () => {
    const saved: Uint8Array[] = [];
    const host = new FileHost({ pickFile: async () => null, saveBytes: (bytes) => saved.push(bytes) });
    await host.load(fileOf("甲.xlsx", await example));
    const [first, second] = await Promise.all([host.compute(() => undefined), host.compute(() => undefined)]);
    expect(first.result).not.toBeNull();
    expect(second.result).not.toBeNull();
    await host.saveFile();
    const names = (await readWorkbookGrids(saved[0] ?? new Uint8Array())).sheets.map((sheet) => sheet.name);
    expect(names.filter((name) => name === "结果")).toHaveLength(1);
  });
});
