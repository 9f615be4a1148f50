import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { buildWorkbook, writeOutputSheets } from "../files/xlsx";
import type { SheetOut } from "../lib/format";

/** The input sheets of a small original, as a user might have typed them (with a formula and a merge). */
async function originalWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const scores = workbook.addWorksheet("评分");
  scores.addRow(["单位名称", "类别", "1.1 学法"]);
  scores.addRow(["分值", null, 5]);
  scores.addRow(["城关镇", "乡镇", 4.5]);
  scores.addRow(["司法局", "政府部门", { formula: "C3-1", result: 3.5 }]);
  scores.mergeCells("A5:B5");
  scores.getCell("A5").value = "备注";
  workbook.addWorksheet("加减分").addRow(["单位名称", "类型", "分值"]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function results(total: string | number): SheetOut {
  return {
    name: "结果",
    rows: [
      ["排名分组", "名次", "单位名称", "总分", "等次", "提示"],
      ["乡镇", 1, "城关镇", total, "优秀", "=1+1"],
      ["县直单位", 1, "司法局", 88.5, "良好", "+86"],
      ["县直单位", 2, "-5分", true, null, "@SUM(A1)"],
    ],
    format: {
      columnWidths: [10, 6, 16, 8, 8, 40],
      frozenRows: 1,
      frozenColumns: 3,
      styles: [
        { range: "A1:F1", fill: "#D9E1F2", bold: true, horizontal: "center" },
        { range: "D2:D4", numberFormat: "0.00" },
        { range: "E2", fill: "#C6EFCE" },
        { range: "F:F", wrap: true },
      ],
      validations: [{ range: "E2:E4", list: ["优秀", "良好", "合格", "不合格"], prompt: "请从下拉列表中选择等次。" }],
      tabColor: "#70AD47",
    },
  };
}

const summary: SheetOut = {
  name: "汇总",
  rows: [["排名分组", "单位数"], ["乡镇", 1]],
  format: { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] },
};

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** Every cell of a sheet as address → value (as stored), for comparing input sheets cell by cell. */
function cellsOf(sheet: ExcelJS.Worksheet | undefined): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  sheet?.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells[cell.address] = cell.type === ExcelJS.ValueType.Merge ? `merge of ${cell.master.address}` : cell.value;
    });
  });
  return cells;
}

describe("writeOutputSheets", () => {
  it("leaves the input sheets identical, cell by cell, and appends the outputs after them", async () => {
    const original = await originalWorkbook();
    const written = await load(await writeOutputSheets(original, [results(92.35), summary]));
    const before = await load(original);
    expect(written.worksheets.map((sheet) => sheet.name)).toEqual(["评分", "加减分", "结果", "汇总"]);
    for (const name of ["评分", "加减分"]) {
      expect(cellsOf(written.getWorksheet(name))).toEqual(cellsOf(before.getWorksheet(name)));
    }
    expect(written.getWorksheet("评分")?.getCell("C4").value).toEqual({ formula: "C3-1", result: 3.5 });
    expect(written.getWorksheet("评分")?.model.merges).toEqual(["A5:B5"]);
  });

  it("replaces the outputs of an earlier run instead of adding a second copy", async () => {
    const first = await writeOutputSheets(await originalWorkbook(), [results(92.35), summary]);
    const second = await load(await writeOutputSheets(first, [results(77), summary]));
    expect(second.worksheets.map((sheet) => sheet.name)).toEqual(["评分", "加减分", "结果", "汇总"]);
    expect(second.getWorksheet("结果")?.getCell("D2").value).toBe(77);
  });

  it("writes text that looks like a formula as text", async () => {
    const sheet = (await load(await writeOutputSheets(await originalWorkbook(), [results(92.35)]))).getWorksheet("结果");
    for (const [address, text] of [["F2", "=1+1"], ["F3", "+86"], ["C4", "-5分"], ["F4", "@SUM(A1)"]] as const) {
      const cell = sheet?.getCell(address);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.value).toBe(text);
      expect(cell?.formula).toBeUndefined();
    }
  });

  it("writes numbers, booleans and blanks as such", async () => {
    const sheet = (await load(await writeOutputSheets(await originalWorkbook(), [results(92.35)]))).getWorksheet("结果");
    expect(sheet?.getCell("D2").value).toBe(92.35);
    expect(sheet?.getCell("B2").value).toBe(1);
    expect(sheet?.getCell("D4").value).toBe(true);
    expect(sheet?.getCell("E4").type).toBe(ExcelJS.ValueType.Null);
  });

  it("applies the format: widths, frozen panes, number formats, fills, bold, wrap, validation, tab colour", async () => {
    const sheet = (await load(await writeOutputSheets(await originalWorkbook(), [results(92.35)]))).getWorksheet("结果");
    expect(sheet?.getColumn(3).width).toBe(16);
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", xSplit: 3, ySplit: 1 });
    expect(sheet?.getCell("D3").numFmt).toBe("0.00");
    expect(sheet?.getCell("A1").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } });
    expect(sheet?.getCell("F1").font?.bold).toBe(true);
    expect(sheet?.getCell("F1").alignment).toMatchObject({ horizontal: "center", wrapText: true });
    expect(sheet?.getCell("E2").fill).toMatchObject({ fgColor: { argb: "FFC6EFCE" } });
    expect(sheet?.getCell("F4").alignment?.wrapText).toBe(true);
    expect(sheet?.getCell("E3").dataValidation).toMatchObject({
      type: "list",
      allowBlank: true,
      formulae: ['"优秀,良好,合格,不合格"'],
      showErrorMessage: true,
      error: "请从下拉列表中选择等次。",
    });
    expect(sheet?.getCell("E5").dataValidation).toBeUndefined();
    expect(sheet?.properties.tabColor).toEqual({ argb: "FF70AD47" });
  });
});

