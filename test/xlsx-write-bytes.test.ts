// The fast writer's bytes: sheet XML written straight into UTF-8 (files/xlsx/xmlBytes.ts) must be exactly the XML
// the cell rules describe, encoded as TextEncoder would; and the command line's compressor (bin/compress.ts) must
// give deflate data that inflates back, at the default level for a small part and the fast level for a big one.
import fc from "fast-check";
import { constants, crc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressPart } from "../bin/compress";
import { DEFLATE_LEVELS } from "../files/xlsx";
import { LookTable, sheetLooks } from "../files/xlsx/cellLooks";
import { escapeText } from "../files/xlsx/escape";
import { sheetXmlPieces } from "../files/xlsx/sheetWriter";
import { xmlText } from "../files/xlsx/xmlEdit";
import type { SheetOut } from "../lib/format";

const plainFormat: SheetOut["format"] = { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] };
const encoder = new TextEncoder();

function joined(pieces: Iterable<Uint8Array>): Uint8Array {
  const list = [...pieces];
  const whole = new Uint8Array(list.reduce((sum, piece) => sum + piece.byteLength, 0));
  let at = 0;
  for (const piece of list) {
    whole.set(piece, at);
    at += piece.byteLength;
  }
  return whole;
}

/** The worksheet XML bytes of a one-column sheet holding `texts`, with shared-string index 7 for a text needing an escape. */
function sheetBytes(texts: readonly string[], xf = 0): Uint8Array {
  const out: SheetOut = { name: "结果", rows: texts.map((text) => [text]), format: plainFormat };
  const table = new LookTable();
  const looks = sheetLooks(out, table);
  return joined(sheetXmlPieces(out, looks, { xfOf: table.looks.map((_, index) => (index === 0 ? xf : index)), sharedIndex: () => 7 }));
}

/** One text cell as the rules say, written the slow way: kept as it is, escaped through the shared strings, or with entities and kept spaces. */
function expectedCell(ref: string, text: string): string {
  if (text === "") return "";
  if (escapeText(text) !== text) return `<c r="${ref}" t="s"><v>7</v></c>`;
  const edge = (code: number) => code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
  const keeps = edge(text.charCodeAt(0)) || edge(text.charCodeAt(text.length - 1)) || text.includes("\n") || text.includes("\t");
  return `<c r="${ref}" t="inlineStr"><is><t${keeps ? ' xml:space="preserve"' : ""}>${xmlText(text)}</t></is></c>`;
}

function sheetData(bytes: Uint8Array): Uint8Array {
  const text = Buffer.from(bytes).toString("latin1");
  const start = text.indexOf("<sheetData>") + "<sheetData>".length;
  return bytes.subarray(start, text.indexOf("</sheetData>"));
}

