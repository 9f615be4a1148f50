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
      ["name", "kaohe等次分布 C1:F3 A2:A3 L1"],
      ["title", "等次分布"],
      // The groups label the category axis (Axis.setCategoryNames): a series' x-axis values are for scatter charts.
      ["categoryNames", "A2:A3"],
      ["position", "L1"],
    ]);
  });

  it("keeps its chart on 汇总 while it draws the same cells, and replaces only ours when they change; a user's chart stays", async () => {
    const fake = new FakeWorkbook(sheetsOf());
    const host = createExcelHost({ run: fake.run, supports: () => true });
    await host.compute(() => undefined);
    fake.find(SHEET.summary)?.charts.push({ name: "我的图表", title: "我的", source: "A1:B3" });
    const before = fake.syncCount;
    await host.compute(() => undefined);
    // Same groups: read (with the old 结果 and 核验 rows this pane wrote, for "what changed"), write; no sync for
    // decorations, and no second chart.
    expect(fake.syncCount - before).toBe(2);
    expect(fake.find(SHEET.summary)?.charts.map((chart) => chart.name)).toEqual(["kaohe等次分布 C1:F3 A2:A3 L1", "我的图表"]);
    // An earlier version's unnamed chart titled 等次分布 is ours too, and goes when the chart is drawn again.
    const summary = fake.find(SHEET.summary);
    if (summary) summary.charts = [{ name: "图表 1", title: "等次分布", source: "C1:F3" }, { name: "我的图表", title: "我的", source: "A1:B3" }];
    await host.compute(() => undefined);
    expect(fake.find(SHEET.summary)?.charts.map((chart) => chart.name)).toEqual(["我的图表", "kaohe等次分布 C1:F3 A2:A3 L1"]);
  });

  it("draws no chart where ExcelApi 1.7 is missing (the in-cell bars remain)", async () => {
    const fake = new FakeWorkbook(sheetsOf());
    await createExcelHost({ run: fake.run, supports: () => false }).compute(() => undefined);
    expect(fake.writes.filter((write) => write.kind === "chart")).toHaveLength(0);
    expect(fake.grid(SHEET.summary).flat()).toContain("等次分布");
  });
});
