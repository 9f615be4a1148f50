/**
 * Excel on the web refuses a request or a response over 5 MB. We estimate a request's bytes as the UTF-8 size of
 * the JSON it carries plus a generous 200 bytes per operation (Office's own envelope for one action and its object
 * path is about half that), and keep each sync under 4.6 MB: a write that fits goes in one request (issue 14; the
 * earlier 4 MB split writes of 1,000 units whose requests came to 4.2 MB).
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
export const REQUEST_BUDGET = Math.floor(4.6 * 1024 * 1024);
/** Rows are written in blocks of at most this size, so that one block never fills a request on its own. */
export const BLOCK_BUDGET = 1024 * 1024;
/** Bytes Office spends per queued operation (object path, method name, ids), generously. */
export const OPERATION_BYTES = 200;
/** A read of more cells than this at once is refused whatever its bytes (Excel's cap is 5,000,000). */
export const READ_CELL_LIMIT = 5_000_000;
/** Cells per block when the types of cells are asked for (markErrors): at ~10 bytes a type, about 0.5 MB. */
export const READ_BLOCK_CELLS = 50_000;
/**
 * Estimated bytes of values asked for in one sync when reading in blocks, as measured from the blocks already
 * received: a fifth under the 5 MB limit, the margin for Office's envelope and for rows larger than those measured
 * (a response refused all the same is asked for again in halves). 8 MB of inputs (10,000 units) are 3 syncs.
 */
export const READ_SYNC_BYTES = 4 * 1024 * 1024;
/**
 * Bytes assumed for a cell of a sheet none of whose rows has been received yet. The measured average of the bench's
 * inputs is 5.6 (numbers, short names); 40 keeps the first sync at ~100,000 cells, what was read per sync before
 * block sizes were measured, so a sheet of long texts is no more likely to be refused than then.
 */
export const READ_FIRST_CELL_BYTES = 40;
/**
 * A read in blocks whose values come to more than this is read in blocks again next time; under it, the
 * next read is one sync again. The margin of a fifth under the 5 MB limit is for Office's envelope and for data
 * typed in between: going back to one sync just under the limit would risk a refused response on the next click.
 */
export const READ_BUDGET = 4 * 1024 * 1024;

/** UTF-8 length of a string without allocating (Chinese characters take 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** Estimated JSON bytes of one value as Office sends it. */
export function valueBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  if (typeof value === "string") return utf8Length(JSON.stringify(value));
  if (typeof value === "number" || typeof value === "boolean") return String(value).length;
  return utf8Length(JSON.stringify(value) ?? "");
}

/** Estimated JSON bytes of a grid of values. */
export function gridBytes(rows: readonly (readonly unknown[])[]): number {
  let bytes = 2;
  for (const row of rows) {
    bytes += 3;
    for (const cell of row) bytes += valueBytes(cell) + 1;
  }
  return bytes;
}

/** Splits rows into consecutive blocks whose estimated bytes stay within `budget` (a single larger row is a block by itself). */
export function splitRows<T>(rows: readonly (readonly T[])[], budget = BLOCK_BUDGET): { start: number; rows: T[][] }[] {
  const blocks: { start: number; rows: T[][] }[] = [];
  let current: T[][] = [];
  let start = 0;
  let bytes = 2;
  rows.forEach((row, index) => {
    const rowBytes = gridBytes([row]);
    if (current.length > 0 && bytes + rowBytes > budget) {
      blocks.push({ start, rows: current });
      current = [];
      start = index;
      bytes = 2;
    }
    current.push([...row]);
    bytes += rowBytes;
  });
  if (current.length > 0) blocks.push({ start, rows: current });
  return blocks;
}
