/**
 * The production build the Chromium suites test (test/e2e-*.test.ts, safety.test.ts): dist/, built once.
 * - KAOHE_E2E_DIST names a folder built already: it is used as it is (no build).
 * - Otherwise dist/ is used when every page in it is newer than every source it is built from (CI runs
 *   `npm run build` before the tests, so no suite builds there); else it is built now.
 * - Suites run in parallel workers: a build takes a lock (a folder made atomically), and a suite that finds the
 *   lock waits for it and then looks again, so two suites never write dist/ at once and the second does not build
 *   what the first just built.
 */
import { execFile } from "node:child_process";
import { mkdir, readdir, rmdir, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const LOCK = path.join(ROOT, ".tmp", "dist-build.lock");
/** A lock older than this is left from a killed run: a production build takes minutes, never half an hour. */
const STALE_LOCK_MS = 30 * 60 * 1000;

/** Newest modification time under the sources the pages are built from. */
export async function newestSource(): Promise<number> {
  let newest = 0;
  async function walk(entry: string): Promise<void> {
    const info = await stat(entry);
    if (info.isDirectory()) {
      for (const name of await readdir(entry)) await walk(path.join(entry, name));
    } else {
      newest = Math.max(newest, info.mtimeMs);
    }
  }
  for (const entry of ["addin", "files", "lib", "webpack.config.js", "package.json"]) await walk(path.join(ROOT, entry));
  return newest;
}

/** True when every page of `dist` exists and is newer than every source. */
async function fresh(dist: string, pages: readonly string[]): Promise<boolean> {
  const built = await Promise.all(pages.map((page) => stat(path.join(dist, page)).then((s) => s.mtimeMs, () => 0)));
  return Math.min(...built) > (await newestSource());
}

async function takeLock(): Promise<boolean> {
  await mkdir(path.dirname(LOCK), { recursive: true });
  try {
    await mkdir(LOCK);
    return true;
  } catch {
    const since = await stat(LOCK).then((s) => Date.now() - s.mtimeMs, () => 0);
    if (since > STALE_LOCK_MS) await rmdir(LOCK).catch(() => undefined);
    return false;
  }
}

/** The folder holding the production build (dist/ unless KAOHE_E2E_DIST says otherwise), built first if stale. */
export async function builtDist(pages: readonly string[] = ["standalone.html", "taskpane.html", "kaohe.html"]): Promise<string> {
  if (process.env.KAOHE_E2E_DIST !== undefined) return path.resolve(process.env.KAOHE_E2E_DIST);
  const dist = path.join(ROOT, "dist");
  for (;;) {
    if (await fresh(dist, pages)) return dist;
    if (await takeLock()) break;
    await new Promise((resolve) => setTimeout(resolve, 2_000));
  }
  try {
    // Another suite may have finished its build between our look and our lock.
    if (!(await fresh(dist, pages))) {
      await promisify(execFile)(process.execPath, [path.join(ROOT, "node_modules/webpack-cli/bin/cli.js"), "--mode", "production"], {
        cwd: ROOT,
        maxBuffer: 64 * 1024 * 1024,
        timeout: 900_000,
      });
    }
  } finally {
    await rmdir(LOCK).catch(() => undefined);
  }
  return dist;
}
