// The fast .xlsx reader (files/xlsx/sheetXml.ts) against the ExcelJS reader it replaces: the same grids for every
// workbook the suite can make, and the ExcelJS reader still taking the files the fast one does not understand.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { strToU8, zipSync } from "fflate";
import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { generateSheetOuts } from "../bench/generate";
import { buildWorkbook, NotAWorkbookError, readWorkbookGrids, writeOutputSheets, XLSX_MESSAGES } from "../files/xlsx";
import { readWorkbookGridsFast, readWorkbookGridsWithExcelJS } from "../files/xlsx/read";
import { UnsupportedXmlError } from "../files/xlsx/xmlScan";
import { columnName } from "../lib/grid";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";

async function expectSameGrids(bytes: Uint8Array): Promise<void> {
  const expected = await readWorkbookGridsWithExcelJS(bytes);
  expect(readWorkbookGridsFast(bytes)).toStrictEqual(expected);
  expect(await readWorkbookGrids(bytes)).toStrictEqual(expected);
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Every kind of cell ExcelJS writes, on several sheets (one hidden), with merges and hidden rows and columns. */
async function everyKindOfCell(date1904: boolean): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.properties.date1904 = date1904;
  const sheet = workbook.addWorksheet("评分");
  sheet.getCell("A1").value = 5;
  sheet.getCell("B1").value = "城关镇 & <乡> \"引号\" '单'";
  sheet.getCell("C1").value = { richText: [{ text: "加强" }, { text: "党的领导", font: { bold: true } }, { text: "_x000D_回车" }] };
  sheet.getCell("D1").value = { formula: "A1*2", result: 10 };
  sheet.getCell("E1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  sheet.getCell("F1").value = { formula: "A1+1" };
  sheet.getCell("G1").value = { formula: 'A1&"&amp;"', result: "a&amp;b<c>" };
  sheet.getCell("H1").value = { formula: 'IF(A1>1,"","x")', result: "" };
  sheet.getCell("A2").value = 1;
  sheet.getCell("B2").value = { formula: "A2*3", result: 3, shareType: "shared", ref: "B2:B3" } as ExcelJS.CellValue;
  sheet.getCell("A3").value = 2;
  sheet.getCell("B3").value = { sharedFormula: "B2", result: 6 } as ExcelJS.CellValue;
  sheet.getCell("C2").value = new Date(Date.UTC(2024, 0, 15, 13, 30));
  sheet.getCell("D2").value = true;
  sheet.getCell("E2").value = { error: "#N/A" };
  sheet.getCell("F2").value = { text: "依据文件", hyperlink: "https://example.org/?a=1&b=2" };
  sheet.getCell("G2").value = { formula: "DATE(2024,3,1)", result: new Date(Date.UTC(2024, 2, 1)) };
  sheet.getCell("H2").value = false;
  sheet.getCell("I2").value = 45352;
  sheet.getCell("I2").numFmt = 'yyyy"年"m"月"d"日"';
  sheet.getCell("J2").value = 0.5;
  sheet.getCell("J2").numFmt = "0.00%";
  sheet.getCell("K2").value = 12.5;
  sheet.getCell("K2").numFmt = '[Red]0.0"分"';
  sheet.getCell("L2").value = 3;
  sheet.getCell("L2").numFmt = "[h]:mm:ss";
  sheet.getCell("A4").value = "含_x000D_转义 _x005F_ 和 _xABCD_";
  sheet.getCell("B4").value = "控制\u0001字符\u001f与换行\r\n及\t制表";
  sheet.getCell("C4").value = "合并";
  sheet.mergeCells("C4:D5");
  sheet.getCell("D5").value = "被合并覆盖";
  sheet.getCell("E5").value = "   ";
  sheet.getCell("A7").value = -0.1 - 0.2;
  sheet.getCell("B7").value = 1e-9;
  sheet.getCell("C7").value = 123456789012345680000;
  sheet.getCell("D7").value = "0012";
  sheet.getCell("E7").value = "😀 ＦＵＬＬ";
  sheet.getCell("A9").style = { font: { bold: true } };
  sheet.getRow(5).hidden = true;
  sheet.getRow(12).hidden = true;
  sheet.getColumn(8).hidden = true;
  sheet.getColumn(10).hidden = true;
  sheet.getColumn(11).width = 20;
  sheet.mergeCells("F9:G9");
  workbook.addWorksheet("空表");
  const hidden = workbook.addWorksheet("隐藏表", { state: "hidden" });
  hidden.getCell("A1").value = "隐藏的";
  const last = workbook.addWorksheet("满意度 & 其他");
  last.getCell("B2").value = "  有空格  ";
  last.getCell("Z30").value = 7;
  return bytesOf(workbook);
}

describe("the fast reader gives the ExcelJS reader's grids", () => {
  it("for the committed LibreOffice fixture (inline strings, formula results of each kind)", async () => {
    await expectSameGrids(new Uint8Array(await readFile("test/fixtures/xlsx/libreoffice-made.xlsx")));
  });

  it("for the template, with and without the example", async () => {
    await expectSameGrids(await buildWorkbook(buildTemplate({ year: 2024, example: true })));
    await expectSameGrids(await buildWorkbook(buildTemplate({ year: 2024, example: false })));
  });

  it("for a scored workbook (output sheets written back)", async () => {
    const input = await buildWorkbook(buildTemplate({ year: 2024, example: true }));
    const outcome = runAssessment(await readWorkbookGrids(input));
    expect(outcome.outputs?.length ?? 0).toBeGreaterThan(0);
    await expectSameGrids(await writeOutputSheets(input, outcome.outputs ?? []));
  });

  it("for a bench-generated workbook", async () => {
    await expectSameGrids(await buildWorkbook(generateSheetOuts(30)));
  });

  it("for every kind of cell, merges, hidden rows, columns and sheets, in the 1900 and the 1904 date system", async () => {
    await expectSameGrids(await everyKindOfCell(false));
    await expectSameGrids(await everyKindOfCell(true));
  });

  it("for random cells written by ExcelJS", async () => {
    const text = fc.oneof(fc.string(), fc.constantFrom("_x000D_", "_x005F_x0041_", "&amp;", "a<b>&c", " ", "\u0007", "\r\n", "１２"));
    const value = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      text,
      fc.boolean(),
      fc.constantFrom({ error: "#N/A" }, { error: "#VALUE!" }),
      fc.record({ formula: fc.constant("1+1"), result: fc.oneof(fc.integer(), text, fc.boolean()) }),
      fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
    );
    const cells = fc.array(fc.tuple(fc.nat(20), fc.nat(6), value), { maxLength: 25 });
    await fc.assert(
      fc.asyncProperty(cells, fc.array(fc.nat(25), { maxLength: 3 }), async (entries, hiddenRows) => {
        const workbook = new ExcelJS.Workbook();
        const sheet = workbook.addWorksheet("随机");
        for (const [row, column, cell] of entries) sheet.getCell(row + 1, column + 1).value = cell as ExcelJS.CellValue;
        for (const row of hiddenRows) sheet.getRow(row + 1).hidden = true;
        await expectSameGrids(await bytesOf(workbook));
      }),
      { numRuns: 40 },
    );
  });
});

