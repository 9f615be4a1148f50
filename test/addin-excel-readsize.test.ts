import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateSheets } from "../bench/generate";
import type { CellValue } from "../lib/grid";
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
 * [1,1,…,1], = 3 + 100 × 2 = 203 bytes and a row of types ["Double",…], = 3 + 100 × 9 = 903 bytes: 1,106 bytes a row.
 * 6,000 rows: 6,636,000 bytes, over the 5 MB (5,242,880) limit; read in blocks of 500 rows (50,000 cells), two a sync.
 */
function onesSheet(rows: number): CellValue[][] {
  return Array.from({ length: rows }, () => new Array<CellValue>(100).fill(1));
}


/** Reads the input sheets of `book` in `mode`, and counts the syncs and refused responses of that read. */
async function readCounted(book: FakeWorkbook, mode: ReadMode) {
  const from = book.syncCount;
  const read = await readInputSheets(book.context as unknown as Excel.RequestContext, INPUT_SHEETS, mode);
  return { read, syncs: book.syncCount - from, refused: refusedSince(book, from) };
}

describe("reading big workbooks: the host remembers how the last read went", () => {
  it("reads in blocks after a refused read, stays in blocks while big, goes back to one sync once small", async () => {
    const book = new FakeWorkbook({ [SHEET.scores]: onesSheet(6000) });
    // Refused whole read, one sync for the sizes, 12 blocks of 500 rows two a sync: 1 + 1 + 6.
    const first = await readCounted(book, "whole");
    expect(first).toMatchObject({ syncs: 8, refused: 1 });
    expect(first.read.nextRead).toBe("blocks");
    expect(first.read.book.sheets).toEqual([{ name: SHEET.scores, rows: onesSheet(6000) }]);

    // Straight to the blocks: the sizes and 6 syncs of data, nothing refused.
    const second = await readCounted(book, first.read.nextRead);
    expect(second).toMatchObject({ syncs: 7, refused: 0 });
    expect(second.read.nextRead).toBe("blocks");
    expect(second.read.book).toEqual(first.read.book);

    // Staff delete rows: 100 rows is one block, read with the sizes' sync and one more; then one sync again.
    book.sheets = new FakeWorkbook({ [SHEET.scores]: onesSheet(100) }).sheets;
    const shrunk = await readCounted(book, second.read.nextRead);
    expect(shrunk).toMatchObject({ syncs: 2, refused: 0 });
    expect(shrunk.read.nextRead).toBe("whole");
    const small = await readCounted(book, shrunk.read.nextRead);
    expect(small).toMatchObject({ syncs: 1, refused: 0 });
    expect(small.read.nextRead).toBe("whole");
    expect(small.read.book).toEqual(shrunk.read.book);

    // And when it grows again, one refused read teaches the host once more.
    book.sheets = new FakeWorkbook({ [SHEET.scores]: onesSheet(6000) }).sheets;
    const grown = await readCounted(book, small.read.nextRead);
    expect(grown).toMatchObject({ syncs: 8, refused: 1 });
    expect(grown.read.nextRead).toBe("blocks");
  });

  // The budget is 4 MB = 4,194,304 bytes. n rows in ⌈n / 500⌉ blocks come to 1,106 n bytes, plus 2 + 2 for the
  // brackets of each block's values and types: 3,792 rows 4,193,952 + 32 = 4,193,984 (under); 3,793 rows
  // 4,195,058 + 32 = 4,195,090 (over). 1,000 rows: 1,106,000 + 8. Between the budget and the 5 MB limit the next read
  // stays in blocks: the margin is for Office's envelope and for rows typed in between.
  it.each([
    [1000, "whole"],
    [3792, "whole"],
    [3793, "blocks"],
    [4500, "blocks"],
  ] as const)("after a read in blocks of %i rows × 100 columns, reads %s next", async (rows, next) => {
    const book = new FakeWorkbook({ [SHEET.scores]: onesSheet(rows) });
    const { read, refused } = await readCounted(book, "blocks");
    expect(refused).toBe(0);
    expect(read.nextRead).toBe(next);
  });

  it("keeps a whole read that Excel accepted whole, even near the limit (never more syncs than before under 5 MB)", async () => {
    // 4,500 rows: 4,977,000 bytes of values and types, under 5,242,880 with the fake's envelope.
    const book = new FakeWorkbook({ [SHEET.scores]: onesSheet(4500) });
    const first = await readCounted(book, "whole");
    expect(first).toMatchObject({ syncs: 1, refused: 0 });
    expect(first.read.nextRead).toBe("whole");
  });

  it("reads a big sheet with a stray space in its name in blocks too, instead of failing", async () => {
    const book = new FakeWorkbook({ [`${SHEET.scores} `]: onesSheet(6000) });
    // Whole read of the names (评分 not found), whole read of "评分 " refused, its sizes, 6 syncs of blocks.
    const first = await readCounted(book, "whole");
    expect(first).toMatchObject({ syncs: 9, refused: 1 });
    expect(first.read.realNames).toEqual(new Map([[SHEET.scores, `${SHEET.scores} `]]));
    expect(first.read.nextRead).toBe("blocks");
    // Next time: the names and sizes (no data to read), then "评分 "'s sizes and 6 syncs of blocks.
    const second = await readCounted(book, first.read.nextRead);
    expect(second).toMatchObject({ syncs: 8, refused: 0 });
    expect(second.read.book).toEqual(first.read.book);
    expect(second.read.book.sheets).toEqual([{ name: SHEET.scores, rows: onesSheet(6000) }]);
  });

  it("gives the same grids in blocks as whole: several blocks, a range not at A1, every kind of value", async () => {
    // 2,000 rows × 60 columns from C3: blocks of ⌊50,000 / 60⌋ = 833 rows, so 833 + 833 + 334 rows.
    const scores: CellValue[][] = [[], []];
    for (let r = 0; r < 2000; r += 1) {
      const row: CellValue[] = [null, null];
      for (let c = 0; c < 60; c += 1) row.push([`单位${r}`, r * 0.5 - c, null, true, { error: "#N/A" }, "'001"][(r + c) % 6] ?? null);
      scores.push(row);
    }
    const sheets = { [SHEET.params]: [["参数", "值"], ["小数位数", 2]], [SHEET.scores]: scores, [SHEET.adjustments]: [["单位名称"]] };
    const whole = await readCounted(new FakeWorkbook(sheets), "whole");
    const blocks = await readCounted(new FakeWorkbook(sheets), "blocks");
    expect(whole.syncs).toBe(1);
    // The sizes; 参数 (4 cells) and 评分's first two blocks (2 × 49,980): 99,964 cells; 评分's last (20,040) and 加减分 (1).
    expect(blocks.syncs).toBe(3);
    expect(blocks.read.book).toEqual(whole.read.book);
    const read = blocks.read.book.sheets.find((sheet) => sheet.name === SHEET.scores);
    expect(visible(read?.rows ?? [])).toEqual(visible(scores));
  });

  it("reads the same grids whole and in blocks, for any small workbook (property)", async () => {
    const cell = fc.oneof(fc.constant(null), fc.integer({ min: -1000, max: 1000 }), fc.string({ maxLength: 4 }), fc.boolean());
    const sheet = fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 8 });
    const names = fc.subarray([...INPUT_SHEETS], { minLength: 1 });
    await fc.assert(
      fc.asyncProperty(names, fc.array(sheet, { minLength: 8, maxLength: 8 }), async (chosen, grids) => {
        const sheets = Object.fromEntries(chosen.map((name, i) => [name, grids[i] ?? []]));
        const whole = await readCounted(new FakeWorkbook(sheets), "whole");
        const blocks = await readCounted(new FakeWorkbook(sheets), "blocks");
        expect(blocks.read.book).toEqual(whole.read.book);
        expect(blocks.read.nextRead).toBe("whole");
        expect(whole.syncs).toBe(1);
        // The names and sizes, then at most one sync of data: small sheets share it.
        expect(blocks.syncs).toBeLessThanOrEqual(2);
      }),
      { numRuns: 40 },
    );
  });
});

describe("检查数据 and 计算等次 clicked again in the same task pane", () => {
  it("检查数据 twice on a big workbook: the second has no refused read and one sync less, same issues", async () => {
    const book = new FakeWorkbook({ [SHEET.scores]: onesSheet(6000) });
    const host = createExcelHost({ run: book.run, supports: all });
    const first = await host.check();
    expect(book.syncCount).toBe(8);
    expect(refusedSince(book, 0)).toBe(1);
    const second = await host.check();
    expect(book.syncCount - 8).toBe(7);
    expect(refusedSince(book, 8)).toBe(0);
    expect(second).toEqual(first);
    expect(book.writes).toEqual([]);
  });

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
    for (const cost of costs) expect(cost.total).toBeLessThanOrEqual(3);
    expect(new Set(costs.map((cost) => cost.total)).size).toBe(1);
    expect(refusedSince(book, 0)).toBe(0);
  });
});
