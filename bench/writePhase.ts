/**
 * The command line's write phase alone, measured: `node --import tsx bench/writePhase.ts FILE.xlsx [RUNS] [OUT.xlsx]`
 * reads and scores FILE once (sealed, as `kaohe score` does), then writes the scored copy RUNS times with the command
 * line's compressor and prints, per run, the process CPU (main thread and zlib's thread pool together), the main
 * thread's busy time (event-loop utilisation) and the wall time, and the file's size. Add --cpu-prof to node for where
 * the main thread's time goes. CPU rather than wall time, because the machine is shared.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { performance, PerformanceObserver } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { compressPart } from "../bin/compress";
import { nodeDigest } from "../bin/digest";
import { readWorkbookGrids, writeOutputSheets } from "../files/xlsx";
import { sealOutcome } from "../lib/integrity";
import { runAssessment } from "../lib/run";

export interface WriteRun {
  cpuMs: number;
  /** Garbage collection pauses on the main thread during the write, ms. */
  gcMs: number;
  /** CPU of the main thread alone (Linux; NaN elsewhere): the rest of cpuMs is zlib's thread pool and the GC's helpers. */
  mainCpuMs: number;
  mainBusyMs: number;
  wallMs: number;
  bytes: number;
}

/** Scores `path` once, then times `runs` writes of its scored copy; the last copy is saved to `out` when given. */
export async function measureWrites(path: string, runs: number, out?: string): Promise<WriteRun[]> {
  const bytes = readFileSync(path);
  const outcome = await sealOutcome(runAssessment(await readWorkbookGrids(bytes)), { digest: nodeDigest, now: new Date() });
  const outputs = outcome.outputs ?? [];
  const measured: WriteRun[] = [];
  let gcMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) gcMs += entry.duration;
  });
  observer.observe({ entryTypes: ["gc"] });
  let last: Uint8Array = new Uint8Array();
  for (let run = 0; run < runs; run += 1) {
    const cpu = process.cpuUsage();
    const mainCpu = mainThreadCpuMs();
    const loop = performance.eventLoopUtilization();
    await new Promise((resolve) => setImmediate(resolve));
    gcMs = 0;
    const start = performance.now();
    last = await writeOutputSheets(bytes, outputs, { compress: compressPart });
    const wallMs = performance.now() - start;
    const used = process.cpuUsage(cpu);
    await new Promise((resolve) => setImmediate(resolve));
    measured.push({ cpuMs: (used.user + used.system) / 1000, mainCpuMs: mainThreadCpuMs() - mainCpu, gcMs, mainBusyMs: performance.eventLoopUtilization(loop).active, wallMs, bytes: last.byteLength });
  }
  observer.disconnect();
  if (out !== undefined) writeFileSync(out, last);
  return measured;
}

/** The main thread's user and system time from /proc (its thread id is the process id), in ms. */
function mainThreadCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [path = "", runs = "3", out] = process.argv.slice(2);
  for (const run of await measureWrites(path, Number(runs), out)) {
    console.log(`cpu ${run.cpuMs.toFixed(0)} ms (main thread ${run.mainCpuMs.toFixed(0)} ms, GC pauses ${run.gcMs.toFixed(0)} ms), main thread busy ${run.mainBusyMs.toFixed(0)} ms, wall ${run.wallMs.toFixed(0)} ms, ${run.bytes} bytes`);
  }
}
