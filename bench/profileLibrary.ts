/**
 * Where the library's time goes, for speed work: `node --import tsx bench/profileLibrary.ts [units] [runs] [dir]`.
 * Scores generated units warm (two runs first), then `runs` more, and prints per run: the CPU time of this thread,
 * the time spent in garbage collection, and the three stages of runAssessment (read, rules, output grids).
 * With `dir`, it also writes a CPU profile of the measured runs there (sum it with any .cpuprofile reader).
 * CPU time, unlike wall time, stays close on a loaded machine, so it is what to compare when others share the box.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { PerformanceObserver } from "node:perf_hooks";
import { Session } from "node:inspector/promises";
import { readAssessment } from "../lib/reader";
import { renderOutputs } from "../lib/output";
import { scoreAssessment } from "../lib/rules";
import { runAssessment } from "../lib/run";
import { generateBook } from "./generate";
import { median } from "./stats";

const units = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 5);
const dir = process.argv[4];
const book = generateBook(units);
runAssessment(book);
runAssessment(book);

let gcMs = 0;
const observer = new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) gcMs += entry.duration;
});
observer.observe({ entryTypes: ["gc"] });

const session = dir === undefined ? null : new Session();
if (session !== null) {
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 250 });
  await session.post("Profiler.start");
}
const cpu: number[] = [];
const wall: number[] = [];
const gc: number[] = [];
for (let i = 0; i < runs; i += 1) {
  // Let the observer's entries of the previous run arrive before counting this one.
  await new Promise((resolve) => setTimeout(resolve, 0));
  const gcBefore = gcMs;
  const c = process.cpuUsage();
  const w = performance.now();
  runAssessment(book);
  wall.push(performance.now() - w);
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
  await new Promise((resolve) => setTimeout(resolve, 0));
  gc.push(gcMs - gcBefore);
}
if (session !== null && dir !== undefined) {
  const { profile } = await session.post("Profiler.stop");
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${dir}/library-${units}.cpuprofile`, JSON.stringify(profile));
}
observer.disconnect();

// The stages alone, once each, warm: which part a change moved.
const stage = <T>(work: () => T): [T, number] => {
  const start = performance.now();
  return [work(), performance.now() - start];
};
const [read, readMs] = stage(() => readAssessment(book));
if (read.input === null) throw new Error("the generated book has errors");
const input = read.input;
const [scored, rulesMs] = stage(() => scoreAssessment(input));
const [, outputMs] = stage(() => renderOutputs(scored.result));

const f = (ms: number) => `${ms.toFixed(0)} ms`;
console.log(
  `${units} units, ${runs} warm runs: wall ${f(median(wall))}, CPU ${f(median(cpu))} (process, all threads), ` +
    `GC pauses ${f(median(gc))} (medians); stages alone, once: read ${f(readMs)}, rules ${f(rulesMs)}, output grids ${f(outputMs)}`,
);
