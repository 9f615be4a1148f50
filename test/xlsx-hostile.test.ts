// Hostile .xlsx files (issue 13): zip bombs and unsafe entry names. Every reader, the graft and the command line
// refuse them with a Chinese message (exit 2), never an internal error; a part nobody reads is never inflated.
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook, NotAWorkbookError, readWorkbookGrids, replaceSheets, writeOutputSheets, XLSX_MESSAGES } from "../files/xlsx";
import { readWorkbookGridsWithExcelJS } from "../files/xlsx/read";
import { InflateBudget, isSafeEntryName, LIMITS, PartTooLargeError, zipEntries } from "../files/xlsx/zip";
import type { SheetOut } from "../lib/format";
import type { WorkbookGrids } from "../lib/grid";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";
import { run } from "./helpers/cli";
import { deflated, entriesOf, rawZip, zeroBomb, type RawEntry } from "./helpers/zip";

const GIB = 2 ** 30;
const MB = 2 ** 20;
let example: RawEntry[];
let exampleGrids: WorkbookGrids;
let outputs: SheetOut[];
let dir: string;

beforeAll(async () => {
  const bytes = await buildWorkbook(buildTemplate({ year: 2025, example: true }));
  example = entriesOf(bytes);
  exampleGrids = await readWorkbookGrids(bytes);
  outputs = runAssessment(exampleGrids).outputs ?? [];
  dir = await mkdtemp(join(tmpdir(), "kaohe-hostile-"));
}, 60_000);

/** The example with one part's stored data replaced (keeping its name), or with an entry added. */
function withPart(entry: RawEntry): Uint8Array {
  const replaced = example.some((part) => part.name === entry.name);
  return rawZip(replaced ? example.map((part) => (part.name === entry.name ? entry : part)) : [...example, entry]);
}

/** A part of 1.1 GiB of zeros in 7.4 MB, declaring its true size or `declared`. */
function bomb(name: string, declared?: number): RawEntry {
  const size = Math.round(1.1 * GIB);
  return { name, data: zeroBomb(size), method: 8, size: declared ?? size };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof NotAWorkbookError) return error.message;
    throw error;
  }
  throw new Error("not refused");
}

async function cli(bytes: Uint8Array, command: "check" | "score"): Promise<{ code: number; err: string }> {
  const path = join(dir, `${command}-${Math.random().toString(16).slice(2)}.xlsx`);
  await writeFile(path, bytes);
  const args = command === "score" ? ["score", path, "-o", join(dir, "out.xlsx")] : ["check", path];
  const result = await run(...args);
  return { code: result.code, err: [...result.err, ...result.out].join("\n") };
}

describe("zip bombs", () => {
  it("a part nobody reads (1.1 GiB of zeros in 7.4 MB) is never inflated: the file reads and scores, the part is copied compressed", async () => {
    const bytes = withPart(bomb("xl/media/image1.bin"));
    expect(await readWorkbookGrids(bytes)).toStrictEqual(exampleGrids);
    const written = await writeOutputSheets(bytes, outputs);
    const copied = zipEntries(written).find((entry) => entry.name === "xl/media/image1.bin");
    expect(copied?.compressedSize).toBe(bomb("x").data.byteLength);
    expect(copied?.size).toBe(Math.round(1.1 * GIB));
  }, 60_000);

  it.each([
    ["a sheet declaring its 1.1 GiB", () => bomb("xl/worksheets/sheet5.xml")],
    ["a sheet declaring 5,000 bytes but holding 1.1 GiB", () => bomb("xl/worksheets/sheet5.xml", 5_000)],
    ["the shared strings declaring 30 MB but holding 1.1 GiB", () => bomb("xl/sharedStrings.xml", 30 * MB)],
    ["a sheet of 20 MB at a ratio over 1:200", () => deflated("xl/worksheets/sheet5.xml", new Uint8Array(20 * MB))],
  ])("%s: refused as too large by the reader and the command line (exit 2)", async (_, make) => {
    const bytes = withPart(make());
    expect(await refusal(readWorkbookGrids(bytes))).toBe(XLSX_MESSAGES.partTooLarge);
    expect(XLSX_MESSAGES.partTooLarge).toContain("文件中的某部分解压后过大，可能已损坏或不是考核工作簿");
    for (const command of ["check", "score"] as const) {
      const result = await cli(bytes, command);
      expect(result.code).toBe(2);
      expect(result.err).toContain(XLSX_MESSAGES.partTooLarge);
    }
  }, 60_000);

  it("ExcelJS (the fallback reader, import-plan's writer) is never given a file with a bomb, read or not", async () => {
    const bytes = withPart(bomb("xl/media/image1.bin"));
    expect(await refusal(readWorkbookGridsWithExcelJS(bytes))).toBe(XLSX_MESSAGES.partTooLarge);
    expect(await refusal(replaceSheets(bytes, outputs.slice(0, 1)))).toBe(XLSX_MESSAGES.partTooLarge);
  }, 60_000);

  it("the parts read from one file count together: past the total, the next part is refused before it is inflated", () => {
    const budget = new InflateBudget();
    budget.charge("xl/worksheets/sheet1.xml", LIMITS.part);
    budget.charge("xl/worksheets/sheet2.xml", LIMITS.part);
    expect(() => budget.charge("xl/worksheets/sheet3.xml", LIMITS.total - 2 * LIMITS.part + 1)).toThrow(PartTooLargeError);
  });
});

describe("unsafe entry names", () => {
  it.each(["../../etc/x", "/tmp/x", "..\\..\\x", "xl/../../x", "C:x", "xl/\u0007x"])("%s: refused by every reader, the graft and the command line", async (name) => {
    const bytes = withPart(deflated(name, "<x/>"));
    for (const refused of [readWorkbookGrids(bytes), readWorkbookGridsWithExcelJS(bytes), writeOutputSheets(bytes, outputs), replaceSheets(bytes, outputs.slice(0, 1))]) {
      expect(await refusal(refused)).toBe(XLSX_MESSAGES.unsafeEntryName);
    }
    for (const command of ["check", "score"] as const) {
      const result = await cli(bytes, command);
      expect(result.code).toBe(2);
      expect(result.err).toContain(XLSX_MESSAGES.unsafeEntryName);
    }
    await expect(readFile(join(dir, "out.xlsx"))).rejects.toThrow();
  }, 60_000);

  it("what counts as safe: relative paths of plain segments", () => {
    expect(["xl/workbook.xml", "[Content_Types].xml", "xl/media/图片 1.png", "a..b/c"].every(isSafeEntryName)).toBe(true);
    expect(["", "/x", "../x", "a/../b", "a\\b", "D:/x", "a\u0000b", ".."].some(isSafeEntryName)).toBe(false);
  });

  it("a name given twice is refused (readers and Excel would not agree on which one is meant)", async () => {
    const twice = rawZip([...example, deflated("xl/worksheets/sheet1.xml", "<x/>")]);
    expect(await refusal(readWorkbookGrids(twice))).toBe(XLSX_MESSAGES.unsafeEntryName);
  });

});
