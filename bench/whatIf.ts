/**
 * Part 6, 试算 recompute time: the workbook read once (prepareWhatIf), then tries of another 优秀分数线, as the 试算 panel
 * and `kaohe score --set` do; each try rescores every unit and compares with the workbook's own result.
 * `node --import tsx bench/whatIf.ts <units> <tries>` prints one JSON line (WhatIfFigures); `npm run bench` runs it in a
 * fresh process per size (60, the example county, and 1,000). One warm-up try, then the median, fastest and slowest.
 */
import { pathToFileURL } from "node:url";
import { prepareWhatIf } from "../lib/whatif";
import { generateBook } from "./generate";
import { median, timed } from "./stats";

export interface WhatIfFigures {
  units: number;
  tries: number;
  /** prepareWhatIf: read and score once, when the panel opens. */
  prepareMs: number;
  medianMs: number;
  fastestMs: number;
  slowestMs: number;
  /** Units of the last try whose 等次 or 名次 changed (a try that changes nothing would measure little). */
  changedUnits: number;
  resultUnits: number;
}

/** 优秀分数线 tried in turn: 91 … 95, above the default 90, so that every try moves some units out of 优秀 (the bench
 * workbook's totals lie about 83–95 and its 30% quota already holds 优秀 back, so a lower line would move none). */
const tried = (i: number) => 91 + (i % 5);

export function measureWhatIf(units: number, tries: number): WhatIfFigures {
  const book = generateBook(units);
  const prepared = timed(() => prepareWhatIf(book));
  const session = prepared.value;
  if (!("preview" in session)) throw new Error("the bench workbook does not score");
  let last = session.preview([{ name: "优秀分数线", value: tried(0) }]);
  const times: number[] = [];
  for (let i = 1; i <= tries; i += 1) {
    const run = timed(() => session.preview([{ name: "优秀分数线", value: tried(i) }]));
    times.push(run.ms);
    last = run.value;
  }
  return {
    units,
    tries,
    prepareMs: prepared.ms,
    medianMs: median(times),
    fastestMs: Math.min(...times),
    slowestMs: Math.max(...times),
    changedUnits: last.changes.changed.length,
    resultUnits: last.result?.units.length ?? 0,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const units = Number(process.argv[2] ?? 60);
  const tries = Number(process.argv[3] ?? 9);
  console.log(JSON.stringify(measureWhatIf(units, tries)));
}
