// The pieces of the fast .xlsx writer: styles appended, texts that need a file-format escape, the zip copied or rebuilt.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbookGrids, writeOutputSheets } from "../files/xlsx";
import { LookTable, sheetLooks } from "../files/xlsx/cellLooks";
import { deflatePart, deflatePartSync } from "../files/xlsx/deflate";
import { escapeText } from "../files/xlsx/escape";
import type { PartContent } from "../files/xlsx/graft";
import { needsEscape } from "../files/xlsx/sheetWriter";
import { emptyStylesPart, mergeStyles } from "../files/xlsx/styles";
import { zipWithEdits } from "../files/xlsx/zipGraft";
import type { SheetOut } from "../lib/format";

const plainFormat: SheetOut["format"] = { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] };

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith("/")));
}

describe("texts that need a file-format escape", () => {
  it("needsEscape agrees with escapeText on any text", () => {
    const pieces = fc.constantFrom("_x000D_", "_x00e9_", "_x", "_", "x", "0", "D", "甲", "\u0001", "\u001f", "\t", "\n", "\r", "\ufffe", "=", " ");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (list) => {
        const text = list.join("");
        expect(needsEscape(text)).toBe(escapeText(text) !== text);
      }),
    );
  });

  const hostile = ["=1+1", "+1", "-1", "@SUM(A1)", "_x000D_", "\u0001", "甲_x0041_乙", "a\r\nb", " 前后空格 ", "<&>\"'"];

  it.each([
    ["that has shared strings", [["单位名称"], ["城关镇"]]],
    ["without any text (so without a shared-string part)", [[1], [2]]],
  ])("come back as the same text from a workbook %s", async (_name, rows) => {
    const original = await buildWorkbook([{ name: "评分", rows, format: plainFormat }]);
    const results: SheetOut = { name: "结果", rows: [["提示"], ...hostile.map((text) => [text])], format: plainFormat };
    const written = await writeOutputSheets(original, [results]);
    // Those texts are in the shared strings (created where the workbook had none), where every reader decodes escapes.
    expect(strFromU8(parts(written)["xl/sharedStrings.xml"] ?? new Uint8Array())).toContain("<t xml:space=\"preserve\">_x005F_x000D_</t>");
    const sheet = (await load(written)).getWorksheet("结果");
    hostile.forEach((text, index) => {
      const cell = sheet?.getCell(`A${index + 2}`);
      expect(cell?.value).toBe(text);
      expect(cell?.formula).toBeUndefined();
    });
    const read = (await readWorkbookGrids(written)).sheets.find((grid) => grid.name === "结果");
    expect(read?.rows.slice(1).map((row) => row[0])).toEqual(hostile);
    // The input sheet is untouched and still reads the same.
    expect((await readWorkbookGrids(written)).sheets.find((grid) => grid.name === "评分")?.rows).toEqual(rows);
  });

  it("scoring again reuses the shared strings the first run appended", async () => {
    const original = await buildWorkbook([{ name: "评分", rows: [["单位名称"]], format: plainFormat }]);
    const results: SheetOut = { name: "结果", rows: [["_x000D_镇"], ["_x000D_镇"], ["\u0002"]], format: plainFormat };
    const once = await writeOutputSheets(original, [results]);
    const twice = await writeOutputSheets(once, [results]);
    const items = (bytes: Uint8Array) => (strFromU8(parts(bytes)["xl/sharedStrings.xml"] ?? new Uint8Array()).match(/<si>/g) ?? []).length;
    expect(items(once)).toBe(items(original) + 2);
    expect(items(twice)).toBe(items(once));
    expect((await load(twice)).getWorksheet("结果")?.getCell("A2").value).toBe("_x000D_镇");
  });
});

