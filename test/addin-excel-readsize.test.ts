import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateSheets } from "../bench/generate";
import { isCellError, type CellValue } from "../lib/grid";
import { INPUT_SHEETS, SHEET } from "../lib/layout";
import { createExcelHost } from "../addin/excel/excelHost";
import { readInputSheets, type ReadMode } from "../addin/excel/readBook";
import { FakeWorkbook, visible } from "../fakes/excel";

const all = () => true;

/** Syncs since `from` whose response Excel on the web would refuse (over 5 MB). */
function refusedSince(book: FakeWorkbook, from: number): number {
  return book.syncs.slice(from).filter((sync) => sync.responseBytes > book.limit).length;
}

/**
 * A 评分 sheet of `rows` rows × 100 columns, every cell the number 1. As Office sends it, a row of values is
 * [1,1,…,1], = 3 + 100 × 2 = 203 bytes by the host's estimate (201 bytes and a comma as the fake counts the JSON).
 * The host reads values only (no valueTypes, issue 14): 30,000 rows are 6,030,000 bytes, over the 5 MB (5,242,880)
 * limit, and are read in blocks sized from the bytes received (READ_SYNC_BYTES = 4 MB = 4,194,304 a sync): first
 * 1,048 rows at the 40 bytes a cell assumed before any is measured (4,194,304 / 4,000), then 203 bytes a row as
 * measured: 20,661 rows (4,194,304 / 203), then the last 8,291: 3 syncs of data.
 */
function onesSheet(rows: number): CellValue[][] {
  return Array.from({ length: rows }, () => new Array<CellValue>(100).fill(1));
}

/**
 * Reads the input sheets of `book` in `mode`, and counts the syncs and refused responses of that read. Names first
 * unless `chain` (the plan after Excel refused a chained read once): the block logic without the one-sync read.
 */
async function readCounted(book: FakeWorkbook, mode: ReadMode, chain = false) {
  const from = book.syncCount;
  const read = await readInputSheets(book.context as unknown as Excel.RequestContext, INPUT_SHEETS, { mode, chain });
  return { read, syncs: book.syncCount - from, refused: refusedSince(book, from) };
}

