import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { buildWorkbook, NotAWorkbookError, readWorkbookGrids, writeOutputSheets } from "../files/xlsx";
import { buildTemplate } from "../lib/template";
import type { CellValue, WorkbookGrids } from "../lib/grid";
import { hasErrors, type Issue } from "../lib/issue";
import { INPUT_SHEETS } from "../lib/layout";
import { readAssessment } from "../lib/reader";
import { checkAssessment, runAssessment } from "../lib/run";
import { setCell, validWorkbook } from "./helpers/workbook";
import { deflated, entriesOf, rawZip, zeroBomb, type RawEntry } from "./helpers/zip";

/**
 * Random workbooks into the reader and the whole pipeline. Laws: nothing throws; every problem names a sheet and an
 * A1 cell; a run with any error has no result and no output sheets (so no host writes anything). Fixed seeds and
 * bounded runs keep the file fast and its failures reproducible.
 */
const SEED = 20251123;
const A1 = /^[A-Z]+[1-9][0-9]*$/;

const text = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.string({ unit: fc.constantFrom("8", "5", ".", "分", "%", "＋", "８", "．", " ", "\u3000", "\u0000", "\u0007", "\t", "\n", "e", "-", "不适用", "好", "是", "、", "=") , maxLength: 8 }),
  fc.constantFrom("=1+1", "+86", "-5", "@SUM(A1)", "=HYPERLINK(\"http://x\")", "NaN", "Infinity", "-0", "1e400", "0x10", "85.5.1", "八十五", "不适用", "／", "加分", "扣分", "全部", "城关镇 ", "城关镇\u0001", "100%", "120%", "1,000"),
);
const number = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e308, -1e308, 5e-324, 1e-7, 0.1 + 0.2, 2 ** 53 + 1, 4.5, 100, 101, -1),
  fc.integer(),
);
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: text },
  { weight: 3, arbitrary: number },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.date({ min: new Date(-8.64e15), max: new Date(8.64e15), noInvalidDate: true }) },
  { weight: 1, arbitrary: fc.constantFrom("#N/A", "#VALUE!", "#REF!", "#DIV/0!", "#NUM!", "#NAME?", "#NULL!").map((error) => ({ error })) },
  { weight: 2, arbitrary: fc.constant(null) },
);

/** A valid workbook with some cells of its input sheets overwritten: close enough to real to reach the rules. */
const editedBook = fc
  .array(fc.tuple(fc.constantFrom(...INPUT_SHEETS), fc.nat(9), fc.nat(8), cell), { maxLength: 12 })
  .map((edits) => {
    const book = validWorkbook();
    for (const [sheet, row, column, value] of edits) {
      if (book.sheets.some((candidate) => candidate.name === sheet)) setCell(book, sheet, `${String.fromCharCode(65 + column)}${row + 1}`, value);
    }
    return book;
  });

/** Whole sheets of random cells, under input-sheet names or any name. */
const randomBook: fc.Arbitrary<WorkbookGrids> = fc
  .array(
    fc.record({
      name: fc.oneof(fc.constantFrom(...INPUT_SHEETS, "评分 ", " 参数", "结果"), fc.string({ maxLength: 6 })),
      rows: fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 8 }),
      merged: fc.option(fc.constantFrom(["A1:B2"], ["C3:C9"], ["B2:B2", "A1:A3"]).map((ranges) => [...ranges]), { nil: undefined }),
      hiddenRows: fc.option(fc.array(fc.nat(10), { maxLength: 3 }), { nil: undefined }),
    }),
    { maxLength: 9 },
  )
  .map((sheets) => ({ sheets }));

function checkIssues(issues: readonly Issue[]): void {
  for (const issue of issues) {
    expect(issue.sheet.length).toBeGreaterThan(0);
    expect(issue.cell).toMatch(A1);
    expect(issue.message.length).toBeGreaterThan(0);
    expect(["error", "warning"]).toContain(issue.level);
  }
}

function checkRun(book: WorkbookGrids): void {
  expect(() => readAssessment(book)).not.toThrow();
  const run = runAssessment(book);
  checkIssues(run.issues);
  if (hasErrors(run.issues)) {
    expect(run.result).toBeNull();
    expect(run.outputs).toBeNull();
  } else {
    expect(run.outputs).not.toBeNull();
  }
  checkIssues(checkAssessment(book));
}

describe("fuzzing the reader and the pipeline", () => {
  it("edited valid workbooks: never throws, every problem at a cell, errors write nothing", () => {
    fc.assert(fc.property(editedBook, checkRun), { seed: SEED, numRuns: 400 });
  });

  it("random sheets: never throws, every problem at a cell, errors write nothing", () => {
    fc.assert(fc.property(randomBook, checkRun), { seed: SEED, numRuns: 300 });
  });

  it("through an .xlsx file and back, then the output written into it: never throws", async () => {
    await fc.assert(
      fc.asyncProperty(editedBook, async (book) => {
        const bytes = await toXlsx(book);
        const read = await readWorkbookGrids(bytes);
        checkRun(read);
        const run = runAssessment(read);
        if (run.outputs !== null) {
          const written = await readWorkbookGrids(await writeOutputSheets(bytes, run.outputs));
          // The input sheets come back exactly as they were read.
          for (const sheet of read.sheets) expect(written.sheets.find((candidate) => candidate.name === sheet.name)?.rows).toEqual(sheet.rows);
        }
      }),
      { seed: SEED, numRuns: 40 },
    );
  }, 30_000);
});

