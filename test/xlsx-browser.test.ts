// The .xlsx host is shared with the standalone page: bundled for a browser (ExcelJS's "browser" build, no Node
// modules), it must read and write workbooks inside a real Chromium.
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn("跳过浏览器测试：未找到 /usr/bin/chromium。");

/** Everything under test runs in the page; only JSON crosses back. */
const ENTRY = `
import { buildWorkbook, readWorkbookGrids, writeOutputSheets, NotAWorkbookError } from "./files/xlsx/index.ts";
const format = { columnWidths: [12], frozenRows: 1, frozenColumns: 0, styles: [{ range: "A1:B1", bold: true }], validations: [] };
window.runXlsx = async (fixture) => {
  const original = await buildWorkbook([{ name: "考核对象", rows: [["单位名称", "类别"], ["城关镇", "乡镇"]], format }]);
  const written = await writeOutputSheets(original.buffer, [{ name: "结果", rows: [["单位名称", "总分"], ["城关镇", 92.35], ["=1+1", true]], format }]);
  const book = await readWorkbookGrids(written);
  const foreign = await readWorkbookGrids(new Uint8Array(fixture));
  let refused = "";
  try { await readWorkbookGrids(new TextEncoder().encode("不是工作簿")); } catch (error) { refused = error instanceof NotAWorkbookError ? error.message : "other"; }
  return { isUint8Array: written instanceof Uint8Array, book, foreign, refused, hasProcess: typeof process !== "undefined" };
};
`;

describe.skipIf(!hasChromium)("the .xlsx host in a browser", () => {
  let browser: Browser | undefined;
  let bundle = "";

  beforeAll(async () => {
    const result = await build({
      stdin: { contents: ENTRY, resolveDir: process.cwd(), loader: "ts" },
      bundle: true,
      platform: "browser",
      format: "iife",
      write: false,
      logLevel: "silent",
    });
    bundle = result.outputFiles[0]?.text ?? "";
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("writes, reads back and refuses non-workbooks in Chromium", async () => {
    const page = await browser!.newPage();
    await page.addScriptTag({ content: bundle });
    const fixture = [...(await readFile("test/fixtures/xlsx/libreoffice-made.xlsx"))];
    const outcome = await page.evaluate(async (bytes) => (window as unknown as { runXlsx(bytes: number[]): Promise<unknown> }).runXlsx(bytes), fixture);
    expect(outcome).toMatchObject({
      isUint8Array: true,
      hasProcess: false,
      book: {
        sheets: [
          { name: "考核对象", rows: [["单位名称", "类别"], ["城关镇", "乡镇"]] },
          { name: "结果", rows: [["单位名称", "总分"], ["城关镇", 92.35], ["=1+1", true]] },
        ],
      },
      refused: expect.stringContaining("这不是 Excel 工作簿（.xlsx）文件"),
    });
    const foreign = (outcome as { foreign: { sheets: { rows: unknown[][] }[] } }).foreign;
    expect(foreign.sheets[0]?.rows.slice(0, 1)).toEqual([[5, 10, { error: "#DIV/0!" }, "5分", true, new Date(Date.UTC(2024, 2, 1))]]);
  });
});
