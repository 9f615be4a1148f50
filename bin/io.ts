/** Where a command writes: standard output for results, standard error for problems and notes. Tests pass their own. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

/** The process's own streams, one line per call. */
export const processIo: Io = {
  out: (line) => void process.stdout.write(`${line}\n`),
  err: (line) => void process.stderr.write(`${line}\n`),
};

/**
 * Exit statuses of spec §5: 0 done, 1 errors in the workbook (nothing written), 2 usage or file errors.
 * 3 is a bug in kaohe itself, kept apart so that a script never takes it for errors in the data.
 */
export const EXIT = { ok: 0, inputErrors: 1, usage: 2, internal: 3 } as const;
