import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countTwoRuns, type RunFigures } from "../bench/excel";
import { createExcelHost } from "../addin/excel/excelHost";
import { PAYLOAD_LIMIT, READ_BUDGET } from "../addin/excel/budget";
import { AUDIT_TAIL_ROWS } from "../addin/excel/readPrevious";
import { becomesValueIfWritten } from "../lib/format";
import { HEADERS, SHEET } from "../lib/layout";
import { FakeWorkbook } from "../fakes/excel";
import { validWorkbook } from "./helpers/workbook";

/**
 * Issue 14, item 1: 计算等次 in at most 3 context.sync calls while the input values fit in one response and the writes
 * in one request — the first run of a task pane and the second, which reads back the last 结果 and 核验 rows to say
 * what changed — and, beyond, blocks that Excel on the web accepts, with "what changed" still there. Counted in the
 * fake of Excel (fakes/excel.ts), which measures each request and response as Excel on the web would (5 MB limit).
 * The generated workbooks are the bench's (bench/generate.ts: 100 indicators, 31 peer raters).
 */

function expectUnderLimits(run: RunFigures): void {
  expect(run.refusedResponses).toBe(0);
  expect(run.largestRequestBytes).toBeLessThan(PAYLOAD_LIMIT);
  expect(run.largestResponseBytes).toBeLessThan(PAYLOAD_LIMIT);
}

describe("计算等次's syncs, first and second run in one task pane (counting fake)", () => {
  it("100 units: first 3 (read, write, decorations), second 2 (read with the last 结果 and 核验 rows, write)", async () => {
    const { first, second, scoredUnits } = await countTwoRuns(100);
    expect(scoredUnits).toBe(100);
    expect(first).toMatchObject({ syncs: 3, readSyncs: 1, sinceLast: false });
    expect(second).toMatchObject({ syncs: 2, readSyncs: 1, sinceLast: true });
    expectUnderLimits(first);
    expectUnderLimits(second);
    // The inputs alone are 0.10 MB; with the last 结果 and 核验 rows 0.12 MB.
    expect(first.largestResponseBytes).toBeLessThan(second.largestResponseBytes);
    expect(second.largestResponseBytes).toBeLessThan(0.2 * 1024 * 1024);
  }, 120_000);

  it("1,000 units: first 3, second 3 (read with the last 结果, write of 4.1 MB, the kept sheets' row heights)", async () => {
    const { first, second } = await countTwoRuns(1000);
    expect(first).toMatchObject({ syncs: 3, readSyncs: 1, sinceLast: false });
    expect(second).toMatchObject({ syncs: 3, readSyncs: 1, sinceLast: true });
    expectUnderLimits(first);
    expectUnderLimits(second);
    // One read of about 1 MB, not the whole 计算说明 (3.7 MB before, in a sync of its own).
    expect(second.largestResponseBytes).toBeLessThan(1.1 * 1024 * 1024);
    expect(second.largestRequestBytes).toBeGreaterThan(4 * 1024 * 1024);
  }, 240_000);

  it("2,500 units: the read still one sync with the last 结果 (2.4 MB); writes of 12 MB in 4 requests; what changed is listed", async () => {
    const { first, second } = await countTwoRuns(2500);
    expect(first).toMatchObject({ syncs: 5, readSyncs: 1, sinceLast: false });
    // Before: 10 syncs, two of them refused (the whole 计算说明, then its blocks), and no "what changed".
    expect(second).toMatchObject({ syncs: 5, readSyncs: 1, sinceLast: true });
    expectUnderLimits(first);
    expectUnderLimits(second);
    expect(second.largestResponseBytes).toBeLessThan(READ_BUDGET);
  }, 400_000);

  it("5,000 units: inputs of 4.2 MB in one sync, the last 结果 and 核验 rows in a second (together over the read budget)", async () => {
    const { first, second } = await countTwoRuns(5000);
    expect(first).toMatchObject({ syncs: 9, readSyncs: 1, sinceLast: false });
    expect(second).toMatchObject({ syncs: 9, readSyncs: 1, sinceLast: true });
    expectUnderLimits(first);
    expectUnderLimits(second);
  }, 600_000);

  it("10,000 units: inputs in blocks, the last 结果 and 核验 rows in one more sync, nothing refused the second time", async () => {
    const { first, second } = await countTwoRuns(10_000);
    expect(first.sinceLast).toBe(false);
    expect(second.sinceLast).toBe(true);
    // The first read of the pane tries one sync, is refused, and reads in blocks; the second goes to blocks at once.
    expect(first.refusedResponses).toBe(1);
    expectUnderLimits(second);
    expect(second.syncs).toBeLessThan(first.syncs);
  }, 900_000);
});