/** An .xlsx made of hand-written parts: the sheet XML as given, the rest the smallest a workbook can be. */
function handMadeWorkbook(sheetXml: string, options: { sharedStrings?: string; styles?: string; prefix?: string } = {}): Uint8Array {
  const p = options.prefix === undefined ? "" : `${options.prefix}:`;
  const ns = options.prefix === undefined ? "xmlns" : `xmlns:${options.prefix}`;
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    "_rels/.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    "xl/workbook.xml": strToU8(
      `<?xml version="1.0"?><${p}workbook ${ns}="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        `<${p}sheets><${p}sheet name="手写" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet1.xml"/></Relationships>',
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheetXml),
  };
  if (options.sharedStrings !== undefined) files["xl/sharedStrings.xml"] = strToU8(options.sharedStrings);
  if (options.styles !== undefined) files["xl/styles.xml"] = strToU8(options.styles);
  return zipSync(files);
}

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

describe("the fast reader on hand-written XML", () => {
  it("reads prefixed elements, cells and rows without r, a hidden row without cells, entities", async () => {
    const sheet =
      '<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      '<x:cols><x:col min="2" max="3" width="9" hidden="1"/></x:cols>' +
      "<x:sheetData>" +
      '<x:row r="1"><x:c t="s"><x:v>0</x:v></x:c><x:c><x:v>2.5</x:v></x:c><x:c t="inlineStr"><x:is><x:t>a&amp;b &#x4E00;&#20108;</x:t></x:is></x:c></x:row>' +
      '<x:row><x:c r="B2" t="b"><x:v>1</x:v></x:c><x:c t="e"><x:v>#N/A</x:v></x:c></x:row>' +
      '<x:row r="4" hidden="1"/>' +
      '<x:row r="5" hidden="true"><x:c r="A5"><x:f>1+1</x:f></x:c><x:c r="C5" t="str"><x:f>"x"</x:f><x:v>x&amp;amp;y</x:v></x:c></x:row>' +
      "</x:sheetData>" +
      '<x:mergeCells count="1"><x:mergeCell ref="B1:C1"/></x:mergeCells>' +
      "</x:worksheet>";
    const sharedStrings =
      `<sst ${MAIN}><si><r><t>加强</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 领导</t></r><rPh sb="0" eb="1"><t>ジャ</t></rPh></si></sst>`;
    const book = readWorkbookGridsFast(handMadeWorkbook(sheet, { sharedStrings, prefix: "x" }));
    expect(book).toStrictEqual({
      sheets: [
        {
          name: "手写",
          // B1:C1 is merged, so C1's inline string is hidden under B1; a formula without a cached value is empty;
          // a formula string is decoded twice, as ExcelJS does ("x&amp;y" in the file's text → "x&y").
          rows: [["加强 领导", 2.5], [null, true, { error: "#N/A" }], [], [], [null, null, "x&y"]],
          merged: ["B1:C1"],
          hiddenRows: [3, 4],
          hiddenColumns: [1, 2],
        },
      ],
    });
  });

  it("turns a number in a date format into the Date ExcelJS makes, and leaves other formats numbers", () => {
    const styles =
      `<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>` +
      '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="10"/></cellXfs></styleSheet>';
    const sheet =
      `<worksheet ${MAIN}><sheetData><row r="1">` +
      '<c r="A1" s="1"><v>45352</v></c><c r="B1" s="2"><v>45352.5</v></c><c r="C1" s="3"><v>0.25</v></c><c r="D1" s="0"><v>1</v></c>' +
      "</row></sheetData></worksheet>";
    const [grid] = readWorkbookGridsFast(handMadeWorkbook(sheet, { styles })).sheets;
    // 45352 days after 1899-12-30 is 2024-03-01; .5 is noon.
    expect(grid?.rows).toStrictEqual([[new Date(Date.UTC(2024, 2, 1)), new Date(Date.UTC(2024, 2, 1, 12)), 0.25, 1]]);
  });

  it("leaves files it does not understand to ExcelJS, with ExcelJS's result", async () => {
    const withCdata = handMadeWorkbook(`<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t><![CDATA[x]]></t></is></c></row></sheetData></worksheet>`);
    expect(() => readWorkbookGridsFast(withCdata)).toThrow(UnsupportedXmlError);
    expect(await readWorkbookGrids(withCdata)).toStrictEqual(await readWorkbookGridsWithExcelJS(withCdata));
    const overlapping = handMadeWorkbook(
      `<worksheet ${MAIN}><sheetData/><mergeCells count="2"><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells></worksheet>`,
    );
    expect(() => readWorkbookGridsFast(overlapping)).toThrow(UnsupportedXmlError);
    await expect(readWorkbookGrids(overlapping)).rejects.toThrow(NotAWorkbookError);
    const runAfterText = handMadeWorkbook(`<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`, {
      sharedStrings: `<sst ${MAIN}><si><t>先</t><r><t>后</t></r></si></sst>`,
    });
    expect(() => readWorkbookGridsFast(runAfterText)).toThrow(UnsupportedXmlError);
    await expect(readWorkbookGrids(runAfterText)).rejects.toThrow(NotAWorkbookError);
    const phoneticInline = handMadeWorkbook(
      `<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>音</t><rPh><t>おん</t></rPh></is></c></row></sheetData></worksheet>`,
    );
    expect(() => readWorkbookGridsFast(phoneticInline)).toThrow(UnsupportedXmlError);
    expect(await readWorkbookGrids(phoneticInline)).toStrictEqual(await readWorkbookGridsWithExcelJS(phoneticInline));
  });
});

