#!/usr/bin/env node
// The command line lives in bin/*.ts; it runs from a bundle that scripts/build-cli.mjs makes (and remakes when a
// source changed), so that `npx kaohe` works in a fresh clone right after `npm install`.
import { pathToFileURL } from "node:url";

const { CLI_BUNDLE, buildCli, cliIsStale } = await import("../scripts/build-cli.mjs");
if (await cliIsStale()) {
  try {
    await buildCli();
  } catch (error) {
    console.error("kaohe：无法构建命令行。请在项目目录运行 npm install 后重试。");
    console.error(String(error));
    process.exit(2);
  }
}
const { main } = await import(pathToFileURL(CLI_BUNDLE).href);
process.exitCode = await main(process.argv.slice(2));
