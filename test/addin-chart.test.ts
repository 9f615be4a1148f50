import { describe, expect, it } from "vitest";
import { createExcelHost } from "../addin/excel/excelHost";
import { SHEET } from "../lib/layout";
import { FakeWorkbook } from "../fakes/excel";
import { validWorkbook } from "./helpers/workbook";

function sheetsOf(book = validWorkbook()): Record<string, unknown[][]> {
  return Object.fromEntries(book.sheets.map((sheet) => [sheet.name, sheet.rows]));
}

// 汇总 "a chart of it" (spec §1): Excel draws a real chart where its API can label the axis (ExcelApi 1.7).
describe("汇总 chart in Excel (fake)", () => {
  it("adds one clustered column chart over the 等次 counts, groups on the axis, right of the table", async () => {
    const fake = new FakeWorkbook(sheetsOf());
    const outcome = await createExcelHost({ run: fake.run, supports: () => true }).compute(() => undefined);
    expect(outcome.result).not.toBeNull();
    const groups = outcome.result?.groups.length ?? 0;
    expect(groups).toBe(2);
    const charts = fake.writes.filter((write) => write.kind === "chart");
    expect(charts).toHaveLength(1);
    const chart = charts[0];
    // Written while the new sheet still has its temporary name; it becomes 汇总 in the same workbook.
    expect(chart?.sheet.startsWith(SHEET.summary)).toBe(true);
    // Header row 1 and two group rows; 优秀…不合格 are columns C–F of 汇总.
    expect(chart?.address).toBe("C1:F3");
    expect(chart?.values).toEqual([
      ["ColumnClustered", "Columns"],
      ["title", "等次分布"],
      ["xAxis", 0, "A2:A3"],
      ["xAxis", 1, "A2:A3"],
      ["xAxis", 2, "A2:A3"],
      ["xAxis", 3, "A2:A3"],
      ["position", "L1"],
    ]);
  });

  it("draws no chart where ExcelApi 1.7 is missing (the in-cell bars remain)", async () => {
    const fake = new FakeWorkbook(sheetsOf());
    await createExcelHost({ run: fake.run, supports: () => false }).compute(() => undefined);
    expect(fake.writes.filter((write) => write.kind === "chart")).toHaveLength(0);
    expect(fake.grid(SHEET.summary).flat()).toContain("等次分布");
  });
});