describe("files that are not workbooks", () => {
  const cases: [string, Uint8Array, string][] = [
    ["an empty file", new Uint8Array(), XLSX_MESSAGES.emptyFile],
    ["an OLE compound file", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), XLSX_MESSAGES.oldOrEncrypted],
    ["a text file", strToU8("不是工作簿"), XLSX_MESSAGES.notAWorkbook],
    ["a zip without a workbook part", zipSync({ "word/document.xml": strToU8("<w:document/>") }), XLSX_MESSAGES.notAWorkbook],
  ];
  it.each(cases)("refuses %s with the message the ExcelJS reader gives", async (_, bytes, message) => {
    await expect(readWorkbookGrids(bytes)).rejects.toThrow(new NotAWorkbookError(message));
    await expect(readWorkbookGridsWithExcelJS(bytes)).rejects.toThrow(new NotAWorkbookError(message));
    expect(() => readWorkbookGridsFast(bytes)).toThrow(NotAWorkbookError);
  });
});

// Hand-written sheets that ExcelJS reads too (no prefixes): each one the same through both readers.
const SHARED_STRINGS =
  `<sst ${MAIN}>` +
  "<si><t>普通</t></si>" +
  '<si><t xml:space="preserve">  含_x000D_回车_x005F_x000A_ 与 _x000d_ </t></si>' +
  "<si><r><t>富</t></r><r><rPr><b/><sz val=\"11\"/></rPr><t>文本</t></r><rPh sb=\"0\" eb=\"1\"><t>ふ</t></rPh><phoneticPr fontId=\"1\"/></si>" +
  "<si/>" +
  "<si><t/></si>" +
  "<si><r><t>run</t></r><t>plain</t></si>" +
  "<si><r><rPr><b/></rPr></r><r><t>无文本的段</t></r></si>" +
  "<si><t>a&amp;b&lt;c&gt;&quot;&apos;&#65;&#x42;\r\nline</t></si>" +
  "</sst>";
