/**
 * 核验 must keep verifying workbooks already sent out: the canonical text and every digest are pinned here as literal
 * values, computed by the code of main at d392ad5 (before the fingerprint was made incremental, issue 14). Any
 * change to what is hashed, however it is made faster, fails here. Never update these literals to make a change
 * pass: a different text means every fingerprint recorded so far no longer verifies.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { webDigest } from "../addin/ui/webDigest";
import { nodeDigest } from "../bin/digest";
import { masterFingerprint, masterLines } from "../lib/forms/fingerprint";
import type { SheetGrid, WorkbookGrids } from "../lib/grid";
import { D } from "../lib/decimal";
import { canonicalText, CanonicalWriter, fingerprint, gridSection, readStamp, sealOutcome, sectionText, valueSection, verifyWorkbook, type Digest } from "../lib/integrity";
import { SHEET } from "../lib/layout";
import { runAssessment } from "../lib/run";
import { referenceCanonicalText } from "./helpers/canonicalReference";
import { everyRule, exampleWorkbook, generatedWorkbook, outputRows } from "./helpers/pinnedValues";

const NOW = new Date(Date.UTC(2026, 0, 15, 1, 2, 3));

const EVERY_RULE_TEXT =
  '{"dates":[{"date":"2025-12-31T23:59:59.123Z"},{"date":"Invalid Date"}],"decimals":[85,0,0.000000001,123456789012345678901234567890.5,"Infinity","NaN",-2.5,85],"errors":[{"error":"#N/A"},{"error":"#DIV/0!"},{"error":"#REF!"}],"flags":[true,false,null,null,12],"holes":[1,,3,],"map":[["10",1],["9",2],["a#",null],["a\\"",[{"x":1,"y":2.5}]],["乙",2],["甲",1],[0.5,"decimal key"],[3,"number key"]],"nested":{"":"empty key","10":"ten","2":"two","a":[{"x":1,"y":2.5},{"x":1,"y":2.5},[{"x":1,"y":2.5}]],"a\\u0000b":"nul","b":{"x":1,"y":2.5},"z":null,"é":1},"numbers":[0,0,1.5,1e+21,1e-7,-3,0.30000000000000004,"NaN","Infinity","-Infinity",9007199254740992],"set":["乙","甲",3,[["k",[1,2]]],{"a":2,"b":1},{"x":1,"y":2.5}],"text":"quote\\" backslash\\\\ newline\\n tab\\t control\\u0001 separator\u2028 lone\\ud800 pair😀 全角８５"}';
const EVERY_RULE_DIGEST = "d336bb5aa2f702c19bb8cffae577bcd3fc57c7dc15d469b1fbc9e6904322abd7";

const OUTPUT_ROWS_TEXT = '[["排名分组","名次","单位名称"],["城关镇",,95.5],[1,,],[null,null,0],[{"date":"2026-01-15T00:00:00.000Z"},{"error":"#N/A"},true,false,0]]';

/** The fingerprint and each sheet's digest, as 计算等次 recorded them with the code of d392ad5. */
interface Pinned {
  fingerprint: string;
  sheets: [string, string][];
  /** The forms' fingerprint of 考核对象 + 考核指标 (分发与回收). */
  master: string;
}

const EXAMPLE: Pinned = {
  fingerprint: "934a3f02b02c200f5524b5403856235431b3bb4dbf2951add8d9702d2420edd3",
  sheets: [
    ["参数", "703edf492e98966654e2ddf4792f8341c8402b60ca1105510624dfc6445a2a72"],
    ["考核对象", "60a35a8fa7e5cf25598515346a5bfeb9812c2e2d33a5e741603e5683cc440c06"],
    ["考核指标", "e869baccc20a1ea887dd84a44ad441a9edff3d07c3cebe08dcc093251873a72d"],
    ["评分", "b9f598b5a41c4fdca479601d62e04de7b65f8df828e3758b7bfd2dc827f1d2cd"],
    ["满意度", "2e821b0ec5a3daffccfd1e11e65029fa01e38658c262b91ec115e6b03aff618a"],
    ["上下互评", "1005f3e162376f6b30d08bc78722f05c9648e209342389f5684b652b8a4bef98"],
    ["加减分", "b520f60c0bdfb700b0f33970c0003202afa7f65c2f56ccdfe0345d7e79073fc9"],
    ["平时考核", "0fbc4efd31c04a0fe93263a398433a15c6252353583d1887ad5441f7178eea93"],
    ["审定调整", "a2c526aab2f489db93635255e88cdd8e07c21b650e8f4e7a323ab9ed4b9c367f"],
    ["结果", "f03c898a9c481b9a4dd07da5d061e0d0904bb9921c825d5ccbc9995d6449593a"],
    ["汇总", "fb0e82d11f49d774a546bac9db30d3f999c97f49c38f41430810aa7fc249c063"],
  ],
  master: "a5e3efc7fecde4de54a96b39f213c326968f56b3bb6c640dc955629fbe117ced",
};

