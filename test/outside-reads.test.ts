/**
 * Issue 20: a plain clone passes its own tests. No test reads outside the repository, except the real source documents
 * of ../shared/seeds through test/helpers/seeds.ts, and only inside a `describe.skipIf(NO_SEEDS)` (or it/test) block,
 * so that a clone without them skips those tests with a notice instead of failing.
 *
 * The check reads each test file as text (a static check: it cannot follow a path built at run time from pieces):
 * - no file but helpers/seeds.ts names a place outside the repository: a relative path or URL that climbs above the
 *   repository from the file's folder, "..", a shared/ path, an absolute path under a home or work folder, homedir();
 * - every use of a seed (a call of seedPath/readSeed, or a name bound to one) lies inside a skipIf(NO_SEEDS) block,
 *   except `const x = readSeed(…)` itself, which gives "" when the seeds are absent.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const TEST_DIR = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(TEST_DIR, "..");
const SEEDS_HELPER = join("test", "helpers", "seeds.ts");

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "fixtures" ? [] : testFiles(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(entry.name) ? [path] : [];
  });
}

/** The string literals of a source with their offsets (quotes and template literals; comments skipped). */
function literals(source: string): { text: string; at: number }[] {
  const found: { text: string; at: number }[] = [];
  for (const { start, end, kind } of tokens(source)) {
    if (kind === "string") found.push({ text: source.slice(start + 1, end - 1), at: start });
  }
  return found;
}

type Token = { start: number; end: number; kind: "string" | "comment" | "regex" };

/** Strings, comments and regular expressions, found well enough to skip them when matching brackets. */
function tokens(source: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  let previous = "";
  while (i < source.length) {
    const ch = source[i] ?? "";
    const next = source[i + 1] ?? "";
    if (ch === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      out.push({ start: i, end: end < 0 ? source.length : end, kind: "comment" });
      i = end < 0 ? source.length : end;
      continue;
    }
    if (ch === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2) + 2;
      out.push({ start: i, end, kind: "comment" });
      i = end;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === "`") {
      let j = i + 1;
      while (j < source.length && source[j] !== ch) j += source[j] === "\\" ? 2 : 1;
      out.push({ start: i, end: j + 1, kind: "string" });
      i = j + 1;
      previous = ch;
      continue;
    }
    if (ch === "/" && (previous === "" || "(,=:[!&|?{};".includes(previous))) {
      let j = i + 1;
      let inClass = false;
      while (j < source.length && (source[j] !== "/" || inClass) && source[j] !== "\n") {
        if (source[j] === "[") inClass = true;
        if (source[j] === "]") inClass = false;
        j += source[j] === "\\" ? 2 : 1;
      }
      out.push({ start: i, end: j + 1, kind: "regex" });
      i = j + 1;
      previous = "/";
      continue;
    }
    if (!/\s/.test(ch)) previous = ch;
    i += 1;
  }
  return out;
}

