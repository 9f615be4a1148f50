/**
 * The zip under an .xlsx, read with suspicion: the central directory is read first (names and sizes, nothing
 * inflated), every entry name is checked, and a part is inflated only when someone reads it, against limits.
 * Isomorphic (fflate's streaming inflater): no Node modules.
 *
 * Limits (docs/bad-input.md, “Hostile files”): a part may inflate to at most {@link LIMITS.part} bytes, the parts read
 * from one file to at most {@link LIMITS.total} together, and a part above {@link LIMITS.ratioFloor} bytes to at most
 * {@link LIMITS.ratio} times its compressed size. The sizes the directory declares are checked before anything is
 * inflated, and the bytes actually produced are counted while inflating (a crafted file can declare less than it
 * holds): past a limit, or past its own declared size, the part is refused and what was inflated is dropped at once.
 * The biggest real workbook measured, 50,000 units × 100 indicators, has a 150 MB 评分 part at a ratio of 11.
 */
import { Inflate } from "fflate";
import { NotAWorkbookError } from "./errors";
import { XLSX_MESSAGES } from "./messages";

/** What a part of the file may inflate to (see the module comment). */
export const LIMITS = {
  part: 200 * 1024 * 1024,
  total: 500 * 1024 * 1024,
  ratio: 200,
  ratioFloor: 10 * 1024 * 1024,
} as const;

/** A part would inflate beyond the limits: a zip bomb, or a damaged file. Never handed to another reader. */
export class PartTooLargeError extends NotAWorkbookError {
  constructor(readonly part: string) {
    super(XLSX_MESSAGES.partTooLarge);
  }
}

/** One entry of the central directory. */
export interface ZipEntry {
  /** The name as stored (a folder's ends in "/"). */
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  /** As declared; the inflater holds the part to it. */
  size: number;
  /** Offset of the local header. */
  offset: number;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_END = 0x06064b50;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;
const STORED = 0;
const DEFLATE = 8;
/** Compressed bytes handed to the inflater at a time: at most about 17 MB can come out of one (deflate's ratio is at most 1,032), which the inflater holds about three times over while it works. */
const CHUNK = 16 * 1024;

/**
 * Whether a zip entry name is safe to copy into a file someone will unzip: a relative path of plain segments.
 * Refused: an absolute path (/tmp/x, C:x, //host), a ".." segment, a backslash (Windows tools read it as a folder
 * separator: ..\..\x), and control characters. Excel, LibreOffice and WPS never write such names.
 */
export function isSafeEntryName(name: string): boolean {
  if (name === "" || name.startsWith("/") || /^[A-Za-z]:/.test(name) || name.includes("\\")) return false;
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
  if (/[\u0000-\u001f\u007f]/.test(name)) return false;
  return !name.split("/").includes("..");
}

/** The central directory; every name safe and each name once. @throws NotAWorkbookError otherwise, or for a zip it cannot read. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = endOfCentralDirectory(view);
  if (end === null) throw new NotAWorkbookError();
  let count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (count === MAX_16 || at === MAX_32) ({ count, at } = zip64Directory(view, end));
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL_HEADER) throw new NotAWorkbookError();
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const next = at + 46 + nameLength + extraLength + view.getUint16(at + 32, true);
    if (next > bytes.byteLength) throw new NotAWorkbookError();
    const name = entryName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
    if (!isSafeEntryName(name) || seen.has(name)) throw new NotAWorkbookError(XLSX_MESSAGES.unsafeEntryName);
    seen.add(name);
    const entry: ZipEntry = {
      name,
      method: view.getUint16(at + 10, true),
      flags,
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      offset: view.getUint32(at + 42, true),
    };
    if (entry.size === MAX_32 || entry.compressedSize === MAX_32 || entry.offset === MAX_32) zip64Sizes(view, at + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** Counts what the parts of one file inflate to, together. */
export class InflateBudget {
  private used = 0;