const GENERATED_1000: Pinned = {
  fingerprint: "3a04ef6838508ffd264258a210b7ec9664a8385d3da72727c2c2dd5d6caa7204",
  sheets: [
    ["参数", "d0da1afa1c8df5149d4ccfcd821c35eeec08e2bb1d6ea3d1012cf7a74eb42af3"],
    ["考核对象", "a9e7d829b9b044cf5cb267e386971dda40b975665a700154eb9ae66745718684"],
    ["考核指标", "4c96c1512dd583faf2cffb8fbb81affeec01b81369bb2f488be768e3ec0e0b6d"],
    ["评分", "bcdc089ad02af33d35bd90be3574267be3d7b7f6fd95248ded0c592d701fc3d8"],
    ["满意度", "b2e6f727b2d5459daad9d14b10e82f8b8acca00199709d23cc7f000aa1630ade"],
    ["上下互评", "5a85333caf24c1a0768ca893d8855249d0c9e76bdfa755960bac416efa32d2c9"],
    ["加减分", "955383f12368daf59e165c21e84704cc9c2a3b85aea24ab2db6c0695c5cd20e2"],
    ["平时考核", "1d6942e83e2d7e2e7cf298d82ee7760438e1ac53457b34ef17e5f6a0e3956aa4"],
    ["审定调整", "a2c526aab2f489db93635255e88cdd8e07c21b650e8f4e7a323ab9ed4b9c367f"],
    ["结果", "e744040b80800e4a6b33e75b6e40e1b4ed80b3839847450be94fdaa450feed2d"],
    ["汇总", "04f7b32b9417a77769507c580a882df1bec57cfcc68ab421b4d927ed508c2582"],
  ],
  master: "1365420b2ce42b74beba3c282e8b1b701bd7888ebfc4e4e033c101d089b1edb3",
};

const DIGESTS: [string, Digest][] = [
  ["node:crypto", nodeDigest],
  ["Web Crypto", webDigest],
];

/** Scores and seals a workbook, and gives it back with its output sheets as a host writes them. */
async function sealed(book: WorkbookGrids, digest: Digest): Promise<{ book: WorkbookGrids; pinned: Omit<Pinned, "master"> }> {
  const outcome = await sealOutcome(runAssessment(book), { digest, now: NOW });
  if (outcome.outputs === null) throw new Error("the workbook must score");
  const stamp = readStamp(outcome.outputs.find((sheet) => sheet.name === SHEET.audit)?.rows ?? []);
  const outputs: SheetGrid[] = outcome.outputs.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => [...row]) }));
  return { book: { sheets: [...book.sheets, ...outputs] }, pinned: { fingerprint: stamp?.fingerprint ?? "", sheets: [...(stamp?.sheets ?? [])] } };
}

