/**
 * The built WPS 加载项 (scripts/build-wps.mjs → dist-wps/): its files checked as WPS reads them (ribbon.xml's shape
 * and callbacks, main.js, the publish.xml / jsplugins.xml entries, the pages' scripts and CSP), then the task pane in a
 * real Chromium from the offline folder (file://, no server), over test/helpers/fakeWps.ts's fake WPS 表格 holding the
 * example county: 检查数据, 计算等次, the outputs in the fake equal the library's, screenshots.
 * One development build (the same webpack configuration as `npm run build:wps`, not minified: faster) into .tmp/.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import vm from "node:vm";
import { parse as parseJs } from "acorn";
import { build as esbuild } from "esbuild";
import { unzipSync } from "fflate";
import { chromium, type Browser, type Page } from "playwright-core";
import { findWps } from "../addin/wpsPane/boot";
import { WPS_PANE_TEXT } from "../addin/wpsPane/messages";
import { BUTTON_IMAGE, PANE_BUTTON, PANE_PAGE } from "../addin/wpsPane/ribbon";
import type { CellValue } from "../lib/grid";
import { INPUT_SHEETS, OUTPUT_SHEETS, SHEET } from "../lib/layout";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";

/** scripts/build-wps.mjs (plain JavaScript, imported without types). */
interface WpsBuild {
  buildWps(options: { outDir: string; mode: string; url?: string }): Promise<Built>;
  installNotes(options: { version: string; url: string | undefined }): string;
  URL_PLACEHOLDER: string;
  WPS_ADDIN_NAME: string;
}
/** jsdom (no type declarations installed): a window whose DOMParser reads the built XML and HTML as a browser does. */
const JSDOM_MODULE: string = "jsdom";
const { JSDOM } = (await import(JSDOM_MODULE)) as { JSDOM: new (html: string) => { window: Window & typeof globalThis } };
const BUILD_SCRIPT: string = "../scripts/build-wps.mjs";
const { buildWps, installNotes, URL_PLACEHOLDER, WPS_ADDIN_NAME } = (await import(BUILD_SCRIPT)) as WpsBuild;

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OUT = path.join(ROOT, ".tmp", `wps-addin-${process.pid}`);
const URL_ONLINE = "http://kaohe.example.cn/wps/kaohe/";
const VERSION = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;
const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];
const SHOTS = path.join(ROOT, "docs", "screenshots");

interface Built {
  onlineFolder: string;
  offlineFolder: string;
  zip: string;
  version: string;
}
let built: Built;

beforeAll(async () => {
  built = await buildWps({ outDir: OUT, mode: "development", url: URL_ONLINE });
}, 600_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const read = (folder: string, name: string) => readFileSync(path.join(folder, name), "utf8");
const xml = (text: string) => new new JSDOM("").window.DOMParser().parseFromString(text, "application/xml");

/** A DOM list as an array of its elements. */
function list(items: ArrayLike<Element>): Element[] {
  return Array.prototype.slice.call(items) as Element[];
}

function filesOf(folder: string, prefix = ""): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name);
    return statSync(full).isDirectory() ? filesOf(full, `${prefix}${name}/`) : [`${prefix}${name}`];
  });
}

/** main.js run as WPS runs it: in the add-in's page, whose window then holds the callbacks. */
function ribbonWindow(globals: Record<string, unknown>): Record<string, unknown> {
  const alerts: string[] = [];
  const context: Record<string, unknown> = { URL, location: { href: pathToFileURL(path.join(built.offlineFolder, "index.html")).href }, alert: (m: string) => alerts.push(m), alerts, ...globals };
  context.window = context;
  vm.runInNewContext(read(built.offlineFolder, "main.js"), context);
  return context;
}

// The CustomUI elements and attributes ribbon.xml may use (the part of the 2006/01 customUI schema a WPS add-in needs):
// an unknown name is a typo WPS would ignore silently, leaving no button.
const CUSTOM_UI = "http://schemas.microsoft.com/office/2006/01/customui";
const SHAPE: Record<string, { parent: string | null; attributes: string[] }> = {
  customUI: { parent: null, attributes: ["onLoad", "loadImage"] },
  ribbon: { parent: "customUI", attributes: ["startFromScratch"] },
  tabs: { parent: "ribbon", attributes: [] },
  tab: { parent: "tabs", attributes: ["id", "idMso", "label", "visible", "getVisible", "insertAfterMso", "insertBeforeMso"] },
  group: { parent: "tab", attributes: ["id", "label", "getLabel", "visible", "getVisible", "insertAfterMso", "insertBeforeMso"] },
  button: {
    parent: "group",
    attributes: ["id", "label", "getLabel", "screentip", "supertip", "onAction", "getImage", "image", "imageMso", "size", "visible", "getVisible", "enabled", "getEnabled"],
  },
};
const CALLBACK_ATTRIBUTES = ["onLoad", "loadImage", "onAction", "getImage", "getLabel", "getVisible", "getEnabled"];