  /** Charges `bytes` to the file; @throws PartTooLargeError past the total. */
  charge(part: string, bytes: number): void {
    this.used += bytes;
    if (this.used > LIMITS.total) throw new PartTooLargeError(part);
  }
}

/**
 * One entry's bytes, inflated within the limits and its declared size.
 * @throws PartTooLargeError past a limit; NotAWorkbookError for an entry that cannot be read (encrypted, an unknown
 * method, data outside the file, damaged deflate data).
 */
export function inflateEntry(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Uint8Array {
  const declaredLimit = Math.min(LIMITS.part, entry.size > LIMITS.ratioFloor ? entry.compressedSize * LIMITS.ratio : Infinity);
  if (entry.size > declaredLimit) throw new PartTooLargeError(entry.name);
  const data = entryData(bytes, entry);
  if (entry.method === STORED) {
    if (data.byteLength !== entry.size) throw new NotAWorkbookError();
    budget.charge(entry.name, data.byteLength);
    return data;
  }
  if (entry.method !== DEFLATE) throw new NotAWorkbookError();
  budget.charge(entry.name, entry.size);
  // The whole part in one buffer of its declared size: a part that holds more than it declares is refused.
  const out = new Uint8Array(entry.size);
  let written = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.byteLength > entry.size) throw new PartTooLargeError(entry.name);
    out.set(chunk, written);
    written += chunk.byteLength;
  });
  try {
    for (let at = 0; at < data.byteLength || at === 0; at += CHUNK) inflater.push(data.subarray(at, at + CHUNK), at + CHUNK >= data.byteLength);
  } catch (cause) {
    if (cause instanceof NotAWorkbookError) throw cause;
    throw new NotAWorkbookError(XLSX_MESSAGES.notAWorkbook, { cause });
  }
  return written === entry.size ? out : out.subarray(0, written);
}

/**
 * As {@link inflateEntry}, off the main thread where the platform can, several parts at once, with the same limits:
 * in Node (the command line) node:zlib on libuv's thread pool, in 1 MB pieces, never past the declared size; in a
 * browser DecompressionStream "deflate-raw", the output counted as it comes. Node's zlib costs a third of the CPU of
 * DecompressionStream (whose 16 KB pieces each cost a promise): on the 10,000-unit bench workbook (44 MB of XML)
 * about 75 ms instead of 170–320 ms.
 */
export async function inflateEntryAsync(bytes: Uint8Array, entry: ZipEntry, budget: InflateBudget): Promise<Uint8Array> {
  if (entry.method !== DEFLATE || entry.size === 0) return inflateEntry(bytes, entry, budget);
  const zlib = nodeZlib();
  if (zlib === null && !nativeRawInflate()) return inflateEntry(bytes, entry, budget);
  const declaredLimit = Math.min(LIMITS.part, entry.size > LIMITS.ratioFloor ? entry.compressedSize * LIMITS.ratio : Infinity);
  if (entry.size > declaredLimit) throw new PartTooLargeError(entry.name);
  const data = entryData(bytes, entry);
  budget.charge(entry.name, entry.size);
  if (zlib !== null) return inflateWithNodeZlib(zlib, data, entry);
  const stream = new DecompressionStream("deflate-raw");
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  const writing = (async () => {
    for (let at = 0; at < data.byteLength; at += NATIVE_CHUNK) await writer.write(data.subarray(at, at + NATIVE_CHUNK) as Uint8Array<ArrayBuffer>);
    await writer.close();
  })();
  const out = new Uint8Array(entry.size);
  let written = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      if (written + chunk.value.byteLength > entry.size) throw new PartTooLargeError(entry.name);
      out.set(chunk.value, written);
      written += chunk.value.byteLength;
    }
    await writing;
  } catch (cause) {
    await reader.cancel().catch(() => undefined);
    await writing.catch(() => undefined);
    if (cause instanceof NotAWorkbookError) throw cause;
    throw new NotAWorkbookError(XLSX_MESSAGES.notAWorkbook, { cause });
  }
  return written === entry.size ? out : out.subarray(0, written);
}

/** The part of node:zlib used here (typed here: files/ is also built for the browser, without Node's types). */
interface NodeZlib {
  inflateRaw(data: Uint8Array, options: { chunkSize: number; maxOutputLength: number }, callback: (error: (Error & { code?: string }) | null, result: Uint8Array) => void): void;
}

let nodeZlibFound: NodeZlib | null | undefined;

/**
 * node:zlib when running in Node, found at run time (process.getBuiltinModule, Node 20.16+) rather than imported, so
 * that the page's bundle neither sees nor needs it; null in a browser, and in a Node too old to offer it.
 */
function nodeZlib(): NodeZlib | null {
  if (nodeZlibFound === undefined) {
    const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const zlib = typeof process?.getBuiltinModule === "function" ? (process.getBuiltinModule("node:zlib") as Partial<NodeZlib> | undefined) : undefined;
    nodeZlibFound = typeof zlib?.inflateRaw === "function" ? (zlib as NodeZlib) : null;
  }
  return nodeZlibFound;
}

