// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { downloadBytes } from "../addin/standalone/download";
import { scoredFileName, templateFileName } from "../addin/standalone/fileName";
import { pickFile } from "../addin/standalone/pickFile";

describe("file names", () => {
  it.each([
    ["考核.xlsx", "考核（已计算）.xlsx"],
    ["2026年法治考核.XLSX", "2026年法治考核（已计算）.xlsx"],
    ["考核（已计算）.xlsx", "考核（已计算）.xlsx"],
    ["旧表.xls", "旧表（已计算）.xlsx"],
    [".xlsx", "考核（已计算）.xlsx"],
  ])("%s → %s", (original, scored) => {
    expect(scoredFileName(original)).toBe(scored);
  });

  it("names templates by year and kind", () => {
    expect(templateFileName(2026, false)).toBe("考核模板（2026年）.xlsx");
    expect(templateFileName(2026, true)).toBe("示例考核（2026年）.xlsx");
  });
});

describe("downloadBytes", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("clicks a temporary link to a local blob URL carrying the file name, then removes it", async () => {
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return "blob:http://localhost/1";
    });
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const clicks: { href: string; download: string }[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push({ href: this.href, download: this.download });
    });
    downloadBytes(new Uint8Array([80, 75, 3, 4]), "考核（已计算）.xlsx");
    expect(clicks).toEqual([{ href: "blob:http://localhost/1", download: "考核（已计算）.xlsx" }]);
    expect(document.querySelectorAll("a").length).toBe(0);
    expect(created[0]!.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(new Uint8Array(await created[0]!.arrayBuffer())).toEqual(new Uint8Array([80, 75, 3, 4]));
    click.mockRestore();
  });
});

describe("pickFile", () => {
  function spyOnPicker() {
    const inputs: HTMLInputElement[] = [];
    const click = vi.spyOn(HTMLInputElement.prototype, "click").mockImplementation(function (this: HTMLInputElement) {
      inputs.push(this);
    });
    return { inputs, click };
  }

  it("opens a picker for .xlsx and resolves with the chosen file", async () => {
    const { inputs, click } = spyOnPicker();
    const picking = pickFile();
    const input = inputs[0]!;
    expect(input.type).toBe("file");
    expect(input.accept).toContain(".xlsx");
    const file = new File(["x"], "考核.xlsx");
    Object.defineProperty(input, "files", { value: [file] });
    input.dispatchEvent(new Event("change"));
    await expect(picking).resolves.toBe(file);
    click.mockRestore();
  });

  it("resolves with null when the user cancels", async () => {
    const { inputs, click } = spyOnPicker();
    const picking = pickFile();
    inputs[0]!.dispatchEvent(new Event("cancel"));
    await expect(picking).resolves.toBeNull();
    click.mockRestore();
  });
});
