/**
 * The new .xlsx zip: every entry of the original that the graft leaves alone is copied as it is stored (compressed
 * bytes and headers untouched, nothing inflated or deflated again), and the new or edited parts are compressed (see
 * deflate.ts). Copying saves the 4.3 MB workbook of 10,000 units a second of deflating its 45 MB of sheets.
 * A zip this code does not copy with certainty (Zip64, over 65,535 entries, entries not laid end to end) is rebuilt
 * from its parts instead: same parts, freshly compressed.
 */
import { deflatePart, type Compressor, type DeflatedPart, type PartPieces } from "./deflate";
import type { PartContent } from "./graft";
import { entryName } from "./zip";

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const MAX_16 = 0xffff;
const MAX_32 = 0xffffffff;
/** "Version needed to extract" 2.0: deflate. */
const VERSION = 20;
const DEFLATE = 8;
const UTF8_NAME = 0x800;

/**
 * One entry: its central directory record and the bytes of its local record (header, data, descriptor), in pieces
 * that are laid one after the other (a new entry's header and its data: the data is not copied to join them).
 */
interface StoredEntry {
  name: string;
  central: Uint8Array;
  local: readonly Uint8Array[];
}

/**
 * The original zip with `written` parts replacing (or added after) its entries and `removed` ones left out.
 * `allFiles` (every part, uncompressed) is asked for only when the original cannot be copied entry by entry.
 */
export async function zipWithEdits(
  original: Uint8Array,
  allFiles: () => Readonly<Record<string, Uint8Array>>,
  written: ReadonlyMap<string, PartContent>,
  removed: ReadonlySet<string>,
  compress: Compressor = deflatePart,
): Promise<Uint8Array> {
  const stored = storedEntries(original);
  const modified = new Date();
  // All parts at once: while the compressor works on one part's pieces (off the main thread), the next pieces of
  // this or another part are written. Each part keeps only a few pieces in flight, so memory stays bounded.
  // When one part fails (see EscapesFound and FormulaLikeFound in graft.ts), the others stop making pieces.
  let failed = false;
  const compressed = await Promise.all(
    [...written].map(async ([path, content]) => {
      try {
        return [path, newEntry(path, await compress(typeof content === "function" ? unlessFailed(content(), () => failed) : [content]), modified)] as const;
      } catch (error) {
        failed = true;
        throw error;
      }
    }),
  );
  const fresh = new Map<string, StoredEntry>(compressed);
  if (stored === null) return rebuilt(allFiles(), fresh, removed, modified, compress);
  const chosen: StoredEntry[] = [];
  for (const entry of stored) {
    const path = partPath(entry.name);
    if (removed.has(path)) continue;
    const replacement = fresh.get(path);
    fresh.delete(path);
    chosen.push(replacement ?? entry);
  }
  chosen.push(...fresh.values());
  return assembled(chosen) ?? rebuilt(allFiles(), new Map(chosen.map((entry) => [partPath(entry.name), entry])), removed, modified, compress);
}

/** The pieces, until another part has failed. */
function* unlessFailed(pieces: PartPieces, failed: () => boolean): Generator<string | Uint8Array> {
  for (const piece of pieces) {
    if (failed()) throw new Error("zipWithEdits: another part failed");
    yield piece;
  }
}

/** Every part compressed afresh, for a zip this module does not copy: the original's parts, then the new ones. */
async function rebuilt(files: Readonly<Record<string, Uint8Array>>, fresh: ReadonlyMap<string, StoredEntry>, removed: ReadonlySet<string>, modified: Date, compress: Compressor): Promise<Uint8Array> {
  const entries: StoredEntry[] = [];
  for (const [path, content] of Object.entries(files)) {
    if (removed.has(path) || fresh.has(path)) continue;
    entries.push(newEntry(path, await compress([content]), modified));
  }
  entries.push(...fresh.values());
  const zip = assembled(entries);
  if (zip === null) throw new Error("zipWithEdits: the workbook has too many parts for a zip without Zip64");
  return zip;
}

const encoder = new TextEncoder();

