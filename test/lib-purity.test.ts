import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

// lib/ runs in the task pane, the standalone page and Node alike: it must import nothing host-specific.
const forbidden = /from\s+["'](react|react-dom|@fluentui\/[^"']*|exceljs|xlsx|mammoth|node:[^"']*|fs|path|os|child_process|@microsoft\/office-js)["']/;
const hostGlobals = /\b(Excel|Office)\.[a-zA-Z]|\bdocument\.|\bwindow\./;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith(".ts") ? [path] : [];
  });
}

describe("lib/ purity", () => {
  const sources = files("lib");
  it("finds the library sources", () => {
    expect(sources.length).toBeGreaterThan(5);
  });
  it.each(sources)("%s imports no Office, DOM, React, file format or Node module", (path) => {
    // Comments may name the hosts; code may not.
    const text = readFileSync(path, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    expect(text).not.toMatch(forbidden);
    expect(text).not.toMatch(hostGlobals);
  });
});

describe("lib/ imports only lib/", () => {
  const relativeImport = /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']*)["']/g;
  it.each(files("lib"))("%s reaches no file outside lib/ by a relative path", (path) => {
    const text = readFileSync(path, "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    for (const match of text.matchAll(relativeImport)) {
      const target = relative(resolve("lib"), resolve(dirname(path), match[1] ?? ""));
      expect(target.startsWith(".."), `${path} imports ${match[1] ?? ""}`).toBe(false);
    }
  });
});

