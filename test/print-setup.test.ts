/**
 * Page setup of the output sheets: lib's rules (titles, line counts, page breaks that keep a unit's lines together,
 * widths that fit), and how each writer carries them: the graft's sheet and workbook XML, ExcelJS, and Excel (fake).
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { buildWorkbook, readWorkbookGrids, writeOutputSheets } from "../files/xlsx";
import { writeOutputSheetsWithExcelJS } from "../files/xlsx/write";
import type { SheetOut } from "../lib/format";
import { SHEET } from "../lib/layout";
import { blockBreaks, LINE_HEIGHT, ONE_LINE_ROW, PAGE_FOOTER, printTitle, printTitlesFormula, titleHeader, widthFor, wrappedLines } from "../lib/output/print";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";
import { createExcelHost } from "../addin/excel/excelHost";
import { FakeWorkbook } from "../fakes/excel";

const example = await buildWorkbook(buildTemplate({ year: 2026, example: true }));
const outcome = runAssessment(await readWorkbookGrids(example));
const outputs = outcome.outputs ?? [];
const sheet = (name: string): SheetOut => outputs.find((out) => out.name === name)!;

describe("lib: print rules", () => {
  it("the title names the year and the 地区 of 参数, or only the year when 地区 is blank", () => {
    expect(printTitle({ year: 2026, region: "示例县" }, "结果")).toBe("2026年度示例县法治建设考核结果");
    expect(printTitle({ year: 2025, region: "" }, "汇总")).toBe("2025年度法治建设考核汇总");
    expect(sheet(SHEET.results).format.print?.header).toBe('&14&"-,Bold"2026年度示例县法治建设考核结果');
    // The size code stands before the bold code: "&14" directly before "2026…" would be read as size 142026.
    expect(titleHeader("甲&乙")).toBe('&14&"-,Bold"甲&&乙');
    expect(PAGE_FOOTER).toBe("第 &P 页 共 &N 页");
  });

  it("print titles name the sheet quoted, columns then rows", () => {
    const print = sheet(SHEET.results).format.print!;
    expect(printTitlesFormula("结果", print)).toBe("'结果'!$A:$C,'结果'!$1:$1");
    expect(printTitlesFormula("O'Neil", { ...print, repeatColumns: 0 })).toBe("'O''Neil'!$1:$1");
    expect(printTitlesFormula("汇总", { ...print, repeatColumns: 0, repeatRows: 0 })).toBeNull();
  });

  it("counts wrapped lines: a Chinese character takes a little over two digits, a line break starts a line", () => {
    expect(wrappedLines("", 50)).toBe(1);
    // 20 characters: width 40 × 1.08 = 43.2 ≤ 49.5 → one line; 25: 54 > 49.5 → two.
    expect(wrappedLines("一".repeat(20), 50)).toBe(1);
    expect(wrappedLines("一".repeat(25), 50)).toBe(2);
    expect(wrappedLines("甲\n乙", 50)).toBe(2);
    expect(widthFor("不合格")).toBe(9.5);
  });

  it("breaks before a block of 12 rows that would not fit, by hand: A4 landscape holds 464 points below the header", () => {
    // Printable height 595.28 − (0.7 + 0.6) × 72 = 501.28 points, 96% of it 481.23, less the header row 17: 464.23.
    // Blocks of 12 rows × 17 = 204 points: two fit (408), a third would make 612.
    const blocks = [1, 13, 25, 37, 49].map((first) => ({ first, last: first + 11 }));
    expect(blockBreaks(blocks, [], 1, 100, "landscape")).toEqual([25, 49]);
    // At 50% a page holds twice the points (962.46 − 17 = 945.46): four blocks (816), not five (1020).
    expect(blockBreaks(blocks, [], 1, 50, "landscape")).toEqual([49]);
    // One tall row of 300 points in the first block: it fills the page alone.
    expect(blockBreaks(blocks, [{ row: 2, height: 300 }], 1, 100, "landscape")).toEqual([13, 37]);
  });

  it("law: breaks fall only where a block begins, and a page of several blocks never holds more than fits", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 40 }), fc.array(fc.nat(200)), fc.integer({ min: 30, max: 100 }), (sizes, tallRows, scale) => {
        const blocks: { first: number; last: number }[] = [];
        let next = 1;
        for (const size of sizes) {
          blocks.push({ first: next, last: next + size - 1 });
          next += size + 1; // a blank row between blocks
        }
        const heights = [...new Set(tallRows)].map((row) => ({ row: row + 1, height: 40 }));
        const breaks = blockBreaks(blocks, heights, 1, scale, "landscape");
        const firsts = new Set(blocks.map((block) => block.first));
        expect(breaks.every((row) => firsts.has(row))).toBe(true);
        expect([...breaks].sort((a, b) => a - b)).toEqual(breaks);
        const height = (row: number) => heights.find((entry) => entry.row === row)?.height ?? ONE_LINE_ROW;
        const room = (0.96 * (595.28 - 1.3 * 72) * 100) / scale - ONE_LINE_ROW;
        const starts = [1, ...breaks, next];
        for (let page = 0; page + 1 < starts.length; page += 1) {
          const onPage = blocks.filter((block) => block.first >= starts[page]! && block.first < starts[page + 1]!);
          if (onPage.length < 2) continue;
          let used = 0;
          for (let row = starts[page]!; row <= onPage.at(-1)!.last; row += 1) used += height(row);
          expect(used).toBeLessThanOrEqual(room + 1e-9);
        }
      }),
    );
  });
});

describe("the example's outputs (60 units): nothing cut", () => {
  /** The text a cell shows: numbers with the sheet's decimals. */
  const shown = (value: string | number | boolean | null): string => (typeof value === "number" ? (Number.isInteger(value) ? String(value) : value.toFixed(2)) : String(value ?? ""));

  it.each(outputs.map((out) => [out.name, out]))("%s: every text fits its column or runs into empty cells; wrapped texts have the rows they need", (_name, out) => {
    const { columnWidths: widths, rowHeights = [], defaultRowHeight = 15 } = out.format;
    const wrapped = new Set<string>();
    for (const style of out.format.styles) {
      if (style.wrap !== true) continue;
      const [from, to = from] = style.range.split(":");
      const column = (ref: string) => ref.replace(/\d+/g, "").charCodeAt(0) - 65;
      const row = (ref: string) => Number(ref.replace(/[A-Z]+/g, ""));
      for (let r = row(from!); r <= row(to ?? from!); r += 1) for (let c = column(from!); c <= column(to ?? from!); c += 1) wrapped.add(`${r - 1}:${c}`);
    }
    out.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        const text = shown(value);
        if (text === "") return;
        if (wrapped.has(`${r}:${c}`)) {
          const height = rowHeights.find((entry) => entry.row === r)?.height ?? defaultRowHeight;
          expect(height, `${out.name} row ${r + 1}`).toBeGreaterThanOrEqual(wrappedLines(text, widths[c]!) * LINE_HEIGHT);
          return;
        }
        // Room: this column, and the empty columns to its right (a text runs on into empty cells, as 汇总's bars do).
        let room = widths[c] ?? 8.43;
        for (let next = c + 1; next < widths.length && shown(row[next] ?? null) === ""; next += 1) room += widths[next]!;
        expect(widthFor(text) - 2.5, `${out.name} ${String.fromCharCode(65 + c)}${r + 1} “${text}”`).toBeLessThanOrEqual(room);
      });
    });
  });

  it("计算说明 breaks pages only before a unit's first line", () => {
    const audit = sheet(SHEET.audit);
    const breaks = audit.format.print!.rowBreaks;
    expect(breaks.length).toBeGreaterThan(10);
    for (const row of breaks) {
      // A unit's first line: its name differs from the line above (or the parameters begin after the blank row).
      const name = audit.rows[row]?.[1] ?? null;
      const above = audit.rows[row - 1]?.[1] ?? null;
      expect(name === null ? audit.rows[row]?.[0] : name !== above, `row ${row + 1}`).toBeTruthy();
    }
  });
});

