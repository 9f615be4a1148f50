/**
 * The canonical writer's quick ways (lib/integrity/canonical.ts, issue 14) against the first canonical form
 * (test/helpers/canonicalReference.ts): an object written by the plan of the last object of its class, found the
 * same by for…in; whole numbers written digit by digit; Decimals in an array written straight away. Each must give
 * the reference's text for any value, and above all must never hide a change of shape: an object of a class with a
 * field more, a field less, its fields in another order or a key up its prototype chain is written as the reference
 * writes it, whatever the objects before it looked like.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D } from "../lib/decimal";
import { canonicalText, CanonicalWriter, inputSections, sectionText } from "../lib/integrity";
import { readAssessment } from "../lib/reader";
import { referenceCanonicalText } from "./helpers/canonicalReference";
import { exampleWorkbook } from "./helpers/pinnedValues";

/** Shaped as the reader's cells: a place kept in fields of a base class, with a getter on the prototype. */
class Place {
  constructor(
    readonly sheet: string,
    readonly row: number,
    readonly column: number,
  ) {}

  get ref(): string {
    return `${this.sheet}!${this.row}`;
  }
}

/** Shaped as a rating (RatingCell): the fields of the fingerprint of 上下互评. */
class Rating extends Place {
  constructor(
    readonly rater: string,
    readonly ratee: string,
    readonly value: D,
    readonly word: string | null,
    sheet: string,
    row: number,
    column: number,
  ) {
    super(sheet, row, column);
  }
}

/** A class with an enumerable key on its prototype: for…in lists it, Object.keys does not. */
class Leaky {
  constructor(readonly a: number) {}
}
(Leaky.prototype as unknown as Record<string, unknown>).extra = "inherited";

/** Objects of one class nested in each other: each depth has values of its own while they are written. */
class Tree {
  constructor(
    readonly label: string,
    readonly children: Tree[],
    readonly weight: D,
  ) {}
}

/** Strings of every kind the writer quotes apart (escapes, surrogates), and keys the writer treats apart. */
const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom("城关镇", "😀", '"', "\\", "\u0001", "\ud800", "较好", ""));
const key = fc.oneof(fc.constantFrom("rater", "ratee", "value", "word", "sheet", "row", "column", "ref", "error", "toStringTag", "0", "10", "extra", "a"), fc.string({ minLength: 1, maxLength: 4 }));
const decimal = fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 6 })).map(([n, places]) => new D(n).div(10 ** places));
/** Numbers round the edges of the whole-number shortcut (0 … 2³¹ − 1), and any double. */
const number = fc.oneof(
  fc.constantFrom(0, -0, 1, 9, 10, 99, 100, 2 ** 31 - 1, 2 ** 31, -1, -(2 ** 31), 2 ** 32, 1e21, 0.5, -0.5, Number.MAX_SAFE_INTEGER, Number.NaN, Infinity),
  fc.integer(),
  fc.nat(),
  fc.double(),
);
const leaf = fc.oneof(fc.constant(null), fc.constant(undefined), fc.boolean(), number, text, decimal);

/** What may be done to one object after it is made: nothing (mostly), or a change of its own keys. */
const change = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: "none" as const }) },
  fc.record({ kind: fc.constant("add" as const), key, value: leaf }),
  fc.record({ kind: fc.constant("drop" as const), key }),
  fc.record({ kind: fc.constant("hide" as const), key }),
  fc.record({ kind: fc.constant("redo" as const), key }),
);

type Change = typeof change extends fc.Arbitrary<infer T> ? T : never;

/** Changes an object's own keys: a key added, deleted, made not enumerable, or deleted and added again (last). */
function changed<T extends object>(value: T, what: Change): T {
  const record = value as Record<string, unknown>;
  // Defined, not assigned: a key named as the prototype's getter (ref) becomes an own field too.
  if (what.kind === "add") Object.defineProperty(record, what.key, { value: what.value, enumerable: true, configurable: true, writable: true });
  if (what.kind === "drop") delete record[what.key];
  if (what.kind === "hide" && Object.prototype.hasOwnProperty.call(record, what.key)) Object.defineProperty(record, what.key, { enumerable: false });
  if (what.kind === "redo" && Object.prototype.hasOwnProperty.call(record, what.key)) {
    const kept = record[what.key];
    delete record[what.key];
    record[what.key] = kept;
  }
  return value;
}

