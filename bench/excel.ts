/**
 * Part 3: 计算等次 through the Excel host against the counting fake of Excel (fakes/excel.ts), which counts
 * context.sync calls and the bytes of every request and response as Excel on the web would see them (5 MB limit).
 * `node --import tsx bench/excel.ts <units>` prints one JSON line (ExcelFigures): the first 计算等次 of a task pane on
 * a workbook without outputs, and the same click again (which reads back the 结果 and 核验 rows it wrote).
 */
import { Buffer } from "node:buffer";
import { pathToFileURL } from "node:url";
import { createExcelHost } from "../addin/excel/excelHost";
import { FakeWorkbook, type SyncRecord } from "../fakes/excel";
import { runAssessment } from "../lib/run";
import { generateSheets } from "./generate";

export interface ExcelFigures {
  units: number;
  syncs: number;
  largestRequestBytes: number;
  /** Largest response Excel accepted (at most the limit). */
  largestResponseBytes: number;
  /** Syncs whose response was over the limit: Excel on the web refuses them and the host reads again in blocks. */
  refusedResponses: number;
  /** Bytes of the input sheets as one JSON payload: past 5 MB, the host must read in blocks. */
  inputBytes: number;
  /** Syncs of the read (until the 计算 stage). */
  readSyncs: number;
  /** Bytes of the output sheets' values as one JSON payload: past one request (4.6 MB with formats), the write splits. */
  outputBytes: number;
  scoredUnits: number;
  /**
   * The same click again in the same task pane: the host remembers how this workbook reads (blocks or not), and reads
   * back the 结果 and 核验 rows it wrote, for "what changed", in its first read when they fit (issue 14).
   */
  second: RunFigures;
}

/** Counts of one 计算等次. */
export interface RunFigures {
  syncs: number;
  /** Syncs until the 计算 stage (the input sheets, and with them the previous 结果 when they fit). */
  readSyncs: number;
  refusedResponses: number;
  largestRequestBytes: number;
  /** Largest response Excel accepted (at most the limit). */
  largestResponseBytes: number;
  /** Whether the pane listed what changed since the run before (the second run must; a first run has none). */
  sinceLast: boolean;
}

function runFigures(book: FakeWorkbook, syncs: SyncRecord[], readSyncs: number, sinceLast: boolean): RunFigures {
  return {
    syncs: syncs.length,
    readSyncs,
    refusedResponses: syncs.filter((sync) => sync.responseBytes > book.limit).length,
    largestRequestBytes: Math.max(...syncs.map((sync) => sync.requestBytes)),
    largestResponseBytes: Math.max(0, ...syncs.map((sync) => sync.responseBytes).filter((bytes) => bytes <= book.limit)),
    sinceLast,
  };
}

/** 计算等次 twice in one task pane on a generated workbook of `units` units in the fake: the counts of each run. */
export async function countTwoRuns(units: number): Promise<{ first: RunFigures; second: RunFigures; scoredUnits: number }> {
  const sheets = generateSheets(units);
  const book = new FakeWorkbook(Object.fromEntries(sheets.map((sheet) => [sheet.name, sheet.rows])));
  const host = createExcelHost({ run: book.run, supports: () => true });
  const runs: RunFigures[] = [];
  let scoredUnits = 0;
  for (let run = 0; run < 2; run += 1) {
    const from = book.syncCount;
    let readSyncs = 0;
    const outcome = await host.compute((stage) => {
      if (stage === "compute") readSyncs = book.syncCount - from;
    });
    scoredUnits = outcome.result?.units.length ?? 0;
    runs.push(runFigures(book, book.syncs.slice(from), readSyncs, outcome.sinceLast !== undefined));
  }
  const [first, second] = runs as [RunFigures, RunFigures];
  return { first, second, scoredUnits };
}

/** Runs 计算等次 on a generated workbook of `units` units in the fake, and counts. */
export async function measureExcel(units: number): Promise<ExcelFigures> {
  const { first, second, scoredUnits } = await countTwoRuns(units);
  const sheets = generateSheets(units);
  const outputs = runAssessment({ sheets: sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows })) }).outputs ?? [];
  return {
    units,
    syncs: first.syncs,
    second,
    largestRequestBytes: first.largestRequestBytes,
    largestResponseBytes: first.largestResponseBytes,
    refusedResponses: first.refusedResponses,
    inputBytes: Buffer.byteLength(JSON.stringify(sheets.map((sheet) => sheet.rows)), "utf8"),
    readSyncs: first.readSyncs,
    outputBytes: Buffer.byteLength(JSON.stringify(outputs.map((out) => out.rows)), "utf8"),
    scoredUnits,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(await measureExcel(Number(process.argv[2]))));
}