describe("writers", () => {
  it("the graft: page setup in each output sheet's XML, in schema order, and one Print_Titles name per sheet", async () => {
    const written = await writeOutputSheets(example, outputs);
    // Scoring the scored file again: still one name per output sheet, none left from the first run.
    const again = unzipSync(await writeOutputSheets(written, outputs));
    const workbook = strFromU8(again["xl/workbook.xml"]!);
    const names = [...workbook.matchAll(/<definedName name="_xlnm.Print_Titles" localSheetId="(\d+)">([^<]*)<\/definedName>/g)].map((m) => [m[1], m[2]]);
    // The outputs follow the input sheets of the template.
    const inputs = buildTemplate({ year: 2026, example: true }).length;
    expect(names).toEqual([
      [String(inputs), "'结果'!$A:$C,'结果'!$1:$1"],
      [String(inputs + 1), "'计算说明'!$A:$B,'计算说明'!$1:$1"],
      [String(inputs + 2), "'汇总'!$1:$1"],
    ]);
    expect(workbook.indexOf("<definedNames>")).toBeGreaterThan(workbook.indexOf("</sheets>"));
    const rels = strFromU8(again["xl/_rels/workbook.xml.rels"]!);
    const partOf = (name: string) => {
      const relId = new RegExp(`name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
      return strFromU8(again[`xl/${new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1]}`]!);
    };
    const results = partOf("结果");
    expect(results).toContain('<sheetPr><tabColor rgb="FF70AD47"/><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(results).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(results).toContain('<oddHeader>&amp;C&amp;14&amp;"-,Bold"2026年度示例县法治建设考核结果</oddHeader>');
    expect(results).toContain("<oddFooter>&amp;C第 &amp;P 页 共 &amp;N 页</oddFooter>");
    expect(results).toContain('<sheetFormatPr defaultRowHeight="17" customHeight="1"/>');
    const order = ["</sheetData>", "<printOptions", "<pageMargins", "<pageSetup", "<headerFooter"].map((tag) => results.indexOf(tag));
    expect(order.every((at, index) => at > (order[index - 1] ?? -1))).toBe(true);
    const audit = partOf("计算说明");
    const breaks = sheet(SHEET.audit).format.print!.rowBreaks;
    expect(audit).toContain(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}"><brk id="${breaks[0]}" max="16383" man="1"/>`);
    expect(audit.indexOf("<rowBreaks")).toBeGreaterThan(audit.indexOf("<headerFooter"));
    // A 提示 of two lines gets its row height.
    const tall = sheet(SHEET.results).format.rowHeights![0]!;
    expect(results).toContain(`<row r="${tall.row + 1}" ht="${tall.height}" customHeight="1">`);
  });

  it("ExcelJS: the same page setup, read back", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeOutputSheetsWithExcelJS(example, outputs)) as unknown as ArrayBuffer);
    const results = workbook.getWorksheet(SHEET.results)!;
    expect(results.pageSetup).toMatchObject({ orientation: "landscape", paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "1:1", printTitlesColumn: "A:C" });
    expect(results.headerFooter.oddFooter).toBe("&C第 &P 页 共 &N 页");
    const tall = sheet(SHEET.results).format.rowHeights![0]!;
    expect(results.getRow(tall.row + 1).height).toBe(tall.height);
    expect(workbook.getWorksheet(SHEET.summary)!.pageSetup).toMatchObject({ fitToWidth: 1, fitToHeight: 1 });
  });

  it("Excel (fake): page layout where ExcelApi 1.9 is supported, row heights always", async () => {
    const grids = buildTemplate({ year: 2026, example: true });
    const run = async (supports: (version: string) => boolean) => {
      const book = new FakeWorkbook(Object.fromEntries(grids.map((out) => [out.name, out.rows])));
      await createExcelHost({ run: book.run, supports }).compute(() => undefined);
      return book;
    };
    // Written while the new sheets still have their temporary names (结果（新）…), before the swap.
    const book = await run(() => true);
    const layout = book.writes.filter((write) => write.kind === "pageLayout" && write.sheet.startsWith(SHEET.results)).map((write) => write.values?.[0]);
    expect(layout).toContainEqual(["orientation", "Landscape"]);
    expect(layout).toContainEqual(["paperSize", "A4"]);
    expect(layout).toContainEqual(["zoom", { horizontalFitToPages: 1 }]);
    expect(layout).toContainEqual(["printTitleRows", "$1:$1"]);
    expect(layout).toContainEqual(["defaultForAllPages.centerFooter", PAGE_FOOTER]);
    expect(layout).toContainEqual(["defaultForAllPages.centerHeader", '&14&"-,Bold"2026年度示例县法治建设考核结果']);
    const breaks = book.writes.filter((write) => write.kind === "pageBreak" && write.sheet.startsWith(SHEET.audit));
    expect(breaks.map((write) => write.address)).toEqual(sheet(SHEET.audit).format.print!.rowBreaks.map((row) => `A${row + 1}`));
    const older = await run((version) => version !== "1.9");
    expect(older.writes.filter((write) => write.kind === "pageLayout" || write.kind === "pageBreak")).toEqual([]);
    expect(older.writes.filter((write) => write.kind === "format" && JSON.stringify(write.values).includes('"height"')).length).toBeGreaterThan(3);
  });
});