const rating = fc
  .tuple(text, text, decimal, fc.option(text), text, fc.nat(1000), fc.oneof(fc.nat(60), number), change)
  .map(([rater, ratee, value, word, sheet, row, column, what]) => changed(new Rating(rater, ratee, value, word, sheet, row, column), what));

/** The bytes a writer hands to a sink, all of them. */
function streamed(value: unknown, writer = new CanonicalWriter()): string {
  const pieces: Uint8Array[] = [];
  writer.begin({ update: (bytes) => pieces.push(bytes.slice()) });
  writer.text(value);
  writer.end();
  return Buffer.concat(pieces).toString("utf8");
}

function agrees(value: unknown): void {
  const reference = referenceCanonicalText(value);
  expect(canonicalText(value)).toBe(reference);
  expect(streamed(value)).toBe(reference);
}

describe("the writer's quick ways write what the first canonical form wrote", () => {
  it("law: a list of objects of one class, some with a field more, less or moved, is written as the reference writes it", () => {
    fc.assert(fc.property(fc.array(rating, { maxLength: 12 }), agrees), { numRuns: 400 });
  });

  it("law: plain objects of one shape, then of another, are each written by their own keys", () => {
    const plain = fc
      .tuple(fc.dictionary(key, leaf, { maxKeys: 5 }), change)
      .map(([record, what]) => changed({ ...record }, what));
    fc.assert(
      fc.property(fc.array(plain, { maxLength: 8 }), (records) => {
        // Runs of one shape (copies of one object) among others, as a list of units or 加减分 records comes.
        agrees(records.flatMap((record) => [record, { ...record }, record]));
      }),
      { numRuns: 300 },
    );
  });

  it("law: an enumerable key up the prototype chain is never taken for an own field", () => {
    const leaky = fc.tuple(fc.integer(), fc.option(leaf, { nil: undefined }), fc.boolean()).map(([a, extra, own]) => {
      const value = new Leaky(a);
      if (own) (value as unknown as Record<string, unknown>).extra = extra;
      return value;
    });
    fc.assert(fc.property(fc.array(leaky, { maxLength: 8 }), agrees), { numRuns: 200 });
    const own = Object.assign(new Leaky(1), { extra: 2 });
    agrees([own, new Leaky(3), own, new Leaky(4)]);
  });

  it("law: objects of one class inside each other keep their own values while the inner ones are written", () => {
    const tree: fc.Memo<Tree> = fc.memo((depth) => {
      const children = depth <= 1 ? fc.constant<Tree[]>([]) : fc.array(tree(depth - 1), { maxLength: 3 });
      return fc.tuple(text, children, decimal).map(([label, list, weight]) => new Tree(label, list, weight));
    });
    fc.assert(fc.property(tree(4), change, (root, what) => agrees([root, changed(new Tree("x", [root], new D(1)), what), root])), { numRuns: 200 });
  });

  it("law: numbers and Decimals in lists, holes and odd arrays included, are written as the reference writes them", () => {
    const member = fc.oneof(number, decimal, leaf, fc.constant(Object.setPrototypeOf([1, 2], D.prototype) as unknown));
    fc.assert(fc.property(fc.sparseArray(member, { maxLength: 20 }), fc.array(number, { maxLength: 20 }), (sparse, numbers) => agrees([sparse, numbers])), {
      numRuns: 300,
    });
  });

  it("writes one text after another with a writer that learnt shapes from an earlier one", () => {
    fc.assert(
      fc.property(fc.array(fc.array(rating, { maxLength: 6 }), { minLength: 2, maxLength: 4 }), (lists) => {
        const writer = new CanonicalWriter();
        for (const list of lists) expect(streamed(list, writer)).toBe(referenceCanonicalText(list));
      }),
      { numRuns: 100 },
    );
  });

  it("a field added to the reader's ratings after the first thousand is written, not hidden by what was learnt", () => {
    const input = readAssessment(exampleWorkbook()).input;
    if (input === null) throw new Error("the example must read");
    const many = Array.from({ length: 40 }, () => input.ratings).flat();
    const last = many.length - 1;
    const peer = { ...input, ratings: many.map((one, i) => (i === last ? Object.assign(Object.create(Object.getPrototypeOf(one) as object) as object, one, { weight: 2 }) : one)) };
    const section = inputSections(peer).find((part) => part.sheet === "上下互评");
    if (section === undefined) throw new Error("上下互评 has a section");
    const text = sectionText(section);
    expect(text).toBe(`{"ratings":${referenceCanonicalText(peer.ratings)}}`);
    expect(text).toContain('"weight":2');
  });
});
