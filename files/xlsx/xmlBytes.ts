/**
 * XML written straight into UTF-8 bytes, for the big output sheets (计算说明 of 10,000 units is 75 MB of XML in
 * 650,000 cells). Building a text per cell, joining them and encoding the result at the end cost three times as much
 * as writing each character once into a byte buffer: the markup is ASCII written as it is, and a cell's text is
 * checked (does it need an entity or an escape?) and encoded in the same single pass over its characters.
 * Encoding is that of TextEncoder: a lone surrogate becomes U+FFFD. Markup and texts that need care are encoded by
 * lib's writeUtf8 (the fingerprint's); only the hot path, plain cell text, has its own: a short text a loop that checks
 * as it encodes, a long one a regular expression that checks and the platform's encoder. The markup every cell repeats
 * is prepared once and copied four bytes at a time (Markup).
 */
import { utf8Bound, writeUtf8 } from "../../lib/integrity";

const encoder = new TextEncoder();

/** Bytes in a chunk before the writer hands it on (to be compressed while the next is written). */
const CHUNK_BYTES = 1 << 20;

/**
 * Markup prepared once (the tags every cell repeats), copied four bytes at a time: its bytes as little-endian 32-bit
 * words, then the last few bytes one by one. A cell of 计算说明 repeats about 55 bytes of markup (750,000 cells: 40 MB);
 * copied byte by byte they cost about twice as much.
 */
export class Markup {
  /** The bytes as 32-bit words (little-endian), all but the last length % 4. */
  readonly words: Int32Array;
  /** The last length % 4 bytes. */
  readonly tail: Uint8Array;
  readonly length: number;

  constructor(bytes: Uint8Array) {
    this.length = bytes.length;
    const whole = bytes.length >> 2;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.words = Int32Array.from({ length: whole }, (_, index) => view.getInt32(index * 4, true));
    this.tail = bytes.slice(whole * 4);
  }

  /** Markup the caller knows to be ASCII. */
  static of(text: string): Markup {
    return new Markup(encoder.encode(text));
  }
}

export class XmlBytes {
  private buffer: Uint8Array;
  /** The same bytes, for writing four at a time. */
  private view: DataView;
  /** Bytes written in the current chunk. */
  at = 0;

  constructor(private readonly chunkBytes = CHUNK_BYTES) {
    this.buffer = new Uint8Array(chunkBytes + 1024);
    this.view = new DataView(this.buffer.buffer);
  }

  /** Whether the current chunk is full enough to be handed on. */
  get full(): boolean {
    return this.at >= this.chunkBytes;
  }

  /** The bytes written since the last take, as a chunk of its own (the writer goes on in a new buffer). */
  take(): Uint8Array {
    const chunk = this.buffer.subarray(0, this.at);
    this.buffer = new Uint8Array(this.chunkBytes + 1024);
    this.view = new DataView(this.buffer.buffer);
    this.at = 0;
    return chunk;
  }