describe("reading back the last run for 'what changed'", () => {
  const all = () => true;
  // With 平时考核 (header only), as the template makes it, so that one sync reads every input sheet.
  const sheetsOf = () => ({ ...Object.fromEntries(validWorkbook().sheets.map((sheet) => [sheet.name, sheet.rows])), [SHEET.daily]: [[...HEADERS.daily]] });

  it("a workbook scored before (another task pane): one sync for 结果 and the last rows of 计算说明, never the whole sheet", async () => {
    const book = new FakeWorkbook(sheetsOf());
    await createExcelHost({ run: book.run, supports: all }).compute(() => undefined);
    const audit = book.find(SHEET.audit);
    const rows = audit?.cells.length ?? 0;
    expect(rows).toBeGreaterThan(AUDIT_TAIL_ROWS);
    // A new task pane: it knows nothing of the outputs.
    const from = book.syncCount;
    const outcome = await createExcelHost({ run: book.run, supports: all }).compute(() => undefined);
    expect(outcome.sinceLast?.[0]).toMatch(/^与上次计算（\d{4}-\d\d-\d\d \d\d:\d\d:\d\d（UTC[+-]\d\d:\d\d））的结果相比：$/);
    // Read, the previous results, write (the sheets kept, their decorations too).
    expect(book.syncCount - from).toBe(3);
    // The previous results' sync asked for AUDIT_TAIL_ROWS rows of 计算说明, not its rows.
    const previous = book.syncs[from + 1];
    expect(previous?.failed).toBeUndefined();
    expect(previous?.responseBytes).toBeLessThan(20_000);
  });

  it("finds the 核验 rows again after rows were added to 计算说明 above them, or the pane's memory is stale", async () => {
    const book = new FakeWorkbook(sheetsOf());
    const host = createExcelHost({ run: book.run, supports: all, now: () => new Date(Date.UTC(2026, 0, 15, 1, 2, 3)) });
    await host.compute(() => undefined);
    const audit = book.find(SHEET.audit);
    // A clerk inserts a note of three rows above the 核验 rows: the rows this pane remembers are no longer them.
    audit?.cells.splice(5, 0, ["备注"], ["备注"], ["备注"]);
    const from = book.syncCount;
    const outcome = await host.compute(() => undefined);
    expect(outcome.sinceLast?.[0]).toContain("2026-01-15");
    // The folded read does not hold: read again on its own (read, previous results, write).
    expect(book.syncCount - from).toBe(3);
  });

  it("a short or empty 计算说明 (under AUDIT_TAIL_ROWS rows) is read whole: what changed is listed, time unknown", async () => {
    // One row: the tail would leave the grid (InvalidArgument); empty: its used range is a null object (ItemNotFound).
    for (const [audit, refusal] of [[[["旧计算说明"]], "InvalidArgument"], [[], "ItemNotFound"]] as const) {
      const book = new FakeWorkbook(sheetsOf());
      await createExcelHost({ run: book.run, supports: all }).compute(() => undefined);
      const sheet = book.find(SHEET.audit);
      if (sheet) sheet.cells = audit.map((row) => [...row]);
      const from = book.syncCount;
      const outcome = await createExcelHost({ run: book.run, supports: all }).compute(() => undefined);
      // No 核验 rows to say when the replaced results were computed.
      expect(outcome.sinceLast?.[0]).toBe("与工作簿中原有的结果相比：");
      // Read; the tail refused as outside the grid; both whole; write.
      expect(book.syncs.slice(from).map((sync) => sync.failed ?? "")).toEqual(["", refusal, "", ""]);
    }
  });
});

// The text-keeping rule runs on every text cell the Excel host writes (计算说明's 120,000 rows at 10,000 units): its
// pattern once backtracked over the digits of long texts and took a third of a 1,000-unit 计算等次 in the fake.
describe("becomesValueIfWritten", () => {
  const OLD = /^[\s\d.,:/%+\-()$¥￥€£eE年月日时分秒]*\d[\s\d.,:/%+\-()$¥￥€£eE年月日时分秒]*$/;
  const TRUTH_OR_ERROR = /^\s*(true|false|#[a-z0-9/]+[!?]?)\s*$/i;

  it("says what the earlier single pattern said, for any text of digits, marks and other characters", () => {
    const char = fc.constantFrom(..."0123456789 .,:/%+-()$¥eE年月日时分秒=@#TRUEfalsa分单位Ａ\t".split(""));
    fc.assert(
      fc.property(fc.array(char, { maxLength: 30 }), (chars) => {
        const text = chars.join("");
        expect(becomesValueIfWritten(text)).toBe(/^[=+\-@]/.test(text) || OLD.test(text) || TRUTH_OR_ERROR.test(text));
      }),
      { numRuns: 3000 },
    );
  });

  it("keeps the worked examples", () => {
    expect(becomesValueIfWritten("18.50")).toBe(true);
    expect(becomesValueIfWritten("2025-3-1")).toBe(true);
    expect(becomesValueIfWritten("1.1")).toBe(true);
    expect(becomesValueIfWritten("TRUE")).toBe(true);
    expect(becomesValueIfWritten("12.50 + 3.00 = 15.50 分")).toBe(false);
    expect(becomesValueIfWritten("城关镇")).toBe(false);
    expect(becomesValueIfWritten("年月日")).toBe(false);
  });
});
