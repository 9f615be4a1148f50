/**
 * The canonical form: one text for one set of values, whichever host read them, so that a hash of it identifies
 * the values and nothing else. It is JSON, written by these rules:
 * - a decimal (decimal.js) is a JSON number in plain notation with no trailing zeros (85, 85.5, 0.1): 85, "85.0"
 *   and ８５ typed in a cell all read as the same decimal and give the same text;
 * - a JavaScript number is its shortest round-trip text (what String(n) gives); NaN and ±Infinity are strings;
 * - a text is a JSON string, exactly as read (no trimming or normalising here: the reader did that already);
 * - a Date is {"date":"<ISO 8601 UTC>"}; an Excel error value is {"error":"#N/A"};
 * - an array keeps its order (the order of 考核对象 decides ties; the order of rows is data);
 * - a Map is an array of [key, value] pairs and a Set an array of members, both sorted by their canonical text,
 *   and an object's keys are sorted by UTF-16 code units: what is keyed has no order, so none is recorded;
 * - the keys `ref` and `row` (where a value was read, as 评分!F7 or a row number) are left out: moving a row
 *   changes where a value is, not what it is; null and undefined are null.
 * The text is the same byte for byte as it has been since 核验 began: workbooks sent out carry fingerprints of it
 * (test/integrity-pinned.test.ts holds it to literal values).
 */
import { D } from "../decimal";
import { isCellError } from "../grid";
import { fromUtf8, utf8Bound, writeUtf8 } from "./utf8";

/**
 * Receives the UTF-8 bytes of a canonical text piece by piece, in order. The bytes are the writer's own buffer and
 * are only valid during the call: a sink that keeps them copies them (node:crypto hashes them there and then).
 */
export interface ByteSink {
  update(bytes: Uint8Array): void;
}

/** Keys that say where a value was read, not what it is. */
const PLACE_KEYS: ReadonlySet<string> = new Set(["ref", "row"]);

/** The size of the writer's buffer, and so of most pieces handed to a sink (64 KB: stays in cache, few calls). */
const PIECE = 1 << 16;

/** How many distinct objects of one class are looked at for repeats before its objects count as never repeated. */
const REPEAT_PROBE = 64;

const DECIMAL_PROTOTYPE = D.prototype as object;

/** Stands for the prototype of objects made without one (Object.create(null)). */
const NO_PROTOTYPE = {};

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;
const CLOSE_BRACE = 0x7d;

/** Code-unit order, the same in every JavaScript engine (localeCompare is not). */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
}

/** The canonical text of a plain value: see the rules at the top of this file. */
export function canonicalText(value: unknown): string {
  const writer = new CanonicalWriter();
  writer.text(value);
  return fromUtf8(writer.end());
}

/** An object's keys to write, in order, each with what goes before its value. */
interface KeyPlan {
  /** Object.keys of the objects of this shape, in their own order: what a shape is recognised by. */
  readonly keys: readonly string[];
  readonly written: readonly string[];
  /** Where each written key is among `keys` (and so among the object's own values); null when one is not. */
  readonly positions: readonly number[] | null;
  /** `{"key":` for the first written key, `,"key":` for the others. */
  readonly leads: readonly string[];
  /** The leads in UTF-8. */
  readonly leadBytes: readonly Uint8Array[];
  /** Whether the keys hold `toStringTag` or `error`: an object of this shape may be a Decimal or an error value. */
  readonly asks: boolean;
}

/** What is known about the objects of one class (one prototype): their kind, whether one object is met again and again. */
interface ClassKind {
  readonly of: "date" | "map" | "set" | "record";
  /** Whether the class itself (its prototype chain) has a `toStringTag` or an `error`. */
  readonly inherits: boolean;
  /**
   * Whether nothing up the prototype chain is enumerable, so that for…in over an object of this class lists its own
   * keys only, in the order of Object.keys (see sameShape).
   */
  readonly ownOnly: boolean;
  repeated: boolean;
  /** The objects met so far while still looking; null once the class counts as never repeated, or repeated. */
  probe: Set<object> | null;
  /** The key plan of the last object of this class written, and the number of the text it was written in. */
  plan: KeyPlan | null;
  planText: number;
}

