/**
 * 核验 must keep verifying workbooks already sent out: the canonical text and every digest are pinned here as literal
 * values, computed by the code of main at d392ad5 (before the fingerprint was made incremental, issue 14). Any
 * change to what is hashed, however it is made faster, fails here. Never update these literals to make a change
 * pass: a different text means every fingerprint recorded so far no longer verifies.
 */
import { describe, expect, it } from "vitest";
import { webDigest } from "../addin/ui/webDigest";
import { nodeDigest } from "../bin/digest";
import { masterFingerprint, masterLines } from "../lib/forms/fingerprint";
import type { SheetGrid, WorkbookGrids } from "../lib/grid";
import { canonicalText, fingerprint, gridSection, readStamp, sealOutcome, valueSection, verifyWorkbook, type Digest } from "../lib/integrity";
import { SHEET } from "../lib/layout";
import { runAssessment } from "../lib/run";
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
    expect(gridSection(SHEET.results, outputRows()).text).toBe(OUTPUT_ROWS_TEXT);
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
