// The fast sheet reader's direct way through the usual cell (files/xlsx/sheetXml.ts readPlainCell): attributes read
// in place in any order and spelling XML allows, numbers and shared-string indices read from their digits, rows kept
// dense. Grids worked out by hand; then, for random cells, the direct way against the general (tokenizer) way.
import fc from "fast-check";
import { deflateSync, strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import type { CellValue } from "../lib/grid";
import { readSheetXml, type SheetContext } from "../files/xlsx/sheetXml";
import { UnsupportedXmlError } from "../files/xlsx/xmlScan";
import { InflateBudget, inflateEntry, inflateEntryAsync, PartTooLargeError, type ZipEntry } from "../files/xlsx/zip";
import { NotAWorkbookError } from "../files/xlsx";

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

// Shared strings 0–7 ("甲" … ; 3 is an item without text); cell style 1 is a date style.
const CONTEXT: SheetContext = {
  sharedStrings: ["甲", "乙", "丙", null, "戊", "己", "庚", "辛"],
  dateStyles: [false, true, false],
  date1904: false,
};

function rowsOf(sheetData: string, context: SheetContext = CONTEXT, after = ""): CellValue[][] {
  return readSheetXml(`<worksheet ${MAIN}><sheetData>${sheetData}</sheetData>${after}</worksheet>`, context).rows;
}

describe("the usual cell, read straight from the XML", () => {
  it("reads r, s and t in any order, in either quote, with the spaces XML allows, other attributes ignored", () => {
    const rows = rowsOf(
      '<row r="1">' +
        '<c t="s" s="2" r="B1"><v>1</v></c>' +
        "<c r='C1' t='n'><v>2.5</v></c>" +
        '<c\n r = "D1"\tt="b" cm="1" x14ac:dyDescent="0.25" ><v>1</v></c>' +
        // A prefixed r is another attribute: the cell has no r and follows D1.
        '<c x:r="Z9" t="e"><v>#N/A</v></c>' +
        "</row>",
    );
    expect(rows).toStrictEqual([[null, "乙", 2.5, true, { error: "#N/A" }]]);
  });

  it("reads numbers from their digits as parseFloat reads the text, and any other spelling from the text", () => {
    const texts = ["-0", "007", "0.50", "1.", "1e3", " 3.5 ", "123456789012345", "1234567890123456789", "&#49;2", "+5", "-12.25", "0.1", "9007199254740993"];
    const [row] = rowsOf(`<row r="1">${texts.map((text) => `<c><v>${text}</v></c>`).join("")}</row>`);
    expect(row).toStrictEqual([-0, 7, 0.5, 1, 1000, 3.5, 123456789012345, 1234567890123456800, 12, 5, -12.25, 0.1, 9007199254740992]);
    expect(Object.is(row?.[0], -0)).toBe(true);
  });

  it("gives each spelling of a fraction its own number when spellings share a slot of the repeat cache", () => {
    // "0.5" and "410.1" (5 and 4101 tenths) fall in the same slot; so do "-0.0" and "0.0", "-0.5" and "0.5".
    const texts = ["0.5", "410.1", "0.5", "-0.5", "0.50", "0.5", "-0.0", "0.0", "-0.0", "410.1"];
    const [row] = rowsOf(`<row r="1">${texts.map((text) => `<c><v>${text}</v></c>`).join("")}</row>`);
    expect(row).toStrictEqual([0.5, 410.1, 0.5, -0.5, 0.5, 0.5, -0, 0, -0, 410.1]);
    expect(row?.map((value) => Object.is(value, -0))).toStrictEqual([false, false, false, false, false, false, true, false, true, false]);
  });

  it("finds a shared string by its index, however written; an index that does not exist is left to ExcelJS", () => {
    expect(rowsOf('<row r="1"><c t="s"><v>007</v></c><c t="s"><v>&#49;</v></c><c t="s"><v>3</v></c><c t="s"><v>0</v></c></row>')).toStrictEqual([
      // Item 3 has no text: an empty cell.
      ["辛", "乙", null, "甲"],
    ]);
    expect(() => rowsOf('<row r="1"><c t="s"><v>8</v></c></row>')).toThrow(UnsupportedXmlError);
    expect(() => rowsOf('<row r="1"><c t="s"><v>12345678901</v></c></row>')).toThrow(UnsupportedXmlError);
  });

  it("gives a cell without r the column after the last kept one (a value or a style), as ExcelJS does", () => {
    // B1 is empty but styled (kept): C1 follows it. E1 is empty and unstyled: the next cell follows C1, not E1.
    // The unstyled <c s="0"/> takes E1 and is not kept, so the last cell lands on E1 too.
    const rows = rowsOf('<row r="1"><c r="B1" s="1"></c><c><v>2</v></c><c r="E1"/><c><v>3</v></c><c s="0"/><c><v>4</v></c></row>');
    expect(rows).toStrictEqual([[null, null, 2, 3, 4]]);
  });

  it("turns a number in a date style into a date, in the 1900 and the 1904 date system", () => {
    expect(rowsOf('<row r="1"><c r="A1" s="1"><v>45352.5</v></c><c r="B1" s="2"><v>45352.5</v></c></row>')).toStrictEqual([
      [new Date(Date.UTC(2024, 2, 1, 12)), 45352.5],
    ]);
    expect(rowsOf('<row r="1"><c r="A1" s="1"><v>43890</v></c></row>', { ...CONTEXT, date1904: true })).toStrictEqual([[new Date(Date.UTC(2024, 2, 1))]]);
  });

  it("reads a pretty-printed part, and texts with entities and line ends as the general way does", () => {
    const rows = rowsOf('\n  <row r="1">\n    <c r="A1" t="str">\n<v>x&amp;amp;y</v></c>\n    <c r="B1" t="str"><v>a\r\nb</v></c>\r\n  </row>\n');
    // A formula string is decoded twice ("x&amp;y" → "x&y"); CR LF reads as one line feed.
    expect(rows).toStrictEqual([["x&y", "a\nb"]]);
  });

  it("empties the cells a merge covers and ends rows (and the grid) at the last value left", () => {
    const rows = rowsOf(
      '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="2"><c r="B2"><v>5</v></c></row>',
      CONTEXT,
      '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
    );
    expect(rows).toStrictEqual([[1]]);
  });

  it("keeps a later cell of the same column, and rows given out of order or twice where they belong", () => {
    const rows = rowsOf('<row r="3"><c r="C3"><v>1</v></c><c r="A3"><v>2</v></c><c r="C3"><v>3</v></c></row><row r="1"><c r="B1"><v>4</v></c></row>');
    expect(rows).toStrictEqual([[null, 4], [], [2, null, 3]]);
  });

  it("leaves anything unusual to the general way: a repeated attribute, an unknown type, a formula, an empty <v>", () => {
    const rows = rowsOf('<row r="1"><c r="A1" r="C1"><v>1</v></c><c t="d"><v>7</v></c><c><f>1+1</f><v>2</v></c><c s="1"><v></v></c><c><v>5</v></c></row>');
    // The first r counts (as it always has); t="d" reads as a number; the styled cell with an empty <v> is kept.
    expect(rows).toStrictEqual([[1, 7, 2, null, 5]]);
  });
});

describe("the direct way and the general way give the same grid", () => {
  // The general way reads prefixed elements (<x:c>, <x:v>): the same sheet written with prefixes is its grid.
  const spaces = fc.constantFrom("", " ", "\n", "\t", "  ");
  const quote = fc.constantFrom('"', "'");
  const attribute = (name: string, value: fc.Arbitrary<string>) =>
    fc.tuple(spaces, spaces, quote, value).map(([before, after, q, text]) => `${name}${before}=${after}${q}${text}${q}`);
  const reference = fc.oneof(
    fc.tuple(fc.constantFrom("A", "B", "C", "Z", "AA", "XFD"), fc.constantFrom("1", "2", "10")).map(([letters, digits]) => letters + digits),
    fc.constantFrom("", "a1", "A", "1", "A1 ", "&#65;1", "AAAA1"),
  );
  const style = fc.constantFrom("0", "1", "2", "01", "", " 1", "1x", "&#49;", "9");
  const type = fc.constantFrom("n", "s", "b", "e", "str", "inlineStr", "d", "S", "", "&#115;");
  const number = fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
    fc.integer().map(String),
    fc.tuple(fc.constantFrom("", "-", "+"), fc.stringMatching(/^[0-9]{1,20}$/), fc.constantFrom("", "."), fc.stringMatching(/^[0-9]{0,20}$/)).map((parts) => parts.join("")),
    fc.constantFrom("0", "-0", "1.", ".5", "1e3", " 2 ", "&#49;", "x", "3&amp;", "4\r\n", "#N/A", "TRUE", "12345678901"),
  );
  const content = fc.oneof(fc.constant("/>"), fc.constant("></c>"), number.map((text) => `><v>${text}</v></c>`), fc.constant("><v></v></c>"));
  const cell = fc
    .tuple(
      fc.option(attribute("r", reference)),
      fc.option(attribute("s", style)),
      fc.option(attribute("t", type)),
      fc.option(attribute("cm", fc.constant("1"))),
      spaces,
      content,
    )
    .chain(([r, s, t, cm, trailing, body]) =>
      fc.shuffledSubarray([r, s, t, cm].filter((text): text is string => text !== null), { minLength: 0 }).map((attributes) => ({ attributes, trailing, body })),
    );
  const sheet = fc.array(fc.array(cell, { maxLength: 8 }), { minLength: 1, maxLength: 4 });

  function render(rows: { attributes: string[]; trailing: string; body: string }[][], p: string): string {
    const sheetData = rows
      .map((cells, index) => {
        const body = cells
          .map(({ attributes, trailing, body }) => `<${p}c${attributes.map((text) => ` ${text}`).join("")}${trailing}${body.replace("</c>", `</${p}c>`).replace(/<(\/?)v>/g, `<$1${p}v>`)}`)
          .join("");
        return `<${p}row r="${index + 1}">${body}</${p}row>`;
      })
      .join("");
    const ns = p === "" ? MAIN : 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    return `<${p}worksheet ${ns}><${p}sheetData>${sheetData}</${p}sheetData></${p}worksheet>`;
  }

  function outcome(xml: string): unknown {
    try {
      return readSheetXml(xml, CONTEXT);
    } catch (error) {
      return error instanceof UnsupportedXmlError ? `refused: ${error.message}` : error;
    }
  }

  it("for random cells in any spelling", () => {
    fc.assert(
      fc.property(sheet, (rows) => {
        expect(outcome(render(rows, ""))).toStrictEqual(outcome(render(rows, "x:")));
      }),
      { numRuns: 600 },
    );
  });

  it("for numbers of up to 15 digits: the same double as parseFloat", () => {
    const digits = fc.tuple(fc.boolean(), fc.stringMatching(/^[0-9]{1,8}$/), fc.stringMatching(/^[0-9]{0,7}$/));
    fc.assert(
      fc.property(digits, ([negative, whole, fraction]) => {
        const text = `${negative ? "-" : ""}${whole}${fraction === "" ? "" : `.${fraction}`}`;
        const [[value]] = rowsOf(`<row r="1"><c><v>${text}</v></c></row>`) as [[CellValue]];
        expect(Object.is(value, parseFloat(text))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("inflating a part (node:zlib in Node)", () => {
  const xml = strToU8(`<worksheet ${MAIN}>${"<row/>".repeat(5000)}</worksheet>`);
  const data = deflateSync(xml);
  const bytes = new Uint8Array(30 + data.byteLength);
  // A local header (signature, no name or extra field) and the data: enough for inflateEntry and inflateEntryAsync.
  new DataView(bytes.buffer).setUint32(0, 0x04034b50, true);
  bytes.set(data, 30);
  const entry = (size: number): ZipEntry => ({ name: "xl/worksheets/sheet1.xml", method: 8, flags: 0, compressedSize: data.byteLength, size, offset: 0 });

  it("gives the same bytes as the JavaScript inflater, as a plain Uint8Array", async () => {
    const inflated = await inflateEntryAsync(bytes, entry(xml.byteLength), new InflateBudget());
    expect(inflated.constructor).toBe(Uint8Array);
    expect(inflated).toStrictEqual(inflateEntry(bytes, entry(xml.byteLength), new InflateBudget()));
    expect(inflated).toStrictEqual(xml);
  });

  it("refuses a part holding more than it declares, and damaged data", async () => {
    await expect(inflateEntryAsync(bytes, entry(1000), new InflateBudget())).rejects.toThrow(PartTooLargeError);
    const damaged = bytes.slice();
    damaged.fill(0xff, 30, 40);
    await expect(inflateEntryAsync(damaged, entry(xml.byteLength), new InflateBudget())).rejects.toThrow(NotAWorkbookError);
  });
});