describe("reading big workbooks: the host remembers how the last read went", () => {
  it("reads in blocks after a refused read, stays in blocks while big, goes back to one sync once small", async () => {
    const book = new FakeWorkbook({ [SHEET.scores]: onesSheet(30_000) });
    // The names, the refused whole read, the sizes, 3 syncs of blocks (was 30 when blocks were sized for values and
    // types at 40 bytes a cell): 1 + 1 + 1 + 3.
    const first = await readCounted(book, "whole");
    expect(first).toMatchObject({ syncs: 6, refused: 1 });
    expect(first.read.nextRead).toBe("blocks");
    expect(first.read.book.sheets).toEqual([{ name: SHEET.scores, rows: onesSheet(30_000) }]);

    // Straight to the blocks: the names, the sizes and 3 syncs of data, nothing refused.
    const second = await readCounted(book, first.read.nextRead);
    expect(second).toMatchObject({ syncs: 5, refused: 0 });
    expect(second.read.nextRead).toBe("blocks");
    expect(second.read.book).toEqual(first.read.book);

    // Staff delete rows: 100 rows is one block: the names, the sizes and one more; then the names and one sync again.
    book.sheets = new FakeWorkbook({ [SHEET.scores]: onesSheet(100) }).sheets;
    const shrunk = await readCounted(book, second.read.nextRead);
    expect(shrunk).toMatchObject({ syncs: 3, refused: 0 });
    expect(shrunk.read.nextRead).toBe("whole");
    const small = await readCounted(book, shrunk.read.nextRead);
    expect(small).toMatchObject({ syncs: 2, refused: 0 });
    expect(small.read.nextRead).toBe("whole");
    expect(small.read.book).toEqual(shrunk.read.book);

    // And when it grows again, one refused read teaches the host once more.
    book.sheets = new FakeWorkbook({ [SHEET.scores]: onesSheet(30_000) }).sheets;
    const grown = await readCounted(book, small.read.nextRead);
    expect(grown).toMatchObject({ syncs: 6, refused: 1 });
    expect(grown.read.nextRead).toBe("blocks");
  }, 240_000);

  // The budget is 4 MB = 4,194,304 bytes. n rows come to 203 n bytes, plus 2 for the brackets of each block (here two:
  // the first 1,048 rows, then the rest): 20,661 rows 4,194,183 + 4 = 4,194,187 (under); 20,662 rows 4,194,386 + 4 =
  // 4,194,390 (over).
  // Between the budget and the 5 MB limit the next read stays in blocks: the margin is for Office's envelope and for
  // rows typed in between.
  it.each([
    [1000, "whole"],
    [20_661, "whole"],
    [20_662, "blocks"],
  ] as const)("after a read in blocks of %i rows × 100 columns, reads %s next", async (rows, next) => {
    const book = new FakeWorkbook({ [SHEET.scores]: onesSheet(rows) });
    const { read, refused } = await readCounted(book, "blocks");
    expect(refused).toBe(0);
    expect(read.nextRead).toBe(next);
  }, 30_000);

  it("keeps a whole read that Excel accepted whole, even near the limit (never more syncs than before under 5 MB)", async () => {
    // 25,000 rows: 25,000 × 201 + 24,999 commas + 2 = 5,050,001 bytes of values, under 5,242,880 with the names.
    const book = new FakeWorkbook({ [SHEET.scores]: onesSheet(25_000) });
    const first = await readCounted(book, "whole");
    expect(first).toMatchObject({ syncs: 2, refused: 0 });
    expect(first.read.nextRead).toBe("whole");
  }, 30_000);

  it("reads a big sheet with a stray space in its name in blocks too, instead of failing", async () => {
    const book = new FakeWorkbook({ [`${SHEET.scores} `]: onesSheet(30_000) });
    // The names (评分 found as "评分 "), its whole read refused, its sizes, 3 syncs of blocks.
    const first = await readCounted(book, "whole");
    expect(first).toMatchObject({ syncs: 6, refused: 1 });
    expect(first.read.realNames).toEqual(new Map([[SHEET.scores, `${SHEET.scores} `]]));
    expect(first.read.nextRead).toBe("blocks");
    const second = await readCounted(book, first.read.nextRead);
    expect(second).toMatchObject({ syncs: 5, refused: 0 });
    expect(second.read.book).toEqual(first.read.book);
    expect(second.read.book.sheets).toEqual([{ name: SHEET.scores, rows: onesSheet(30_000) }]);
  }, 240_000);

  it("gives the same grids in blocks as whole: several blocks, a range not at A1, every kind of value", async () => {
    // 2,000 rows × 60 columns from C3, 2,400 bytes a row at the 40 bytes a cell assumed before any is measured.
    const scores: CellValue[][] = [[], []];
    for (let r = 0; r < 2000; r += 1) {
      const row: CellValue[] = [null, null];
      for (let c = 0; c < 60; c += 1) row.push([`单位${r}`, r * 0.5 - c, null, true, { error: "#N/A" }, "'001", "#1中队"][(r + c) % 7] ?? null);
      scores.push(row);
    }
    const sheets = { [SHEET.params]: [["参数", "值"], ["小数位数", 2]], [SHEET.scores]: scores, [SHEET.adjustments]: [["单位名称"]] };
    const whole = await readCounted(new FakeWorkbook(sheets), "whole");
    const blocks = await readCounted(new FakeWorkbook(sheets), "blocks");
    // The names; the values; the types of the cells whose value begins with "#" (#N/A errors and "#1中队" texts).
    expect(whole.syncs).toBe(3);
    // The names; the sizes; 参数, 加减分 and 评分's first rows (a third of 4 MB each, 582 rows, then 1,165 more in
    // what 参数 and 加减分 left: 1,747 rows); 评分's last 253 rows at its measured bytes; the types.
    expect(blocks.syncs).toBe(5);
    expect(blocks.read.book).toEqual(whole.read.book);
    const read = blocks.read.book.sheets.find((sheet) => sheet.name === SHEET.scores);
    expect(visible(read?.rows ?? [])).toEqual(visible(scores));
  });

  it("reads the same grids whole and in blocks, for any small workbook (property)", async () => {
    const cell = fc.oneof(fc.constant(null), fc.integer({ min: -1000, max: 1000 }), fc.string({ maxLength: 4 }), fc.boolean(), fc.constant({ error: "#DIV/0!" }));
    const sheet = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 });
    const names = fc.subarray([...INPUT_SHEETS], { minLength: 1 });
    await fc.assert(
      fc.asyncProperty(names, fc.array(sheet, { minLength: 8, maxLength: 8 }), fc.boolean(), async (chosen, grids, strict) => {
        const sheets = Object.fromEntries(chosen.map((name, i) => [name, grids[i] ?? []]));
        const whole = new FakeWorkbook(sheets);
        whole.strictNullObjects = strict;
        const chained = await readCounted(whole, "whole", true);
        const blocks = await readCounted(new FakeWorkbook(sheets), "blocks");
        expect(blocks.read.book).toEqual(chained.read.book);
        expect(blocks.read.nextRead).toBe("whole");
        const typed = Object.values(sheets).some((rows) => rows.some((row) => row.some((value) => isCellError(value) || (typeof value === "string" && value.startsWith("#")))));
        // One sync when Excel answers a missing sheet with a null object or none is missing; else the refused one,
        // the names and the values. One more for the types of "#…" cells.
        const missing = chosen.length < INPUT_SHEETS.length;
        expect(chained.syncs).toBe((strict && missing ? 3 : 1) + (typed ? 1 : 0));
        // The next read asks in one sync for the sheets found.
        expect(chained.read.next.present).toEqual(chosen.filter((name) => chained.read.book.sheets.some((sheet) => sheet.name === name)));
        // The names and sizes, then at most one sync of data: small sheets share it.
        expect(blocks.syncs).toBeLessThanOrEqual(3 + (typed ? 1 : 0));
      }),
      { numRuns: 40 },
    );
  });
});

