/**
 * Part 2: `kaohe score IN.xlsx -o OUT.xlsx --json` end to end on generated .xlsx files, timed from outside, with the
 * child's peak memory from /usr/bin/time -v (or none where that program is missing).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { buildWorkbook } from "../files/xlsx";
import { generateSheetOuts } from "./generate";

export interface CliFigures {
  units: number;
  fileBytes: number;
  ms: number;
  maxRssBytes: number | null;
  exitCode: number;
  scoredUnits: number;
}

/** Writes the generated workbook of `units` units as .xlsx into `dir` (skipped when already there); returns its path. */
export async function writeBenchXlsx(units: number, dir: string): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `bench-${units}.xlsx`);
  if (existsSync(path)) return path;
  if (units <= 10_000) writeFileSync(path, await buildWorkbook(generateSheetOuts(units)));
  else await streamBenchXlsx(units, path);
  return path;
}

/**
 * Above 10,000 units the template writer (ExcelJS's in-memory workbook) would need several gigabytes just to make the
 * input; ExcelJS's streaming writer makes the same sheets (values only, shared strings as Excel writes them) in little memory.
 */
async function streamBenchXlsx(units: number, path: string): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  for (const sheet of generateSheetOuts(units)) {
    const worksheet = workbook.addWorksheet(sheet.name);
    for (const row of sheet.rows) worksheet.addRow(row.map((value) => (value === "" ? null : value))).commit();
    worksheet.commit();
  }
  await workbook.commit();
}

/** Builds build/cli/kaohe.mjs (bin/kaohe.js would also build it on first use). */
export function buildCli(): void {
  execFileSync(process.execPath, ["scripts/build-cli.mjs"], { stdio: "inherit" });
}

/** Runs the command line once on `input`; time is wall time of the whole process, Node's start included. */
export function measureCli(units: number, input: string, dir: string): CliFigures {
  const output = join(dir, `bench-${units}-scored.xlsx`);
  const args = ["bin/kaohe.js", "score", input, "-o", output, "--force", "--json"];
  const withTime = existsSync("/usr/bin/time");
  const start = performance.now();
  const child = withTime
    ? spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 })
    : spawnSync(process.execPath, args, { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
  const ms = performance.now() - start;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr ?? "");
  return {
    units,
    fileBytes: statSync(input).size,
    ms,
    maxRssBytes: rss ? Number(rss[1]) * 1024 : null,
    exitCode: child.status ?? -1,
    scoredUnits: unitsInJson(child.stdout),
  };
}

function unitsInJson(stdout: string): number {
  try {
    return (JSON.parse(stdout) as { units: unknown[] }).units.length;
  } catch {
    return 0;
  }
}
