/**
 * dist/kaohe.html, the standalone page as one file, opened from a folder (file://) in a real Chromium as a clerk opens
 * an e-mail attachment: nothing else is loaded (every request is blocked and counted), the CSP allows only its own inline
 * script by hash, and the whole round (open → 计算等次 → 下载结果) works. Also: no source maps in the production build.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { copyFile, mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import { builtDist } from "./helpers/dist";

/** The build's own inlining functions (webpack.config.js is plain JavaScript, imported without types). */
interface SinglePageBuild {
  inlineScriptText(code: string): string;
  singlePageHtml(template: string, code: string): string;
}
const CONFIG: string = "../webpack.config.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
// The production build (test/helpers/dist.ts): dist/, built when stale; KAOHE_E2E_DIST names another folder.
const DIST = path.resolve(process.env.KAOHE_E2E_DIST ?? path.join(ROOT, "dist"));
const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let browser: Browser;
let work: string;
let context: BrowserContext | null = null;
const requests: string[] = [];
const pageErrors: string[] = [];
const consoleErrors: string[] = [];

/** kaohe.html copied alone into an empty folder, as a saved attachment would be, and opened from there. */
async function openAttachment(): Promise<Page> {
  const attachment = path.join(work, "kaohe.html");
  await copyFile(path.join(DIST, "kaohe.html"), attachment);
  context = await browser.newContext({ acceptDownloads: true, locale: "zh-CN", viewport: { width: 1366, height: 768 } });
  await context.route("**/*", (route) => {
    const url = route.request().url();
    if (url === pathToFileURL(attachment).href) return route.continue();
    requests.push(url);
    return route.abort("blockedbyclient");
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") consoleErrors.push(message.text());
  });
  await page.goto(pathToFileURL(attachment).href);
  await page.getByRole("heading", { name: "法治建设考核计分" }).waitFor();
  return page;
}

beforeAll(async () => {
  await builtDist();
  work = await mkdtemp(path.join(os.tmpdir(), "kaohe-attachment-"));
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}, 900_000);

afterEach(async () => {
  await context?.close();
  context = null;
  // A blocked script or a CSP refusal shows as a console error.
  expect(pageErrors).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

afterAll(async () => {
  await browser?.close();
  await rm(work, { recursive: true, force: true });
  // The page reached for nothing: not its own folder, not another host.
  expect(requests).toEqual([]);
});

describe.skipIf(!existsSync(CHROMIUM))("dist/kaohe.html: one self-contained file", () => {
  it("carries its script inline, allowed by its SHA-256 alone; dist/ holds no source map", async () => {
    const html = await readFile(path.join(DIST, "kaohe.html"), "utf8");
    const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts).toHaveLength(1);
    const [, attributes, code] = scripts[0]!;
    expect(attributes).toBe("");
    const policy = /http-equiv="?Content-Security-Policy"?\s+content="([^"]*)"/.exec(html)?.[1] ?? "";
    const scriptSrc = policy.split(";").map((part) => part.trim()).find((part) => part.startsWith("script-src"));
    const hash = createHash("sha256").update(code!, "utf8").digest("base64");
    expect(scriptSrc).toBe(`script-src 'sha256-${hash}'`);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("default-src 'none'");
    // Outside the script, the page names no other file: no stylesheet, no script or image by address.
    expect(html.replace(scripts[0]![0], "")).not.toMatch(/<link\b|\bsrc=|\bhref=/);

    const files = await readdir(DIST, { recursive: true });
    expect(files.filter((name) => name.endsWith(".map"))).toEqual([]);
    const size = (await stat(path.join(DIST, "kaohe.html"))).size;
    // Figures for the report; the bound only catches a build that lost the bundle.
    console.log(`kaohe.html ${(size / 1024 / 1024).toFixed(2)} MB`);
    expect(size).toBeGreaterThan(500_000);
  });

  it("opened from a folder: a workbook opens, computes and downloads with the library's figures", async () => {
    const page = await openAttachment();
    const example = Buffer.from(await buildWorkbook(buildTemplate({ year: 2026, example: true })));
    await page.getByTestId("file-input").setInputFiles({ name: "示例考核.xlsx", mimeType: XLSX_TYPE, buffer: example });
    await page.getByText(/已打开：示例考核\.xlsx/).waitFor();
    await page.getByRole("button", { name: "计算等次" }).click();
    const save = page.getByRole("button", { name: "下载结果" });
    await save.waitFor();
    const downloading = page.waitForEvent("download");
    await save.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("示例考核（已计算）.xlsx");
    const written = await readWorkbookGrids(await readFile(await download.path()));
    const expected = runAssessment(await readWorkbookGrids(example));
    const results = expected.outputs!.find((sheet) => sheet.name === "结果")!;
    expect(written.sheets.find((sheet) => sheet.name === "结果")?.rows.length).toBe(results.rows.length);
    expect(written.sheets.find((sheet) => sheet.name === "结果")?.rows[1]).toEqual(results.rows[1]);
  });

  it("the Word reader (loaded on demand on the served page) is inside the one file", async () => {
    const html = await readFile(path.join(DIST, "kaohe.html"), "utf8");
    // mammoth's own error text: present only when the library was bundled in.
    expect(html).toContain("word/document.xml");
  });
});

describe("inlining a script", () => {
  it("keeps </script and <!-- inside the script from ending or changing the element", async () => {
    const { inlineScriptText, singlePageHtml } = (await import(CONFIG)) as SinglePageBuild;
    expect(inlineScriptText('a="</script>";b="<!--";c=/<\\/SCRIPT/')).toBe('a="<\\/script>";b="<\\!--";c=/<\\/SCRIPT/');
    const page = singlePageHtml('<meta http-equiv="Content-Security-Policy" content="script-src \'self\'" /><body></body>', "x='$&$1'");
    // "$&" and "$1" in the script stay as written (a replacement string would have expanded them).
    expect(page).toContain("<script>x='$&$1'</script>");
    expect(page).toMatch(/content="default-src 'none'; script-src 'sha256-[A-Za-z0-9+/=]+'/);
  });
});
