import { cellAddress } from "../grid";

/** A1 range for 0-based inclusive rows and columns, always in "start:end" form: (1, 4, 3, 11) → "E2:L4". */
export function rangeOf(firstRow: number, firstColumn: number, lastRow: number, lastColumn: number): string {
  return `${cellAddress(firstRow, firstColumn)}:${cellAddress(lastRow, lastColumn)}`;
}

/** One run of consecutive positions sharing a key. */
export interface Run<K> {
  first: number;
  last: number;
  key: K;
}

/**
 * Runs of consecutive positions with an equal key; positions whose key is null belong to no run.
 * Hosts apply one style per run instead of one per cell, which keeps an Excel add-in write small.
 */
export function runsOf<K>(keys: readonly (K | null)[]): Run<K>[] {
  const runs: Run<K>[] = [];
  keys.forEach((key, position) => {
    if (key === null) return;
    const open = runs[runs.length - 1];
    if (open !== undefined && open.key === key && open.last === position - 1) {
      open.last = position;
    } else {
      runs.push({ first: position, last: position, key });
    }
  });
  return runs;
}