describe("text that looks like a file-format escape (_x000D_)", () => {
  it("is stored escaped, as Excel stores it, and survives two runs in an input sheet", async () => {
    const input: SheetOut = { name: "考核对象", rows: [["单位名称"], ["_x000D_镇"]], format: summary.format };
    const original = await buildWorkbook([input]);
    const { default: JSZip } = await import("jszip");
    const strings = await (await JSZip.loadAsync(original)).file("xl/sharedStrings.xml")?.async("string");
    expect(strings).toContain("_x005F_x000D_镇");
    const twice = await writeOutputSheets(await writeOutputSheets(original, [summary]), [summary]);
    expect((await load(twice)).getWorksheet("考核对象")?.getCell("A2").value).toBe("_x000D_镇");
  });
});

describe("drop-down lists Excel cannot hold inline", () => {
  it.each([
    ["an item with a comma", ["甲,乙", "丙"]],
    ["a list over 255 characters", Array.from({ length: 60 }, (_, index) => `第${index + 1}个单位名称`)],
  ])("%s is left out, the rest of the sheet is written", async (_name, list) => {
    const sheet: SheetOut = {
      name: "结果",
      rows: [["等次"], ["优秀"]],
      format: { ...summary.format, validations: [{ range: "A2:A3", list, prompt: "请从列表中选择。" }, { range: "B2", list: ["是", "否"], prompt: "请选择是或否。" }] },
    };
    const written = (await load(await buildWorkbook([sheet]))).getWorksheet("结果");
    expect(written?.getCell("A2").value).toBe("优秀");
    expect(written?.getCell("A2").dataValidation).toBeUndefined();
    expect(written?.getCell("B2").dataValidation).toMatchObject({ formulae: ['"是,否"'] });
  });

  it("255 characters still fit", async () => {
    const { inlineList } = await import("../files/xlsx/format");
    expect(inlineList(["一".repeat(255)])).toBe(`"${"一".repeat(255)}"`);
    expect(inlineList(["一".repeat(256)])).toBeNull();
    expect(inlineList(["一".repeat(127), "二".repeat(127)])).toBe(`"${"一".repeat(127)},${"二".repeat(127)}"`);
  });
});

describe("buildWorkbook", () => {
  it("makes a new workbook of the given sheets, in order, with the same formatting", async () => {
    const book = await load(await buildWorkbook([summary, results("92.35")]));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["汇总", "结果"]);
    const sheet = book.getWorksheet("结果");
    expect(sheet?.getCell("D2").value).toBe("92.35");
    expect(sheet?.getCell("D2").numFmt).toBe("0.00");
    expect(sheet?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });
});
