/**
 * 生成通报, 生成反馈单 and 核验 on the standalone page in a real Chromium (issue 17), as a clerk would: download the
 * example, open it, 计算等次, 生成通报 (the downloaded .docx read with mammoth lists the example's 优秀 units, worked
 * out by hand), 生成反馈单 (a .zip, a .docx per unit), 核验 passes; then a scored workbook with one figure of 结果
 * typed over by hand: 核验 names that cell and 生成通报 refuses, saying to 重新计算等次; and one typed over in 评分:
 * 核验 names that cell of 评分. Other hosts are blocked.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Download, type Page } from "playwright-core";
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { unzipSync } from "fflate";
import { builtDist } from "./helpers/dist";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// The production build (test/helpers/dist.ts): dist/, built when stale; KAOHE_E2E_DIST names another folder.
const DIST = path.resolve(process.env.KAOHE_E2E_DIST ?? path.join(ROOT, "dist"));
const SHOTS = path.join(ROOT, "docs", "screenshots");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const YEAR = 2026;

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

let server: Server;
let base: string;
let browser: Browser;
/** Requests to any host but this machine: blocked, and counted across the whole suite. */
const blocked: string[] = [];

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
};

/** A tiny static server for dist/ on a free localhost port. */
async function serveDist(): Promise<Server> {
  const http = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(DIST, path.normalize(pathname === "/" ? "/standalone.html" : pathname));
    if (!file.startsWith(DIST)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return http;
}

interface Session {
  context: BrowserContext;
  page: Page;
  pageErrors: string[];
  consoleErrors: string[];
  downloads: Download[];
  /** Outside requests the test expected (and blocked). */
  expectedBlocked: string[];
}
let session: Session | null = null;

/**
 * A fresh browser context on a page of dist/, with other hosts blocked and errors recorded.
 * `expectedBlocked` names the one outside request a page is known to make (the task pane's office.js): it is
 * still blocked, but counted apart, and its failed-load console message is expected.
 */
async function openPage(file = "standalone.html", expectedBlocked: string | null = null): Promise<Session> {
  const context = await browser.newContext({ acceptDownloads: true, locale: "zh-CN", viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const opened: Session = { context, page, pageErrors: [], consoleErrors: [], downloads: [], expectedBlocked: [] };
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === "127.0.0.1" || url.hostname === "localhost") return route.continue();
    if (url.href === expectedBlocked) opened.expectedBlocked.push(url.href);
    else blocked.push(url.href);
    return route.abort("blockedbyclient");
  });
  page.on("pageerror", (error) => opened.pageErrors.push(error.message));
  // A CSP violation shows here as an error, as does any failed request.
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (expectedBlocked !== null && message.text().includes("ERR_BLOCKED_BY_CLIENT")) return;
    opened.consoleErrors.push(message.text());
  });
  page.on("download", (download) => opened.downloads.push(download));
  session = opened;
  await page.goto(`${base}/${file}`);
  return opened;
}

async function openStandalone(): Promise<Session> {
  const opened = await openPage();
  await opened.page.getByRole("heading", { name: "法治建设考核计分" }).waitFor();
  return opened;
}


async function bytesOf(download: Download): Promise<Buffer> {
  return readFile(await download.path());
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: XLSX_TYPE, buffer });
}

async function download(page: Page, button: string): Promise<Download> {
  const downloading = page.waitForEvent("download", { timeout: 120_000 });
  await page.getByRole("button", { name: button, exact: true }).click();
  return downloading;
}

/** The example county's 优秀 units, by hand from its results: 户部寨镇 (3rd of the towns) lost 评先资格, so 良好. */
const TOWNS_EXCELLENT = "优秀（4个）：城关镇、白堽乡、渠村乡、柳屯镇。";
const DEPARTMENTS_EXCELLENT = "优秀（6个）：县司法局、县人民法院、县纪委监委机关、县政府办公室、县委办公室、国家税务总局示例县税务局。";

let example: Buffer;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await builtDist();
  server = await serveDist();
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  base = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
}, 900_000);

afterEach(async () => {
  if (session === null) return;
  const { pageErrors, consoleErrors, context } = session;
  session = null;
  await context.close();
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  expect(blocked).toEqual([]);
});