describe("mergeStyles", () => {
  const looksOf = (styles: SheetOut["format"]["styles"]) => {
    const table = new LookTable();
    sheetLooks({ name: "s", rows: [["a", "b"]], format: { ...plainFormat, styles } }, table);
    return table.looks;
  };

  it("reuses the workbook's custom number formats and numbers new ones after its highest", () => {
    const original =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="170" formatCode="yyyy"/></numFmts><fonts count="1"><font><sz val="12"/><name val="宋体"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs></styleSheet>';
    const looks = looksOf([
      { range: "A1", numberFormat: "0.0", bold: true },
      { range: "B1", numberFormat: "0.000", fill: "#c6efce" },
    ]);
    const merged = mergeStyles(original, looks);
    expect(merged.xfOf).toEqual([0, 1, 2]);
    expect(merged.xml).toContain('<numFmts count="3"><numFmt numFmtId="164" formatCode="0.0"/><numFmt numFmtId="170" formatCode="yyyy"/><numFmt numFmtId="171" formatCode="0.000"/></numFmts>');
    // The new bold font is the workbook's own default font made bold.
    expect(merged.xml).toContain('<fonts count="2"><font><sz val="12"/><name val="宋体"/></font><font><b/><sz val="12"/><name val="宋体"/></font></fonts>');
    expect(merged.xml).toContain('<fill><patternFill patternType="solid"><fgColor rgb="FFC6EFCE"/></patternFill></fill></fills>');
    expect(merged.xml).toContain('<xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>');
    expect(merged.xml).toContain('<xf numFmtId="171" fontId="0" fillId="2" borderId="0" xfId="0" applyNumberFormat="1" applyFill="1"/></cellXfs>');
  });

  it("keeps the prefix of a prefixed styles part and fills in missing containers", () => {
    const original = '<x:styleSheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:fonts count="1"><x:font><x:sz val="11"/></x:font></x:fonts><x:cellXfs count="1"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></x:cellXfs></x:styleSheet>';
    const merged = mergeStyles(original, looksOf([{ range: "A1", horizontal: "center", wrap: true }]));
    expect(merged.xfOf).toEqual([0, 1]);
    expect(merged.xml).toContain('<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill>');
    expect(merged.xml).toContain('<x:borders count="1">');
    expect(merged.xml).toContain('<x:xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><x:alignment horizontal="center" vertical="center" wrapText="1"/></x:xf></x:cellXfs>');
    expect(merged.xml.indexOf("<x:fills")).toBeLessThan(merged.xml.indexOf("<x:cellXfs"));
  });

  it("builds a whole styles part for a package without one", () => {
    const merged = mergeStyles(emptyStylesPart(), looksOf([{ range: "A1", numberFormat: "0.00" }]));
    expect(merged.xfOf).toEqual([0, 1]);
    expect(merged.xml).toContain('<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>');
  });
});

describe("the zip", () => {
  it("deflates natively and in JavaScript to data that inflates back, with the right CRC-32 and size", async () => {
    const text = "计算说明 ".repeat(10_000);
    for (const part of [await deflatePart(["计算", "说明 ".repeat(5), text]), deflatePartSync(["计算", "说明 ".repeat(5), text])]) {
      const zip = zipSync({ "a.txt": strToU8(`计算${"说明 ".repeat(5)}${text}`) });
      const reference = new DataView(zip.buffer, zip.byteOffset).getUint32(14, true);
      expect(part.crc).toBe(reference);
      expect(part.size).toBe(strToU8(`计算${"说明 ".repeat(5)}${text}`).byteLength);
    }
  });

  it("rebuilds every part when the original cannot be copied entry by entry", async () => {
    const files = { "a.xml": strToU8("<a/>"), "b.xml": strToU8("<b/>"), "c.xml": strToU8("<c/>") };
    const zip = await zipWithEdits(new Uint8Array(40), () => files, new Map<string, PartContent>([["b.xml", strToU8("<b>new</b>")], ["d.xml", () => ["<d>", "</d>"]]]), new Set(["c.xml"]));
    const read = parts(zip);
    expect(Object.keys(read).sort()).toEqual(["a.xml", "b.xml", "d.xml"]);
    expect(strFromU8(read["b.xml"] ?? new Uint8Array())).toBe("<b>new</b>");
    expect(strFromU8(read["d.xml"] ?? new Uint8Array())).toBe("<d></d>");
  });

  it("copies the entries it keeps, a non-ASCII name too, and adds the new ones after them", async () => {
    const original = zipSync({ "xl/甲.xml": strToU8("<甲/>"), "keep.xml": strToU8("<keep/>") });
    const zip = await zipWithEdits(original, () => ({}), new Map([["new.xml", strToU8("<new/>")]]), new Set());
    const read = parts(zip);
    expect(strFromU8(read["xl/甲.xml"] ?? new Uint8Array())).toBe("<甲/>");
    expect(strFromU8(read["new.xml"] ?? new Uint8Array())).toBe("<new/>");
    expect(Object.keys(read)).toEqual(["xl/甲.xml", "keep.xml", "new.xml"]);
  });
});
