// Bundles the command line (bin/*.ts + lib/ + files/xlsx/) into build/cli/kaohe.mjs.
// bin/kaohe.js calls buildCli() itself when the bundle is missing or older than a source it was built from, so
// `npx kaohe` works in a fresh clone whether or not npm ran the `prepare` script (npm 11 may hold install scripts
// for approval), and never runs a stale bundle after a `git pull`. Outside webpack's dist/, which a page build cleans.
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_BUNDLE = path.join(root, "build", "cli", "kaohe.mjs");
const META = path.join(root, "build", "cli", "inputs.json");

/** Builds the bundle, writing it under a temporary name first so that a concurrent run never imports half a file. */
export async function buildCli() {
  const { build } = await import("esbuild");
  const result = await build({
    absWorkingDir: root,
    entryPoints: ["bin/main.ts"],
    outfile: CLI_BUNDLE,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    packages: "external",
    sourcemap: "inline",
    metafile: true,
    write: false,
    logLevel: "warning",
  });
  await mkdir(path.dirname(CLI_BUNDLE), { recursive: true });
  const code = result.outputFiles.find((file) => file.path.endsWith(".mjs"));
  if (code === undefined) throw new Error("esbuild wrote no bundle");
  const temporary = `${CLI_BUNDLE}.${process.pid}.tmp`;
  await writeFile(temporary, code.contents);
  await writeFile(META, JSON.stringify(Object.keys(result.metafile.inputs)));
  await rename(temporary, CLI_BUNDLE);
}

/** True when the bundle is missing, or a source file it was built from changed after it. */
export async function cliIsStale() {
  let built;
  try {
    built = (await stat(CLI_BUNDLE)).mtimeMs;
  } catch {
    return true;
  }
  let inputs;
  try {
    inputs = JSON.parse(await (await import("node:fs/promises")).readFile(META, "utf8"));
  } catch {
    return true;
  }
  for (const input of inputs) {
    try {
      if ((await stat(path.join(root, input))).mtimeMs > built) return true;
    } catch {
      return true;
    }
  }
  return false;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await buildCli();
}
