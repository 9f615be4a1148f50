/**
 * Part 1, run in a fresh child process per size so that peak memory (maxRSS) belongs to that size alone:
 * `node --import tsx bench/library.ts <units> <runs>` prints one JSON line (LibraryFigures).
 * Times the whole of 计算等次 (runAssessment: read grids → results → output grids) and the float baseline on the same
 * grids, and counts how many 总分 the float version gets equal to the decimal one.
 */
import { pathToFileURL } from "node:url";
import { runAssessment } from "../lib/run";
import { floatAssessment } from "./floatRules";
import { generateBook } from "./generate";
import { median, timed } from "./stats";

export interface LibraryFigures {
  units: number;
  runs: number;
  medianMs: number;
  floatMedianMs: number;
  maxRssBytes: number;
  resultUnits: number;
  outputRows: number;
  errors: number;
  warnings: number;
  equalTotals: number;
}

/** Scores `units` generated units `runs` times with lib/ and with the float baseline, in this process. */
export function measureLibrary(units: number, runs: number): LibraryFigures {
  const book = generateBook(units);
  const decimalTimes: number[] = [];
  const floatTimes: number[] = [];
  let outcome = runAssessment(book);
  let float = floatAssessment(book);
  // The first pair above warms the JIT; the measured runs follow.
  for (let i = 0; i < runs; i += 1) {
    const d = timed(() => runAssessment(book));
    decimalTimes.push(d.ms);
    outcome = d.value;
    const f = timed(() => floatAssessment(book));
    floatTimes.push(f.ms);
    float = f.value;
  }
  const totals = new Map((outcome.result?.units ?? []).map((u) => [u.unit.name, u.total.toFixed(2)]));
  return {
    units,
    runs,
    medianMs: median(decimalTimes),
    floatMedianMs: median(floatTimes),
    maxRssBytes: process.resourceUsage().maxRSS * 1024,
    resultUnits: outcome.result?.units.length ?? 0,
    outputRows: (outcome.outputs ?? []).reduce((sum, sheet) => sum + sheet.rows.length, 0),
    errors: outcome.issues.filter((issue) => issue.level === "error").length,
    warnings: outcome.issues.filter((issue) => issue.level === "warning").length,
    equalTotals: float.units.filter((u) => totals.get(u.name) === u.total.toFixed(2)).length,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const units = Number(process.argv[2]);
  const runs = Number(process.argv[3] ?? 3);
  console.log(JSON.stringify(measureLibrary(units, runs)));
}