describe("检查数据 and 计算等次 clicked again in the same task pane", () => {
  it("检查数据 twice on a big workbook: the second has no refused read and three syncs less, same issues", async () => {
    const book = new FakeWorkbook({ [SHEET.scores]: onesSheet(30_000) });
    const host = createExcelHost({ run: book.run, supports: all });
    const first = await host.check();
    // The one-sync read refused (参数 is missing: a chained call on a null object), the names, the whole read of 评分
    // refused as too large, its sizes, 3 syncs of blocks.
    expect(book.syncCount).toBe(7);
    expect(refusedSince(book, 0)).toBe(1);
    const second = await host.check();
    // Learnt both: the names with 评分's size (one sync, as the one-sync read asks: only 评分 was found), 3 syncs of blocks.
    expect(book.syncCount - 7).toBe(4);
    expect(refusedSince(book, 7)).toBe(0);
    expect(second).toEqual(first);
    expect(book.writes).toEqual([]);
  }, 240_000);

  it("under 5 MB every click costs what it did: 1 sync to read, at most 3 for 计算等次", async () => {
    const sheets = generateSheets(200);
    const book = new FakeWorkbook(Object.fromEntries(sheets.map((sheet) => [sheet.name, sheet.rows])));
    const host = createExcelHost({ run: book.run, supports: all });
    const costs: { read: number; total: number }[] = [];
    for (let click = 0; click < 3; click += 1) {
      const from = book.syncCount;
      let readEnd = -1;
      await host.compute((stage) => {
        if (stage === "compute") readEnd = book.syncCount;
      });
      costs.push({ read: readEnd - from, total: book.syncCount - from });
      await host.check();
      expect(book.syncCount - from - (costs.at(-1)?.total ?? 0)).toBe(1);
    }
    expect(costs.map((cost) => cost.read)).toEqual([1, 1, 1]);
    // The first click adds the output sheets and dresses them (freeze panes, tab colours, the chart) in a third sync;
    // later clicks copy into the same sheets, which keep all that, and read back the 结果 and 核验 rows they wrote (to
    // say what changed) in the same sync as the inputs: read, write.
    expect(costs.map((cost) => cost.total)).toEqual([3, 2, 2]);
    expect(refusedSince(book, 0)).toBe(0);
  });
});
