/**
 * Hostile zips for tests: entries with any name, any stored bytes and any declared size, and deflate streams that
 * inflate to far more than they take (zip bombs), made without inflating or deflating anything large.
 */
import { deflateSync, strToU8, unzipSync } from "fflate";

/** One entry as it will be stored: raw deflate data (method 8) or the bytes themselves (method 0). */
export interface RawEntry {
  name: string;
  data: Uint8Array;
  method: 0 | 8;
  /** The uncompressed size the headers declare (may lie). */
  size: number;
}

/** A deflated entry of real content. */
export function deflated(name: string, content: Uint8Array | string): RawEntry {
  const bytes = typeof content === "string" ? strToU8(content) : content;
  return { name, data: deflateSync(bytes), method: 8, size: bytes.byteLength };
}

/** Every part of an existing zip, deflated again, in its order. */
export function entriesOf(zip: Uint8Array): RawEntry[] {
  return Object.entries(unzipSync(zip)).map(([name, content]) => deflated(name, content));
}

/**
 * Raw deflate data (one fixed-Huffman block) that inflates to `bytes` zero bytes: a literal 0, then copies of 258
 * bytes at distance 1, 13 bits each, so 1 GiB takes about 6.6 MB (a ratio of about 159, under a 1:200 ratio limit).
 */
export function zeroBomb(bytes: number): Uint8Array {
  const copies = Math.floor((bytes - 1) / 258);
  const rest = bytes - 1 - copies * 258;
  const out = new Uint8Array(Math.ceil((3 + 8 + copies * 13 + rest * 8 + 7) / 8) + 1);
  let bit = 0;
  // Bits go in from the least significant end; Huffman codes go in from their most significant bit.
  const plain = (value: number, count: number) => {
    for (let i = 0; i < count; i += 1, bit += 1) if (((value >> i) & 1) !== 0) out[bit >> 3] = (out[bit >> 3] ?? 0) | (1 << (bit & 7));
  };
  const code = (value: number, count: number) => {
    for (let i = count - 1; i >= 0; i -= 1, bit += 1) if (((value >> i) & 1) !== 0) out[bit >> 3] = (out[bit >> 3] ?? 0) | (1 << (bit & 7));
  };
  plain(1, 1); // BFINAL
  plain(1, 2); // BTYPE 01: fixed Huffman
  code(0x30, 8); // literal 0
  // Length 258 is symbol 285 (8-bit code 11000101, no extra bits); distance 1 is distance code 0 (5 bits 00000).
  for (let i = 0; i < copies; i += 1) {
    code(0xc5, 8);
    bit += 5;
  }
  // The rest as literals, then end of block (symbol 256: seven zero bits).
  for (let i = 0; i < rest; i += 1) code(0x30, 8);
  code(0, 7);
  return out.subarray(0, Math.ceil(bit / 8));
}

/** A zip of the entries, exactly as given (names, data and declared sizes); CRC-32 left 0 (no reader here checks it). */
export function rawZip(entries: readonly RawEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const local = new Uint8Array(30 + name.byteLength);
    const l = new DataView(local.buffer);
    l.setUint32(0, 0x04034b50, true);
    l.setUint16(4, 20, true);
    l.setUint16(6, 0x800, true);
    l.setUint16(8, entry.method, true);
    l.setUint32(18, entry.data.byteLength, true);
    l.setUint32(22, entry.size, true);
    l.setUint16(26, name.byteLength, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.byteLength);
    const c = new DataView(central.buffer);
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    central.set(local.subarray(4, 30), 6);
    c.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, entry.data);
    centrals.push(central);
    offset += local.byteLength + entry.data.byteLength;
  }
  const directorySize = centrals.reduce((sum, part) => sum + part.byteLength, 0);
  const end = new Uint8Array(22);
  const e = new DataView(end.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, entries.length, true);
  e.setUint16(10, entries.length, true);
  e.setUint32(12, directorySize, true);
  e.setUint32(16, offset, true);
  const zip = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const part of [...locals, ...centrals, end]) {
    zip.set(part, at);
    at += part.byteLength;
  }
  return zip;
}
