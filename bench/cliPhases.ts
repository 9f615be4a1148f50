/**
 * Where the command line's time goes, phase by phase, in this process: `node --import tsx bench/cliPhases.ts FILE.xlsx`
 * prints one JSON line (CliPhases). Used by the bench when the command-line target is missed.
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { readWorkbookGrids, writeOutputSheets } from "../files/xlsx";
import { sealOutcome } from "../lib/integrity";
import { runAssessment } from "../lib/run";
import { compressPart } from "../bin/compress";
import { nodeDigest } from "../bin/digest";

export interface CliPhases {
  readMs: number;
  scoreMs: number;
  /** The 核验 fingerprint and stamp (sealOutcome), as `kaohe score` makes them before writing. */
  sealMs: number;
  writeMs: number;
  rssAfterReadBytes: number;
  maxRssBytes: number;
}

/** Reads, scores, seals and writes `path` as `kaohe score` does, timing each phase. */
export async function measurePhases(path: string): Promise<CliPhases> {
  const bytes = readFileSync(path);
  let start = performance.now();
  const book = await readWorkbookGrids(bytes);
  const readMs = performance.now() - start;
  const rssAfterReadBytes = process.memoryUsage().rss;
  start = performance.now();
  const scored = runAssessment(book);
  const scoreMs = performance.now() - start;
  start = performance.now();
  const outcome = await sealOutcome(scored, { digest: nodeDigest, now: new Date() });
  const sealMs = performance.now() - start;
  start = performance.now();
  // With the command line's own compressor (bin/compress.ts), not the page's.
  await writeOutputSheets(bytes, outcome.outputs ?? [], { compress: compressPart });
  const writeMs = performance.now() - start;
  return { readMs, scoreMs, sealMs, writeMs, rssAfterReadBytes, maxRssBytes: process.resourceUsage().maxRSS * 1024 };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(await measurePhases(process.argv[2] ?? "")));
}
