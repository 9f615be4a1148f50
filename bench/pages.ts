/**
 * Part 4: what the task pane and the standalone page cost on first load: bytes of our JavaScript and CSS (raw and
 * gzip), and the time to first render in headless Chromium from a local server (cold cache, a fresh context each load).
 * office.js is Microsoft's, loaded from its CDN: it is not counted in our bytes; for the render time a stub stands in.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { median } from "./stats";

export interface PageFigures {
  page: string;
  files: string[];
  jsBytes: number;
  jsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
  firstRenderMs: number | null;
  renderNote: string;
}

/** Builds the pages (webpack production) into `dir`. */
export function buildPages(dir: string): void {
  execFileSync(process.execPath, ["node_modules/webpack-cli/bin/cli.js", "--mode", "production"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, KAOHE_DIST: dir },
  });
}

/** Local script and stylesheet files a page loads (<script src>, <link rel=stylesheet>), not outside URLs. */
export function pageAssets(html: string): { scripts: string[]; styles: string[] } {
  const local = (url: string) => !/^(https?:)?\/\//.test(url);
  // The built HTML is minified: attribute values may come without quotes.
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? "").filter(local);
  const styles = [...html.matchAll(/<link[^>]*rel="?stylesheet"?[^>]*\shref=(?:"([^"]+)"|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? "").filter(local);
  return { scripts, styles };
}

function sizes(dir: string, files: readonly string[]): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const body = readFileSync(join(dir, file));
    raw += body.length;
    gzip += gzipSync(body, { level: 9 }).length;
  }
  return { raw, gzip };
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".png": "image/png" };

function serve(dir: string): Promise<Server> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const file = join(root, normalize(decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname)));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(readFileSync(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => server.listen(0, "127.0.0.1", () => done(server)));
}

// Stands in for office.js: Office.onReady answers at once with host Excel, so the pane renders its Excel UI.
const OFFICE_STUB = `window.Office={HostType:{Excel:"Excel"},onReady:function(){return Promise.resolve({host:"Excel"})}};`;

/** Median ms from navigation start until the page's #root shows text, over `loads` cold loads. */
async function firstRender(dir: string, page: string, loads: number): Promise<number | null> {
  const { chromium } = await import("playwright-core");
  const server = await serve(dir);
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox"] });
  try {
    const times: number[] = [];
    for (let i = 0; i < loads; i += 1) {
      const context = await browser.newContext();
      await context.route("**/*", (route) => {
        const url = new URL(route.request().url());
        if (url.hostname === "127.0.0.1") return route.continue();
        if (url.pathname.endsWith("/office.js")) return route.fulfill({ contentType: "text/javascript", body: OFFICE_STUB });
        return route.abort("blockedbyclient");
      });
      const tab = await context.newPage();
      await tab.goto(`http://127.0.0.1:${port}/${page}`);
      await tab.waitForFunction(() => (document.getElementById("root")?.innerText.trim().length ?? 0) > 0, undefined, { timeout: 30_000 });
      times.push(await tab.evaluate(() => performance.now()));
      await context.close();
    }
    return median(times);
  } finally {
    await browser.close();
    server.close();
  }
}

/** Bytes and first render of each page built into `dir`. */
export async function measurePages(dir: string, pages: readonly string[], loads: number): Promise<PageFigures[]> {
  const figures: PageFigures[] = [];
  for (const page of pages) {
    const { scripts, styles } = pageAssets(readFileSync(join(dir, page), "utf8"));
    const js = sizes(dir, scripts);
    const css = sizes(dir, styles);
    let firstRenderMs: number | null = null;
    let renderNote = "";
    try {
      firstRenderMs = await firstRender(dir, page, loads);
    } catch (error) {
      renderNote = `未能测得：${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
    }
    figures.push({ page, files: [...scripts, ...styles], jsBytes: js.raw, jsGzipBytes: js.gzip, cssBytes: css.raw, cssGzipBytes: css.gzip, firstRenderMs, renderNote });
  }
  return figures;
}