const STYLES =
  `<styleSheet ${MAIN}><numFmts count="3"><numFmt numFmtId="164" formatCode="0.0&quot;天&quot;"/>` +
  '<numFmt numFmtId="165" formatCode="[$-804]yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="14" formatCode="0.00"/></numFmts>' +
  '<cellXfs count="8"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="31"/><xf numFmtId="47"/><xf numFmtId="49"/></cellXfs></styleSheet>';

const HAND_WRITTEN_SHEETS: [string, string][] = [
  ["shared strings of every shape", row(1, [0, 1, 2, 3, 4, 5, 6, 7].map((index) => `<c r="${columnName(index)}1" t="s"><v>${index}</v></c>`).join(""))],
  [
    "numbers in date and other formats, in every built-in and custom style",
    row(1, [1, 2, 3, 4, 5, 6, 7, 0, 9].map((style, index) => `<c r="${columnName(index)}1" s="${style}"><v>45352.75</v></c>`).join("")),
  ],
  [
    "formulas: cached results of each type, none, 0, FALSE, shared and array formulas, date-styled results",
    row(
      1,
      '<c r="A1"><f>1</f><v>0</v></c><c r="B1" t="b"><f>1</f><v>0</v></c><c r="C1" t="b"><f>1</f><v>1</v></c>' +
        '<c r="D1" t="str"><f>1</f><v>&amp;lt;b&amp;gt;</v></c><c r="E1" t="e"><f>1</f><v>#REF!</v></c><c r="F1"><f>1</f></c>' +
        '<c r="G1"><f t="shared" ref="G1:G2" si="0">A1</f><v>7</v></c><c r="H1" s="2"><f>1</f><v>45352</v></c>' +
        '<c r="I1" s="4" t="str"><f>1</f><v>45000</v></c><c r="J1" s="4" t="b"><f>1</f><v>1</v></c><c r="K1"><f t="array" ref="K1">1</f><v>3</v></c>' +
        '<c r="L1" t="str"><f>1</f><v></v></c><c r="M1"><f></f><v>5</v></c>',
    ) + row(2, '<c r="G2"><f t="shared" si="0"/><v>8</v></c>'),
  ],
  [
    "cells without r after styled empty cells, self-closing cells, and odd values",
    row(1, '<c r="B1" s="1"/><c><v>1</v></c><c r="E1"/><c><v>2</v></c><c r="H1" t="n"><v> 3.5 </v></c><c r="I1"><v>1e3</v></c><c r="J1" t="b"><v>2</v></c>'),
  ],
  [
    "inline strings: plain, rich, with escapes left alone",
    row(
      1,
      '<c r="A1" t="inlineStr"><is><t>行内</t></is></c><c t="inlineStr"><is><r><t>富</t></r><r><t>_x000D_</t></r></is></c>' +
        '<c t="inlineStr"><is><t>_x000D_ 原样</t></is></c>',
    ),
  ],
  [
    "rows out of order, a row given twice, hidden rows with and without cells",
    row(3, '<c r="A3"><v>3</v></c>') + row(1, '<c r="A1"><v>1</v></c>') + row(3, '<c r="B3"><v>33</v></c>', ' hidden="1"') + '<row r="6" hidden="true"/><row r="9" hidden="0"/>',
  ],
  [
    "merges: one cell, reversed corners, over values and empty rows",
    row(1, '<c r="A1"><v>1</v></c><c r="B1"><v>2</v></c>') + row(2, '<c r="A2"><v>3</v></c><c r="C2"><v>4</v></c>'),
  ],
  [
    "attributes with single quotes, tabs and new lines, entities in text",
    "<row r='1'\n\tspans='1:2'><c\tr='A1'\nt='s'><v>7</v></c><c r=\"B1\" t=\"inlineStr\"><is><t>&#x1F600;&#12354;&amp;amp;</t></is></c></row>",
  ],
];