/**
 * Writes canonical texts as UTF-8 bytes into a sink, a buffer at a time, so that no text of a whole workbook is ever
 * held, as a string or as bytes (issue 14: 10,000 units read as a million score cells and 300,000 ratings, some
 * 60 MB of text). Without a sink it keeps the bytes and `end` returns them. Texts are encoded straight into the
 * buffer as they are written (fewer memory round trips than looking up encoded copies). The text is the same as
 * writing every value afresh; only the work is less:
 * - each decimal.js value is turned into text once: the reader shares one Decimal among all cells of one number;
 * - an object made by a class (not a plain object or array) that occurs again is written once and its bytes copied
 *   after: every unit's scores refer to the same 评分 columns, written again for each of 10,000 units; classes whose
 *   first objects never repeat (a rating each) are not remembered at all;
 * - objects with the same keys in the same order share one sorted key list (300,000 ratings have one shape).
 * Nothing read changes while a text is made, so a value's text cannot change between two of its occurrences. One
 * writer may write several texts one after another (begin … end), sharing what it remembers.
 */
export class CanonicalWriter {
  private bytes = new Uint8Array(PIECE);
  private at = 0;
  private sink: ByteSink | null = null;
  /** > 0 while bytes are being kept (an object's text to remember, a key to sort by): none leaves then. */
  private holding = 0;
  private readonly decimals = new Map<object, string>();
  private readonly instances = new Map<object, Uint8Array>();
  private readonly classes = new Map<object, ClassKind>();
  /** Key plans by their first key (or "" for no keys); a shape is found by comparing its keys one by one. */
  private readonly plans = new Map<string, KeyPlan[]>();
  /** Key plans by their keys joined with U+0000: how the first canonical form found them (see keyPlan). */
  private readonly shapes = new Map<string, KeyPlan>();
  /** Counts the texts written (`text` calls): a plan remembered from an earlier text is not used. */
  private texts = 0;
  /** What is known of plain objects, as of a class (units of one list share a shape); made afresh for each text. */
  private plainKind = recordKind(Object.prototype);
  /** Per depth of objects being written, the values of the object written there (filled by sameShape; reused). */
  private readonly frames: unknown[][] = [];
  private depth = 0;
  /** The prototype of the last class-made object written, and what is known of its class. */
  private lastPrototype: object | null | undefined = undefined;
  private lastKind: ClassKind | null = null;

  /** Starts a text that goes to `sink` (or is kept, when null). */
  begin(sink: ByteSink | null): void {
    this.at = 0;
    this.sink = sink;
  }

  /** Finishes the text: hands the rest to the sink and returns no bytes, or returns all the bytes kept. */
  end(): Uint8Array {
    const size = this.at;
    const sink = this.sink;
    this.at = 0;
    this.sink = null;
    if (sink === null) return this.bytes.slice(0, size);
    if (size > 0) sink.update(this.bytes.subarray(0, size));
    return new Uint8Array(0);
  }

  /** Writes text as it is (punctuation, keys, numbers; the keys of a section made of parts). */
  raw(text: string): void {
    this.room(utf8Bound(text));
    this.at = writeUtf8(text, this.bytes, this.at);
  }

  /**
   * Writes the canonical text of a value: the same bytes as canonicalText(value). Object shapes are learnt afresh
   * for each value written this way, as the first canonical form learnt them afresh for each text (see keyPlan).
   */
  text(value: unknown): void {
    this.plans.clear();
    this.shapes.clear();
    // An object's remembered text was written with the plans of its own text (the same but for such shared plans).
    this.instances.clear();
    this.texts += 1;
    this.depth = 0;
    this.plainKind = recordKind(Object.prototype);
    this.value(value);
  }

  private value(value: unknown): void {
    if (value === null || value === undefined) return this.raw("null");
    switch (typeof value) {
      case "string":
        return this.quoted(value);
      case "number":
        return this.number(value);
      case "boolean":
        return this.raw(value ? "true" : "false");
      case "bigint":
        return this.raw(value.toString());
      case "object":
        return this.object(value);
      default:
        throw new TypeError(`canonicalText: a ${typeof value} has no canonical form`);
    }
  }

