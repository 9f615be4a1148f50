// Issue 13 item 9: text that looks like a formula (= + - @) is written as text AND with Excel's quote prefix, so that
// editing the cell in Excel (F2, Enter) keeps it text. In the output sheets the graft writes, and in the files ExcelJS
// writes (the template, 导入工作安排's copy).
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbookGrids, replaceSheets, writeOutputSheets } from "../files/xlsx";
import { FormulaLikeFound, graftOutputSheets } from "../files/xlsx/graft";
import { openForGraft } from "../files/xlsx/graftPackage";
import { openPackage, textOf } from "../files/xlsx/package";
import { zipWithEdits } from "../files/xlsx/zipGraft";
import type { SheetOut } from "../lib/format";
import { columnName, type WorkbookGrids } from "../lib/grid";
import { OUTPUT_SHEETS, SHEET } from "../lib/layout";
import { runAssessment } from "../lib/run";
import { validWorkbook } from "./helpers/workbook";

const HOSTILE: Record<string, string> = { 城关镇: "=1+1", 柳屯镇: "+86", 县司法局: "-某局", 县法院: '@HYPERLINK("http://example.com","点我")' };

function hostileBook(): WorkbookGrids {
  const book = validWorkbook();
  for (const sheet of book.sheets) sheet.rows = sheet.rows.map((row) => row.map((value) => (typeof value === "string" ? (HOSTILE[value] ?? value) : value)));
  return book;
}

/** The book as a file written by ExcelJS alone (no quote prefix anywhere). */
async function plainXlsx(book: WorkbookGrids): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const grid of book.sheets) {
    const sheet = workbook.addWorksheet(grid.name);
    grid.rows.forEach((row, r) => row.forEach((value, c) => value !== null && (sheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue)));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Every text cell of a sheet, split by whether its cell format has quotePrefix="1". */
async function textsByPrefix(bytes: Uint8Array, sheetName: string): Promise<{ quoted: string[]; plain: string[] }> {
  const pkg = openPackage(bytes);
  const sheet = pkg.sheets.find((candidate) => candidate.name === sheetName);
  if (sheet === undefined) throw new Error(`no sheet ${sheetName}`);
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(textOf(pkg, "xl/styles.xml") ?? "")?.[1] ?? "";
  const quotedFormats = (cellXfs.match(/<xf\b[^>]*?(\/>|>[\s\S]*?<\/xf>)/g) ?? []).map((xf) => /^<xf\b[^>]*\squotePrefix="1"/.test(xf));
  const styleOf = new Map<string, number>();
  for (const match of (textOf(pkg, sheet.path) ?? "").matchAll(/<c r="([A-Z]+\d+)"(?: s="(\d+)")?/g)) styleOf.set(match[1] ?? "", Number(match[2] ?? "0"));
  const grid = (await readWorkbookGrids(bytes)).sheets.find((candidate) => candidate.name === sheetName);
  const result = { quoted: [] as string[], plain: [] as string[] };
  grid?.rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (typeof value !== "string") return;
      (quotedFormats[styleOf.get(`${columnName(c)}${r + 1}`) ?? 0] === true ? result.quoted : result.plain).push(value);
    }),
  );
  return result;
}

const looksLikeFormula = (text: string) => /^[=+\-@]/.test(text);

describe("the quote prefix on formula-like text", () => {
  it("score's output sheets: every formula-like text quoted, no other text", async () => {
    const input = await plainXlsx(hostileBook());
    const outputs = runAssessment(await readWorkbookGrids(input)).outputs ?? [];
    const written = await writeOutputSheets(input, outputs);
    for (const name of OUTPUT_SHEETS) {
      const { quoted, plain } = await textsByPrefix(written, name);
      expect(plain.filter(looksLikeFormula), name).toStrictEqual([]);
      expect(quoted.every(looksLikeFormula), name).toBe(true);
    }
    const results = await textsByPrefix(written, SHEET.results);
    for (const hostile of Object.values(HOSTILE)) expect(results.quoted).toContain(hostile);
  });

  it("score's writer first assumes there is no formula-like text (FormulaLikeFound when it meets one), then grafts again looking first: the same parts", async () => {
    const input = await plainXlsx(hostileBook());
    const outputs = runAssessment(await readWorkbookGrids(input)).outputs ?? [];
    const assumingNone = graftOutputSheets(openForGraft(input), outputs, { formulaLike: "assumeNone" });
    const sheets = [...assumingNone.written.values()].filter((content) => typeof content === "function");
    expect(() => sheets.forEach((pieces) => [...pieces()])).toThrow(FormulaLikeFound);
    const pkg = openForGraft(input);
    const lookingFirst = graftOutputSheets(pkg, outputs, { escapes: "found", formulaLike: "quote" });
    const expected = unzipSync(await zipWithEdits(input, pkg.allFiles, lookingFirst.written, lookingFirst.removed));
    const written = unzipSync(await writeOutputSheets(input, outputs));
    expect(Object.keys(written).sort()).toStrictEqual(Object.keys(expected).sort());
    for (const [path, bytes] of Object.entries(expected)) expect(strFromU8(written[path] ?? new Uint8Array()), path).toBe(strFromU8(bytes));
  });

  it("a workbook ExcelJS writes (the template's writer): formula-like texts quoted, in any cell format", async () => {
    const sheet: SheetOut = {
      name: "甲",
      rows: [["=1+1", "+86", "普通", "-某局"], ["@SUM(A1)", 5, "a=b"]],
      format: { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [{ range: "A1:B1", bold: true }], validations: [] },
    };
    const { quoted, plain } = await textsByPrefix(await buildWorkbook([sheet]), "甲");
    expect(quoted.sort()).toStrictEqual(["+86", "-某局", "=1+1", "@SUM(A1)"].sort());
    expect(plain.sort()).toStrictEqual(["a=b", "普通"]);
  });

  it("导入工作安排's copy (ExcelJS rewrites the workbook): the new sheet and the user's sheets get the prefix", async () => {
    const input = await plainXlsx(hostileBook());
    const indicators: SheetOut = {
      name: SHEET.indicators,
      rows: [["编号", "二级指标"], ["1.1", "=HYPERLINK(\"http://x\")"]],
      format: { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] },
    };
    const { bytes } = await replaceSheets(input, [indicators], () => "考核指标（原）");
    expect((await textsByPrefix(bytes, SHEET.indicators)).quoted).toStrictEqual(['=HYPERLINK("http://x")']);
    const units = await textsByPrefix(bytes, SHEET.units);
    expect(units.quoted.sort()).toStrictEqual(Object.values(HOSTILE).sort());
  });
});