function row(number: number, cells: string, extra = ""): string {
  return `<row r="${number}"${extra}>${cells}</row>`;
}

function sheetWith(sheetData: string, name: string): string {
  const cols = '<cols><col min="3" max="4" hidden="1"/><col min="2" max="3" width="5" hidden="true"/><col min="8" max="8" hidden="1"/></cols>';
  const merges = name.startsWith("merges") ? '<mergeCells count="3"><mergeCell ref="D5"/><mergeCell ref="C2:A1"/><mergeCell ref="A7:B12"/></mergeCells>' : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet ${MAIN}><dimension ref="A1"/>${cols}<sheetData>${sheetData}</sheetData>${merges}</worksheet>`;
}

describe("hand-written sheets read the same by both readers", () => {
  it.each(HAND_WRITTEN_SHEETS)("%s", async (name, sheetData) => {
    await expectSameGrids(handMadeWorkbook(sheetWith(sheetData, name), { sharedStrings: SHARED_STRINGS, styles: STYLES }));
  });
});

describe("a formula's cached 0 or FALSE", () => {
  it("is read as 0 and FALSE by both readers, not as an empty cell", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("评分");
    sheet.getCell("A1").value = { formula: "1-1", result: 0 } as ExcelJS.CellFormulaValue;
    sheet.getCell("B1").value = { formula: "1=2", result: false } as ExcelJS.CellFormulaValue;
    sheet.getCell("C1").value = { formula: "2-1", result: 1 } as ExcelJS.CellFormulaValue;
    sheet.getCell("D1").value = { formula: "A1" } as ExcelJS.CellFormulaValue;
    const bytes = await bytesOf(workbook);
    const expected = [[0, false, 1]];
    expect(readWorkbookGridsFast(bytes).sheets[0]?.rows).toEqual(expected);
    expect((await readWorkbookGridsWithExcelJS(bytes)).sheets[0]?.rows).toEqual(expected);
  });

  it("scores 0 in 评分 when a score formula gives 0 (blank would be an error under 空白评分 报错)", async () => {
    const bytes = await buildWorkbook(buildTemplate({ year: 2025, example: true }));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const scores = workbook.getWorksheet("评分");
    const cell = scores?.getCell("C3");
    if (cell === undefined) throw new Error("评分!C3 missing");
    cell.value = { formula: "1-1", result: 0 } as ExcelJS.CellFormulaValue;
    const outcome = runAssessment(await readWorkbookGrids(await bytesOf(workbook)));
    expect(outcome.issues.filter((issue) => issue.level === "error")).toEqual([]);
    const unit = String(scores?.getCell("A3").value);
    expect(outcome.result?.units.find((u) => u.unit.name === unit)?.audit[0]?.explanation).toMatch(/^1\.1 得0 \+/);
  });
});