describe("the canonical text and the digests are today's, byte for byte", () => {
  it("writes every rule of the canonical form as it always did", () => {
    expect(canonicalText(everyRule())).toBe(EVERY_RULE_TEXT);
    expect(sectionText(gridSection(SHEET.results, outputRows()))).toBe(OUTPUT_ROWS_TEXT);
  });

  for (const [host, digest] of DIGESTS) {
    it(`hashes that text to the same digest (${host})`, async () => {
      const print = await fingerprint([valueSection(SHEET.params, everyRule())], digest);
      expect(print.sheets).toEqual([{ sheet: SHEET.params, digest: EVERY_RULE_DIGEST }]);
      expect(print.value).toBe(await nodeDigest(`${SHEET.params}\t${EVERY_RULE_DIGEST}\n`));
    });

    for (const [name, make, want] of [
      ["the example workbook", exampleWorkbook, EXAMPLE],
      ["a generated 1,000-unit assessment", generatedWorkbook, GENERATED_1000],
    ] as const) {
      it(`records the same fingerprint for ${name}, and 核验 computes it again from the written sheets (${host})`, async () => {
        const { book, pinned } = await sealed(make(), digest);
        expect(pinned).toEqual({ fingerprint: want.fingerprint, sheets: want.sheets });
        const verified = await verifyWorkbook(book, digest);
        expect(verified.ok).toBe(true);
        expect(verified.fingerprint).toBe(want.fingerprint);
        expect(verified.changedInputs).toEqual([]);
        expect(verified.editedOutputs).toEqual([]);
        const input = runAssessment(make()).input;
        if (input === null) throw new Error("the workbook must read");
        expect(await masterFingerprint(masterLines(input.units, input.indicators), digest)).toBe(want.master);
      }, 60_000);
    }
  }
});

/** A class as the reader makes them (fields of its own, a place left out). */
class Cell {
  constructor(
    readonly value: unknown,
    readonly sheet: string,
    readonly row: number,
  ) {}
}

/** A class whose objects are error values through an inherited property. */
class LazyError {
  constructor(readonly code: string) {}
  get error(): string {
    return `#${this.code}`;
  }
}

/** A class whose objects are Decimals by decimal.js's tag, inherited. */
class Tagged {
  readonly d = [5];
  readonly e = 0;
  readonly s = 1;
}
Object.defineProperty(Tagged.prototype, "toStringTag", { value: "[object Decimal]" });

/** Any code unit, lone surrogates and the characters JSON escapes included. */
const anyText = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)), maxLength: 8 });
const someText = fc.oneof(anyText, fc.constantFrom("ref", "row", "error", "城关镇", "😀", "ｘ", ""));
/**
 * Object keys: any but "" and keys holding U+0000, the keys whose shapes the first form mixed up (see
 * lib/integrity/canonical.ts keyPlan; tested on their own below). Inside a Map the first form met such objects in
 * the Map's order, the writer in sorted order, so for them alone the mix-up can fall out otherwise; no object read
 * from a workbook has such a key (they are the code's own field names).
 */
const someKey = someText.filter((key) => key !== "" && !key.includes("\u0000"));

/** Values of every kind the canonical form has a rule for, nested, with objects shared between places. */
const { value: anyValue } = fc.letrec<{ value: unknown; leaf: unknown }>((tie) => ({
  leaf: fc.oneof(
    fc.constant(null),
    fc.constant(undefined),
    fc.boolean(),
    fc.double(),
    fc.integer(),
    fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
    someText,
    fc.tuple(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: 0, max: 6 })).map(([n, places]) => new D(n).div(10 ** places)),
    fc.constantFrom(new D(Number.NaN), new D(Number.POSITIVE_INFINITY), new D("-0"), new D("1e-30"), new D("1e40")),
    fc.integer({ min: -1e12, max: 1e13 }).map((time) => new Date(time)),
    fc.constant(new Date(Number.NaN)),
    someText.map((error) => ({ error })),
    someText.map((code) => new LazyError(code)),
    fc.constant(new Tagged()),
  ),
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    tie("leaf"),
    fc.sparseArray(tie("value"), { maxLength: 6 }),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(someKey, tie("value"), { maxKeys: 5 }),
    fc.tuple(tie("value"), someText).map(([value, sheet]) => new Cell(value, sheet, 3)),
    fc.array(fc.tuple(fc.oneof(someText, fc.integer(), tie("leaf")), tie("value")), { maxLength: 5 }).map((pairs) => new Map(pairs)),
    fc.array(tie("value"), { maxLength: 5 }).map((members) => new Set(members)),
    tie("value").map((shared) => [shared, { a: shared, b: [shared] }, new Cell(shared, "评分", 1), shared]),
  ),
}));

