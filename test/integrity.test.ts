import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nodeDigest } from "../bin/digest";
import { webDigest } from "../addin/ui/webDigest";
import { D } from "../lib/decimal";
import type { SheetGrid, WorkbookGrids } from "../lib/grid";
import {
  canonicalText,
  fingerprint,
  INPUT_SECTION_SHEET,
  readStamp,
  sealOutcome,
  STAMP_GROUP,
  stampTime,
  valueSection,
  verifyWorkbook,
} from "../lib/integrity";
import { INPUT_SHEETS, SHEET } from "../lib/layout";
import { runAssessment } from "../lib/run";
import { PROGRAM_VERSION } from "../lib/version";
import { setCell, sheetOf, validWorkbook } from "./helpers/workbook";

const NOW = new Date(Date.UTC(2026, 0, 15, 1, 2, 3));

/** The valid workbook scored and sealed, with its output sheets added as a host would write them. */
async function scoredBook(): Promise<WorkbookGrids> {
  const book = validWorkbook();
  const outcome = await sealOutcome(runAssessment(book), { digest: nodeDigest, now: NOW });
  if (outcome.outputs === null) throw new Error("the valid workbook must score");
  const outputs: SheetGrid[] = outcome.outputs.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => [...row]) }));
  return { sheets: [...book.sheets, ...outputs] };
}

describe("canonical form", () => {
  it("writes decimals plainly, so 85, 85.0 and 8.5e1 are one value", () => {
    expect(canonicalText(new D("85.0"))).toBe("85");
    expect(canonicalText(new D("8.5e1"))).toBe("85");
    expect(canonicalText(new D("0.00000001"))).toBe("0.00000001");
    expect(canonicalText(new D("-0"))).toBe("0");
    expect(canonicalText([1, "a", null, true, { error: "#N/A" }])).toBe('[1,"a",null,true,{"error":"#N/A"}]');
  });

  it("leaves out where a value was read (ref, row), keeps what it is", () => {
    const a = { name: "城关镇", row: 3, ref: { sheet: "评分", cell: "C3" }, value: new D(5) };
    const b = { value: new D("5.00"), ref: { sheet: "评分", cell: "C9" }, name: "城关镇", row: 9 };
    expect(canonicalText(a)).toBe(canonicalText(b));
    expect(canonicalText(a)).toBe('{"name":"城关镇","value":5}');
  });

  it("law: the order of object keys and of Map entries is not recorded; array order is", () => {
    const entries = fc.uniqueArray(fc.tuple(fc.string(), fc.integer()), { selector: ([key]) => key, maxLength: 8 });
    fc.assert(
      fc.property(entries, (pairs) => {
        const reversed = [...pairs].reverse();
        expect(canonicalText(new Map(pairs))).toBe(canonicalText(new Map(reversed)));
        expect(canonicalText(Object.fromEntries(pairs))).toBe(canonicalText(Object.fromEntries(reversed)));
        if (pairs.length > 1 && pairs[0]?.[0] !== pairs[pairs.length - 1]?.[0]) {
          expect(canonicalText(pairs)).not.toBe(canonicalText(reversed));
        }
      }),
    );
  });

  it("law: different decimals give different texts, equal decimals the same", () => {
    const decimal = fc.tuple(fc.integer({ min: -10000, max: 10000 }), fc.integer({ min: 0, max: 4 })).map(([n, places]) => new D(n).div(10 ** places));
    fc.assert(
      fc.property(decimal, decimal, (a, b) => {
        expect(canonicalText(a) === canonicalText(b)).toBe(a.eq(b));
        expect(JSON.parse(canonicalText(a))).toBe(a.toNumber());
      }),
    );
  });

  it("every part of the input names the sheet it comes from, and those are input sheets", () => {
    for (const sheet of Object.values(INPUT_SECTION_SHEET)) if (sheet !== null) expect(INPUT_SHEETS as readonly string[]).toContain(sheet);
  });
});

describe("digests of the hosts", () => {
  it("node:crypto and Web Crypto give the same SHA-256, the standard one", async () => {
    // FIPS 180-2 test vector: SHA-256("abc").
    expect(await nodeDigest("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "grapheme" }), async (text) => {
        expect(await webDigest(text)).toBe(await nodeDigest(text));
      }),
      { numRuns: 50 },
    );
    expect(await webDigest("城关镇　９５．５")).toBe(await nodeDigest("城关镇　９５．５"));
  });

  it("fingerprint: one digest per section, and one over them; a section's change changes both", async () => {
    const units = valueSection(SHEET.units, [{ name: "城关镇" }]);
    const a = await fingerprint([units, valueSection(SHEET.indicators, [{ code: "1.1" }])], nodeDigest);
    const b = await fingerprint([units, valueSection(SHEET.indicators, [{ code: "1.2" }])], nodeDigest);
    expect(a.value).toMatch(/^[0-9a-f]{64}$/);
    expect(a.sheets.map((entry) => entry.sheet)).toEqual(["考核对象", "考核指标"]);
    expect(a.sheets[0]?.digest).toBe(b.sheets[0]?.digest);
    expect(a.sheets[1]?.digest).not.toBe(b.sheets[1]?.digest);
    expect(a.value).not.toBe(b.value);
    await expect(fingerprint([units, units], nodeDigest)).rejects.toThrow(/same sheet/);
  });

  it("the recorded version is package.json's", () => {
    const pkg = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };
    expect(PROGRAM_VERSION).toBe(pkg.version);
  });
});

