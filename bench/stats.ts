/** Small helpers shared by the bench parts: medians, timing, formatting. */
import { execFileSync } from "node:child_process";

/** The median of a non-empty list (mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError("median of nothing");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Milliseconds taken by `work`, and what it returned. */
export function timed<T>(work: () => T): { ms: number; value: T } {
  const start = performance.now();
  const value = work();
  return { ms: performance.now() - start, value };
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const seconds = (ms: number) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
export const thousands = (n: number) => n.toLocaleString("en-US");

/** Runs a TypeScript bench module in a fresh Node process (tsx, a 12 GB heap for 50,000 units), returning the JSON line it prints last. */
export function runChild<T>(module: string, args: readonly string[], timeoutMs = 900_000): T {
  const out = execFileSync(process.execPath, ["--max-old-space-size=12288", "--import", "tsx", module, ...args], {
    encoding: "utf8",
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const last = out.trim().split("\n").pop() ?? "";
  return JSON.parse(last) as T;
}
