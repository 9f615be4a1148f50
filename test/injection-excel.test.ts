import { describe, expect, it } from "vitest";
import { toExcelValue } from "../addin/excel/cells";
import { createExcelHost } from "../addin/excel/excelHost";
import { SHEET } from "../lib/layout";
import { runAssessment } from "../lib/run";
import { FakeWorkbook } from "../fakes/excel";
import { validWorkbook } from "./helpers/workbook";

/**
 * Excel reads a text written through Office.js as if it were typed: "18.50" becomes the number 18.5, "2025-3-1" a date,
 * "TRUE" a truth value, "#N/A" an error. Texts of the outputs (计算说明's figures "18.50", a unit named "001") must stay
 * the text the library wrote, so the host writes them with a leading apostrophe, as for formula-like text.
 */
describe("text Excel would read as something else is written as text", () => {
  it.each(["18.50", "0.00", "1", "001", " 7 ", "1,000", "1e5", "50%", "¥12", "2025-3-1", "2025/03/01", "3月1日", "2025年3月", "12:30", "1 1/2", "TRUE", "false", "#N/A", "#DIV/0!"])(
    "%s",
    (text) => {
      expect(toExcelValue(text)).toBe(`'${text}`);
    },
  );

  it.each(["城关镇", "第1名", "1号楼", "3.1 依法行政", "优秀", "连续两年优秀，建议通报表扬", "A1"])("leaves %s as it is", (text) => {
    expect(toExcelValue(text)).toBe(text);
  });

  it("sends 计算说明's figures as text, and they read back as the library wrote them", async () => {
    const grids = validWorkbook();
    const book = new FakeWorkbook(Object.fromEntries(grids.sheets.map((sheet) => [sheet.name, sheet.rows])));
    await createExcelHost({ run: book.run, supports: () => true }).compute(() => undefined);
    const audit = runAssessment(validWorkbook()).outputs?.find((out) => out.name === SHEET.audit);
    const figures = (audit?.rows ?? []).flat().filter((value): value is string => typeof value === "string" && /^\d+\.\d+$/.test(value));
    expect(figures).toContain("18.50");
    const sent = book.writes.filter((write) => write.kind === "values" && write.sheet.startsWith(SHEET.audit)).flatMap((write) => (write.values ?? []).flat());
    for (const figure of new Set(figures)) expect(sent).toContain(`'${figure}`);
    expect(book.grid(SHEET.audit).flat()).toContain("18.50");
  });

  it("the template made in Excel sends 考核指标's 编号 1.1 as text, so it never becomes the number 1.1", async () => {
    const book = new FakeWorkbook({});
    await createExcelHost({ run: book.run, supports: () => true }).createTemplate({ year: 2025, example: true, onlyMissing: false });
    const sent = book.writes.filter((write) => write.kind === "values" && write.sheet.startsWith(SHEET.indicators)).flatMap((write) => (write.values ?? []).flat());
    expect(sent).toContain("'1.1");
    expect(sent).not.toContain("1.1");
  });
});