/** The UTF-8 bytes a writer hands to a sink, all of them. */
function streamed(value: unknown, writer = new CanonicalWriter()): Uint8Array {
  const pieces: Uint8Array[] = [];
  writer.begin({ update: (bytes) => pieces.push(bytes.slice()) });
  writer.text(value);
  writer.end();
  return Buffer.concat(pieces);
}

describe("the streaming writer writes what the first canonical form wrote", () => {
  it("law: for any value, the same text, and as bytes its UTF-8", () => {
    fc.assert(
      fc.property(anyValue, (value) => {
        const reference = referenceCanonicalText(value);
        expect(canonicalText(value)).toBe(reference);
        expect(Buffer.from(streamed(value)).equals(Buffer.from(reference, "utf8"))).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("mixes up the shapes of objects whose keys join alike (\"\" and U+0000 in keys) as the first form did", () => {
    const values: unknown[] = [
      [{}, { "": 1 }, { a: 1, "": 2 }, { "a\u0000": 3 }, { "\u0000": 4 }, { "": 5, [""]: 6 }],
      [{ "": 1 }, {}, { "a\u0000": 3 }, { a: 1, "": 2 }],
      { "": [{}, new Cell({ "": 7 }, "评分", 1)], "\u0000": [{ "": 8 }, {}] },
      [new Set([{ "": 1 }, {}]), { "": { "": 2 } }],
    ];
    for (const value of values) {
      expect(canonicalText(value)).toBe(referenceCanonicalText(value));
      expect(Buffer.from(streamed(value)).toString("utf8")).toBe(referenceCanonicalText(value));
    }
  });

  it("law: one writer writing several texts in turn remembers nothing that changes a later text", () => {
    fc.assert(
      fc.property(fc.array(anyValue, { minLength: 2, maxLength: 4 }), (values) => {
        const writer = new CanonicalWriter();
        for (const value of values) expect(Buffer.from(streamed(value, writer)).equals(Buffer.from(referenceCanonicalText(value), "utf8"))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it("hands a long text over in pieces of whole buffers, the same bytes in the same order", () => {
    // 10,000 objects of one shape: some 300 KB, several buffers; a name with an emoji straddles no piece wrongly.
    const names = ["城关镇", "八公桥镇😀", 'quote"d'];
    const ratings = Array.from({ length: 10000 }, (_, i) => new Cell(new D(i % 7).div(2), names[i % 3] ?? "", i));
    const pieces: number[] = [];
    const writer = new CanonicalWriter();
    const all: Uint8Array[] = [];
    writer.begin({
      update: (bytes) => {
        pieces.push(bytes.length);
        all.push(bytes.slice());
      },
    });
    writer.text(ratings);
    writer.end();
    expect(pieces.length).toBeGreaterThan(2);
    expect(Buffer.concat(all).toString("utf8")).toBe(referenceCanonicalText(ratings));
  });

  for (const [host, digest] of DIGESTS) {
    it(`law: the stream of ${host} gives the digest of the whole text, however it is cut`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.string({ unit: "grapheme", maxLength: 40 }), fc.array(fc.nat(60), { maxLength: 4 }), async (text, cuts) => {
          const bytes = Buffer.from(text, "utf8");
          const stream = digest.stream?.();
          if (stream === undefined) throw new Error(`${host} has no stream`);
          let at = 0;
          for (const cut of [...cuts].sort((a, b) => a - b)) {
            const end = Math.min(cut, bytes.length);
            if (end <= at) continue;
            stream.update(bytes.subarray(at, end));
            at = end;
          }
          stream.update(bytes.subarray(at));
          expect(await stream.hex()).toBe(await nodeDigest(text));
        }),
        { numRuns: 60 },
      );
    });
  }

  it("a host's digest without a stream is given each section's text whole, and agrees", async () => {
    const plain: Digest = (text) => nodeDigest(text);
    const sections = [valueSection(SHEET.params, everyRule()), gridSection(SHEET.results, outputRows())];
    expect(await fingerprint(sections, plain)).toEqual(await fingerprint(sections, nodeDigest));
    expect((await fingerprint(sections, plain)).sheets[0]?.digest).toBe(EVERY_RULE_DIGEST);
  });
});