describe("the fingerprint in 计算说明", () => {
  it("is recorded at the end of 计算说明 with every sheet's digest, the program and the time", async () => {
    const book = await scoredBook();
    const audit = sheetOf(book, SHEET.audit).rows;
    const stamp = readStamp(audit);
    expect(stamp?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect([...(stamp?.sheets.keys() ?? [])]).toEqual(["参数", "考核对象", "考核指标", "评分", "满意度", "上下互评", "加减分", "平时考核", "审定调整", "结果", "汇总"]);
    expect(stamp?.program).toBe(`kaohe ${PROGRAM_VERSION}`);
    expect(stamp?.time).toBe(stampTime(NOW));
    expect(audit[(stamp?.firstRow ?? 0) - 1]?.every((cell) => cell === null)).toBe(true);
    expect(audit.slice(stamp?.firstRow).every((row) => row[0] === STAMP_GROUP)).toBe(true);
  });

  it("is the same whichever order the score rows and columns are in (what was read, not where)", async () => {
    const a = await scoredBook();
    const b = validWorkbook();
    const scores = sheetOf(b, SHEET.scores).rows;
    scores.splice(2, 4, ...[...scores.slice(2, 6)].reverse());
    const outcome = await sealOutcome(runAssessment(b), { digest: nodeDigest, now: NOW });
    const stampB = readStamp(outcome.outputs?.find((sheet) => sheet.name === SHEET.audit)?.rows ?? []);
    expect(stampB?.fingerprint).toBe(readStamp(sheetOf(a, SHEET.audit).rows)?.fingerprint);
  });

  it("says the time as clerks read it, with the zone", () => {
    expect(stampTime(NOW)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}（UTC[+-]\d{2}:\d{2}）$/);
  });
});

