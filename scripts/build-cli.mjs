// Bundles the command line (bin/*.ts + lib/) into dist/cli/kaohe.mjs so that `npx kaohe`
// works right after `npm install` in a fresh clone (npm runs `prepare` there).
import { build } from "esbuild";

await build({
  entryPoints: ["bin/main.ts"],
  outfile: "dist/cli/kaohe.mjs",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