/** Output pieces of node:zlib: big enough that a 30 MB part costs few callbacks, small enough not to over-allocate. */
const NODE_CHUNK = 1024 * 1024;

/** One entry's data inflated by node:zlib, refused (PartTooLargeError) as soon as it holds more than it declares. */
function inflateWithNodeZlib(zlib: NodeZlib, data: Uint8Array, entry: ZipEntry): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zlib.inflateRaw(data, { chunkSize: Math.max(64, Math.min(entry.size, NODE_CHUNK)), maxOutputLength: entry.size }, (error, result) => {
      if (error === null) resolve(new Uint8Array(result.buffer, result.byteOffset, result.byteLength));
      else if (error.code === "ERR_BUFFER_TOO_LARGE") reject(new PartTooLargeError(entry.name));
      else reject(new NotAWorkbookError(XLSX_MESSAGES.notAWorkbook, { cause: error }));
    });
  });
}

/** Compressed bytes written to the native inflater at a time. */
const NATIVE_CHUNK = 256 * 1024;

let nativeRawInflateChecked: boolean | null = null;

/** Whether DecompressionStream takes raw deflate data (Chrome 103, Firefox 113, Safari 16.4, Node 20). */
function nativeRawInflate(): boolean {
  if (nativeRawInflateChecked === null) {
    try {
      if (typeof DecompressionStream !== "function") nativeRawInflateChecked = false;
      else {
        void new DecompressionStream("deflate-raw");
        nativeRawInflateChecked = true;
      }
    } catch {
      nativeRawInflateChecked = false;
    }
  }
  return nativeRawInflateChecked;
}

/**
 * Inflates every entry within the limits, keeping nothing: whether a reader that inflates everything (ExcelJS) may be
 * given the file. @throws as {@link inflateEntry}.
 */
export function checkWholeZip(bytes: Uint8Array): void {
  const budget = new InflateBudget();
  for (const entry of zipEntries(bytes)) if (!entry.name.endsWith("/")) inflateEntry(bytes, entry, budget);
}

/** The compressed data of an entry, after its local header. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if ((entry.flags & 1) !== 0 || entry.offset + 30 > bytes.byteLength || view.getUint32(entry.offset, true) !== LOCAL_HEADER) throw new NotAWorkbookError();
  const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
  if (start + entry.compressedSize > bytes.byteLength) throw new NotAWorkbookError();
  return bytes.subarray(start, start + entry.compressedSize);
}

/** Offset of the end-of-central-directory record, searched back over a comment of up to 65,535 bytes. */
function endOfCentralDirectory(view: DataView): number | null {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - MAX_16; at -= 1) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return null;
}

/** Entry count and directory offset from the Zip64 end record, which the locator just before the plain one points to. */
function zip64Directory(view: DataView, end: number): { count: number; at: number } {
  const locator = end - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw new NotAWorkbookError();
  const record = safeNumber(view.getBigUint64(locator + 8, true));
  if (record + 56 > view.byteLength || view.getUint32(record, true) !== ZIP64_END) throw new NotAWorkbookError();
  return { count: safeNumber(view.getBigUint64(record + 32, true)), at: safeNumber(view.getBigUint64(record + 48, true)) };
}

/** The Zip64 extra field's sizes and offset, present in this order for each plain field that reads 0xFFFFFFFF. */
function zip64Sizes(view: DataView, extraStart: number, extraLength: number, entry: ZipEntry): void {
  for (let at = extraStart; at + 4 <= extraStart + extraLength; ) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      const take = (): number => {
        if (field + 8 > at + 4 + length) throw new NotAWorkbookError();
        const value = safeNumber(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.size === MAX_32) entry.size = take();
      if (entry.compressedSize === MAX_32) entry.compressedSize = take();
      if (entry.offset === MAX_32) entry.offset = take();
      return;
    }
    at += 4 + length;
  }
  throw new NotAWorkbookError();
}

function safeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new NotAWorkbookError();
  return Number(value);
}

const utf8 = new TextDecoder("utf-8");

/** Names are UTF-8 when flagged so, else code page 437; read byte for byte then, as fflate does. */
export function entryName(bytes: Uint8Array, isUtf8: boolean): string {
  if (isUtf8) return utf8.decode(bytes);
  let name = "";
  for (const byte of bytes) name += String.fromCharCode(byte);
  return name;
}