/** A new entry's local header and data, and its central directory record (offset filled in when assembled). */
function newEntry(path: string, part: DeflatedPart, modified: Date): StoredEntry {
  const name = encoder.encode(path);
  const flags = name.some((byte) => byte >= 0x80) ? UTF8_NAME : 0;
  const { time, date } = dosTime(modified);
  const local = new Uint8Array(30 + name.byteLength);
  const header = new DataView(local.buffer);
  header.setUint32(0, LOCAL_HEADER, true);
  header.setUint16(4, VERSION, true);
  header.setUint16(6, flags, true);
  header.setUint16(8, DEFLATE, true);
  header.setUint16(10, time, true);
  header.setUint16(12, date, true);
  header.setUint32(14, part.crc, true);
  header.setUint32(18, part.data.byteLength, true);
  header.setUint32(22, part.size, true);
  header.setUint16(26, name.byteLength, true);
  local.set(name, 30);
  const central = new Uint8Array(46 + name.byteLength);
  const record = new DataView(central.buffer);
  record.setUint32(0, CENTRAL_HEADER, true);
  record.setUint16(4, VERSION, true);
  // Bytes 6 to 31 of the central record repeat bytes 4 to 29 of the local header.
  central.set(local.subarray(4, 30), 6);
  central.set(name, 46);
  return { name: path, central, local: [local, part.data] };
}

/** A date as MS-DOS time and date fields, local time, as zip tools write them. */
function dosTime(moment: Date): { time: number; date: number } {
  const year = Math.min(Math.max(moment.getFullYear(), 1980), 2107);
  return {
    time: (moment.getHours() << 11) | (moment.getMinutes() << 5) | (moment.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((moment.getMonth() + 1) << 5) | moment.getDate(),
  };
}

/** The entry name as a package path (the package layer drops a leading slash). */
function partPath(name: string): string {
  return name.startsWith("/") ? name.slice(1) : name;
}

/** The entries in central directory order with their local records, or null for a zip not copied as it is. */
function storedEntries(zip: Uint8Array): StoredEntry[] | null {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const end = endOfCentralDirectory(view);
  if (end === null) return null;
  const count = view.getUint16(end + 10, true);
  const directoryOffset = view.getUint32(end + 16, true);
  if (view.getUint16(end + 4, true) !== 0 || view.getUint16(end + 6, true) !== 0 || count === MAX_16 || directoryOffset === MAX_32) return null;
  const records: { name: string; central: Uint8Array; offset: number; size: number }[] = [];
  let at = directoryOffset;
  for (let index = 0; index < count; index += 1) {
    if (at + 46 > zip.byteLength || view.getUint32(at, true) !== CENTRAL_HEADER) return null;
    const flags = view.getUint16(at + 8, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const length = 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const offset = view.getUint32(at + 42, true);
    if ((flags & 1) !== 0 || size === MAX_32 || view.getUint32(at + 24, true) === MAX_32 || offset === MAX_32 || at + length > zip.byteLength) return null;
    records.push({ name: entryName(zip.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0), central: zip.subarray(at, at + length), offset, size });
    at += length;
  }
  const starts = [...new Set(records.map((record) => record.offset))].sort((a, b) => a - b);
  if (starts.length !== records.length) return null;
  const entries: StoredEntry[] = [];
  for (const record of records) {
    const next = starts[starts.indexOf(record.offset) + 1] ?? directoryOffset;
    if (record.offset + 30 > next || view.getUint32(record.offset, true) !== LOCAL_HEADER) return null;
    const dataStart = record.offset + 30 + view.getUint16(record.offset + 26, true) + view.getUint16(record.offset + 28, true);
    if (dataStart + record.size > next) return null;
    entries.push({ name: record.name, central: record.central, local: [zip.subarray(record.offset, next)] });
  }
  return entries;
}

/** Offset of the end-of-central-directory record, searched back over a comment of up to 65,535 bytes. */
function endOfCentralDirectory(view: DataView): number | null {
  const last = view.byteLength - 22;
  for (let at = last; at >= 0 && at >= last - MAX_16; at -= 1) {
    if (view.getUint32(at, true) === END_OF_CENTRAL_DIRECTORY) return at;
  }
  return null;
}

/** The zip of the entries in order, each local record at its new offset; null past the limits of a plain zip. */
function assembled(entries: readonly StoredEntry[]): Uint8Array | null {
  if (entries.length >= MAX_16) return null;
  let offset = 0;
  const centrals: Uint8Array[] = [];
  for (const entry of entries) {
    // A copy (Node's Buffer.slice would be a view into the original), so that the original stays as it was.
    const central = new Uint8Array(entry.central);
    new DataView(central.buffer, central.byteOffset, central.byteLength).setUint32(42, offset, true);
    centrals.push(central);
    for (const piece of entry.local) offset += piece.byteLength;
  }
  const directorySize = centrals.reduce((sum, central) => sum + central.byteLength, 0);
  if (offset + directorySize + 22 > MAX_32) return null;
  const zip = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const part of [...entries.flatMap((entry) => entry.local), ...centrals]) {
    zip.set(part, at);
    at += part.byteLength;
  }
  const view = new DataView(zip.buffer);
  view.setUint32(at, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, directorySize, true);
  view.setUint32(at + 16, offset, true);
  return zip;
}
