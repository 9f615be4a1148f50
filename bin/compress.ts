import { once } from "node:events";
import { createGzip } from "node:zlib";
import { DEFLATE_LEVELS, fromGzip, type DeflatedPart, type PartPieces } from "../files/xlsx";

/**
 * The command line's compressor for the parts it writes: node:zlib on libuv's thread pool (several parts at once),
 * with the level chosen by size (DEFLATE_LEVELS), which the platform's CompressionStream cannot do. The first
 * pieces are held until the part proves bigger than the threshold (then level 1 from the start) or ends (level 6).
 * gzip, not raw deflate, for the CRC-32 in its trailer.
 */
export async function compressPart(pieces: PartPieces): Promise<DeflatedPart> {
  const held: Buffer[] = [];
  let heldBytes = 0;
  const iterator = pieces[Symbol.iterator]();
  for (let next = iterator.next(); !next.done; next = iterator.next()) {
    const bytes = toBuffer(next.value);
    held.push(bytes);
    heldBytes += bytes.byteLength;
    if (heldBytes > DEFLATE_LEVELS.switchAfterBytes) return gzipStream(DEFLATE_LEVELS.rest, held, iterator);
  }
  return gzipStream(DEFLATE_LEVELS.first, held, null);
}

async function gzipStream(level: number, first: readonly Buffer[], rest: Iterator<string | Uint8Array> | null): Promise<DeflatedPart> {
  const gzip = createGzip({ level });
  const chunks: Buffer[] = [];
  gzip.on("data", (chunk: Buffer) => chunks.push(chunk));
  const ended = once(gzip, "end");
  const write = async (bytes: Buffer) => {
    // Wait only when the stream's buffer is full: the next pieces are made while zlib works on the last ones.
    if (bytes.byteLength > 0 && !gzip.write(bytes)) await once(gzip, "drain");
  };
  for (const bytes of first) await write(bytes);
  if (rest !== null) for (let next = rest.next(); !next.done; next = rest.next()) await write(toBuffer(next.value));
  gzip.end();
  await ended;
  return fromGzip(Buffer.concat(chunks));
}

function toBuffer(piece: string | Uint8Array): Buffer {
  return typeof piece === "string" ? Buffer.from(piece, "utf8") : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
}
