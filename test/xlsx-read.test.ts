import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { NotAWorkbookError, readWorkbookGrids } from "../files/xlsx";

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A workbook with one cell of each kind the reader must understand, on a sheet named 评分. */
async function sampleWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("评分");
  sheet.getCell("A1").value = 5;
  sheet.getCell("B1").value = "城关镇";
  sheet.getCell("C1").value = { richText: [{ text: "加强" }, { text: "党的领导", font: { bold: true } }] };
  sheet.getCell("D1").value = { formula: "A1*2", result: 10 };
  sheet.getCell("E1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  sheet.getCell("F1").value = { formula: "A1+1" };
  sheet.getCell("A2").value = 1;
  sheet.getCell("B2").value = { formula: "A2*3", result: 3, shareType: "shared", ref: "B2:B3" } as ExcelJS.CellValue;
  sheet.getCell("A3").value = 2;
  sheet.getCell("B3").value = { sharedFormula: "B2", result: 6 } as ExcelJS.CellValue;
  sheet.getCell("C2").value = new Date(Date.UTC(2024, 0, 15));
  sheet.getCell("D2").value = true;
  sheet.getCell("E2").value = { error: "#N/A" };
  sheet.getCell("F2").value = { text: "依据文件", hyperlink: "https://example.org/" };
  sheet.getCell("G2").value = { formula: 'A1&"分"', result: "5分" };
  sheet.getCell("H2").value = { formula: "A1>1", result: true };
  sheet.getCell("C4").value = "合并";
  sheet.mergeCells("C4:D5");
  sheet.getCell("A6").value = 85.5;
  sheet.getRow(5).hidden = true;
  sheet.getColumn(8).hidden = true;
  workbook.addWorksheet("空表");
  const second = workbook.addWorksheet("满意度");
  second.getCell("B2").value = "  有空格  ";
  second.getCell("C2").value = { formula: 'IF(A1>1,"有","")', result: "" };
  return bytesOf(workbook);
}

describe("readWorkbookGrids", () => {
  it("reads every kind of cell as the user sees it", async () => {
    const book = await readWorkbookGrids(await sampleWorkbook());
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(["评分", "空表", "满意度"]);
    const [scores] = book.sheets;
    expect(scores?.rows).toEqual([
      [5, "城关镇", "加强党的领导", 10, { error: "#DIV/0!" }],
      [1, 3, new Date(Date.UTC(2024, 0, 15)), true, { error: "#N/A" }, "依据文件", "5分", true],
      [2, 6],
      [null, null, "合并"],
      [],
      [85.5],
    ]);
  });

  it("reports merged ranges and hidden rows and columns (0-based)", async () => {
    const [scores] = (await readWorkbookGrids(await sampleWorkbook())).sheets;
    expect(scores?.merged).toEqual(["C4:D5"]);
    expect(scores?.hiddenRows).toEqual([4]);
    expect(scores?.hiddenColumns).toEqual([7]);
  });

  it("keeps empty sheets and ragged rows, and leaves text untrimmed", async () => {
    const book = await readWorkbookGrids(await sampleWorkbook());
    expect(book.sheets[1]?.rows).toEqual([]);
    expect(book.sheets[2]?.rows).toEqual([[], [null, "  有空格  "]]);
  });

  it("accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const bytes = await sampleWorkbook();
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const book = await readWorkbookGrids(buffer);
    expect(book.sheets[0]?.rows[0]?.[0]).toBe(5);
  });

  it("gives a date-formatted formula result as a Date", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("日期");
    sheet.getCell("A1").value = { formula: "DATE(2024,3,1)", result: new Date(Date.UTC(2024, 2, 1)) };
    sheet.getCell("A1").numFmt = "yyyy-mm-dd";
    const book = await readWorkbookGrids(await bytesOf(workbook));
    expect(book.sheets[0]?.rows).toEqual([[new Date(Date.UTC(2024, 2, 1))]]);
  });

  it("reads a workbook written by LibreOffice, with inline strings (fixture, see test/fixtures/xlsx/README.md)", async () => {
    const book = await readWorkbookGrids(await readFile("test/fixtures/xlsx/libreoffice-made.xlsx"));
    expect(book.sheets).toEqual([
      {
        name: "评分",
        rows: [
          [5, 10, { error: "#DIV/0!" }, "5分", true, new Date(Date.UTC(2024, 2, 1))],
          ["城关镇", 85.5, "合并"],
          ["内联文本", "分段"],
        ],
        merged: ["C2:D2"],
        hiddenRows: [],
        hiddenColumns: [],
      },
    ]);
  });

  describe("refuses what is not a workbook", () => {
    const zipOfDocx = async (): Promise<Uint8Array> => {
      // A .docx is a zip too; JSZip comes with ExcelJS.
      const { default: JSZip } = await import("jszip");
      const zip = new JSZip();
      zip.file("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
      zip.file("word/document.xml", "<w:document/>");
      return zip.generateAsync({ type: "uint8array" });
    };
    const cases: [string, () => Promise<Uint8Array>][] = [
      ["random bytes", async () => Uint8Array.from({ length: 512 }, (_, index) => (index * 7919) % 256)],
      ["a text file", async () => new TextEncoder().encode("单位名称,总分\n城关镇,92.35\n")],
      ["an empty file", async () => new Uint8Array(0)],
      ["a .docx zip", zipOfDocx],
    ];
    it.each(cases)("%s → NotAWorkbookError with a Chinese message", async (_name, make) => {
      const attempt = readWorkbookGrids(await make());
      await expect(attempt).rejects.toBeInstanceOf(NotAWorkbookError);
      await expect(attempt).rejects.toThrow(/这不是 Excel 工作簿（\.xlsx）文件.*另存为 \.xlsx/);
    });
  });
});