describe("the built WPS add-in folder", () => {
  it("ribbon.xml is well-formed CustomUI: 开始 tab › group 法治考核 › button 法治考核, only known elements and attributes", () => {
    const doc = xml(read(built.offlineFolder, "ribbon.xml"));
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    const rootElement = doc.documentElement;
    expect(rootElement.localName).toBe("customUI");
    expect(rootElement.namespaceURI).toBe(CUSTOM_UI);
    const ids = new Set<string>();
    for (const element of list(rootElement.querySelectorAll("*")).concat(rootElement)) {
      const shape = SHAPE[element.localName];
      expect(shape, `element ${element.localName}`).toBeDefined();
      expect(element.namespaceURI).toBe(CUSTOM_UI);
      expect(element.parentElement?.localName ?? null).toBe(shape?.parent);
      for (const attribute of element.getAttributeNames().filter((name) => !name.startsWith("xmlns"))) expect(shape?.attributes, `${element.localName}@${attribute}`).toContain(attribute);
      const id = element.getAttribute("id");
      if (id !== null) {
        expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
        expect(ids.has(id)).toBe(false);
        ids.add(id);
      }
    }
    const tab = rootElement.querySelector("tab");
    expect(tab?.getAttribute("idMso")).toBe("TabHome");
    const group = tab?.querySelector("group");
    expect(group?.getAttribute("label")).toBe(WPS_PANE_TEXT.group);
    const buttons = list(group?.querySelectorAll("button") ?? []);
    expect(buttons.map((b) => [b.getAttribute("id"), b.getAttribute("label")])).toEqual([[PANE_BUTTON, WPS_PANE_TEXT.button]]);
  });

  it("every callback ribbon.xml names is a function main.js defines on the page's window", () => {
    const doc = xml(read(built.offlineFolder, "ribbon.xml"));
    const named = new Set<string>();
    for (const element of list(doc.querySelectorAll("*"))) {
      for (const attribute of CALLBACK_ATTRIBUTES) {
        const value = element.getAttribute(attribute);
        if (value !== null) named.add(value);
      }
    }
    expect([...named].sort()).toEqual(["GetImage", "OnAction", "OnAddinLoad"]);
    const win = ribbonWindow({});
    for (const name of named) expect(typeof win[name], name).toBe("function");
  });

  it("main.js is ES5, so that any engine a WPS embeds runs the button", () => {
    expect(() => parseJs(read(built.offlineFolder, "main.js"), { ecmaVersion: 5 })).not.toThrow();
  });

  it("the button opens taskpane.html (a built file next to index.html) once, and shows it again on the next click", () => {
    const made: { url: string; Visible: boolean }[] = [];
    const wps = { CreateTaskPane: (url: string) => (made.push({ url, Visible: false }), made[made.length - 1]) };
    const win = ribbonWindow({ wps });
    const onAction = win.OnAction as (control: { Id: string }) => boolean;
    expect(onAction({ Id: PANE_BUTTON })).toBe(true);
    expect(made).toHaveLength(1);
    const pane = made[0];
    expect(pane?.Visible).toBe(true);
    expect(pane?.url).toBe(pathToFileURL(path.join(built.offlineFolder, PANE_PAGE)).href);
    expect(existsSync(fileURLToPath(pane?.url ?? ""))).toBe(true);
    if (pane) pane.Visible = false;
    onAction({ Id: PANE_BUTTON });
    expect(made).toHaveLength(1);
    expect(pane?.Visible).toBe(true);
    // Another control's id does nothing.
    onAction({ Id: "somethingElse" });
    expect(made).toHaveLength(1);
    expect(existsSync(path.join(built.offlineFolder, (win.GetImage as () => string)()))).toBe(true);
    expect((win.GetImage as () => string)()).toBe(BUTTON_IMAGE);
  });

  it("a WPS with CreateTaskPane only on Application is used as it is; one with neither says so instead of failing silently", () => {
    const made: string[] = [];
    const win = ribbonWindow({ Application: { CreateTaskPane: (url: string) => (made.push(url), { Visible: false }) } });
    (win.OnAction as (control: { Id: string }) => boolean)({ Id: PANE_BUTTON });
    expect(made).toHaveLength(1);
    const bare = ribbonWindow({ wps: {} });
    (bare.OnAction as (control: { Id: string }) => boolean)({ Id: PANE_BUTTON });
    expect(bare.alerts).toEqual([WPS_PANE_TEXT.paneFailed]);
  });

  it("the pages load only their own folder's scripts, none inline, under a CSP that names no other host", () => {
    for (const page of ["index.html", PANE_PAGE]) {
      const doc = new JSDOM(read(built.offlineFolder, page)).window.document;
      const scripts = list(doc.querySelectorAll("script"));
      expect(scripts.length, page).toBeGreaterThan(0);
      for (const script of scripts) {
        const src = script.getAttribute("src");
        expect(src, `${page}: inline script`).not.toBeNull();
        expect(src).not.toMatch(/^[a-z]+:|^\/\//i);
        expect(existsSync(path.join(built.offlineFolder, src ?? "")), `${page}: ${src}`).toBe(true);
      }
      for (const link of list(doc.querySelectorAll("link[href]"))) expect(link.getAttribute("href")).not.toMatch(/^[a-z]+:|^\/\//i);
      const csp = doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content") ?? "";
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("script-src 'self';");
      expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'/);
    }
    // index.html loads main.js and nothing else: the ribbon page never loads React.
    const index = new JSDOM(read(built.offlineFolder, "index.html")).window.document;
    expect(list(index.querySelectorAll("script")).map((s) => s.getAttribute("src"))).toEqual(["main.js"]);
  });

  it("publish.xml / jsplugins.xml: the online entry points at the given URL, the offline one at the version's folder", () => {
    for (const file of ["publish.xml", "jsplugins.xml"]) {
      const online = xml(read(path.join(OUT, "online"), file));
      const entries = list(online.documentElement.children);
      expect(online.documentElement.localName).toBe("jsplugins");
      expect(entries.map((e) => [e.localName, e.getAttribute("name"), e.getAttribute("type"), e.getAttribute("url")])).toEqual([
        ["jspluginonline", WPS_ADDIN_NAME, "et", URL_ONLINE],
      ]);
      const offline = xml(read(path.join(OUT, "offline"), file));
      const [entry, ...rest] = list(offline.documentElement.children);
      expect(rest).toEqual([]);
      expect([entry?.localName, entry?.getAttribute("name"), entry?.getAttribute("type"), entry?.getAttribute("version")]).toEqual(["jsplugin", WPS_ADDIN_NAME, "et", VERSION]);
      expect(entry?.getAttribute("url")).toBe(`${WPS_ADDIN_NAME}_${VERSION}`);
      expect(existsSync(path.join(OUT, "offline", entry?.getAttribute("url") ?? "", "ribbon.xml"))).toBe(true);
    }
    // The online folder's ribbon.xml is where WPS looks for it: right under the URL.
    expect(existsSync(path.join(built.onlineFolder, "ribbon.xml"))).toBe(true);
    expect(path.basename(built.offlineFolder)).toBe(`${WPS_ADDIN_NAME}_${VERSION}`);
  });

  it("the offline folder is the online one, and the zip holds both with the install notes", () => {
    const online = filesOf(built.onlineFolder).sort();
    expect(filesOf(built.offlineFolder).sort()).toEqual(online);
    for (const name of online) expect(readFileSync(path.join(built.offlineFolder, name)).equals(readFileSync(path.join(built.onlineFolder, name))), name).toBe(true);
    const zip = unzipSync(new Uint8Array(readFileSync(built.zip)));
    const names = Object.keys(zip);
    for (const name of online) {
      expect(names).toContain(`online/kaohe/${name}`);
      expect(names).toContain(`offline/kaohe_${VERSION}/${name}`);
    }
    expect(names).toEqual(expect.arrayContaining(["online/publish.xml", "online/jsplugins.xml", "offline/publish.xml", "offline/jsplugins.xml", "offline/install-linux.sh", "README.txt"]));
    // ASCII names only: an archive tool that ignores the zip's UTF-8 flag (Windows 7, unzip in a C locale) garbles others.
    expect(names.filter((name) => !/^[\x20-\x7e]+$/.test(name))).toEqual([]);
    expect(new TextDecoder().decode(zip["README.txt"])).toContain(`kaohe_${VERSION}`);
  });

  it("install-linux.sh installs for the logged-in user: the folder copied, our publish.xml line added or replaced, others kept", () => {
    const script = path.join(OUT, "offline", "install-linux.sh");
    const jsaddons = path.join(OUT, "home", ".local", "share", "Kingsoft", "wps", "jsaddons");
    const run = () => execFileSync("sh", [script], { env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: path.join(OUT, "home") }, encoding: "utf8" });
    const entries = () =>
      list(xml(readFileSync(path.join(jsaddons, "publish.xml"), "utf8")).documentElement.children).map((e) => [e.localName, e.getAttribute("name"), e.getAttribute("version")]);

    // A machine without jsaddons: made, with our line only.
    expect(run()).toContain(`kaohe_${VERSION}`);
    expect(filesOf(path.join(jsaddons, `kaohe_${VERSION}`)).sort()).toEqual(filesOf(built.offlineFolder).sort());
    expect(entries()).toEqual([["jsplugin", "kaohe", VERSION]]);

    // Another add-in's line and our older version's, all on one line: ours replaced, theirs kept, the old file kept.
    const before = '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins><jspluginonline name="other" type="wps" url="http://x/"/><jsplugin name="kaohe" type="et" url="kaohe_0.0.9" version="0.0.9"/></jsplugins>\n';
    writeFileSync(path.join(jsaddons, "publish.xml"), before);
    run();
    expect(entries()).toEqual([
      ["jspluginonline", "other", null],
      ["jsplugin", "kaohe", VERSION],
    ]);
    expect(readFileSync(path.join(jsaddons, "publish.xml.bak"), "utf8")).toBe(before);
    // Run twice: still one line of ours.
    run();
    expect(entries()).toHaveLength(2);
  });

  it("without WPS_ADDIN_URL the install notes say the online address is a placeholder to replace", () => {
    expect(installNotes({ version: VERSION, url: undefined })).toContain(URL_PLACEHOLDER);
    expect(installNotes({ version: VERSION, url: URL_ONLINE })).not.toContain(URL_PLACEHOLDER);
  });
});

describe("findWps: WPS 表格's Application wherever this WPS puts it", () => {
  const app = { ActiveWorkbook: null, DisplayAlerts: true };
  it("wps.EtApplication() first, then window.Application; WPS 文字 and a plain browser are told apart", () => {
    const viaWps = findWps({ wps: { EtApplication: () => app } });
    expect(viaWps.kind === "et" && viaWps.app()).toBe(app);
    const viaApplication = findWps({ Application: app });
    expect(viaApplication.kind === "et" && viaApplication.app()).toBe(app);
    expect(findWps({ wps: { WpsApplication: () => ({}) }, Application: { ActiveDocument: null } }).kind).toBe("notEt");
    expect(findWps({}).kind).toBe("noWps");
  });
});

const example: Record<string, CellValue[][]> = Object.fromEntries(buildTemplate({ year: 2026, example: true }).map((sheet) => [sheet.name, sheet.rows]));
const expected = runAssessment({ sheets: Object.entries(example).map(([name, rows]) => ({ name, rows })) });

/** Rows without trailing blanks, blanks as null: what a sheet shows. */
function shown(rows: readonly (readonly unknown[])[]): unknown[][] {
  const out = rows.map((row) => {
    const cells = row.map((cell) => (cell === undefined || cell === "" ? null : cell));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (out.length > 0 && (out[out.length - 1] ?? []).length === 0) out.pop();
  return out;
}

describe.skipIf(!existsSync(CHROMIUM))("the WPS task pane in Chromium, from the offline folder, over a fake WPS 表格", () => {
  let browser: Browser;
  let stub = "";
  beforeAll(async () => {
    const bundled = await esbuild({ entryPoints: [path.join(ROOT, "test/helpers/wpsBrowserStub.ts")], bundle: true, format: "iife", write: false, target: "es2022", logLevel: "warning" });
    stub = bundled.outputFiles[0]?.text ?? "";
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
  });

  /** taskpane.html or index.html from file://, with the fake installed first (or not), every request recorded. */
  async function open(page: string, sheets: Record<string, CellValue[][]> | null): Promise<{ tab: Page; requests: string[]; errors: string[] }> {
    const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 400, height: 900 } });
    const tab = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    tab.on("request", (request) => requests.push(request.url()));
    tab.on("pageerror", (error) => errors.push(error.message));
    tab.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await tab.addInitScript({ content: `${stub}\n${sheets === null ? "" : `window.installFakeWps(${JSON.stringify(sheets)});`}` });
    await tab.goto(pathToFileURL(path.join(built.offlineFolder, page)).href);
    return { tab, requests, errors };
  }

  it("the button's page (index.html) opens taskpane.html with CreateTaskPane, under its CSP from file://", async () => {
    const { tab, requests, errors } = await open("index.html", example);
    const made = await tab.evaluate((id) => {
      const win = window as unknown as { OnAction(control: { Id: string }): boolean; createdPanes: { url: string; Visible: boolean }[] };
      win.OnAction({ Id: id });
      return win.createdPanes;
    }, PANE_BUTTON);
    expect(made).toEqual([{ url: pathToFileURL(path.join(built.offlineFolder, PANE_PAGE)).href, Visible: true }]);
    expect(requests.every((url) => url.startsWith("file://"))).toBe(true);
    expect(errors).toEqual([]);
    await tab.context().close();
  });

  it("检查数据 and 计算等次 on the example county: the fake's outputs equal the library's, input sheets untouched", async () => {
    const { tab, requests, errors } = await open(PANE_PAGE, example);
    const compute = tab.getByRole("button", { name: "计算等次" });
    await compute.waitFor({ timeout: 60_000 });
    await tab.getByRole("heading", { name: "法治考核" }).waitFor();
    // 参数 is open at start and loads its own script (issue 14): the picture shows it filled in, as the clerk sees it.
    await tab.getByText("打开“参数”表").waitFor();
    await tab.getByText("优秀分数线").waitFor();
    mkdirSync(SHOTS, { recursive: true });
    await tab.screenshot({ path: path.join(SHOTS, "wps-taskpane-start.png") });

    // 检查数据: the example's two 提示 (no errors); a click on one selects its cell in WPS.
    await tab.getByRole("button", { name: "检查数据" }).click();
    await tab.getByText("问题（错误 0 个，提示 2 个）").waitFor({ timeout: 60_000 });
    await tab.getByRole("button", { name: /上下互评!AA27/ }).click();
    await expect.poll(() => tab.evaluate(() => (window as unknown as { fakeWps: { calls: Map<string, number> } }).fakeWps.calls.get("Select") ?? 0)).toBe(1);

    await compute.click();
    await tab.getByText("已写入“结果”“计算说明”“汇总”三张表。").waitFor({ timeout: 60_000 });
    // The summary as the pane shows it. 乡镇's highest is 城关镇: (117.5 指标 + 9.8 满意度 + 9.52 互评) / (120 + 10 + 10)
    // × 100 = 97.73 换算得分, plus 加分 6.5 capped at 5 = 102.73.
    const row = (group: string) => tab.locator(`tr[data-group="${group}"]`);
    await row("乡镇").waitFor({ timeout: 60_000 });
    expect(await row("乡镇").locator('[data-figure="highest"]').textContent()).toBe("102.73");
    expect(await row("乡镇").locator('[data-figure="lowest"]').textContent()).toBe("52.64");
    expect(await row("县直单位").locator('[data-figure="highest"]').textContent()).toBe("98.76");
    await tab.screenshot({ path: path.join(SHOTS, "wps-taskpane-computed.png"), fullPage: true });

    const state = await tab.evaluate(
      (names) => {
        const fake = (window as unknown as { fakeWps: { sheets: { name: string }[]; grid(name: string): unknown[][]; writes: { sheet: string }[]; displayAlerts: boolean } }).fakeWps;
        return { names: fake.sheets.map((s) => s.name), grids: Object.fromEntries(names.map((n) => [n, fake.grid(n)])), written: fake.writes.map((w) => w.sheet), alerts: fake.displayAlerts };
      },
      [...OUTPUT_SHEETS],
    );
    expect(state.names).toEqual([...INPUT_SHEETS, ...OUTPUT_SHEETS]);
    for (const out of expected.outputs ?? []) expect(shown(state.grids[out.name] ?? []), out.name).toEqual(shown(out.rows));
    const first = (state.grids[SHEET.results] ?? [])[1] ?? [];
    expect(first.slice(0, 3)).toEqual(["乡镇", 1, "城关镇"]);
    expect(first[11]).toBe(102.73);
    expect(state.written.filter((sheet) => (INPUT_SHEETS as readonly string[]).includes(sheet))).toEqual([]);
    expect(state.alerts).toBe(true);
    expect(requests.every((url) => url.startsWith("file://"))).toBe(true);
    expect(errors).toEqual([]);
    await tab.context().close();
  });

  it("opened outside WPS it says where to open it instead of a blank pane", async () => {
    const { tab, errors } = await open(PANE_PAGE, null);
    await expect.poll(() => tab.getByTestId("not-in-wps").textContent(), { timeout: 60_000 }).toBe(WPS_PANE_TEXT.noWps);
    expect(errors).toEqual([]);
    await tab.context().close();
  });
});