describe("通报、反馈单、核验 on the standalone page", () => {
  it("example → 计算等次 → 生成通报 (the 优秀 units), 生成反馈单 (60 .docx), 核验 passes", async () => {
    const { page } = await openStandalone();
    await page.getByRole("radio", { name: "示例（已填好的示例县）" }).check();
    await page.getByRole("textbox").first().fill(String(YEAR));
    const template = await download(page, "下载考核模板");
    expect(template.suggestedFilename()).toBe(`示例考核（${YEAR}年）.xlsx`);
    example = await bytesOf(template);
    await upload(page, "示例考核.xlsx", example);
    await page.getByText("已打开：示例考核.xlsx").waitFor();
    await page.getByRole("button", { name: "计算等次" }).click();
    await page.getByRole("button", { name: "下载结果" }).waitFor({ timeout: 120_000 });

    const notice = await download(page, "生成通报");
    expect(notice.suggestedFilename()).toBe("考核结果通报.docx");
    const { value: text } = await mammoth.extractRawText({ buffer: await bytesOf(notice) });
    expect(text).toContain(`关于${YEAR}年度示例县法治建设考核结果的通报`);
    expect(text).toContain(TOWNS_EXCELLENT);
    expect(text).toContain(DEPARTMENTS_EXCELLENT);
    expect(text).toContain("不合格（1个）：五星乡。");
    await page.getByText("已下载“考核结果通报.docx”：请在 Word 中填写文号、核对后印发。").waitFor();

    const feedback = await download(page, "生成反馈单");
    expect(feedback.suggestedFilename()).toBe("反馈单.zip");
    const entries = unzipSync(new Uint8Array(await bytesOf(feedback)));
    expect(Object.keys(entries)).toHaveLength(60);
    const { value: town } = await mammoth.extractRawText({ buffer: Buffer.from(entries["反馈单-城关镇.docx"]!) });
    expect(town).toContain("102.73");

    await page.getByRole("button", { name: "核验", exact: true }).click();
    await page.getByText(/^核验通过：输入与结果一致（指纹 [0-9a-f]{64}）$/).waitFor({ timeout: 120_000 });
    await page.getByText("核验的是本页计算等次后的工作簿“示例考核（已计算）.xlsx”（即“下载结果”保存的文件）。").waitFor();
    await page.getByRole("heading", { name: "通报、反馈单、核验" }).evaluate((element) => element.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: path.join(SHOTS, "standalone-report-verified.png"), fullPage: false });
  }, 600_000);

  it("a scored workbook with 结果!L2 typed over: 核验 names the cell and the unit; 生成通报 refuses and says 重新计算等次", async () => {
    const { page } = await openStandalone();
    if (example === undefined) throw new Error("the first test downloads the example");
    await upload(page, "示例考核.xlsx", example);
    await page.getByText("已打开：示例考核.xlsx").waitFor();
    await page.getByRole("button", { name: "计算等次" }).click();
    const scored = await bytesOf(await download(page, "下载结果"));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(scored as unknown as ArrayBuffer);
    book.getWorksheet("结果")!.getCell("L2").value = 95;
    const edited = Buffer.from(await book.xlsx.writeBuffer());

    await upload(page, "示例考核（已计算）.xlsx", edited);
    await page.getByText("已打开：示例考核（已计算）.xlsx").waitFor();
    await page.getByRole("button", { name: "核验", exact: true }).click();
    await page.getByText("核验未通过：结果与输入不一致，共 1 处不同。").waitFor({ timeout: 120_000 });
    await page.getByText("结果!L2（城关镇 · 总分）：为 95.00，按输入应为 102.73", { exact: false }).waitFor();
    await page.getByText("“结果”表在计算等次之后被改动过（与计算时记录的指纹不同）。").waitFor();
    await page.getByText("核验的是打开的工作簿“示例考核（已计算）.xlsx”。").waitFor();
    await page.getByRole("heading", { name: "通报、反馈单、核验" }).evaluate((element) => element.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: path.join(SHOTS, "standalone-report-verify-failed.png"), fullPage: false });

    const before = session?.downloads.length ?? 0;
    await page.getByRole("button", { name: "生成通报", exact: true }).click();
    await page.getByText(/请重新计算等次/).first().waitFor({ timeout: 120_000 });
    expect(session?.downloads.length).toBe(before);

    // One score typed over in 评分 after 计算等次 (八公桥镇's 1.4, 4 → 0): 核验 names that very cell, first.
    const scores = new ExcelJS.Workbook();
    await scores.xlsx.load(scored as unknown as ArrayBuffer);
    expect(scores.getWorksheet("评分")!.getCell("F7").value).toBe(4);
    scores.getWorksheet("评分")!.getCell("F7").value = 0;
    await upload(page, "示例考核（改了评分）.xlsx", Buffer.from(await scores.xlsx.writeBuffer()));
    await page.getByText("已打开：示例考核（改了评分）.xlsx").waitFor();
    await page.getByRole("button", { name: "核验", exact: true }).click();
    await page.getByText(/^核验未通过：结果与输入不一致/).waitFor({ timeout: 120_000 });
    await page.getByText("评分!F7（八公桥镇 · 1.4 持续推进法治建设宣传和理论研究）：计算等次时为 4，现为 0", { exact: false }).waitFor();
    await page.getByText("计算等次之后，输入表“评分”有改动（与计算时记录的指纹不同）。").waitFor();
    await page.getByRole("heading", { name: "通报、反馈单、核验" }).evaluate((element) => element.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: path.join(SHOTS, "standalone-report-score-changed.png"), fullPage: false });
  }, 600_000);
});
