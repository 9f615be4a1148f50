import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * The real source documents in shared/seeds/, beside the project's checkout (../shared) where the project is
 * developed and in CI, but not in a plain clone. Tests against them are an extra layer over the project's own
 * fixtures (test/fixtures/plan/): every seed test sits in a `describe.skipIf(NO_SEEDS)` block, and a plain clone
 * skips them with one visible line instead of failing. KAOHE_SEEDS=required (set by .ci/run) makes their absence an
 * error, so that CI cannot skip them quietly. test/outside-reads.test.ts checks that no test reads outside the
 * repository any other way.
 */
const SEEDS_DIR = fileURLToPath(new URL("../../../shared/seeds/", import.meta.url));

export const SEEDS_PRESENT = existsSync(SEEDS_DIR);
export const NO_SEEDS = !SEEDS_PRESENT;

if (NO_SEEDS) {
  if (process.env.KAOHE_SEEDS === "required") {
    throw new Error(`KAOHE_SEEDS=required, but the source documents are not at ${SEEDS_DIR}`);
  }
  console.warn(`跳过依据真实文件（../shared/seeds）的测试：本机没有 ${SEEDS_DIR}；项目自带的样例（test/fixtures/plan/）照常测试。`);
}

/** The path of a seed document (only inside a describe.skipIf(NO_SEEDS) block). */
export function seedPath(file: string): string {
  return `${SEEDS_DIR}${file}`;
}

/** A seed document's text; "" when the seeds are absent (the block that reads it is skipped then). */
export function readSeed(file: string): string {
  return SEEDS_PRESENT ? readFileSync(seedPath(file), "utf8") : "";
}
