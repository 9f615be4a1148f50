import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildWorkbook } from "../files/xlsx";
import { buildTemplate } from "../lib/template";

// Spec §2: "Users may add categories and groups": their drop-downs warn, the others refuse.
describe("drop-down strictness in the template file", () => {
  it("类别 and 排名分组 warn, 上年等次 refuses", async () => {
    const bytes = await buildWorkbook(buildTemplate({ year: 2024 }));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const units = book.getWorksheet("考核对象");
    expect(units?.getCell("C2").dataValidation).toMatchObject({ type: "list", errorStyle: "warning" });
    expect(units?.getCell("D2").dataValidation).toMatchObject({ type: "list", errorStyle: "warning" });
    expect(units?.getCell("F2").dataValidation).toMatchObject({ type: "list", errorStyle: "stop" });
  });
});
