/** The machine a bench ran on, as docs/benchmarks.md states it. */
import { execFileSync } from "node:child_process";
import { cpus, loadavg, totalmem } from "node:os";

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  os: string;
  libreOffice: string | null;
  /** 1-minute load average when the run ended: other work on the machine slows every figure. */
  loadAverage: number;
}

function version(command: string, args: string[]): string | null {
  try {
    return execFileSync(command, args, { encoding: "utf8", timeout: 60_000, stdio: ["ignore", "pipe", "ignore"] }).trim().split("\n")[0] ?? null;
  } catch {
    return null;
  }
}

/** CPU model, logical cores, memory, Node and LibreOffice versions of this machine. */
export function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    memoryBytes: totalmem(),
    node: process.version,
    os: `${process.platform} ${process.arch}`,
    libreOffice: version("soffice", ["--version"]),
    loadAverage: loadavg()[0] ?? 0,
  };
}
