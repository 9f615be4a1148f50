#!/usr/bin/env node
// The command line lives in bin/*.ts; `npm install` bundles it into dist/cli/ (see scripts/build-cli.mjs).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bundle = fileURLToPath(new URL("../dist/cli/kaohe.mjs", import.meta.url));
if (!existsSync(bundle)) {
  console.error("kaohe：尚未构建命令行。请在项目目录运行 npm install（或 npm run build:cli）后重试。");
  process.exit(2);
}
const { main } = await import(bundle);
process.exitCode = await main(process.argv.slice(2));
