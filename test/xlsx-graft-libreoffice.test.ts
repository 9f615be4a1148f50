// A second spreadsheet program opens the grafted workbook: LibreOffice must see every sheet exactly as in the
// workbook the former ExcelJS writer made, hostile texts as the same texts.
import { execFile, spawnSync } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbookGrids, writeOutputSheets } from "../files/xlsx";
import { writeOutputSheetsWithExcelJS } from "../files/xlsx/write";
import type { SheetOut } from "../lib/format";
import { INPUT_SHEETS, OUTPUT_SHEETS } from "../lib/layout";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";

const run = promisify(execFile);
const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 }).status === 0;

const HOSTILE = ["=1+1", "+1", "-1", "@SUM(A1)", "_x000D_", "甲_x0041_乙"];

describe.skipIf(!hasSoffice)("the grafted example workbook, opened in LibreOffice", () => {
  let dir = "";
  const csv: Record<string, Record<string, string>> = {};

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kaohe-graft-"));
    const input = await buildWorkbook(buildTemplate({ year: 2024, example: true }));
    const outputs = runAssessment(await readWorkbookGrids(input)).outputs ?? [];
    const hostile: SheetOut = { name: "注入", rows: HOSTILE.map((text) => [text]), format: { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] } };
    await writeFile(join(dir, "fast.xlsx"), await writeOutputSheets(input, [...outputs, hostile]));
    await writeFile(join(dir, "exceljs.xlsx"), await writeOutputSheetsWithExcelJS(input, [...outputs, hostile]));
    const profile = `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`;
    const filter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    await mkdir(join(dir, "csv"));
    await run("soffice", ["--headless", profile, "--convert-to", filter, "--outdir", join(dir, "csv"), join(dir, "fast.xlsx"), join(dir, "exceljs.xlsx")], { timeout: 110_000 });
    for (const name of await readdir(join(dir, "csv"))) {
      const [file, sheet] = name.replace(/\.csv$/, "").split(/-(.*)/s);
      csv[file ?? ""] = { ...csv[file ?? ""], [sheet ?? ""]: await readFile(join(dir, "csv", name), "utf8") };
    }
  }, 120_000);
  afterAll(async () => {
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it("every sheet, in order, with the same cells as the ExcelJS writer's workbook", () => {
    // The template's input sheets (now with 审定调整 and 平时考核), the outputs, and the hostile test sheet.
    const sheets = [...INPUT_SHEETS, ...OUTPUT_SHEETS, "注入"];
    expect(Object.keys(csv.fast ?? {}).sort()).toEqual([...sheets].sort());
    for (const sheet of sheets) expect(csv.fast?.[sheet], sheet).toBe(csv.exceljs?.[sheet]);
    expect(csv.fast?.["结果"]?.split("\n").length).toBeGreaterThan(10);
  });

  it("texts that look like formulas or escapes are those texts", () => {
    expect(csv.fast?.["注入"]?.trim().split("\n").map((line) => line.replace(/^"|"$/g, ""))).toEqual(HOSTILE);
  });
});