describe("sheet XML written as bytes", () => {
  // Short and long texts (the writer encodes from 24 characters on with the platform's encoder) with every kind of
  // character that needs care, at the start, the middle and the end: entities, escapes, control characters, spaces,
  // two-, three- and four-byte characters, and lone surrogates (U+FFFD, as TextEncoder writes them).
  // Mostly plain pieces, so that a long text often holds just one character that needs care.
  const pieces = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom("a", "甲", "é", "😀", "x", '"', "\ufffd", "计算说明计算说明计算说明", "1.1 得0.5 + ") },
    { weight: 1, arbitrary: fc.constantFrom("\ud83d", "\ude00", "&", "<", ">", "_x000D_", "_x", "_", "\u0001", "\t", "\n", "\r", " ", "\ufffe", "\uffff") },
  );

  it("are the bytes of the cell rules' XML, encoded as TextEncoder does, for any text", () => {
    fc.assert(
      fc.property(fc.array(fc.array(pieces, { maxLength: 40 }).map((list) => list.join("")), { minLength: 1, maxLength: 6 }), (texts) => {
        const expected = texts
          .map((text, index) => {
            const cell = expectedCell(`A${index + 1}`, text);
            return cell === "" ? "" : `<row r="${index + 1}">${cell}</row>`;
          })
          .join("");
        expect(Buffer.from(sheetData(sheetBytes(texts))).equals(Buffer.from(encoder.encode(expected)))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("writes numbers, truth values, styles and blanks with a style, and leaves out a row with nothing to write", () => {
    const out: SheetOut = {
      name: "结果",
      rows: [[92.35, true, false, "", null], [], ["城关镇"]],
      format: { ...plainFormat, styles: [{ range: "A1:C1", bold: true }, { range: "D1", fill: "#FFC7CE" }] },
    };
    const table = new LookTable();
    const looks = sheetLooks(out, table);
    const xml = new TextDecoder().decode(sheetData(joined(sheetXmlPieces(out, looks, { xfOf: [0, 5, 6], sharedIndex: () => 0 }))));
    expect(xml).toBe('<row r="1"><c r="A1" s="5"><v>92.35</v></c><c r="B1" s="5" t="b"><v>1</v></c><c r="C1" s="5" t="b"><v>0</v></c><c r="D1" s="6"/></row><row r="3"><c r="A3" t="inlineStr"><is><t>城关镇</t></is></c></row>');
  });

  it("numbers rows and cells past 9, 99 and 999, and gives a taller row its height (the last one given for it), cells or not", () => {
    const rows = Array.from({ length: 1_001 }, (_, index) => [index % 2 === 0 ? `第${index + 1}行` : null]);
    const rowHeights = [
      { row: 8, height: 30 },
      { row: 99, height: 20 },
      { row: 99, height: 45 },
      { row: 1, height: 30 },
      { row: 5_000, height: 30 },
    ];
    const out: SheetOut = { name: "计算说明", rows, format: { ...plainFormat, rowHeights } };
    const xml = new TextDecoder().decode(sheetData(joined(sheetXmlPieces(out, sheetLooks(out, new LookTable()), { xfOf: [0], sharedIndex: () => 0 }))));
    const expected = rows
      .map(([text], index) => {
        const height = index === 8 || index === 1 ? 30 : index === 99 ? 45 : null;
        const cell = text === null ? "" : `<c r="A${index + 1}" t="inlineStr"><is><t>${text}</t></is></c>`;
        if (cell === "" && height === null) return "";
        return `<row r="${index + 1}"${height === null ? "" : ` ht="${height}" customHeight="1"`}>${cell}</row>`;
      })
      .join("");
    expect(xml).toBe(expected);
  });

  it("hands the XML on in chunks of about a megabyte, never splitting a row", () => {
    const row = `第1考核单位 ${"1.1 得0.5 + ".repeat(40)}`;
    const texts = Array.from({ length: 8_000 }, () => row);
    const out: SheetOut = { name: "计算说明", rows: texts.map((text) => [text, text]), format: plainFormat };
    const table = new LookTable();
    const chunks = [...sheetXmlPieces(out, sheetLooks(out, table), { xfOf: [0], sharedIndex: () => 0 })];
    expect(chunks.length).toBeGreaterThan(4);
    for (const chunk of chunks.slice(1, -1)) {
      expect(chunk.byteLength).toBeGreaterThanOrEqual(1 << 20);
      expect(chunk.byteLength).toBeLessThan((1 << 20) + 4096);
      expect(Buffer.from(chunk.subarray(chunk.byteLength - 6)).toString()).toBe("</row>");
    }
  });
});

describe("the command line's compressor", () => {
  it("deflates a small part whole at the default level (6): the same bytes as zlib's one-shot deflate", async () => {
    const pieces = ["<sst>", encoder.encode("城关镇".repeat(1_000)), "</sst>"];
    const whole = Buffer.from(`<sst>${"城关镇".repeat(1_000)}</sst>`);
    const part = await compressPart(pieces);
    expect(Buffer.from(part.data).equals(deflateRawSync(whole, { level: DEFLATE_LEVELS.first }))).toBe(true);
    expect(part.crc).toBe(crc32(whole));
    expect(part.size).toBe(whole.byteLength);
  });

  it("deflates a big part at the fast level (1) in segments that make one stream, with the whole part's CRC-32 and size", async () => {
    // 11 MB of XML-like text with varying figures, in pieces of 300 KB, as the sheet writer hands them on.
    let seed = 1;
    const figure = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return (seed % 1000) / 10;
    };
    const cell = () => `<c><v>第${figure()}考核单位 1.1 得${figure()} + 1.2 得${figure()}</v></c>`;
    const piece = (index: number) => encoder.encode(`<row r="${index}">${Array.from({ length: 5_000 }, cell).join("")}</row>`);
    const pieces = Array.from({ length: 36 }, (_, index) => piece(index));
    const whole = Buffer.concat(pieces);
    expect(whole.byteLength).toBeGreaterThan(2 * DEFLATE_LEVELS.switchAfterBytes);
    const part = await compressPart(pieces);
    expect(inflateRawSync(part.data).equals(whole)).toBe(true);
    expect(part.crc).toBe(crc32(whole));
    expect(part.size).toBe(whole.byteLength);
    // The first segment (a megabyte, the pieces that fill it) is deflated on its own at level 1, ending in a sync flush.
    let first = 0;
    for (const bytes of pieces) if (first < 1 << 20) first += bytes.byteLength;
    const segment = deflateRawSync(whole.subarray(0, first), { level: DEFLATE_LEVELS.rest, finishFlush: constants.Z_SYNC_FLUSH });
    expect(Buffer.from(part.data.subarray(0, segment.byteLength)).equals(segment)).toBe(true);
    // Splitting costs almost nothing: within 1% of the part deflated in one go at the same level.
    expect(part.data.byteLength).toBeLessThan(deflateRawSync(whole, { level: DEFLATE_LEVELS.rest }).byteLength * 1.01);
  });

  it("stops at an error in the part's pieces, leaving nothing unhandled", async () => {
    function* failing(): Generator<Uint8Array> {
      for (let index = 0; index < 20; index += 1) yield new Uint8Array(700_000).fill(0x41);
      throw new Error("stopped");
    }
    await expect(compressPart(failing())).rejects.toThrow("stopped");
  });
});