describe("fuzzing the .xlsx parts", () => {
  // Pieces of XML put into, or cut out of, one part of a real workbook (the example county's). The law: reading gives
  // grids or refuses the file as not a workbook (a Chinese message for the user); writing the outputs into a file
  // that read gives a file or that same refusal. Never any other error, which users would see as an internal one.
  const PIECES = ["<", ">", "/", '"', "'", "=", "&", "&amp;", '<c r="A1">', "</c>", "<row>", "</row>", "<v>", "</v>", ' t="s"', ' t="inlineStr"', "<is><t>x</t></is>", ' r="ZZZZ9999999"', ' s="999"', "<f>", "<si><t>", "</si>", "x:", '<mergeCell ref="A1:B2"/>', ' hidden="1"', '<col min="0" max="99999999" hidden="1"/>', "-1", "1e308", "NaN", "&#0;", "&#xD800;"];
  const edit = fc.record({ at: fc.nat(), cut: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }), piece: fc.constantFrom(...PIECES) });

  it("a damaged part: grids or NotAWorkbookError, and the same when writing", async () => {
    const bytes = await buildWorkbook(buildTemplate({ year: 2025, example: true }));
    const outputs = runAssessment(await readWorkbookGrids(bytes)).outputs ?? [];
    const parts = unzipSync(bytes);
    const names = Object.keys(parts).filter((name) => name.endsWith(".xml") || name.endsWith(".rels"));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.array(edit, { minLength: 1, maxLength: 4 }), async (name, edits) => {
        let xml = strFromU8(parts[name] ?? new Uint8Array());
        for (const { at, cut, piece } of edits) {
          const where = at % (xml.length + 1);
          xml = cut === null ? xml.slice(0, where) + piece + xml.slice(where) : xml.slice(0, where) + xml.slice(where + cut);
        }
        const damaged = zipSync({ ...parts, [name]: strToU8(xml) });
        const read = await refusedOr(readWorkbookGrids(damaged));
        if (read !== "refused") await refusedOr(writeOutputSheets(damaged, outputs));
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 120_000);
});

describe("fuzzing hostile zips (issue 13: bombs and unsafe names)", () => {
  // One part of the example replaced by, or joined by, a zip bomb (declaring its true 1.1 GiB, or a lie), a part at a
  // ratio over 1:200, or an entry with an unsafe name. The law: reading and writing give a result or refuse the file
  // as not a workbook (a Chinese message), never another error, never gigabytes of memory.
  it("grids or NotAWorkbookError, and the same when writing", async () => {
    const bytes = await buildWorkbook(buildTemplate({ year: 2025, example: true }));
    const outputs = runAssessment(await readWorkbookGrids(bytes)).outputs ?? [];
    const example = entriesOf(bytes);
    const size = Math.round(1.1 * 2 ** 30);
    const bombData = zeroBomb(size);
    const names = [...example.map((part) => part.name), "xl/media/image1.png", "customXml/item1.xml"];
    const hostile = fc.oneof(
      fc.record({ kind: fc.constant("bomb" as const), name: fc.constantFrom(...names), declared: fc.constantFrom(size, 5_000, 30 * 2 ** 20, 0) }),
      fc.record({ kind: fc.constant("ratio" as const), name: fc.constantFrom(...names) }),
      fc.record({ kind: fc.constant("name" as const), name: fc.constantFrom("../../etc/x", "/tmp/x", "..\\..\\x", "xl/../../x", "C:x", "xl/worksheets/sheet1.xml") }),
    );
    await fc.assert(
      fc.asyncProperty(hostile, async (h) => {
        const entry: RawEntry =
          h.kind === "bomb" ? { name: h.name, data: bombData, method: 8, size: h.declared } : h.kind === "ratio" ? deflated(h.name, new Uint8Array(20 * 2 ** 20)) : deflated(h.name, "<x/>");
        const replaced = h.kind !== "name" && example.some((part) => part.name === h.name);
        const file = rawZip(replaced ? example.map((part) => (part.name === h.name ? entry : part)) : [...example, entry]);
        const read = await refusedOr(readWorkbookGrids(file));
        if (read !== "refused") await refusedOr(writeOutputSheets(file, outputs));
      }),
      { seed: SEED, numRuns: 40 },
    );
  }, 300_000);
});

/** The promised value, or "refused" when it was refused as not a workbook; any other error fails the test. */
async function refusedOr<T>(promise: Promise<T>): Promise<T | "refused"> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof NotAWorkbookError) return "refused";
    throw error;
  }
}

/** Grids as an .xlsx file; errors as ExcelJS error values, text as text (a leading = stays text). */
async function toXlsx(book: WorkbookGrids): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const grid of book.sheets) {
    const sheet = workbook.addWorksheet(grid.name);
    grid.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) sheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
