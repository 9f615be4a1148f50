/**
 * Part 3: 计算等次 through the Excel host against the counting fake of Excel (fakes/excel.ts), which counts
 * context.sync calls and the bytes of every request and response as Excel on the web would see them (5 MB limit).
 * `node --import tsx bench/excel.ts <units>` prints one JSON line (ExcelFigures).
 */
import { Buffer } from "node:buffer";
import { pathToFileURL } from "node:url";
import { createExcelHost } from "../addin/excel/excelHost";
import { FakeWorkbook } from "../fakes/excel";
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
  /** The same click again in the same task pane: the host remembers that this workbook needs blocks. */
  second: { syncs: number; refusedResponses: number; largestRequestBytes: number };
}

/** Runs 计算等次 on a generated workbook of `units` units in the fake, and counts. */
export async function measureExcel(units: number): Promise<ExcelFigures> {
  const sheets = generateSheets(units);
  const book = new FakeWorkbook(Object.fromEntries(sheets.map((sheet) => [sheet.name, sheet.rows])));
  const host = createExcelHost({ run: book.run, supports: () => true });
  let readSyncs = 0;
  const outcome = await host.compute((stage) => {
    if (stage === "compute") readSyncs = book.syncCount;
  });
  const outputs = runAssessment({ sheets: sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows })) }).outputs ?? [];
  const firstSyncs = book.syncCount;
  await host.compute(() => undefined);
  const again = book.syncs.slice(firstSyncs);
  const first = book.syncs.slice(0, firstSyncs);
  return {
    units,
    syncs: firstSyncs,
    second: {
      syncs: again.length,
      refusedResponses: again.filter((sync) => sync.responseBytes > book.limit).length,
      largestRequestBytes: Math.max(...again.map((sync) => sync.requestBytes)),
    },
    largestRequestBytes: Math.max(...first.map((sync) => sync.requestBytes)),
    largestResponseBytes: Math.max(...first.map((sync) => sync.responseBytes).filter((bytes) => bytes <= book.limit)),
    refusedResponses: first.filter((sync) => sync.responseBytes > book.limit).length,
    inputBytes: Buffer.byteLength(JSON.stringify(sheets.map((sheet) => sheet.rows)), "utf8"),
    readSyncs,
    outputBytes: Buffer.byteLength(JSON.stringify(outputs.map((out) => out.rows)), "utf8"),
    scoredUnits: outcome.result?.units.length ?? 0,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log(JSON.stringify(await measureExcel(Number(process.argv[2]))));
}