  /** Makes room for `bytes` more bytes (a long text can outgrow a chunk). */
  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.at + bytes));
    bigger.set(this.buffer.subarray(0, this.at));
    this.buffer = bigger;
    this.view = new DataView(bigger.buffer);
  }

  /** Markup prepared once (see Markup). */
  markup(markup: Markup): void {
    this.room(markup.length);
    const view = this.view;
    const words = markup.words;
    const count = words.length;
    let at = this.at;
    for (let index = 0; index < count; index += 1) {
      view.setInt32(at, words[index] as number, true);
      at += 4;
    }
    const tail = markup.tail;
    const buffer = this.buffer;
    for (let index = 0; index < tail.length; index += 1) buffer[at++] = tail[index] as number;
    this.at = at;
  }

  /** Markup or a number, which the caller knows to be ASCII. */
  ascii(text: string): void {
    const length = text.length;
    this.room(length);
    const buffer = this.buffer;
    let at = this.at;
    for (let index = 0; index < length; index += 1) buffer[at++] = text.charCodeAt(index);
    this.at = at;
  }

  /** ASCII digits: `digits` from `start` on (see RowNumber in sheetWriter.ts). */
  digits(digits: Uint8Array, start: number): void {
    const length = digits.length;
    this.room(length - start);
    const buffer = this.buffer;
    let at = this.at;
    for (let index = start; index < length; index += 1) buffer[at++] = digits[index] as number;
    this.at = at;
  }

  /**
   * Any text, encoded as it is: the caller has escaped what XML reserves (the small parts and the rare cell that
   * needs it go this way).
   */
  text(text: string): void {
    this.room(utf8Bound(text));
    this.at = writeUtf8(text, this.buffer, this.at);
  }

  /**
   * Cell text that needs nothing done, written as it is, in one pass: returns false, having written nothing, for a
   * text that may need an entity (& < >), a file-format escape ("_x", control characters, U+FFFE, U+FFFF) or kept
   * spaces (a space at either end), which the caller then writes the careful way.
   */
  plainText(text: string): boolean {
    const length = text.length;
    if (length === 0 || text.charCodeAt(0) === 0x20 || text.charCodeAt(length - 1) === 0x20) return false;
    this.room(length * 3);
    if (length < NATIVE_FROM) {
      const end = encodePlain(text, this.buffer, this.at);
      if (end < 0) return false;
      this.at = end;
      return true;
    }
    // A longer text: checked by a regular expression, then encoded by the platform straight into the chunk (together
    // about a third faster than encoding into a scratch buffer and checking each byte as it is copied over).
    if (MAY_NEED_MORE.test(text)) return false;
    this.at += encoder.encodeInto(text, this.buffer.subarray(this.at)).written;
    return true;
  }
}

// The characters that may make a text more than its bytes (see plainText); leading and trailing spaces are checked apart.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const MAY_NEED_MORE = /[\u0000-\u001f&<>\ufffe\uffff]|_x/;

/** From this length on, a text is encoded by the platform (one call) rather than character by character. */
const NATIVE_FROM = 24;

/**
 * Writes `text` as UTF-8 into `buffer` from `at` (which has room for three bytes per UTF-16 unit) and returns where
 * it ends, as writeUtf8 does; but stops at the first character that may need more than writing (see plainText) and
 * returns -1. One pass that checks and encodes: a separate check first measured ~7% slower on 计算说明.
 */
function encodePlain(text: string, buffer: Uint8Array, at: number): number {
  const length = text.length;
  for (let index = 0; index < length; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 0x80) {
      if (code < 0x20 || code === 0x26 || code === 0x3c || code === 0x3e || (code === 0x5f && text.charCodeAt(index + 1) === 0x78)) return -1;
      buffer[at++] = code;
    } else if (code < 0x800) {
      buffer[at++] = 0xc0 | (code >> 6);
      buffer[at++] = 0x80 | (code & 0x3f);
    } else if (code < 0xd800 || code > 0xdfff) {
      if (code >= 0xfffe) return -1;
      buffer[at++] = 0xe0 | (code >> 12);
      buffer[at++] = 0x80 | ((code >> 6) & 0x3f);
      buffer[at++] = 0x80 | (code & 0x3f);
    } else {
      const next = text.charCodeAt(index + 1);
      if (code <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const point = 0x10000 + ((code - 0xd800) << 10) + (next - 0xdc00);
        buffer[at++] = 0xf0 | (point >> 18);
        buffer[at++] = 0x80 | ((point >> 12) & 0x3f);
        buffer[at++] = 0x80 | ((point >> 6) & 0x3f);
        buffer[at++] = 0x80 | (point & 0x3f);
        index += 1;
      } else {
        // A lone surrogate: U+FFFD, as TextEncoder writes it.
        buffer[at++] = 0xef;
        buffer[at++] = 0xbf;
        buffer[at++] = 0xbd;
      }
    }
  }
  return at;
}