  /** Makes room for `size` more bytes: hands the buffer to the sink when it is full, or grows it while holding. */
  private room(size: number): void {
    if (this.at + size <= this.bytes.length) return;
    if (this.holding === 0 && this.sink !== null) {
      if (this.at > 0) this.sink.update(this.bytes.subarray(0, this.at));
      this.at = 0;
      if (size <= this.bytes.length) return;
    }
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.at + size));
    grown.set(this.bytes.subarray(0, this.at));
    this.bytes = grown;
  }

  /** Writes a text of ASCII characters only (numbers, decimals, most keys): one byte each. */
  private ascii(text: string): void {
    const length = text.length;
    this.room(length);
    const bytes = this.bytes;
    const at = this.at;
    for (let i = 0; i < length; i += 1) bytes[at + i] = text.charCodeAt(i);
    this.at = at + length;
  }

  /** A number as String(n) writes it; a small whole number (a column, a count) digit by digit, without a string. */
  private number(value: number): void {
    if (!(value >= 0 && value <= 0x7fffffff && (value | 0) === value)) return this.ascii(numberText(value));
    // -0 passes too: its text is "0", as String(-0) gives.
    let digits = 1;
    for (let rest = value; rest >= 10; rest = (rest / 10) | 0) digits += 1;
    this.room(digits);
    const bytes = this.bytes;
    let at = this.at + digits;
    this.at = at;
    let rest = value;
    do {
      const next = (rest / 10) | 0;
      bytes[--at] = 0x30 + rest - next * 10;
      rest = next;
    } while (rest > 0);
  }

  /** Bytes known to be few (a key's lead): copied one by one, quicker than `set` for so few. */
  private small(piece: Uint8Array): void {
    const length = piece.length;
    this.room(length);
    const bytes = this.bytes;
    const at = this.at;
    for (let i = 0; i < length; i += 1) bytes[at + i] = piece[i] as number;
    this.at = at + length;
  }

  private byte(code: number): void {
    this.room(1);
    this.bytes[this.at++] = code;
  }

  /**
   * A text as JSON.stringify quotes it, encoded on the way: most texts need no escape and no surrogate pair; one
   * that does (a quote, a control character, an emoji) is quoted by JSON.stringify itself.
   */
  private quoted(text: string): void {
    const length = text.length;
    this.room(length * 3 + 2);
    const bytes = this.bytes;
    let at = this.at;
    bytes[at++] = QUOTE;
    for (let i = 0; i < length; i += 1) {
      const code = text.charCodeAt(i);
      if (code < 0x80) {
        if (code < 0x20 || code === QUOTE || code === BACKSLASH) return this.raw(JSON.stringify(text));
        bytes[at++] = code;
      } else if (code < 0x800) {
        bytes[at++] = 0xc0 | (code >> 6);
        bytes[at++] = 0x80 | (code & 0x3f);
      } else if (code >= 0xd800 && code <= 0xdfff) {
        return this.raw(JSON.stringify(text));
      } else {
        bytes[at++] = 0xe0 | (code >> 12);
        bytes[at++] = 0x80 | ((code >> 6) & 0x3f);
        bytes[at++] = 0x80 | (code & 0x3f);
      }
    }
    bytes[at++] = QUOTE;
    this.at = at;
  }

  /** Writes what `write` writes, and returns those bytes too (to remember them). */
  private keep(write: () => void): Uint8Array {
    const start = this.at;
    this.holding += 1;
    try {
      write();
    } finally {
      this.holding -= 1;
    }
    return this.bytes.slice(start, this.at);
  }

  /** A value's canonical text, not written (to sort by). */
  private kept(value: unknown): string {
    if (typeof value === "string") return JSON.stringify(value);
    const start = this.at;
    const bytes = this.keep(() => this.value(value));
    this.at = start;
    return fromUtf8(bytes);
  }

  private object(value: object): void {
    if (Array.isArray(value)) return this.array(value);
    const prototype = Object.getPrototypeOf(value) as object | null;
    // A Decimal first: a million 评分 cells are one. Every decimal.js constructor (clones too) makes its objects with
    // the one prototype; an object that is a Decimal any other way is found by D.isDecimal below.
    if (prototype === DECIMAL_PROTOTYPE) return this.decimal(value as D);
    if (prototype === Object.prototype) {
      if (D.isDecimal(value)) return this.decimal(value as D);
      if (isCellError(value)) return this.error(value);
      return this.record(value, this.plainKind);
    }
    // The class of the last object again (the next of 300,000 ratings) once it is known whether its objects repeat.
    let kind = prototype === this.lastPrototype ? this.lastKind : null;
    if (kind === null || kind.probe !== null) {
      kind = this.classOf(prototype, value);
      this.lastPrototype = prototype;
      this.lastKind = kind;
    }
    if (kind.repeated) {
      const known = this.instances.get(value);
      if (known === undefined) this.instances.set(value, this.keep(() => this.instance(value, kind)));
      else {
        this.room(known.length);
        this.bytes.set(known, this.at);
        this.at += known.length;
      }
      return;
    }
    this.instance(value, kind);
  }

  private decimal(value: D): void {
    let text = this.decimals.get(value);
    if (text === undefined) {
      text = decimalText(value);
      this.decimals.set(value, text);
    }
    this.ascii(text);
  }

  /**
   * What this writer knows of a class (by prototype): what kind of object it makes, and whether its objects occur
   * more than once and so are worth remembering (found out on the first objects met).
   */
  private classOf(prototype: object | null, value: object): ClassKind {
    const key = prototype ?? NO_PROTOTYPE;
    let kind = this.classes.get(key);
    if (kind === undefined) {
      const of = value instanceof Date ? "date" : value instanceof Map ? "map" : value instanceof Set ? "set" : "record";
      const inherits = prototype !== null && ("toStringTag" in prototype || "error" in prototype);
      kind = of === "record" ? recordKind(prototype, inherits) : { of, inherits, ownOnly: false, repeated: false, probe: new Set(), plan: null, planText: -1 };
      this.classes.set(key, kind);
    }
    const probe = kind.probe;
    if (probe === null) return kind;
    if (probe.has(value)) {
      kind.repeated = true;
      kind.probe = null;
    } else {
      probe.add(value);
      if (probe.size > REPEAT_PROBE) kind.probe = null;
    }
    return kind;
  }

  /** An array's members in order. A hole (a 评分 column not filled for a unit) is written as nothing ("4,,4"). */
  private array(value: readonly unknown[]): void {
    this.byte(OPEN_BRACKET);
    for (let i = 0; i < value.length; i += 1) {
      if (i > 0) this.byte(COMMA);
      const item = value[i];
      // A Decimal straight away: 评分 is a million of them, ten thousand rows of a hundred.
      if (typeof item === "object" && item !== null && Object.getPrototypeOf(item) === DECIMAL_PROTOTYPE && !Array.isArray(item)) this.decimal(item as D);
      else if (item !== undefined || i in value) this.value(item);
    }
    this.byte(CLOSE_BRACKET);
  }

  /**
   * A class-made object: a Decimal by its tag, a Date, an error value, a Map, a Set, or a record of its own keys.
   * Objects of a plain class (300,000 ratings) are asked whether they are a Decimal or an error value only when they
   * could be: when the class or the object itself has a `toStringTag` or `error` (the properties those questions
   * read); the answer is the same, without two property look-ups that find nothing on every object.
   */
  private instance(value: object, kind: ClassKind): void {
    if (kind.of === "record" && !kind.inherits) return this.record(value, kind);
    if (D.isDecimal(value)) return this.decimal(value as D);
    if (kind.of === "date") {
      const date = value as Date;
      return this.raw(`{"date":${JSON.stringify(Number.isNaN(date.getTime()) ? "Invalid Date" : date.toISOString())}}`);
    }
    if (isCellError(value)) return this.error(value);
    if (kind.of === "map") {
      const pairs: { key: string; item: unknown }[] = [];
      for (const [key, item] of (value as Map<unknown, unknown>).entries()) pairs.push({ key: this.kept(key), item });
      pairs.sort((a, b) => byCodeUnits(a.key, b.key));
      this.byte(OPEN_BRACKET);
      for (let i = 0; i < pairs.length; i += 1) {
        const pair = pairs[i] as (typeof pairs)[number];
        this.raw(i > 0 ? ",[" : "[");
        this.raw(pair.key);
        this.byte(COMMA);
        this.value(pair.item);
        this.byte(CLOSE_BRACKET);
      }
      return this.byte(CLOSE_BRACKET);
    }
    if (kind.of === "set") {
      const members: string[] = [];
      for (const member of value as Set<unknown>) members.push(this.kept(member));
      return this.raw(`[${members.sort(byCodeUnits).join(",")}]`);
    }
    this.fields(value, this.keyPlan(Object.keys(value)));
  }

  /**
   * An object as a record of its own keys, by the plan of the last object of its class when it has the same keys in
   * the same order (300,000 ratings): found out with for…in, which makes no list of keys or values to throw away.
   */
  private record(value: object, kind: ClassKind): void {
    const depth = this.depth;
    let values = this.frames[depth];
    if (values === undefined) {
      values = [];
      this.frames[depth] = values;
    }
    let plan = kind.planText === this.texts ? kind.plan : null;
    const known = plan !== null && kind.ownOnly && sameShape(value, plan.keys, values);
    if (!known || plan === null) {
      plan = this.keyPlan(Object.keys(value));
      kind.plan = plan;
      kind.planText = this.texts;
    }
    if (plan.asks) {
      if (D.isDecimal(value)) return this.decimal(value as D);
      if (isCellError(value)) return this.error(value);
    }
    if (plan.positions === null) return this.fields(value, plan);
    // The values stay in this depth's frame while they are written; an object among them is written one deeper.
    this.depth = depth + 1;
    this.fieldValues(known ? values : Object.values(value), plan.positions, plan);
    this.depth = depth;
  }

  private error(value: { error: string }): void {
    this.raw(`{"error":${JSON.stringify(value.error)}}`);
  }

  /** An object as a record of its own enumerable keys (`plan`, made from them), sorted, places left out. */
  private fields(value: object, plan: KeyPlan): void {
    const record = value as Record<string, unknown>;
    const { written, leadBytes } = plan;
    if (written.length === 0) return this.raw("{}");
    for (let i = 0; i < written.length; i += 1) {
      this.small(leadBytes[i] as Uint8Array);
      this.value(record[written[i] as string]);
    }
    this.byte(CLOSE_BRACE);
  }

  /**
   * The same as `fields`, from the object's own values in the order of its keys (Object.values, one call, instead of
   * looking each key up by name on objects of many shapes).
   */
  private fieldValues(values: readonly unknown[], positions: readonly number[], plan: KeyPlan): void {
    const { written, leadBytes } = plan;
    if (written.length === 0) return this.raw("{}");
    for (let i = 0; i < written.length; i += 1) {
      this.small(leadBytes[i] as Uint8Array);
      this.value(values[positions[i] as number]);
    }
    this.byte(CLOSE_BRACE);
  }

  /**
   * The plan for objects with these keys. The first canonical form looked plans up by the keys joined with U+0000,
   * so two different lists of keys that join alike (["", "a"] and ["\u0000a"], [] and [""]) shared the plan made
   * for the first of them met in the same text. No object read from a workbook has such keys, but the text must stay
   * the same for every value: a list of keys met for the first time is looked up that way too.
   */
  private keyPlan(keys: string[]): KeyPlan {
    const first = keys.length === 0 ? "" : (keys[0] as string);
    let known = this.plans.get(first);
    if (known === undefined) {
      known = [];
      this.plans.set(first, known);
    }
    for (const plan of known) if (sameKeys(plan.keys, keys)) return plan;
    const shape = keys.join("\u0000");
    const alike = this.shapes.get(shape);
    const written = alike?.written ?? keys.filter((key) => !PLACE_KEYS.has(key)).sort(byCodeUnits);
    const leads = alike?.leads ?? written.map((key, i) => `${i > 0 ? "," : "{"}${JSON.stringify(key)}:`);
    const positions = written.map((key) => keys.indexOf(key));
    const plan: KeyPlan = {
      keys,
      written,
      // A written key that is not among the object's own (a plan shared as above) is looked up by name.
      positions: positions.includes(-1) ? null : positions,
      leads,
      leadBytes: leads.map(encoded),
      asks: keys.includes("toStringTag") || keys.includes("error"),
    };
    if (alike === undefined) this.shapes.set(shape, plan);
    known.push(plan);
    return plan;
  }
}

