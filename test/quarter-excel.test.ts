// 平时考核 in Excel (the counting fake): 季度点评 reads three sheets and writes only its own output sheet.
import { describe, expect, it } from "vitest";
import { createExcelHost } from "../addin/excel/excelHost";
import { FakeWorkbook, visible } from "../fakes/excel";
import type { CellValue } from "../lib/grid";
import { INPUT_SHEETS, SHEET } from "../lib/layout";
import { runQuarter } from "../lib/quarter";
import { buildTemplate } from "../lib/template";

const sheets: Record<string, CellValue[][]> = Object.fromEntries(buildTemplate({ year: 2026, example: true }).map((sheet) => [sheet.name, sheet.rows]));
const all = () => true;

describe("季度点评 in Excel (fake)", () => {
  it("查看 reads and writes nothing; 写入 adds 季度点评 equal to the library's, never touching an input sheet", async () => {
    const book = new FakeWorkbook(sheets);
    const host = createExcelHost({ run: book.run, supports: all });
    const seen = await host.quarter?.(3);
    expect(seen?.overview?.lines).toHaveLength(60);
    expect(book.writes).toEqual([]);
    const outcome = await host.exportQuarter?.(3);
    const expected = runQuarter({ sheets: Object.entries(sheets).map(([name, rows]) => ({ name, rows })) }, 3);
    expect(visible(book.grid(SHEET.quarterReview))).toEqual(visible(expected.sheet?.rows ?? []));
    expect(outcome?.sheet?.name).toBe(SHEET.quarterReview);
    expect(book.writes.filter((write) => (INPUT_SHEETS as readonly string[]).includes(write.sheet))).toEqual([]);
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([...INPUT_SHEETS, SHEET.quarterReview]);
  });

  it("a workbook without 平时考核: the problem is reported and nothing is written", async () => {
    const { [SHEET.daily]: _daily, ...rest } = sheets;
    const book = new FakeWorkbook(rest);
    const host = createExcelHost({ run: book.run, supports: all });
    const outcome = await host.exportQuarter?.(1);
    expect(outcome?.sheet).toBeNull();
    expect(outcome?.issues.map((issue) => [issue.sheet, issue.cell])).toEqual([[SHEET.daily, "A1"]]);
    expect(book.writes).toEqual([]);
    expect(book.sheets.map((sheet) => sheet.name)).not.toContain(SHEET.quarterReview);
  });
});
