// The package layer shared by the fast reader and writer: where the workbook and its sheets are, whatever the
// producer's spelling of paths and prefixes; and what it refuses.
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { NotAWorkbookError, readWorkbookGrids, XLSX_MESSAGES } from "../files/xlsx";
import { openPackage, resolveTarget, textOf } from "../files/xlsx/package";
import { readWorkbookGridsFast, readWorkbookGridsWithExcelJS } from "../files/xlsx/read";
import { UnsupportedXmlError } from "../files/xlsx/xmlScan";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RELS = 'xmlns="http://schemas.openxmlformats.org/package/2006/relationships"';
const OFFICE_DOCUMENT = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const WORKSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const CHARTSHEET = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet";

function sheetXml(text: string): Uint8Array {
  return strToU8(`<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c></row></sheetData></worksheet>`);
}

// The same sheet list with prefixes ExcelJS does not read (x:, rel:id), and as ExcelJS writes it.
const prefixedWorkbookXml =
  `<x:workbook xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:rel="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><x:workbookPr/>` +
  '<x:sheets><x:sheet name="乙" sheetId="3" rel:id="rId7"/><x:sheet name="甲 &amp; 丙" sheetId="1" state="hidden" rel:id="rId2"/>' +
  '<x:sheet name="丁" sheetId="2" rel:id="rId9"/><x:sheet name="无关系" sheetId="4" rel:id="rId404"/></x:sheets></x:workbook>';
const plainWorkbookXml = prefixedWorkbookXml.replace(/x:/g, "").replace("xmlns:x=", "xmlns=").replace(/rel:id/g, "r:id").replace("xmlns:rel=", "xmlns:r=");

/** Three sheets in tab order 乙, 甲 & 丙 (hidden), 丁 (chartsheet or worksheet), their ids not in tab order. */
function workbook(options: { chartsheet?: boolean; leadingSlash?: boolean; rootRels?: boolean; plain?: boolean } = {}): Uint8Array {
  const slash = options.leadingSlash === true ? "/" : "";
  // A target with "." and ".." is a valid path; ExcelJS does not resolve it and drops the sheet, so not in the plain workbook.
  const sheet2Target = options.plain === true ? "worksheets/sheet2.xml" : "./worksheets/../worksheets/sheet2.xml";
  const files: Record<string, Uint8Array> = {
    [`${slash}xl/workbook.xml`]: strToU8(options.plain === true ? plainWorkbookXml : prefixedWorkbookXml),
    [`${slash}xl/_rels/workbook.xml.rels`]: strToU8(
      `<Relationships ${RELS}><Relationship Id="rId2" Type="${WORKSHEET}" Target="worksheets/sheet1.xml"/>` +
        `<Relationship Id="rId7" Type="${WORKSHEET}" Target="/xl/worksheets/sheet3.xml"/>` +
        `<Relationship Id="rId8" Type="http://example.org/link" Target="https://example.org/" TargetMode="External"/>` +
        (options.chartsheet === true
          ? `<Relationship Id="rId9" Type="${CHARTSHEET}" Target="chartsheets/sheet1.xml"/>`
          : `<Relationship Id="rId9" Type="${WORKSHEET}" Target="${sheet2Target}"/>`) +
        "</Relationships>",
    ),
    [`${slash}xl/worksheets/sheet1.xml`]: sheetXml("甲"),
    [`${slash}xl/worksheets/sheet2.xml`]: sheetXml("丁"),
    [`${slash}xl/worksheets/sheet3.xml`]: sheetXml("乙"),
  };
  if (options.rootRels !== false) {
    files["_rels/.rels"] = strToU8(`<Relationships ${RELS}><Relationship Id="rId1" Type="${OFFICE_DOCUMENT}" Target="/xl/workbook.xml"/></Relationships>`);
  }
  if (options.chartsheet === true) files["xl/chartsheets/sheet1.xml"] = strToU8(`<chartsheet ${MAIN}/>`);
  return zipSync(files);
}

