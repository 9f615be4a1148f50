/**
 * Compressing a new part for the zip: raw deflate data with its CRC-32 and size. Where the platform has
 * CompressionStream (browsers, Node 18+), its native gzip does the work, off the main thread in Node, while the
 * part's XML is still being written; gzip's trailer carries the CRC-32 the zip needs. Elsewhere fflate's gzip does
 * the same in JavaScript.
 */
import { gzipSync } from "fflate";

/** A part ready for the zip. */
export interface DeflatedPart {
  /** Raw deflate data (zip method 8). */
  data: Uint8Array;
  crc: number;
  /** Uncompressed size in bytes. */
  size: number;
}

/** What a part is made of: texts (encoded as UTF-8) or bytes, in order. */
export type PartPieces = Iterable<string | Uint8Array>;

/** Compresses one part; the platform's own (CompressionStream) unless a host gives a better one (the command line: node:zlib). */
export type Compressor = (pieces: PartPieces) => Promise<DeflatedPart>;

/**
 * The deflate level by size, for a compressor that can choose it (the command line's, bin/compress.ts): level 6 for
 * a part up to 4 MB of XML (every part of an ordinary county's workbook: the smallest file, in a few milliseconds),
 * level 1 for a bigger one. The trade, measured on 10,000 units (计算说明 75.6 MB and 结果 7.4 MB of XML, zlib on
 * this 2-core machine): level 6 takes about 1.0 s of CPU and gives 6.6 MB for the two, level 1 about 0.35 s and
 * 9.3 MB, so the file is 13.9 MB instead of about 11.2 MB (a quarter bigger) and compressing costs a third. Level 2
 * gave 8.8 MB for 14% more CPU, level 3 8.4 MB for 27% more: not worth it where speed is the point.
 */
export const DEFLATE_LEVELS = { first: 6, rest: 1, switchAfterBytes: 4 * 1024 * 1024 } as const;

const encoder = new TextEncoder();
/** Pieces handed to the compressor before waiting for the oldest: measured best around six on 计算说明 of 10,000 units. */
const PIECES_IN_FLIGHT = 6;

/** Compresses a part, natively where the platform can. */
export async function deflatePart(pieces: PartPieces): Promise<DeflatedPart> {
  const gzip = typeof CompressionStream === "function" ? await nativeGzip(pieces) : gzipSync(concatenated(pieces), { level: 6 });
  return fromGzip(gzip);
}

/** Compresses a part in JavaScript (fflate), as on a platform without CompressionStream. */
export function deflatePartSync(pieces: PartPieces): DeflatedPart {
  return fromGzip(gzipSync(concatenated(pieces), { level: 6 }));
}

async function nativeGzip(pieces: PartPieces): Promise<Uint8Array> {
  const stream = new CompressionStream("gzip");
  const output: Uint8Array[] = [];
  const reading = (async () => {
    const reader = stream.readable.getReader();
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) output.push(chunk.value);
  })();
  const writer = stream.writable.getWriter();
  const inFlight: Promise<void>[] = [];
  try {
    for (const piece of pieces) {
      // A view of the caller's bytes is written as it is; CompressionStream only reads it.
      const bytes = (typeof piece === "string" ? utf8(piece) : piece) as Uint8Array<ArrayBuffer>;
      if (bytes.byteLength === 0) continue;
      // A few pieces in flight, not one: the next pieces are written while earlier ones are compressed, and memory stays bounded.
      inFlight.push(writer.write(bytes));
      if (inFlight.length > PIECES_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);
    await writer.close();
  } catch (cause) {
    await Promise.allSettled(inFlight);
    await writer.abort(cause).catch(() => undefined);
    await reading.catch(() => undefined);
    throw cause;
  }
  await reading;
  return concatenated(output);
}

/**
 * A text as UTF-8. encodeInto a buffer of the largest size the text could need (three bytes per UTF-16 unit) is about
 * twice as fast as encode for Chinese text in Node, and 计算说明 is 70 MB of it.
 */
function utf8(text: string): Uint8Array {
  const buffer = new Uint8Array(text.length * 3);
  return buffer.subarray(0, encoder.encodeInto(text, buffer).written);
}

function concatenated(pieces: Iterable<string | Uint8Array>): Uint8Array {
  const parts = [...pieces].map((piece) => (typeof piece === "string" ? utf8(piece) : piece));
  const whole = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    whole.set(part, at);
    at += part.byteLength;
  }
  return whole;
}

// gzip header flags (RFC 1952): header CRC, extra field, file name, comment.
const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

/** The deflate data, CRC-32 and size inside one gzip member. */
export function fromGzip(gzip: Uint8Array): DeflatedPart {
  const view = new DataView(gzip.buffer, gzip.byteOffset, gzip.byteLength);
  if (gzip.byteLength < 18 || gzip[0] !== 0x1f || gzip[1] !== 0x8b || gzip[2] !== 8) throw new Error("deflatePart: not a gzip member");
  const flags = gzip[3] ?? 0;
  let at = 10;
  if ((flags & FEXTRA) !== 0) at += 2 + view.getUint16(at, true);
  if ((flags & FNAME) !== 0) at = gzip.indexOf(0, at) + 1;
  if ((flags & FCOMMENT) !== 0) at = gzip.indexOf(0, at) + 1;
  if ((flags & FHCRC) !== 0) at += 2;
  const end = gzip.byteLength - 8;
  return { data: gzip.subarray(at, end), crc: view.getUint32(end, true), size: view.getUint32(end + 4, true) };
}