function encoded(text: string): Uint8Array {
  const bytes = new Uint8Array(utf8Bound(text));
  return bytes.slice(0, writeUtf8(text, bytes, 0));
}

function recordKind(prototype: object | null, inherits = false): ClassKind {
  return { of: "record", inherits, ownOnly: enumeratesNothing(prototype), repeated: false, probe: new Set(), plan: null, planText: -1 };
}

/** Whether for…in finds no key on `prototype` or up its chain: then for…in over an object lists its own keys only. */
function enumeratesNothing(prototype: object | null): boolean {
  for (const key in prototype) if (key !== undefined) return false;
  return true;
}

/**
 * Whether `value`'s own enumerable keys are `keys`, in that order, its values put in `into` on the way. for…in lists
 * own keys in the order of Object.keys, then inherited enumerable ones: only for objects whose prototype chain has
 * none (ClassKind.ownOnly), so that the keys listed are exactly Object.keys(value).
 */
function sameShape(value: object, keys: readonly string[], into: unknown[]): boolean {
  const record = value as Record<string, unknown>;
  let i = 0;
  for (const key in record) {
    if (key !== keys[i]) return false;
    into[i] = record[key];
    i += 1;
  }
  return i === keys.length;
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

/** A decimal in plain notation without trailing zeros; -0 is 0. decimal.js from another clone is read the same. */
function decimalText(value: D): string {
  const decimal = new D(value);
  if (!decimal.isFinite()) return JSON.stringify(decimal.toString());
  if (decimal.isZero()) return "0";
  return decimal.toFixed();
}
