/**
 * 试算 on the standalone page in a real Chromium (issue 16 §2): open the example county, 计算等次, change 优秀分数线 in
 * 试算 and see — before anything is written — the one unit that moves and the counts per group; 应用; download; the
 * workbook holds the new 参数 (the old one kept as 参数（原）) and the library's 结果 for it.
 *
 * Hand-worked for the example: 优秀分数线 90 → 88. 乡镇 has no 总分 in [88, 90) (its best below 90 is 习城乡 86.91), so
 * its counts stay 优秀 4、良好 10、合格 5、不合格 1. In 县直单位 only 县委政法委 88.67 (8th) lies there: 良好 → 优秀, its
 * 名次 unchanged (名次 is by 总分); 优秀 6 → 7, 良好 23 → 22, 合格 11, 不合格 0.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, type Server } from "node:http";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";
import { withParamChanges } from "../lib/whatif";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import { builtDist } from "./helpers/dist";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const DIST = path.resolve(process.env.KAOHE_E2E_DIST ?? path.join(ROOT, "dist"));
const SHOTS = path.join(ROOT, "docs", "screenshots");
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const YEAR = 2026;
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

let server: Server;
let base: string;
let browser: Browser;

async function serveDist(): Promise<Server> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".map": "application/json" };
  const http = createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    const file = path.join(DIST, path.normalize(pathname === "/" ? "/standalone.html" : pathname));
    if (!file.startsWith(DIST)) return void response.writeHead(403).end();
    readFile(file).then(
      (body) => response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return http;
}

beforeAll(async () => {
  await mkdir(SHOTS, { recursive: true });
  await builtDist();
  server = await serveDist();
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  base = `http://127.0.0.1:${address.port}`;
  browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: CHROMIUM_ARGS });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

function trimEnd(row: readonly unknown[]): unknown[] {
  let end = row.length;
  while (end > 0 && (row[end - 1] === null || row[end - 1] === "")) end -= 1;
  return row.slice(0, end);
}

describe("试算 on the standalone page in Chromium", () => {
  it("优秀分数线 88: 县委政法委 moves, counts per group shown, nothing downloaded; 应用 → 下载结果 has 参数 88 and the library's 结果", async () => {
    const context = await browser.newContext({ acceptDownloads: true, locale: "zh-CN", viewport: { width: 1280, height: 900 } });
    const blocked: string[] = [];
    const errors: string[] = [];
    await context.route("**/*", (route) => {
      const url = new URL(route.request().url());
      if (url.hostname === "127.0.0.1") return route.continue();
      blocked.push(url.href);
      return route.abort("blockedbyclient");
    });
    const page = await context.newPage();
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => void (message.type() === "error" && errors.push(message.text())));
    let downloads = 0;
    page.on("download", () => (downloads += 1));
    await page.goto(`${base}/standalone.html`);
    await page.getByRole("heading", { name: "法治建设考核计分" }).waitFor();

    const example = Buffer.from(await buildWorkbook(buildTemplate({ year: YEAR, example: true })));
    await page.getByTestId("file-input").setInputFiles({ name: "示例考核.xlsx", mimeType: XLSX_TYPE, buffer: example });
    await page.getByText("已打开：示例考核.xlsx").waitFor();
    await page.getByRole("button", { name: "计算等次" }).click();
    await page.getByRole("button", { name: "下载结果" }).waitFor();

    const trial = page.getByRole("region", { name: "试算（改参数看效果）" }).or(page.locator('section[aria-label="试算（改参数看效果）"]')).first();
    const line = trial.getByRole("textbox", { name: "优秀分数线 试算值" });
    await line.waitFor({ timeout: 30_000 });
    await expect(line.inputValue()).resolves.toBe("90");
    await line.fill("88");

    const moved = trial.getByRole("list", { name: "等次、名次或总分有变化的单位：" });
    await moved.waitFor();
    await expect(moved.getByRole("listitem").allTextContents()).resolves.toEqual(["县委政法委 等次 良好 → 优秀", "其余59个单位的总分、名次、等次都没有变化。"]);
    const counts = trial.getByRole("table", { name: "各排名分组的等次人数（现在 → 试算）" });
    const rows = await counts.getByRole("row").evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? "")));
    expect(rows).toEqual([[], ["乡镇", "4", "10", "5", "1"], ["县直单位", "6 → 7", "23 → 22", "11", "0"]]);
    await expect(trial.getByRole("list", { name: "“应用”将写入参数表的单元格（原值 → 新值）：" }).getByRole("listitem").allTextContents()).resolves.toEqual(["参数!B16 优秀分数线：90 → 88"]);
    // Trying wrote nothing and downloaded nothing.
    expect(downloads).toBe(0);
    await trial.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, "standalone-trial-1-preview.png"), fullPage: true });

    // A value that is not a number: the error names the 参数 and what to type; no 应用 then.
    await line.fill("八十八");
    await trial.getByText(/参数!B16：优秀分数线：“八十八”不是数字。请只填写数字/).waitFor();
    await expect(trial.getByRole("button", { name: "应用" }).count()).resolves.toBe(0);
    await line.fill("88");

    // 计算等次's own 汇总 shows the run in force: 县直单位 优秀 6 before 应用 …
    const excellent = page.getByRole("table", { name: "汇总" }).first().locator('tr[data-group="县直单位"] td[data-grade="优秀"]');
    await expect(excellent.textContent()).resolves.toBe("6");
    await trial.getByRole("button", { name: "应用" }).click();
    await trial.getByText(/已把试算的值写入本页中的工作簿：参数!B16 优秀分数线：90 → 88。原参数表改名为“参数（原）”整张保留/).waitFor({ timeout: 30_000 });
    const since = trial.getByRole("region", { name: "与上次计算相比" }).or(trial.locator('section[aria-label="与上次计算相比"]')).first();
    await expect(since.getByRole("listitem").allTextContents()).resolves.toEqual(["县委政法委 等次 良好 → 优秀", "其余59个单位的总分、名次、等次都没有变化。"]);
    // … and 7 after it (it showed the replaced run's 6 before the page handed 应用's outcome to 计算等次's summary).
    await expect.poll(() => excellent.textContent(), { timeout: 30_000 }).toBe("7");
    // The fields now start from 88, the value in force.
    await expect.poll(() => line.inputValue(), { timeout: 30_000 }).toBe("88");
    // The page's own 结果 table shows the new 等次.
    const row = page.getByRole("table", { name: "结果" }).getByRole("row").filter({ hasText: "县委政法委" });
    await expect(row.getByRole("cell").nth(12).textContent()).resolves.toBe("优秀");
    await page.screenshot({ path: path.join(SHOTS, "standalone-trial-2-applied.png"), fullPage: true });
    expect(downloads).toBe(0);

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "下载结果" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("示例考核（已计算）.xlsx");
    const written = await readWorkbookGrids(await readFile(await download.path()));
    const sheet = (name: string) => written.sheets.find((s) => s.name === name)?.rows ?? [];
    expect(sheet("参数").find((r) => r[0] === "优秀分数线")?.[1]).toBe(88);
    expect(sheet("参数（原）").find((r) => r[0] === "优秀分数线")?.[1]).toBe(90);
    // 结果 and 汇总 are the library's (the command line's) for the example with 优秀分数线 88.
    const original = await readWorkbookGrids(example);
    const expected = runAssessment(withParamChanges(original, [{ name: "优秀分数线", value: 88 }]).book);
    for (const out of expected.outputs ?? []) {
      if (out.name === "计算说明") continue;
      expect(sheet(out.name).map(trimEnd).slice(0, out.rows.length), out.name).toEqual(out.rows.map(trimEnd));
    }
    const results = sheet("结果");
    const header = results[0] ?? [];
    expect(results.find((r) => r.includes("县委政法委"))?.[header.indexOf("审定等次")]).toBe("优秀");
    expect(sheet("计算说明").some((r) => r[0] === "试算应用" && r[2] === "参数!B16 优秀分数线" && r[3] === "88" && String(r[4]).startsWith("原值 90；"))).toBe(true);
    // The other input sheets are as opened.
    for (const input of original.sheets.filter((s) => s.name !== "参数")) expect(sheet(input.name), input.name).toEqual(input.rows);

    await context.close();
    expect(errors).toEqual([]);
    expect(blocked).toEqual([]);
  }, 300_000);
});