describe("openPackage", () => {
  it("finds the workbook through _rels/.rels and the sheets, in tab order, through the workbook's relationships", () => {
    const pkg = openPackage(workbook());
    expect(pkg.workbookPath).toBe("xl/workbook.xml");
    expect(pkg.sheets).toStrictEqual([
      { name: "乙", sheetId: 3, relId: "rId7", path: "xl/worksheets/sheet3.xml", state: "visible" },
      { name: "甲 & 丙", sheetId: 1, relId: "rId2", path: "xl/worksheets/sheet1.xml", state: "hidden" },
      { name: "丁", sheetId: 2, relId: "rId9", path: "xl/worksheets/sheet2.xml", state: "visible" },
    ]);
    expect(textOf(pkg, "xl/worksheets/sheet2.xml")).toContain("丁");
    expect(textOf(pkg, "/xl/worksheets/sheet2.xml")).toContain("丁");
    expect(textOf(pkg, "xl/nothing.xml")).toBeNull();
  });

  it("takes the usual workbook path when _rels/.rels is missing", () => {
    const pkg = openPackage(workbook({ rootRels: false }));
    expect(pkg.workbookPath).toBe("xl/workbook.xml");
    expect(pkg.sheets.map((sheet) => sheet.name)).toStrictEqual(["乙", "甲 & 丙", "丁"]);
  });

  it("refuses entry names with a leading slash: absolute paths to whoever unzips a copy (test/xlsx-hostile.test.ts)", () => {
    expect(() => openPackage(workbook({ leadingSlash: true, rootRels: false }))).toThrow(new NotAWorkbookError(XLSX_MESSAGES.unsafeEntryName));
  });

  it("accepts an ArrayBuffer", () => {
    const bytes = workbook();
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(openPackage(buffer).sheets).toHaveLength(3);
  });

  it("refuses what is not a workbook, with the ExcelJS reader's message", () => {
    expect(() => openPackage(new Uint8Array())).toThrow(new NotAWorkbookError(XLSX_MESSAGES.emptyFile));
    expect(() => openPackage(zipSync({ "word/document.xml": strToU8("<w:document/>") }))).toThrow(new NotAWorkbookError(XLSX_MESSAGES.notAWorkbook));
    const noSheets = zipSync({ "xl/workbook.xml": strToU8(`<workbook ${MAIN}><sheets/></workbook>`) });
    expect(() => openPackage(noSheets)).toThrow(new NotAWorkbookError(XLSX_MESSAGES.notAWorkbook));
    const broken = zipSync({ "xl/workbook.xml": strToU8(`<workbook ${MAIN}><sheets><sheet name="&nbsp;" sheetId="1" r:id="rId1"/></sheets></workbook>`) });
    expect(() => openPackage(broken)).toThrow(NotAWorkbookError);
  });

  it("resolves relationship targets as paths in the package", () => {
    expect(resolveTarget("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/workbook.xml", "/xl/worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolveTarget("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
    expect(resolveTarget("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  });
});

describe("the fast reader over the package", () => {
  it("reads sheets in tab order, hidden ones too, whatever their ids and relationship paths", () => {
    const book = readWorkbookGridsFast(workbook());
    expect(book.sheets.map((sheet) => [sheet.name, sheet.rows])).toStrictEqual([
      ["乙", [["乙"]]],
      ["甲 & 丙", [["甲"]]],
      ["丁", [["丁"]]],
    ]);
  });

  it("reads as ExcelJS reads a workbook written without prefixes", async () => {
    const bytes = workbook({ plain: true });
    expect(readWorkbookGridsFast(bytes)).toStrictEqual(await readWorkbookGridsWithExcelJS(bytes));
  });

  it("leaves a workbook with a chartsheet to ExcelJS, which skips the chartsheet", async () => {
    const bytes = workbook({ chartsheet: true, plain: true });
    expect(() => readWorkbookGridsFast(bytes)).toThrow(UnsupportedXmlError);
    const book = await readWorkbookGrids(bytes);
    expect(book).toStrictEqual(await readWorkbookGridsWithExcelJS(bytes));
    expect(book.sheets.map((sheet) => sheet.name)).not.toContain("丁");
  });
});

describe("crafted part names", () => {
  const rootRels = (target: string) =>
    `<?xml version="1.0"?><Relationships ${RELS}><Relationship Id="rId1" Type="${OFFICE_DOCUMENT}" Target="${target}"/></Relationships>`;

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "a workbook part named %s is a file we cannot open, said in Chinese, not an internal error",
    async (name) => {
      const bytes = zipSync({ "_rels/.rels": strToU8(rootRels(name)), __proto__: strToU8("x") } as Record<string, Uint8Array>);
      await expect(readWorkbookGrids(bytes)).rejects.toThrow(new NotAWorkbookError(XLSX_MESSAGES.notAWorkbook));
      expect(Object.prototype).not.toHaveProperty("x");
    },
  );
});
