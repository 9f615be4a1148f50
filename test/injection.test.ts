import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbookGrids, writeOutputSheets } from "../files/xlsx";
import { escapeText } from "../files/xlsx/escape";
import { createExcelHost } from "../addin/excel/excelHost";
import { main } from "../bin/main";
import type { WorkbookGrids } from "../lib/grid";
import { OUTPUT_SHEETS, SHEET } from "../lib/layout";
import { runAssessment } from "../lib/run";
import { FakeWorkbook } from "../fakes/excel";
import { setCell, validWorkbook } from "./helpers/workbook";

/**
 * No injection: names, reasons and bases that begin with = + - @ are written as plain text in every output, and control
 * characters are taken out when read (with a warning at the cell), so no output ever holds one.
 */
const RENAMES: Record<string, string> = {
  城关镇: "=1+1",
  柳屯镇: "+86",
  县司法局: "-某局",
  县法院: '@HYPERLINK("http://example.com","点我")',
};
const REASON = "=cmd|' /C calc'!A0";
const BASIS = "@SUM(1)";

/** The valid workbook with hostile names everywhere, a hostile 事由 and 依据, and a control character in a 事由. */
function hostileWorkbook(): WorkbookGrids {
  const book = validWorkbook();
  for (const sheet of book.sheets) {
    sheet.rows = sheet.rows.map((row) => row.map((value) => (typeof value === "string" && value in RENAMES ? (RENAMES[value] ?? value) : value)));
  }
  setCell(book, SHEET.adjustments, "D2", REASON);
  setCell(book, SHEET.adjustments, "E2", BASIS);
  setCell(book, SHEET.adjustments, "D3", "行政复议\u0001决定\u001b被纠错");
  return book;
}

async function toXlsx(book: WorkbookGrids): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const grid of book.sheets) {
    const sheet = workbook.addWorksheet(grid.name);
    grid.rows.forEach((row, r) =>
      row.forEach((value, c) => {
        // Control characters as Excel stores them (_x0001_); ExcelJS would drop them raw.
        if (value !== null) sheet.getCell(r + 1, c + 1).value = (typeof value === "string" ? escapeText(value) : value) as ExcelJS.CellValue;
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

describe("the reader", () => {
  it("scores the hostile workbook, warning only about the control characters, at their cell", () => {
    const run = runAssessment(hostileWorkbook());
    expect(run.outputs).not.toBeNull();
    expect(run.issues).toEqual([
      expect.objectContaining({
        level: "warning",
        sheet: "加减分",
        cell: "D3",
        message: "单元格里有看不见的控制字符（常见于从网页或其他系统复制的文字），已去掉，按“行政复议决定被纠错”读取。如有误，请删除该单元格后重新输入。",
      }),
    ]);
    const texts = (run.outputs ?? []).flatMap((out) => out.rows.flat()).filter((value): value is string => typeof value === "string");
    for (const hostile of Object.values(RENAMES)) expect(texts).toContain(hostile);
    expect(texts.some((text) => text.includes(REASON))).toBe(true);
    expect(texts.filter((text) => CONTROL.test(text))).toEqual([]);
  });
});

describe("Excel (fake)", () => {
  it("writes every hostile text as text: no output cell becomes a formula, and the text is intact", async () => {
    const sheets = Object.fromEntries(hostileWorkbook().sheets.map((sheet) => [sheet.name, sheet.rows]));
    const book = new FakeWorkbook(sheets);
    const outcome = await createExcelHost({ run: book.run, supports: () => true }).compute(() => undefined);
    expect(outcome.result).not.toBeNull();
    const cells = OUTPUT_SHEETS.flatMap((name) => book.grid(name).flat());
    expect(cells.filter((cell) => typeof cell === "object" && cell !== null && "formula" in cell)).toEqual([]);
    const texts = cells.filter((cell): cell is string => typeof cell === "string");
    for (const hostile of Object.values(RENAMES)) expect(texts).toContain(hostile);
    expect(texts.some((text) => text.includes(REASON))).toBe(true);
    expect(texts.filter((text) => CONTROL.test(text))).toEqual([]);
  });
});

describe(".xlsx copy of the input sheets", () => {
  it("keeps a control character of an input cell (stored as Excel's _x0001_ escape), where ExcelJS alone dropped it", async () => {
    const bytes = await toXlsx(hostileWorkbook());
    const read = await readWorkbookGrids(bytes);
    const adjustments = read.sheets.find((sheet) => sheet.name === SHEET.adjustments);
    expect(adjustments?.rows[2]?.[3]).toBe("行政复议\u0001决定\u001b被纠错");
    const run = runAssessment(read);
    const copy = await readWorkbookGrids(await writeOutputSheets(bytes, run.outputs ?? []));
    expect(copy.sheets.find((sheet) => sheet.name === SHEET.adjustments)?.rows).toEqual(adjustments?.rows);
  });
});

const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 }).status === 0;

describe("command line (.xlsx)", () => {
  let dir = "";
  let output = "";
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kaohe-injection-"));
    const input = join(dir, "考核.xlsx");
    output = join(dir, "结果.xlsx");
    await writeFile(input, await toXlsx(hostileWorkbook()));
    const errors: string[] = [];
    expect(await main(["score", input, "-o", output], { out: () => undefined, err: (line) => errors.push(line) })).toBe(0);
    expect(errors.join("\n")).toContain("加减分!D3");
  });
  afterAll(async () => {
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it("the output file holds no formula in any output sheet, and every hostile text as a string", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(output)) as unknown as ArrayBuffer);
    const texts: string[] = [];
    for (const name of OUTPUT_SHEETS) {
      const sheet = workbook.getWorksheet(name);
      expect(sheet, name).toBeDefined();
      sheet?.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type, `${name}!${cell.address}`).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === "string") texts.push(cell.value);
        }),
      );
    }
    for (const hostile of Object.values(RENAMES)) expect(texts).toContain(hostile);
    expect(texts.some((text) => text.includes(REASON))).toBe(true);
    expect(texts.filter((text) => CONTROL.test(text))).toEqual([]);
    // The input sheets are copied as they were: the hostile 事由 and 依据 are still text there.
    const adjustments = workbook.getWorksheet(SHEET.adjustments);
    expect([adjustments?.getCell("D2").value, adjustments?.getCell("E2").value]).toEqual([REASON, BASIS]);
  });

  it.skipIf(!hasSoffice)(
    "LibreOffice opens it and finds no formula in the output sheets, and the texts unchanged",
    async () => {
      const profile = `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`;
      await promisify(execFile)("soffice", ["--headless", profile, "--convert-to", "fods", "--outdir", join(dir, "fods"), output], { timeout: 110_000 });
      const fods = await readFile(join(dir, "fods", "结果.fods"), "utf8");
      const tables = fods.split("<table:table ").slice(1);
      const named = (name: string): string => tables.find((table) => table.startsWith(`table:name="${name}"`)) ?? "";
      for (const name of OUTPUT_SHEETS) {
        expect(named(name).length, `${name} missing in LibreOffice's file`).toBeGreaterThan(0);
        expect(named(name)).not.toContain("table:formula");
      }
      const results = named(SHEET.results);
      const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
      for (const hostile of Object.values(RENAMES)) {
        const shown = new RegExp(`<text:p>${xml(hostile).replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/&quot;/g, '(?:&quot;|")')}</text:p>`);
        expect(results, hostile).toMatch(shown);
      }
      expect(fods).not.toMatch(CONTROL);
    },
    120_000,
  );
});
