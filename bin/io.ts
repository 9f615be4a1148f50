/** Where a command writes: standard output for results, standard error for problems and notes. Tests pass their own. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** The process's own streams, one line per call. */
export const processIo: Io = {
  out: (line) => write(process.stdout, line),
  err: (line) => write(process.stderr, line),
};

let pipeGuarded = false;

/**
 * Writes a line; the first write installs a guard so that a reader that stops early (`kaohe score … | head`) ends
 * the program quietly, as `cat` does, instead of an unhandled EPIPE with a stack trace.
 */
function write(stream: NodeJS.WriteStream, line: string): void {
  if (!pipeGuarded) {
    pipeGuarded = true;
    for (const each of [process.stdout, process.stderr]) each.on("error", endOnBrokenPipe);
  }
  stream.write(`${line}\n`);
}

function endOnBrokenPipe(cause: NodeJS.ErrnoException): void {
  if (cause.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw cause;
}

// C0 controls but tab and line feed, DEL and the C1 controls: a terminal may act on them (ESC starts a command that
// can retitle the window or move the cursor; BEL rings).
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** The line with every control character shown as \u001b (the same escape JSON uses, so JSON output stays valid). */
export function printable(line: string): string {
  return line.replace(UNPRINTABLE, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** An Io whose lines are made printable first. */
export function printableIo(io: Io): Io {
  return { out: (line) => io.out(printable(line)), err: (line) => io.err(printable(line)) };
}

/**
 * Exit statuses of spec §5: 0 done, 1 errors in the workbook (nothing written), 2 usage or file errors.
 * 3 is a bug in kaohe itself, kept apart so that a script never takes it for errors in the data.
 */
export const EXIT = { ok: 0, inputErrors: 1, usage: 2, internal: 3 } as const;
