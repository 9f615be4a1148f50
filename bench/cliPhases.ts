/**
 * Where the command line's time goes, phase by phase, in this process: `node --import tsx bench/cliPhases.ts FILE.xlsx`
 * prints one JSON line (CliPhases). Used by the bench when the command-line target is missed.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { readWorkbookGrids, writeOutputSheets } from "../files/xlsx";
import { runAssessment } from "../lib/run";

export interface CliPhases {
  readMs: number;
  scoreMs: number;
  writeMs: number;
  rssAfterReadBytes: number;
  maxRssBytes: number;
}

/** Reads, scores and writes `path` as `kaohe score` does, timing each phase. */
export async function measurePhases(path: string): Promise<CliPhases> {
  const bytes = readFileSync(path);
  let start = performance.now();
  const book = await readWorkbookGrids(bytes);
  const readMs = performance.now() - start;
  const rssAfterReadBytes = process.memoryUsage().rss;
  start = performance.now();
  const outcome = runAssessment(book);
  const scoreMs = performance.now() - start;
  start = performance.now();
  await writeOutputSheets(bytes, outcome.outputs ?? []);
  const writeMs = performance.now() - start;
  return { readMs, scoreMs, writeMs, rssAfterReadBytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(await measurePhases(process.argv[2] ?? "")));
}
