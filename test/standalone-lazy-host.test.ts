import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildTemplate } from "../lib/template";
import { buildWorkbook, NotAWorkbookError } from "../files/xlsx";
import { FileHost, type FileHostDeps, type FileLike } from "../addin/standalone/fileHost";
import { LazyFileHost } from "../addin/standalone/lazyFileHost";
import type { ComputeStage } from "../addin/ui/host";

function fileOf(name: string, bytes: Uint8Array): FileLike {
  return { name, arrayBuffer: async () => bytes.slice().buffer };
}

/** A lazy host over the real FileHost that counts how often its module would be loaded. */
function countingHost() {
  const saved: string[] = [];
  const deps: FileHostDeps = { pickFile: async () => null, saveBytes: (_bytes, name) => saved.push(name) };
  let loads = 0;
  const host = new LazyFileHost(deps, async (d) => {
    loads += 1;
    return new FileHost(d);
  });
  return { host, saved, loads: () => loads };
}

describe("LazyFileHost (the standalone page's host, loaded on first use)", () => {
  it("has every public method of FileHost: the page may call any of them", () => {
    const { host } = countingHost();
    // FileHost's own helpers (declared private) are not the page's to call.
    const source = readFileSync(new URL("../addin/standalone/fileHost.ts", import.meta.url), "utf8");
    const isPrivate = (name: string) => new RegExp(`^\\s*private\\s+(async\\s+)?${name}\\(`, "m").test(source);
    const methods = Object.getOwnPropertyNames(FileHost.prototype).filter((name) => name !== "constructor" && !isPrivate(name));
    expect(methods.length).toBeGreaterThan(15);
    for (const name of methods) expect(typeof (host as unknown as Record<string, unknown>)[name], name).toBe("function");
  });

  it("answers as a host with nothing open before its module is loaded, and loads nothing to do so", () => {
    const { host, loads } = countingHost();
    expect(host.fileName()).toBeNull();
    expect(host.scoredFileName()).toBeNull();
    expect(host.planUnits()).toBeUndefined();
    expect(host.indicatorRowCount()).toBe(0);
    expect(() => host.isEmptyWorkbook()).toThrow(/no workbook is open/);
    expect(loads()).toBe(0);
  });

  it("loads the host once however many calls wait for it, then forwards calls and answers", async () => {
    const { host, saved, loads } = countingHost();
    const bytes = await buildWorkbook(buildTemplate({ year: 2026, example: true }));
    const [, name] = await Promise.all([host.preload(), host.load(fileOf("示例.xlsx", bytes)), host.preload()]);
    expect(loads()).toBe(1);
    expect(name).toBe("示例.xlsx");
    expect(host.fileName()).toBe("示例.xlsx");
    expect(host.isEmptyWorkbook()).toBe(false);
    // The example county: 考核对象 has its units, 考核指标 its rows.
    expect(host.planUnits()?.length).toBeGreaterThan(0);
    expect(host.indicatorRowCount()).toBeGreaterThan(0);

    const stages: ComputeStage[] = [];
    const outcome = await host.compute((stage) => stages.push(stage));
    expect(stages).toEqual(["read", "compute", "write"]);
    expect(outcome.result).not.toBeNull();
    expect(host.scoredFileName()).toBe("示例（已计算）.xlsx");
    await host.saveFile();
    expect(saved).toEqual(["示例（已计算）.xlsx"]);
    expect(loads()).toBe(1);
  });

  it("passes the host's refusals through unchanged (the page tells a non-workbook by its class)", async () => {
    const { host } = countingHost();
    await expect(host.load(fileOf("说明.xlsx", new TextEncoder().encode("这不是工作簿")))).rejects.toBeInstanceOf(NotAWorkbookError);
    expect(host.fileName()).toBeNull();
  });

  it("loads the real module by default", async () => {
    const host = new LazyFileHost({ pickFile: async () => null, saveBytes: () => undefined });
    expect(await host.preload()).toBeInstanceOf(FileHost);
  });
});
