import { main } from "../../bin/main";

/** What one in-process run of the command line gave: its exit code and the lines it printed to each stream. */
export interface Run {
  code: number;
  out: string[];
  err: string[];
}

/** Runs `kaohe ARGV…` in this process, capturing stdout and stderr as lines. */
export async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (line) => void out.push(line), err: (line) => void err.push(line) });
  return { code, out, err };
}