/** Offsets [from, to) of every skipIf(NO_SEEDS)(…) block's arguments. */
function guardedRanges(source: string): [number, number][] {
  const skipped = tokens(source);
  const inToken = (at: number) => skipped.find((t) => at >= t.start && at < t.end);
  const ranges: [number, number][] = [];
  for (const match of source.matchAll(/\b(describe|it|test)\.skipIf\(\s*NO_SEEDS\s*\)\s*\(/g)) {
    const open = (match.index ?? 0) + match[0].length - 1;
    let depth = 0;
    for (let i = open; i < source.length; i += 1) {
      const token = inToken(i);
      if (token !== undefined) {
        i = token.end - 1;
        continue;
      }
      if (source[i] === "(") depth += 1;
      if (source[i] === ")") depth -= 1;
      if (depth === 0) {
        ranges.push([open, i]);
        break;
      }
    }
  }
  return ranges;
}

const PATH_CALL = /\b(URL|readFile\w*|readdir\w*|join|resolve|existsSync|statSync|createReadStream|openSync|open|copyFile\w*|load)\s*\([^()]*(\([^()]*\)[^()]*)*$/;
const OUTSIDE_ABSOLUTE = /^(\/work\/|\/home\/|\/root\/|\/mnt\/|\/srv\/|~\/)/;

/** What in a test file reads, or may read, outside the repository; empty when nothing does. */
export function outsideReads(file: string, source: string): string[] {
  const problems: string[] = [];
  const folder = dirname(resolve(ROOT, file));
  if (file !== SEEDS_HELPER) {
    for (const { text, at } of literals(source)) {
      // A relative path counts where it is given to something that finds a file: test data that merely looks like
      // a path (a hostile zip entry name "../../x") is not a read.
      const before = source.slice(source.lastIndexOf("\n", at) + 1, at);
      const asPath = PATH_CALL.test(before);
      const climbs = asPath && (text === ".." || text.startsWith("../")) && relative(ROOT, resolve(folder, text.split(/[?#]/)[0] ?? "")).startsWith("..");
      if (climbs || /(^|\/)shared\//.test(text) || OUTSIDE_ABSOLUTE.test(text)) problems.push(`names a place outside the repository: "${text}"`);
    }
    if (/\bhomedir\s*\(|process\.env\.HOME\b/.test(source)) problems.push("reads the home folder");
  }
  const guarded = guardedRanges(source);
  const isGuarded = (at: number) => guarded.some(([from, to]) => at > from && at < to);
  const skipped = tokens(source).filter((t) => t.kind !== "regex");
  const inText = (at: number) => skipped.some((t) => at >= t.start && at < t.end);
  const seedNames = [...source.matchAll(/\b(?:const|let|var)\s+(\w+)\s*=\s*(?:await\s+)?(?:readSeed|seedPath)\s*\(/g)].filter((m) => !inText(m.index ?? 0)).map((m) => m[1] ?? "");
  const reported = new Set<number>();
  for (const name of ["seedPath", ...seedNames]) {
    for (const use of source.matchAll(new RegExp(`\\b${name}\\b`, "g"))) {
      const at = use.index ?? 0;
      if (inText(at) || isGuarded(at)) continue;
      const lineEnd = source.indexOf("\n", at);
      const line = source.slice(source.lastIndexOf("\n", at) + 1, lineEnd < 0 ? source.length : lineEnd);
      // Its own declaration, an import, and the helper's definition are not uses.
      if (new RegExp(`(const|let|var)\\s+${name}\\s*=\\s*(await\\s+)?readSeed\\(`).test(line) || /^import /.test(line) || file === SEEDS_HELPER) continue;
      const lineStart = source.lastIndexOf("\n", at) + 1;
      if (reported.has(lineStart)) continue;
      reported.add(lineStart);
      problems.push(`uses ${name} outside a skipIf(NO_SEEDS) block: ${line.trim()}`);
    }
  }
  return problems;
}

describe("no test reads outside the repository without the seeds' guard", () => {
  it("the check bites: unguarded seeds, paths climbing out, absolute paths, the home folder", () => {
    const bad = (text: string) => outsideReads(join("test", "x.test.ts"), text);
    expect(bad('const s = readSeed("a.txt");\nit("x", () => expect(s).toContain("y"));')).toEqual(['uses s outside a skipIf(NO_SEEDS) block: it("x", () => expect(s).toContain("y"));']);
    expect(bad('const p = seedPath("a.txt");')).toHaveLength(1);
    expect(bad('readFileSync(new URL("../../shared/x.txt", import.meta.url));')).toHaveLength(1);
    expect(bad('readFileSync(new URL("../../x.txt", import.meta.url));')).toHaveLength(1);
    expect(bad('const ROOT = fileURLToPath(new URL("../..", import.meta.url));')).toHaveLength(1);
    expect(bad('readFileSync("/work/shared/seeds/a.txt");')).toHaveLength(1);
    expect(bad("readFileSync(join(homedir(), 'a'));")).toHaveLength(1);
  });

  it("the check passes guarded uses and paths inside the repository", () => {
    const good = (text: string) => outsideReads(join("test", "x.test.ts"), text);
    expect(good('import { readSeed } from "./helpers/seeds";\nconst s = readSeed("a.txt");\ndescribe.skipIf(NO_SEEDS)("seed", () => {\n  it("x", () => expect(s).toContain(")"));\n});')).toEqual([]);
    expect(good('it.skipIf(NO_SEEDS)("x", async () => {\n  const p = seedPath("a.txt"); // (\n  await run(p, /[（(]/);\n});')).toEqual([]);
    expect(good('const ROOT = new URL("..", import.meta.url); readFileSync(new URL("../lib/x.ts", import.meta.url)); readFileSync(new URL("./fixtures/plan/a.txt", import.meta.url));')).toEqual([]);
  });

  it("every test file of the project (this one aside: its examples are the patterns it looks for)", () => {
    const files = testFiles(TEST_DIR)
      .map((path) => relative(ROOT, path))
      .filter((file) => file !== join("test", "outside-reads.test.ts"));
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((file) => outsideReads(file, readFileSync(resolve(ROOT, file), "utf8")).map((problem) => `${file}: ${problem}`));
    expect(problems).toEqual([]);
  });
});
