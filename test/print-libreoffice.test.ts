/**
 * The output sheets of the example county (60 units) printed as a clerk prints them: LibreOffice turns each sheet,
 * written by the graft writer and by the ExcelJS writer, into a PDF on A4. Checked page by page with pdftotext:
 * how many pages, the title, the header row and the unit names on every page, page numbers, every unit's lines of
 * 计算说明 on one page. PNGs of the graft's pages are kept in docs/screenshots/ (print-*.png) to look at.
 */
import { execFile, spawnSync } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbookGrids, writeOutputSheets } from "../files/xlsx";
import { writeOutputSheetsWithExcelJS } from "../files/xlsx/write";
import type { SheetOut } from "../lib/format";
import { SHEET } from "../lib/layout";
import type { AssessmentResult } from "../lib/model";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";

const run = promisify(execFile);
const hasTools = ["soffice", "pdftotext", "pdftoppm"].every((tool) => spawnSync("which", [tool], { stdio: "ignore" }).status === 0);
const SHOTS = path.join(fileURLToPath(new URL("..", import.meta.url)), "docs", "screenshots");
const SHOT_NAMES: Record<string, string> = { [SHEET.results]: "results", [SHEET.audit]: "audit", [SHEET.summary]: "summary" };
const WRITERS = { graft: writeOutputSheets, exceljs: writeOutputSheetsWithExcelJS } as const;

let dir = "";
let result: AssessmentResult;
let outputs: SheetOut[] = [];
/** Text of each page, by writer and sheet. */
const pages: Record<string, Record<string, string[]>> = { graft: {}, exceljs: {} };

/** One workbook per output sheet: the sheet alone beside an empty one (LibreOffice prints no page for an empty sheet). */
async function singleSheetBooks(): Promise<string[]> {
  const base = await buildWorkbook([{ name: "空", rows: [], format: { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] } }]);
  const files: string[] = [];
  for (const [writer, write] of Object.entries(WRITERS)) {
    for (const out of outputs) {
      const file = path.join(dir, `${writer}-${SHOT_NAMES[out.name]}.xlsx`);
      await writeFile(file, await write(base, [out]));
      files.push(file);
    }
  }
  return files;
}

/** The footer "第 1 页 共 2 页" as pdftotext gives it (its spacing varies). */
function pageNumber(page: number, of: number): RegExp {
  return new RegExp(`第\\s*${page}\\s*页\\s*共\\s*${of}\\s*页`);
}

async function pageTexts(pdf: string): Promise<string[]> {
  const { stdout } = await run("pdftotext", ["-layout", pdf, "-"], { maxBuffer: 64 * 1024 * 1024 });
  // pdftotext ends every page with a form feed.
  return stdout.split("\f").slice(0, -1);
}

describe.skipIf(!hasTools)("printing the outputs of 60 units on A4 (LibreOffice)", () => {
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "kaohe-print-"));
    const input = await buildWorkbook(buildTemplate({ year: 2026, example: true }));
    const outcome = runAssessment(await readWorkbookGrids(input));
    result = outcome.result!;
    outputs = outcome.outputs ?? [];
    expect(result.units).toHaveLength(60);
    const books = await singleSheetBooks();
    const profile = `-env:UserInstallation=${pathToFileURL(path.join(dir, "profile")).href}`;
    await run("soffice", ["--headless", profile, "--convert-to", "pdf", "--outdir", dir, ...books], { timeout: 240_000 });
    for (const writer of Object.keys(WRITERS)) {
      for (const out of outputs) pages[writer]![out.name] = await pageTexts(path.join(dir, `${writer}-${SHOT_NAMES[out.name]}.pdf`));
    }
    // The graft's pages as pictures, to look at (the first two of 计算说明).
    await mkdir(SHOTS, { recursive: true });
    for (const out of outputs) {
      const name = SHOT_NAMES[out.name]!;
      await run("pdftoppm", ["-png", "-r", "80", "-l", "2", path.join(dir, `graft-${name}.pdf`), path.join(dir, `print-${name}`)]);
    }
    for (const file of await readdir(dir)) {
      // pdftoppm numbers pages print-results-1.png (or -01 when there are ten or more).
      const match = /^print-(\w+)-0*(\d+)\.png$/.exec(file);
      if (match) await copyFile(path.join(dir, file), path.join(SHOTS, `print-${match[1]}-${match[2]}.png`));
    }
  }, 300_000);

  afterAll(async () => {
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  describe.each(Object.keys(WRITERS))("written by the %s writer", (writer) => {
    it("结果: at most two landscape pages, each with the title, the header row, unit names and its page number", () => {
      const printed = pages[writer]![SHEET.results]!;
      expect(printed.length).toBeGreaterThanOrEqual(1);
      expect(printed.length).toBeLessThanOrEqual(2);
      printed.forEach((text, index) => {
        expect(text).toContain("2026年度示例县法治建设考核结果");
        expect(text).toMatch(/排名分组\s+名次\s+单位名称/);
        expect(text).toContain("提示");
        expect(text).toMatch(pageNumber(index + 1, printed.length));
      });
      // Every unit's name, whole, on some page; each page names units.
      const all = printed.join("\n");
      for (const unit of result.units) expect(all, unit.unit.name).toContain(unit.unit.name);
      for (const text of printed) expect(result.units.some((unit) => text.includes(unit.unit.name))).toBe(true);
    });

    it("计算说明: every unit's lines on one page, the header row and the title on every page", () => {
      const printed = pages[writer]![SHEET.audit]!;
      expect(printed.length).toBeGreaterThan(1);
      printed.forEach((text, index) => {
        expect(text).toContain("2026年度示例县法治建设考核计算说明");
        expect(text).toMatch(/排名分组\s+单位名称\s+项目\s+结果\s+计算过程/);
        expect(text).toMatch(pageNumber(index + 1, printed.length));
      });
      // A unit's rows begin "<排名分组> <单位名称> <项目>": all of them on one page, none on another.
      for (const unit of result.units) {
        const row = new RegExp(`^\\s*${unit.unit.rankGroup}\\s+${unit.unit.name}\\s`, "gm");
        const counts = printed.map((text) => text.match(row)?.length ?? 0);
        expect(counts.filter((count) => count > 0), unit.unit.name).toHaveLength(1);
        expect(Math.max(...counts), unit.unit.name).toBe(unit.audit.length);
      }
    });

    it("汇总: one page with the title, the header row and every group", () => {
      const printed = pages[writer]![SHEET.summary]!;
      expect(printed).toHaveLength(1);
      expect(printed[0]).toContain("2026年度示例县法治建设考核汇总");
      expect(printed[0]).toMatch(/排名分组\s+单位数\s+优秀/);
      for (const group of result.groups) expect(printed[0]).toContain(group.rankGroup);
      expect(printed[0]).toMatch(pageNumber(1, 1));
    });
  });
});
