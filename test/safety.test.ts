import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { builtDist } from "./helpers/dist";

/**
 * No surprises from outside: the built pages carry a Content-Security-Policy that allows no eval and no other host
 * (the task pane: only the office.js host); no source evaluates code or talks to the network; the add-in asks Office
 * for ReadWriteDocument and nothing more.
 */
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const OFFICE_JS_HOSTS = ["https://appsforoffice.microsoft.com", "https://appsforoffice.cdn.partner.office365.cn"];

async function filesUnder(entry: string, keep: (file: string) => boolean): Promise<string[]> {
  const info = await stat(entry);
  if (!info.isDirectory()) return keep(entry) ? [entry] : [];
  const found: string[] = [];
  for (const name of await readdir(entry)) found.push(...(await filesUnder(path.join(entry, name), keep)));
  return found;
}

/** The CSP of a built page, as directive → sources. */
function policyOf(html: string): Map<string, string[]> {
  const match = /<meta http-equiv="?Content-Security-Policy"? content="([^"]*)"/i.exec(html);
  expect(match, "no Content-Security-Policy meta").not.toBeNull();
  const directives = (match?.[1] ?? "").split(";").map((part) => part.trim().split(/\s+/));
  return new Map(directives.filter((words) => words[0] !== undefined && words[0] !== "").map(([name = "", ...values]) => [name, values]));
}

/** Every host named in the policy (anything but keywords, 'self', data:, blob:). */
function hosts(policy: Map<string, string[]>): string[] {
  return [...policy.values()].flat().filter((source) => !source.startsWith("'") && source !== "data:" && source !== "blob:");
}

describe("Content-Security-Policy of the built pages", () => {
  let taskpane = "";
  let standalone = "";
  beforeAll(async () => {
    const folder = await builtDist(["taskpane.html", "standalone.html"]);
    taskpane = await readFile(path.join(folder, "taskpane.html"), "utf8");
    standalone = await readFile(path.join(folder, "standalone.html"), "utf8");
  }, 900_000);

  it("the standalone page: no eval, no inline script, no other host at all, no forms sent anywhere", () => {
    const policy = policyOf(standalone);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect(policy.get("script-src")).toEqual(["'self'"]);
    expect(policy.get("connect-src")).toEqual(["'self'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'none'"]);
    expect(hosts(policy)).toEqual([]);
    expect(standalone).not.toContain("unsafe-eval");
    // No script from anywhere else, and no script written into the page.
    expect([...standalone.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1]).filter((src) => /^(https?:)?\/\//.test(src ?? ""))).toEqual([]);
  });

  it("the task pane: no eval; the only other host is the one office.js comes from", () => {
    const policy = policyOf(taskpane);
    expect(taskpane).not.toContain("unsafe-eval");
    expect(policy.get("script-src")?.includes("'unsafe-inline'")).toBe(false);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    const others = [...new Set(hosts(policy))];
    expect(others.length).toBeLessThanOrEqual(1);
    for (const host of others) expect(OFFICE_JS_HOSTS).toContain(host);
    const remoteScripts = [...taskpane.matchAll(/<script[^>]*src="?([^" >]+)/g)].map((m) => m[1] ?? "").filter((src) => /^(https?:)?\/\//.test(src));
    expect(remoteScripts.every((src) => others.some((host) => src.startsWith(`${host}/`)))).toBe(true);
  });
});

describe("sources", () => {
  const FORBIDDEN: [string, RegExp][] = [
    ["eval", /\beval\s*\(/],
    ["new Function", /\bnew\s+Function\s*\(/],
    ["Function constructor by name", /\bFunction\s*\(\s*["'`]/],
    ["string timer", /\bset(Timeout|Interval)\s*\(\s*["'`]/],
    ["fetch", /\bfetch\s*\(/],
    ["XMLHttpRequest", /\bXMLHttpRequest\b/],
    ["sendBeacon", /\bsendBeacon\b/],
    ["WebSocket", /\bWebSocket\b/],
    ["EventSource", /\bEventSource\b/],
    ["importScripts", /\bimportScripts\b/],
    ["Node network", /from\s+["']node:(http|https|net|dgram|tls)["']/],
  ];

  it("no source in lib/, files/, addin/ or bin/ evaluates code or opens a network connection", async () => {
    const files = (
      await Promise.all(["lib", "files", "addin", "bin"].map((dir) => filesUnder(path.join(ROOT, dir), (file) => /\.(ts|tsx|js|mjs|html)$/.test(file))))
    ).flat();
    expect(files.length).toBeGreaterThan(50);
    const found: string[] = [];
    for (const file of files) {
      const text = await readFile(file, "utf8");
      for (const [name, pattern] of FORBIDDEN) if (pattern.test(text)) found.push(`${path.relative(ROOT, file)}: ${name}`);
    }
    expect(found).toEqual([]);
  });

  it("the scan finds what it looks for", () => {
    const caught = ["eval('1')", "new Function('return 1')", "fetch(url)", "navigator.sendBeacon(u)", "new WebSocket(u)", "new XMLHttpRequest()", 'import http from "node:http"'];
    for (const text of caught) expect(FORBIDDEN.some(([, pattern]) => pattern.test(text)), text).toBe(true);
    expect(FORBIDDEN.some(([, pattern]) => pattern.test('typeof window.fetch !== "undefined"'))).toBe(false);
  });
});

describe("manifest", () => {
  it("asks for ReadWriteDocument and nothing more", async () => {
    const manifest = await readFile(path.join(ROOT, "manifest.xml"), "utf8");
    expect([...manifest.matchAll(/<Permissions>([^<]*)<\/Permissions>/g)].map((match) => match[1])).toEqual(["ReadWriteDocument"]);
  });
});
