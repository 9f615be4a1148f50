/**
 * The standalone page in a real Chromium, used as a person would: download the template, fill it, open it,
 * 计算等次, download the result. Every request to a host other than this machine is blocked and counted.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { mkdir, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Download, type Page } from "playwright-core";
import ExcelJS from "exceljs";
import { appliesTo } from "../lib/applies";
import { D } from "../lib/decimal";
import { runAssessment } from "../lib/run";
import { STAMP_GROUP } from "../lib/integrity";
import { toJson } from "../lib/output";
import { buildTemplate } from "../lib/template";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import { makeDocx } from "./helpers/docx";
import { builtDist } from "./helpers/dist";
import { pageAssets } from "../bench/pages";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// The production build (test/helpers/dist.ts): dist/, built when stale; KAOHE_E2E_DIST names another folder.
const DIST = path.resolve(process.env.KAOHE_E2E_DIST ?? path.join(ROOT, "dist"));
const SHOTS = path.join(ROOT, "docs", "screenshots");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const YEAR = new Date().getFullYear();

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

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `standalone-${name}.png`), fullPage: true });
}

/** Fills an empty template the way an office would: six units, scores, a survey, peer ratings, one 加分. */
async function fillTemplate(template: Buffer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const units = [
    { name: "城关镇", category: "乡镇" },
    { name: "王楼镇", category: "乡镇" },
    { name: "文留镇", category: "乡镇" },
    { name: "县司法局", category: "政府部门" },
    { name: "县教育局", category: "政府部门" },
    { name: "县法院", category: "法院检察院" },
  ];
  const unitsSheet = workbook.getWorksheet("考核对象")!;
  units.forEach((unit, i) => {
    unitsSheet.getRow(i + 2).values = [i + 1, unit.name, unit.category];
  });

  const indicators = new Map<string, { points: D; categories: "all" | string[] }>();
  workbook.getWorksheet("考核指标")!.eachRow((row, number) => {
    if (number === 1) return;
    const code = String(row.getCell(1).value);
    const applies = String(row.getCell(8).value);
    indicators.set(code, { points: new D(String(row.getCell(5).value)), categories: applies === "全部" ? "all" : applies.split("、") });
  });
  const scores = workbook.getWorksheet("评分")!;
  const header = scores.getRow(1);
  units.forEach((unit, i) => {
    const row = scores.getRow(i + 3);
    row.getCell(1).value = unit.name;
    row.getCell(2).value = unit.category;
    for (let column = 3; column <= header.cellCount; column++) {
      const code = String(header.getCell(column).value ?? "").split(" ")[0]!;
      const indicator = indicators.get(code);
      if (indicator === undefined) continue;
      // Whole or half points below the maximum: each unit loses 0, 0.5 or 1 point per indicator.
      const lost = new D(i % 3).div(2);
      row.getCell(column).value = appliesTo(indicator, unit) ? indicator.points.minus(lost).toNumber() : "不适用";
    }
  });

  const survey = workbook.getWorksheet("满意度")!;
  survey.getRow(2).values = ["城关镇", 95];
  survey.getRow(3).values = ["县司法局", 88.5];
  survey.getRow(4).values = ["县法院", null, 40, 8, 2, 5];

  const peer = workbook.getWorksheet("上下互评")!;
  peer.getRow(1).values = ["被评单位", ...units.map((u) => u.name)];
  units.forEach((ratee, i) => {
    peer.getRow(i + 2).values = [ratee.name, ...units.map((rater, j) => (rater === ratee ? null : (i + j) % 2 === 0 ? "好" : 86))];
  });

  workbook.getWorksheet("加减分")!.getRow(2).values = ["县司法局", "加分", 2, "获评省级法治政府建设示范单位", "豫法治办〔2025〕3号", "否", "否"];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function downloadTemplate(page: Page): Promise<Buffer> {
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "下载考核模板" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`考核模板（${YEAR}年）.xlsx`);
  return bytesOf(download);
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page.getByTestId("file-input").setInputFiles({ name, mimeType: XLSX_TYPE, buffer });
}

function trimEnd(row: readonly unknown[]): unknown[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === "")) end -= 1;
  return row.slice(0, end);
}

/** Presses Tab until the focused element's text is `text`; fails after `limit` presses. */
async function tabTo(page: Page, text: string, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    if (focused === text) return;
  }
  throw new Error(`Tab never reached “${text}”`);
}

