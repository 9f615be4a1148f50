/**
 * 分发与回收 on the standalone page in a real Chromium: open a master, 分发评分表 (one .zip), fill two forms as their
 * 主体 would, 回收 them both at once, look at the 回收记录 before anything is written, download the merged workbook.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import { buildTemplate } from "../lib/template";
import { blankMaster, exampleBook, grid, nodeDigest, sourceValue } from "./helpers/forms";
import { builtDist } from "./helpers/dist";
import { makeForms, readMaster } from "../lib/forms";
import { writeForm } from "../files/forms";
import { codeOfHeader } from "../lib/reader/scores";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = path.resolve(process.env.KAOHE_E2E_DIST ?? path.join(ROOT, "dist"));
const SHOTS = path.join(ROOT, "docs", "screenshots");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let server: Server;
let base = "";
let browser: Browser;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await builtDist();
  server = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(DIST, path.normalize(pathname === "/" ? "/standalone.html" : pathname));
    readFile(file).then(
      (body) => response.writeHead(200, { "content-type": file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".js") ? "text/javascript; charset=utf-8" : "application/octet-stream" }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  base = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"] });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

/** Types the example's figures into a form as its 主体 would. */
async function fill(bytes: Uint8Array): Promise<Buffer> {
  const example = exampleBook();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((ws) => ws.state === "visible" && ws.name !== "填表说明");
  if (sheet === undefined) throw new Error("no data sheet");
  const scores = sheet.name === "评分";
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ""));
  for (let row = scores ? 3 : 2; row <= sheet.rowCount; row += 1) {
    const unit = String(sheet.getCell(row, 1).value ?? "");
    for (let column = scores ? 3 : 2; column <= header.length; column += 1) {
      const cell = sheet.getCell(row, column);
      if (cell.protection?.locked !== false) continue;
      const text = header[column - 1] ?? "";
      const value = sourceValue(example, sheet.name, unit, scores ? codeOfHeader(text) : text);
      cell.value = value === null ? null : (value as string | number);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("standalone page: 分发与回收", () => {
  it("分发评分表 → fill two → 回收 both → preview → 下载合并后的工作簿", async () => {
    const blank = blankMaster(exampleBook());
    const sheets = buildTemplate({ year: 2025, example: true }).map((sheet) => ({ ...sheet, rows: grid(blank, sheet.name) as typeof sheet.rows }));
    const master = Buffer.from(await buildWorkbook(sheets));
    const context = await browser.newContext({ acceptDownloads: true, locale: "zh-CN", viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(`${base}/standalone.html`);
    await page.getByTestId("file-input").setInputFiles({ name: "考核.xlsx", mimeType: XLSX_TYPE, buffer: master });
    await page.getByText("已打开：考核.xlsx").waitFor();

    const [zipDownload] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "分发评分表" }).click()]);
    expect(zipDownload.suggestedFilename()).toBe("考核（评分表）.zip");
    await page.getByText("已下载 50 份表").waitFor();
    const files = unzipSync(new Uint8Array(await readFile(await zipDownload.path())));
    expect(Object.keys(files)).toContain("评分表-县司法局.xlsx");
    expect(Object.keys(files)).toHaveLength(50);

    const returns = [
      { name: "评分表-县司法局.xlsx", mimeType: XLSX_TYPE, buffer: await fill(files["评分表-县司法局.xlsx"] ?? new Uint8Array()) },
      { name: "满意度汇总表.xlsx", mimeType: XLSX_TYPE, buffer: await fill(files["满意度汇总表.xlsx"] ?? new Uint8Array()) },
    ];
    await page.getByTestId("returns-input").setInputFiles(returns);
    await page.getByText("回收记录（2 个文件，尚未写入）").waitFor();
    await page.getByText(/可以合并：\d+ 处新值。/).waitFor();
    const table = page.getByRole("table", { name: "回收记录（2 个文件，尚未写入）" });
    expect(await table.getByRole("row").filter({ hasText: "未回收" }).count()).toBe(10 + 38);
    await page.getByRole("heading", { name: "分发与回收" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, "standalone-forms-collect.png"), fullPage: false });

    const [merged] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "下载合并后的工作簿" }).click()]);
    expect(merged.suggestedFilename()).toBe("考核（已回收）.xlsx");
    const book = await readWorkbookGrids(await readFile(await merged.path()));
    const scores = grid(book, "评分");
    const header = scores[0] ?? [];
    const column = header.findIndex((text) => typeof text === "string" && text.startsWith("3.2.1 "));
    const town = scores.find((row) => row[0] === "城关镇");
    expect(town?.[column]).toBe(sourceValue(exampleBook(), "评分", "城关镇", "3.2.1"));
    expect(grid(book, "回收记录").filter((row) => row[6] === "已合并").map((row) => row[0])).toEqual(["评分表-县司法局.xlsx", "满意度汇总表.xlsx"]);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);

  it("回收 by drag and drop: the returned files dropped on the page are previewed, nothing downloaded", async () => {
    const blank = blankMaster(exampleBook());
    const sheets = buildTemplate({ year: 2025, example: true }).map((sheet) => ({ ...sheet, rows: grid(blank, sheet.name) as typeof sheet.rows }));
    const master = Buffer.from(await buildWorkbook(sheets));
    const context = await browser.newContext({ acceptDownloads: true, locale: "zh-CN", viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const downloads: string[] = [];
    page.on("download", (download) => downloads.push(download.suggestedFilename()));
    await page.goto(`${base}/standalone.html`);
    await page.getByTestId("file-input").setInputFiles({ name: "考核.xlsx", mimeType: XLSX_TYPE, buffer: master });
    await page.getByText("已打开：考核.xlsx").waitFor();
    // The forms made here as kaohe forms makes them (the page's 分发 is the test above): the same master, the same fingerprint.
    const read = await readMaster(await readWorkbookGrids(master), nodeDigest);
    if (read.master === null) throw new Error(JSON.stringify(read.issues));
    const files: Record<string, Uint8Array> = {};
    for (const form of makeForms(read.master, "2025-12-20")) if (form.fileName === "评分表-县司法局.xlsx" || form.fileName === "互评表-城关镇.xlsx") files[form.fileName] = await writeForm(form);
    const dropped = [
      { name: "评分表-县司法局.xlsx", base64: (await fill(files["评分表-县司法局.xlsx"] ?? new Uint8Array())).toString("base64") },
      { name: "互评表-城关镇.xlsx", base64: (await fill(files["互评表-城关镇.xlsx"] ?? new Uint8Array())).toString("base64") },
    ];
    // A drop as the browser makes it when files are dragged from Explorer: a DataTransfer holding File objects.
    const transfer = await page.evaluateHandle((list) => {
      const data = new DataTransfer();
      for (const file of list) data.items.add(new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
      return data;
    }, dropped);
    const zone = page.getByTestId("returns-drop");
    await zone.dispatchEvent("dragenter", { dataTransfer: transfer });
    await zone.dispatchEvent("dragover", { dataTransfer: transfer });
    await zone.dispatchEvent("drop", { dataTransfer: transfer });
    await page.getByText("回收记录（2 个文件，尚未写入）").waitFor();
    const table = page.getByRole("table", { name: "回收记录（2 个文件，尚未写入）" });
    await table.getByRole("row").filter({ hasText: "互评表-城关镇.xlsx" }).first().waitFor();
    const rows = await table.getByRole("row").filter({ hasText: "互评表-城关镇.xlsx" }).allInnerTexts();
    expect(rows.join("\n")).toContain("已合并");
    expect(await table.getByRole("row").filter({ hasText: "评分表-县司法局.xlsx" }).filter({ hasText: "已合并" }).count()).toBe(1);
    await page.getByText(/可以合并：\d+ 处新值。/).waitFor();
    expect(downloads).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 300_000);
});
