import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Browser } from "playwright-core";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, ".tmp", "e2e-dist");
const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

let server: ChildProcess | undefined;
let browser: Browser | undefined;
let base = "";

/** Starts scripts/serve.mjs on a free port and resolves with its URL. */
function serve(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, "scripts", "serve.mjs")], { env: { ...process.env, SERVE_DIR: dist, PORT: "0" } });
    server = child;
    child.stdout.on("data", (chunk: Buffer) => {
      const match = /http:\/\/localhost:(\d+)\//.exec(chunk.toString());
      if (match) resolve(`http://localhost:${match[1]}/`);
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`serve.mjs exited ${code}`)));
  });
}

describe.skipIf(!existsSync(CHROMIUM))("built task pane in Chromium, without Office", () => {
  beforeAll(async () => {
    // One production build shared by the tests, into its own folder so it never disturbs dist/.
    const build = spawnSync(process.execPath, [path.join(root, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"], {
      cwd: root,
      env: { ...process.env, KAOHE_DIST: dist, OFFICE_JS: "cdn", ADDIN_URL: "https://kaohe.example.cn/addin/" },
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`webpack failed:\n${build.stdout}\n${build.stderr}`);
    base = await serve();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  }, 900_000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  it("rewrites the manifest to ADDIN_URL in the production build", () => {
    const manifest = readFileSync(path.join(dist, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain("https://kaohe.example.cn/addin/taskpane.html");
    expect(manifest).toContain("<AppDomain>https://kaohe.example.cn/addin</AppDomain>");
  });

  it("loads at most 158 KB gzip before the pane shows (issue 14's 165 KB, with room for the next feature)", () => {
    const html = readFileSync(path.join(dist, "taskpane.html"), "utf8");
    // Our scripts in the page (office.js is Microsoft's, from its CDN): legacy-check.js and the pane's first script.
    const scripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? "").filter((src) => !/^(https?:)?\/\//.test(src));
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toBe("legacy-check.js");
    const bodies = scripts.map((src) => readFileSync(path.join(dist, src)));
    const gzip = bodies.reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0);
    expect(gzip).toBeLessThanOrEqual(158 * 1024);
    // Nothing of the rules, the file layer, the page or the tests rides along: decimal.js's errors, ExcelJS, the page's
    // own texts, the fake of Excel.
    const first = bodies.map((body) => body.toString("utf8")).join("\n");
    for (const marker of ["[DecimalError]", "exceljs", "请先打开工作簿。", "the worksheet is a null object"]) expect(first).not.toContain(marker);
  });

  it("shows the no-Office message, with no page error, every outside request blocked", async () => {
    if (!browser) throw new Error("no browser");
    const page = await browser.newPage({ viewport: { width: 360, height: 640 } });
    const errors: string[] = [];
    const blocked: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.route("**/*", (route) => {
      const host = new URL(route.request().url()).hostname;
      if (host === "localhost" || host === "127.0.0.1") return route.continue();
      blocked.push(route.request().url());
      return route.abort();
    });
    await page.goto(`${base}taskpane.html`);
    const message = page.getByTestId("no-office");
    await message.waitFor({ timeout: 15_000 });
    expect(await message.textContent()).toBe("请在 Excel 中通过“开始 > 法治考核”打开本加载项；没有 Excel 时可使用独立网页版。");
    expect(await page.getByRole("link", { name: "打开独立网页版" }).getAttribute("href")).toBe("standalone.html");
    // office.js from Microsoft's CDN was the one outside request, and it was stopped.
    expect(blocked).toEqual(["https://appsforoffice.microsoft.com/lib/1/hosted/office.js"]);
    expect(errors).toEqual([]);
    expect(await page.locator("#legacy-message").isVisible()).toBe(false);
    mkdirSync(path.join(root, "docs", "screenshots"), { recursive: true });
    await page.screenshot({ path: path.join(root, "docs", "screenshots", "taskpane-no-office.png") });
    await page.close();
  });

  it("shows the plain message in an old engine (no Proxy), pointing to the standalone page", async () => {
    if (!browser) throw new Error("no browser");
    const page = await browser.newPage();
    await page.route("**/*", (route) => (new URL(route.request().url()).hostname === "localhost" ? route.continue() : route.abort()));
    await page.addInitScript(() => {
      // Simulates Internet Explorer's missing features.
      Object.defineProperty(window, "Proxy", { value: undefined });
    });
    await page.goto(`${base}taskpane.html`);
    const legacy = page.locator("#legacy-message");
    await legacy.waitFor({ state: "visible", timeout: 10_000 });
    expect(await legacy.textContent()).toContain("独立网页版");
    expect(await page.getByTestId("no-office").count()).toBe(0);
    await page.close();
  });
});
