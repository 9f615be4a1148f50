import { promisify } from "node:util";
import { constants, crc32, deflateRaw, type ZlibOptions } from "node:zlib";
import { DEFLATE_LEVELS, type DeflatedPart, type PartPieces } from "../files/xlsx";

const deflated = promisify<Uint8Array, ZlibOptions, Buffer>(deflateRaw);

/** Input bytes per deflate job of a big part: about 110 KB of output each at level 1. */
const SEGMENT_BYTES = 1 << 20;
/**
 * Jobs of one part in flight at most before its next pieces wait. Two keep up: level 1 deflates faster than the
 * XML is written, so more threads would not finish sooner, and on a busy 2-core machine they took time from the
 * thread writing the XML (measured: the write took longer with eight). Also bounds the memory held (3 MB of XML).
 */
const JOBS_IN_FLIGHT = 2;
/** zlib's output buffer per job. */
const OUTPUT_CHUNK_BYTES = 256 * 1024;
/** Deflate's window: each job starts from the last 32 KB of the previous one, so splitting costs almost no size. */
const WINDOW_BYTES = 32 * 1024;

/**
 * The command line's compressor for the parts it writes: node:zlib on libuv's thread pool, with the level chosen by
 * size (DEFLATE_LEVELS), which the platform's CompressionStream cannot do.
 *
 * A part up to DEFLATE_LEVELS.switchAfterBytes is deflated whole at the default level. A bigger one (计算说明, 结果)
 * at the fast level, in segments of a megabyte deflated as separate jobs, several at once on the thread pool while the
 * next XML is being written (as pigz does): each segment but the last ends with a sync flush (an empty stored block,
 * so the next segment's data starts on a byte boundary) rather than the final block, and starts with the previous
 * segment's last 32 KB as its dictionary, so the concatenated segments are one deflate stream that any reader inflates,
 * barely bigger than deflating the part in one go. The CRC-32 is zlib's, run over each segment as it is handed on.
 */
export async function compressPart(pieces: PartPieces): Promise<DeflatedPart> {
  const held: Uint8Array[] = [];
  let heldBytes = 0;
  const iterator = pieces[Symbol.iterator]();
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    const bytes = toBytes(next.value);
    held.push(bytes);
    heldBytes += bytes.byteLength;
    if (heldBytes > DEFLATE_LEVELS.switchAfterBytes) return inSegments(DEFLATE_LEVELS.rest, held, iterator);
  }
  const whole = joined(held);
  return { data: await deflated(whole, { level: DEFLATE_LEVELS.first }), crc: crc32(whole), size: whole.byteLength };
}

async function inSegments(level: number, first: readonly Uint8Array[], rest: Iterator<string | Uint8Array>): Promise<DeflatedPart> {
  const jobs: Promise<Buffer>[] = [];
  let waited = 0;
  let crc = 0;
  let size = 0;
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let previous: Uint8Array | null = null;
  const submit = (last: boolean) => {
    const segment = joined(pending);
    pending = [];
    pendingBytes = 0;
    crc = crc32(segment, crc);
    size += segment.byteLength;
    const options: ZlibOptions = {
      level,
      finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
      // Room for a segment's output (about 110 KB of a megabyte of XML at level 1) in one buffer: one trip to the
      // thread pool per segment, and no megabyte held per segment.
      chunkSize: OUTPUT_CHUNK_BYTES,
    };
    if (previous !== null) options.dictionary = previous.subarray(Math.max(0, previous.byteLength - WINDOW_BYTES));
    const job = deflated(segment, options);
    // Awaited below; a part abandoned half-way (an error while its XML is written) must not leave a rejection unhandled.
    job.catch(() => undefined);
    jobs.push(job);
    previous = segment;
  };
  const add = async (bytes: Uint8Array) => {
    if (bytes.byteLength === 0) return;
    pending.push(bytes);
    pendingBytes += bytes.byteLength;
    if (pendingBytes < SEGMENT_BYTES) return;
    submit(false);
    // Wait only when many segments are queued: the next pieces are made while zlib works on the last ones.
    while (jobs.length - waited > JOBS_IN_FLIGHT) await jobs[waited++];
  };
  for (const bytes of first) await add(bytes);
  for (let next = rest.next(); !next.done; next = rest.next()) await add(toBytes(next.value));
  submit(true);
  const data = joined(await Promise.all(jobs));
  return { data, crc: crc >>> 0, size };
}

const encoder = new TextEncoder();

function toBytes(piece: string | Uint8Array): Uint8Array {
  return typeof piece === "string" ? encoder.encode(piece) : piece;
}

function joined(pieces: readonly Uint8Array[]): Uint8Array {
  if (pieces.length === 1 && pieces[0] !== undefined) return pieces[0];
  return Buffer.concat(pieces);
}