/** The same filled workbook for the other tests, from the library's template (test 1 fills the page's download). */
let filled: Buffer;

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await builtDist();
  server = await serveDist();
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  base = `http://127.0.0.1:${address.port}`;
  filled = await fillTemplate(Buffer.from(await buildWorkbook(buildTemplate({ year: YEAR }))));
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
  await new Promise((resolve) => server?.close(resolve));
  // The page must never reach for another host: not a font, not a script, not a beacon.
  expect(blocked).toEqual([]);
});

describe("standalone page in Chromium", () => {
  it("template → fill → open → 计算等次 → 下载结果 gives the library's figures", async () => {
    const { page, downloads } = await openStandalone();
    // The page forbids other hosts itself, and loads no office.js: its only script is its own bundle.
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    const scripts = await page.locator("script[src]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("src")));
    expect(scripts).toEqual([expect.stringMatching(/^standalone\.[0-9a-f]+\.js$/)]);
    await shot(page, "1-start");
    const filledFromPage = await fillTemplate(await downloadTemplate(page));

    await upload(page, "2026年法治考核.xlsx", filledFromPage);
    await page.getByText("已打开：2026年法治考核.xlsx").waitFor();
    await page.getByRole("button", { name: "计算等次" }).click();
    const save = page.getByRole("button", { name: "下载结果" });
    await save.waitFor();

    const expected = runAssessment(await readWorkbookGrids(filledFromPage));
    expect(expected.result).not.toBeNull();
    const json = toJson(expected.result, expected.issues);
    // The page's own 结果 table shows the library's 总分 and 等次 for every unit.
    const table = page.getByRole("table", { name: "结果" });
    for (const unit of json.units) {
      const row = table.getByRole("row").filter({ hasText: unit.name });
      await expect(row.getByRole("cell").nth(11).textContent()).resolves.toBe(unit.total);
      await expect(row.getByRole("cell").nth(12).textContent()).resolves.toBe(unit.grade);
    }
    // 汇总 (the add-in's summary) and the chart are there.
    await page.getByRole("table", { name: "汇总" }).waitFor();
    await expect(page.getByRole("img", { name: /各排名分组的等次分布/ }).getAttribute("aria-label")).resolves.toContain("乡镇：");
    await shot(page, "3-computed");

    const downloading = page.waitForEvent("download");
    await save.click();
    const result = await downloading;
    expect(result.suggestedFilename()).toBe("2026年法治考核（已计算）.xlsx");
    const written = await readWorkbookGrids(await bytesOf(result));
    for (const out of expected.outputs!) {
      const rows = written.sheets.find((s) => s.name === out.name)?.rows.map(trimEnd) ?? [];
      const library = out.rows.map(trimEnd);
      expect(rows.slice(0, library.length), out.name).toEqual(library);
      // 计算等次 in every host ends 计算说明 with the 核验 rows (fingerprint, each sheet's digest, program, time): after a
      // blank row, only rows of the group 核验 may follow the library's own.
      const after = rows.slice(library.length).filter((row) => row.length > 0);
      expect(after.every((row) => row[0] === STAMP_GROUP), out.name).toBe(true);
      if (out.name === "计算说明") expect(after.length).toBeGreaterThan(0);
    }
    // The input sheets are exactly as uploaded.
    for (const sheet of (await readWorkbookGrids(filledFromPage)).sheets) {
      expect(written.sheets.find((s) => s.name === sheet.name)?.rows, sheet.name).toEqual(sheet.rows);
    }
    expect(downloads.length).toBe(2);

    // Sorting the table by 总分 by mouse: highest first after two clicks.
    const totalHeader = table.getByRole("columnheader", { name: "总分" });
    await totalHeader.getByRole("button").click();
    await totalHeader.getByRole("button").click();
    await expect(totalHeader.getAttribute("aria-sort")).resolves.toBe("descending");
    const highest = [...json.units].sort((a, b) => new D(b.total).comparedTo(new D(a.total)))[0]!;
    await expect(table.getByRole("row").nth(1).getByRole("cell").nth(2).textContent()).resolves.toBe(highest.name);

    // The example template: a whole county, ready to compute.
    await page.getByRole("radio", { name: /示例/ }).check();
    const exampleDownload = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载考核模板" }).click();
    const example = await exampleDownload;
    expect(example.suggestedFilename()).toBe(`示例考核（${YEAR}年）.xlsx`);
    const exampleOutcome = runAssessment(await readWorkbookGrids(await bytesOf(example)));
    expect(exampleOutcome.issues.filter((i) => i.level === "error")).toEqual([]);
    expect(exampleOutcome.result!.units.length).toBeGreaterThan(20);
  });

  it("a workbook with mistakes: the problems name their cells, and nothing is offered for download", async () => {
    const { page, downloads } = await openStandalone();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(filled as unknown as ArrayBuffer);
    const scores = workbook.getWorksheet("评分")!;
    scores.getCell("C3").value = "八十五";
    scores.getCell("D4").value = 50; // 1.2 is worth 5 points
    await upload(page, "有错误.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    await page.getByText("已打开：有错误.xlsx").waitFor();
    await page.getByRole("button", { name: "计算等次" }).click();
    // The 试算 section lists the same problems further down: these are 计算等次's own, the first list.
    const problems = page.getByRole("region", { name: /问题（错误/ }).first();
    await problems.getByText(/评分!C3（/).waitFor();
    await expect(problems.getByText(/评分!D4（/).count()).resolves.toBe(1);
    await expect(problems.getByText(/评分!C3（/).textContent()).resolves.toContain("八十五");
    await expect(page.getByRole("button", { name: "下载结果" }).count()).resolves.toBe(0);
    await expect(page.getByRole("table", { name: "结果" }).count()).resolves.toBe(0);
    await shot(page, "4-problems");
    expect(downloads).toEqual([]);
  });

  it("a file that is not a workbook, an empty workbook, a workbook missing a sheet: a clear Chinese message each", async () => {
    const { page } = await openStandalone();
    await upload(page, "单位名单.xlsx", Buffer.from("这是一个文本文件，不是工作簿。"));
    await page.getByRole("alert").filter({ hasText: "“单位名单.xlsx”不是 Excel 工作簿（.xlsx），无法打开" }).waitFor();
    await expect(page.getByRole("button", { name: "计算等次" }).count()).resolves.toBe(0);
    await shot(page, "5-not-a-workbook");

    const empty = new ExcelJS.Workbook();
    empty.addWorksheet("Sheet1");
    await upload(page, "空白.xlsx", Buffer.from(await empty.xlsx.writeBuffer()));
    await page.getByText("“空白.xlsx”是一个空的工作簿，里面没有考核数据").waitFor();
    await shot(page, "6-empty-workbook");

    const missing = new ExcelJS.Workbook();
    await missing.xlsx.load(filled as unknown as ArrayBuffer);
    missing.removeWorksheet(missing.getWorksheet("评分")!.id);
    await upload(page, "缺表.xlsx", Buffer.from(await missing.xlsx.writeBuffer()));
    await page.getByText("已打开：缺表.xlsx").waitFor();
    await page.getByRole("button", { name: "检查数据" }).click();
    await page.getByText(/找不到工作表“评分”/).waitFor();
    await page.getByRole("button", { name: "计算等次" }).click();
    await page.getByText(/未写入任何内容/).waitFor();
    await expect(page.getByRole("button", { name: "下载结果" }).count()).resolves.toBe(0);
    await shot(page, "7-missing-sheet");
  });

  it("offline once loaded: a workbook dropped on the drop zone opens, computes and downloads", async () => {
    const { page, context } = await openStandalone();
    // "Loaded" is when the scripts fetched at start (the host, the sections shown once a file is open) have arrived.
    await page.waitForLoadState("networkidle");
    await context.setOffline(true);
    const dataTransfer = await page.evaluateHandle(
      ({ bytes, type }) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(bytes)], "拖放.xlsx", { type }));
        return transfer;
      },
      { bytes: [...filled], type: XLSX_TYPE },
    );
    await page.getByTestId("drop-zone").dispatchEvent("dragenter", { dataTransfer });
    await page.getByTestId("drop-zone").dispatchEvent("drop", { dataTransfer });
    await page.getByText("已打开：拖放.xlsx").waitFor();
    await page.getByRole("button", { name: "计算等次" }).click();
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载结果" }).click();
    expect((await downloading).suggestedFilename()).toBe("拖放（已计算）.xlsx");
  });

  it("first load: the page's own scripts are at most 220 KB gzip (issue 14); the reader, lib/ and ExcelJS come later", async () => {
    const html = await readFile(path.join(DIST, "standalone.html"), "utf8");
    const { scripts } = pageAssets(html);
    expect(scripts.length).toBeGreaterThan(0);
    let gzip = 0;
    for (const script of scripts) {
      const body = await readFile(path.join(DIST, script));
      gzip += gzipSync(body, { level: 9 }).length;
      // decimal.js (its errors read "[DecimalError]") comes with the host and the sections shown once a file is open.
      expect(body.includes("[DecimalError]")).toBe(false);
    }
    expect(gzip).toBeLessThanOrEqual(220 * 1024);
  });

  it("keyboard only: Tab and Enter open the file, compute, sort and download", async () => {
    const { page } = await openStandalone();
    // Listen first: Playwright turns on file-chooser interception asynchronously when a listener is added.
    const choosing = page.waitForEvent("filechooser");
    await tabTo(page, "打开工作簿");
    await page.keyboard.press("Enter");
    await (await choosing).setFiles({ name: "键盘.xlsx", mimeType: XLSX_TYPE, buffer: filled });
    await page.getByText("已打开：键盘.xlsx").waitFor();

    await tabTo(page, "计算等次");
    await page.keyboard.press("Enter");
    await page.getByRole("button", { name: "下载结果" }).waitFor();

    await tabTo(page, "总分");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("columnheader", { name: "总分" }).getAttribute("aria-sort")).resolves.toBe("ascending");
    await shot(page, "8-keyboard");

    await tabTo(page, "下载结果");
    const downloading = page.waitForEvent("download");
    await page.keyboard.press("Enter");
    expect((await downloading).suggestedFilename()).toBe("键盘（已计算）.xlsx");
  });

  it("导入工作安排 from a .docx: the Word reader loads on demand from this server, and the preview lists the tasks", async () => {
    const { page } = await openStandalone();
    await upload(page, "考核.xlsx", filled);
    await page.getByText("已打开：考核.xlsx").waitFor();
    const docx = makeDocx([
      "一、深入学习贯彻习近平法治思想",
      "（一）持续推动学习贯彻习近平法治思想走深走实。各级各部门要严格落实领导干部学法制度。",
      "牵头单位：县委依法治县办",
      "责任单位：各乡镇人民政府、街道办事处，县政府各部门",
      "（二）加强行政规范性文件制定监督管理。全面落实合法性审核机制。",
      "牵头单位：县司法局",
      "责任单位：各乡镇人民政府、街道办事处",
    ]);
    const type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    await page.getByTestId("plan-file-input").setInputFiles({ name: "工作安排.docx", mimeType: type, buffer: docx });
    // 生成评分表 has a 预览 of its own: this one is 导入工作安排's.
    await page.getByRole("region", { name: "导入工作安排" }).getByRole("button", { name: "预览" }).click();
    const preview = page.getByRole("table", { name: "导入工作安排" });
    await preview.getByText("加强行政规范性文件制定监督管理").waitFor();
    await expect(preview.getByRole("row").count()).resolves.toBe(3);
    await expect(preview.getByText("县司法局").count()).resolves.toBe(1);
  });

  it("works on the file as it is now: a score fixed on disk between two clicks of 计算等次 is used (or 文件已修改，请重新打开, then it is)", async () => {
    const { page, downloads } = await openStandalone();
    // The clerk's laptop: 1366×768.
    await page.setViewportSize({ width: 1366, height: 768 });
    const dir = await mkdtemp(path.join(tmpdir(), "kaohe-page-"));
    try {
      const file = path.join(dir, "考核.xlsx");
      await writeFile(file, filled);
      await utimes(file, new Date(2026, 11, 2, 9, 15), new Date(2026, 11, 2, 9, 15));
      // A real file on disk, as a person picks it (not bytes handed to the page).
      await page.getByTestId("file-input").setInputFiles(file);
      await page.getByText("已打开：考核.xlsx（修改时间：2026-12-02 09:15）").waitFor();
      await page.getByRole("button", { name: "计算等次" }).click();
      const save = page.getByRole("button", { name: "下载结果" });
      await save.waitFor();
      await page.getByText("计算完成，请点击“下载结果”保存。").waitFor();
      // Nothing is written until the download: the page never says 已写入.
      expect(await page.locator("body").innerText()).not.toContain("已写入");
      // 下载结果 is in view without the user scrolling.
      const box = await save.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height).toBeLessThanOrEqual(768);
      expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
      await page.screenshot({ path: path.join(SHOTS, "standalone-10-computed-1366x768.png") });
      // 城关镇 (乡镇: 1+1 40 + two 分类职责 sets 40 + 40, so 指标应得分 120), every indicator at full points: 指标得分 120.
      // 满意度 95% → 9.50. 互评: 乡镇 raters 王楼镇 86, 文留镇 好=100 → 93; 县直单位 raters 县司法局 86, 县教育局 100,
      // 县法院 86 → 90.67; (93 + 90.67) ÷ 2 = 91.835 → 91.84 → 9.18 of 10. 实得 120 + 9.50 + 9.18 = 138.68 of 140
      // → 99.06.
      const table = page.getByRole("table", { name: "结果" });
      const cityTotal = () => table.getByRole("row").filter({ hasText: "城关镇" }).getByRole("cell").nth(11).textContent();
      await expect(cityTotal()).resolves.toBe("99.06");

      // The clerk fixes 评分!C3 (城关镇 · 1.1, worth 5) to 3 in Excel and saves, half an hour later.
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(filled as unknown as ArrayBuffer);
      workbook.getWorksheet("评分")!.getCell("C3").value = 3;
      await writeFile(file, Buffer.from(await workbook.xlsx.writeBuffer()));
      await utimes(file, new Date(2026, 11, 2, 9, 40), new Date(2026, 11, 2, 9, 40));
      await page.getByRole("button", { name: "计算等次" }).click();
      // 实得 138.68 − 2 = 136.68 of 140 → 97.628… → 97.63.
      const changed = page.getByRole("alert").filter({ hasText: "文件已修改，请重新打开" });
      const outcome = await Promise.race([
        changed.waitFor().then(() => "refused" as const),
        table.getByRole("row").filter({ hasText: "城关镇" }).getByRole("cell").nth(11).getByText("97.63", { exact: true }).waitFor().then(() => "read" as const),
      ]);
      if (outcome === "refused") {
        // Chromium refuses a picked file changed on disk: no stack, no old figures, no old download, the button right there.
        await shot(page, "11-file-changed");
        await expect(page.getByRole("table", { name: "结果" }).count()).resolves.toBe(0);
        await expect(page.getByRole("button", { name: "下载结果" }).count()).resolves.toBe(0);
        expect(await page.locator("body").innerText()).not.toMatch(/Error|at .*\.js/);
        const choosing = page.waitForEvent("filechooser");
        await changed.getByRole("button", { name: "重新打开" }).click();
        await (await choosing).setFiles(file);
        await page.getByText("已打开：考核.xlsx（修改时间：2026-12-02 09:40）").waitFor();
        await page.getByRole("button", { name: "计算等次" }).click();
        await save.waitFor();
      }
      await expect(cityTotal()).resolves.toBe("97.63");
      const downloading = page.waitForEvent("download");
      await save.click();
      const written = await readWorkbookGrids(await bytesOf(await downloading));
      const results = written.sheets.find((s) => s.name === "结果")!.rows;
      const header = results.find((row) => row.includes("单位名称"))!;
      const city = results.find((row) => row[header.indexOf("单位名称")] === "城关镇")!;
      expect(city[header.indexOf("总分")]).toBe(97.63);
      expect(written.sheets.find((s) => s.name === "评分")!.rows[2]![2]).toBe(3);
      expect(downloads.length).toBe(1);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("检查数据 with mistakes at 1366×768: the problems scroll into view, and clicking one shows its unit, indicator and value", async () => {
    const { page } = await openStandalone();
    await page.setViewportSize({ width: 1366, height: 768 });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(filled as unknown as ArrayBuffer);
    workbook.getWorksheet("评分")!.getCell("C3").value = "八十五";
    await upload(page, "有错误.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));
    await page.getByText("已打开：有错误.xlsx").waitFor();
    await page.getByRole("button", { name: "检查数据" }).click();
    const problems = page.getByRole("region", { name: /问题（错误/ });
    const first = problems.getByRole("button", { name: /评分!C3（/ });
    await first.waitFor();
    const box = await problems.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeLessThan(768);
    await first.click();
    const detail = page.getByTestId("issue-detail");
    await expect(detail.innerText()).resolves.toBe(["位置", "评分!C3", "单位", "城关镇", "指标", "1.1 深入学习宣传贯彻习近平法治思想", "单元格内容", "八十五"].join("\n"));
    await expect(first.getAttribute("aria-expanded")).resolves.toBe("true");
    await page.screenshot({ path: path.join(SHOTS, "standalone-12-problem-detail.png") });
  });

  it("the add-in's task pane with office.js blocked shows its message and links here, without a page error", async () => {
    const { page, expectedBlocked } = await openPage("taskpane.html", "https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    const message = page.getByTestId("no-office");
    await message.waitFor();
    await expect(message.textContent()).resolves.toContain("请在 Excel 中");
    expect(expectedBlocked).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    await shot(page, "9-taskpane-no-office");
    await page.getByRole("link", { name: "打开独立网页版" }).click();
    await page.getByRole("heading", { name: "法治建设考核计分" }).waitFor();
  });
});