describe("核验", () => {
  it("passes on the untouched scored workbook, quoting the recorded fingerprint", async () => {
    const book = await scoredBook();
    const outcome = await verifyWorkbook(book, nodeDigest);
    const recorded = readStamp(sheetOf(book, SHEET.audit).rows)?.fingerprint ?? "";
    expect(outcome.ok).toBe(true);
    expect(outcome.lines[0]).toBe(`核验通过：输入与结果一致（指纹 ${recorded}）`);
    expect(outcome.differences).toEqual([]);
    expect(outcome.changedInputs).toEqual([]);
    expect(outcome.changedCells).toEqual([]);
    expect(outcome.editedOutputs).toEqual([]);
  });

  it("names the cell of a figure edited by hand in 结果, and says the inputs did not change", async () => {
    // 城关镇 (结果 row 2): 换算得分 36.98 / 39.5 × 100 = 93.62, plus 加分 2: 总分 95.62 in L2.
    const book = await scoredBook();
    setCell(book, SHEET.results, "L2", 95);
    const outcome = await verifyWorkbook(book, nodeDigest);
    expect(outcome.ok).toBe(false);
    expect(outcome.lines).toEqual([
      "核验未通过：结果与输入不一致，共 1 处不同。",
      "结果!L2 为 95.00，按输入应为 95.62（城关镇 · 总分）",
      "输入表与计算时记录的指纹一致，计算后没有改动。",
      "“结果”表在计算等次之后被改动过（与计算时记录的指纹不同）。",
      expect.stringMatching(/^计算时记录：kaohe .*，指纹 [0-9a-f]{64}。$/),
    ]);
  });

  it("names the input sheet changed after scoring and every output cell it changes", async () => {
    // 城关镇's 1.1 from 5 to 4: 指标得分 17.5; 实得分 17.5 + 9.35 + 9.13 = 35.98; 换算 35.98 / 39.5 × 100 = 91.09; 总分 93.09.
    const book = await scoredBook();
    setCell(book, SHEET.scores, "C3", 4);
    const outcome = await verifyWorkbook(book, nodeDigest);
    expect(outcome.ok).toBe(false);
    expect(outcome.changedInputs).toEqual(["评分"]);
    expect(outcome.editedOutputs).toEqual([]);
    const results = outcome.differences.filter((difference) => difference.sheet === SHEET.results);
    expect(results.map((difference) => [difference.cell, difference.found, difference.expected])).toEqual([
      ["E2", "18.50", "17.50"],
      ["I2", "93.62", "91.09"],
      ["L2", "95.62", "93.09"],
    ]);
    expect(outcome.differences.some((difference) => difference.sheet === SHEET.audit)).toBe(true);
    expect(outcome.lines).toContain("计算等次之后，输入表“评分”有改动（与计算时记录的指纹不同）。");
    // The cell itself, from the score 计算说明 recorded for 城关镇's 1.1 ("1.1 得5"): the only one changed.
    expect(outcome.changedCells).toEqual([
      { sheet: "评分", cell: "C3", unit: "城关镇", indicator: expect.stringMatching(/^1\.1 /), was: "5", now: "4" },
    ]);
    expect(outcome.lines).toContainEqual(expect.stringMatching(/^评分!C3（城关镇 · 1\.1 .*）计算等次时为 5，现为 4。$/));
  });

  it("names no 评分 cell when only 结果 was typed over, and every one of several scores typed over", async () => {
    const edited = await scoredBook();
    setCell(edited, SHEET.results, "L2", 95);
    expect((await verifyWorkbook(edited, nodeDigest)).changedCells).toEqual([]);
    const book = await scoredBook();
    setCell(book, SHEET.scores, "C3", 4);
    setCell(book, SHEET.scores, "D3", 4.5);
    const outcome = await verifyWorkbook(book, nodeDigest);
    expect(outcome.changedCells.map((cell) => [cell.cell, cell.was, cell.now])).toEqual([
      ["C3", "5", "4"],
      ["D3", "4", "4.5"],
    ]);
  });

  it("notes an input change that does not change any result, and still passes", async () => {
    const book = await scoredBook();
    setCell(book, SHEET.indicators, "D2", "履行推进法治建设第一责任人职责（修订）");
    const outcome = await verifyWorkbook(book, nodeDigest);
    expect(outcome.ok).toBe(true);
    expect(outcome.changedInputs).toEqual(["考核指标"]);
    expect(outcome.lines[1]).toBe("注意：计算等次之后，输入表“考核指标”有改动（与计算时记录的指纹不同），但改动不影响结果。");
  });

  it("says when the recorded fingerprint itself was altered", async () => {
    const book = await scoredBook();
    const audit = sheetOf(book, SHEET.audit).rows;
    const row = audit.findIndex((cells) => cells[0] === STAMP_GROUP && cells[2] === "指纹-评分");
    setCell(book, SHEET.audit, `D${row + 1}`, "0".repeat(64));
    const outcome = await verifyWorkbook(book, nodeDigest);
    expect(outcome.changedInputs).toEqual(["评分"]);
    expect(outcome.lines).toContain("计算说明中记录的指纹与各表的指纹对不上：核验行本身被改动过。");
  });

  it("passes without a fingerprint (scored by an older version) and says what that cannot tell", async () => {
    const book = await scoredBook();
    const audit = sheetOf(book, SHEET.audit);
    const first = readStamp(audit.rows)?.firstRow ?? 0;
    audit.rows = audit.rows.slice(0, first - 1);
    const outcome = await verifyWorkbook(book, nodeDigest);
    expect(outcome.ok).toBe(true);
    expect(outcome.lines[0]).toMatch(/^核验通过：输入与结果一致（指纹 [0-9a-f]{64}）。此工作簿计算时没有记录指纹/);
  });

  it("refuses a workbook never scored, and one whose inputs no longer score", async () => {
    expect((await verifyWorkbook(validWorkbook(), nodeDigest)).lines).toEqual(["核验未通过：此工作簿没有“结果”表，还没有计算等次，无从核验。请先计算等次。"]);
    const book = await scoredBook();
    setCell(book, SHEET.scores, "C3", "九十");
    const outcome = await verifyWorkbook(book, nodeDigest);
    expect(outcome.ok).toBe(false);
    expect(outcome.lines[0]).toBe("核验未通过：按工作簿现有的输入无法计算等次，结果不是由现有输入算出的。");
    expect(outcome.lines.some((line) => line.includes("评分!C3"))).toBe(true);
  });

  it("names a deleted row of 结果 and a sheet that is missing", async () => {
    const book = await scoredBook();
    const results = sheetOf(book, SHEET.results);
    results.rows = results.rows.slice(0, 4);
    book.sheets = book.sheets.filter((sheet) => sheet.name !== SHEET.summary);
    const outcome = await verifyWorkbook(book, nodeDigest);
    expect(outcome.ok).toBe(false);
    expect(outcome.differences.find((difference) => difference.sheet === SHEET.results)).toMatchObject({ cell: "A5", found: "空白", expected: "“县直单位”" });
    expect(outcome.differences.find((difference) => difference.sheet === SHEET.summary)?.found).toBe("空白（缺少“汇总”表）");
    expect(outcome.editedOutputs).toEqual(["结果", "汇总"]);
  });
});
