// 分发与回收 through real files: `kaohe forms` writes .xlsx forms, a 主体 types into them (ExcelJS, as Excel would
// save them), `kaohe collect` merges them, `kaohe check` says who is missing; LibreOffice opens every form and keeps
// its protection, drop-downs and identity.
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbookGrids } from "../files/xlsx";
import { buildWorkbook } from "../files/xlsx";
import { readMaster, readReturn } from "../lib/forms";
import type { WorkbookGrids } from "../lib/grid";
import { SHEET } from "../lib/layout";
import { codeOfHeader } from "../lib/reader/scores";
import { buildTemplate } from "../lib/template";
import { run } from "./helpers/cli";
import { blankMaster, exampleBook, grid, nodeDigest, sourceValue, trimmed } from "./helpers/forms";

const exec = promisify(execFile);
const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 }).status === 0;

let dir = "";
let masterPath = "";
const formsDir = () => join(dir, "forms");
const example = exampleBook();

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kaohe-forms-"));
  masterPath = join(dir, "考核.xlsx");
  // The example's workbook with every score, rating and 满意度 figure emptied: the office before anything came back.
  const blank = blankMaster(example);
  const sheets = buildTemplate({ year: 2025, example: true }).map((sheet) => ({ ...sheet, rows: grid(blank, sheet.name) as typeof sheet.rows }));
  await writeFile(masterPath, await buildWorkbook(sheets));
  const made = await run("forms", masterPath, "-o", formsDir());
  expect(made.code).toBe(0);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Types the example's figures into a form file as its 主体 would in Excel, leaving `blank` (unit, key) empty. */
async function fillFile(path: string, blank: { unit: string; key: string } | null): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets.find((ws) => ws.state === "visible" && ws.name !== "填表说明");
  if (sheet === undefined) throw new Error(path);
  const first = sheet.name === SHEET.scores ? 3 : 2;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ""));
  for (let row = first; row <= sheet.rowCount; row += 1) {
    const unit = String(sheet.getCell(row, 1).value ?? "");
    for (let column = sheet.name === SHEET.scores ? 3 : 2; column <= header.length; column += 1) {
      const cell = sheet.getCell(row, column);
      if (cell.protection?.locked !== false) continue;
      const text = header[column - 1] ?? "";
      const key = sheet.name === SHEET.scores ? codeOfHeader(text) : text;
      if (blank !== null && blank.unit === unit && blank.key === key) continue;
      const value = sourceValue(example, sheet.name, unit, key);
      cell.value = value === null ? null : (value as string | number);
    }
  }
  await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
}

describe("kaohe forms → filled in Excel → kaohe collect → kaohe check", () => {
  it("reproduces the example's scores and says who is missing by name", async () => {
    const names = (await readdir(formsDir())).sort();
    expect(names).toHaveLength(11 + 38 + 1);
    const returned = join(dir, "returned");
    await run("forms", masterPath, "-o", returned);
    for (const name of names) {
      if (name === "互评表-县司法局.xlsx") {
        await rm(join(returned, name));
        continue;
      }
      await fillFile(join(returned, name), name === "评分表-县委组织部.xlsx" ? { unit: "城关镇", key: "1.5" } : null);
    }
    const merged = join(dir, "合并.xlsx");
    const collected = await run("collect", masterPath, returned, "-o", merged);
    expect(collected.err).toEqual([]);
    expect(collected.code).toBe(0);
    expect(collected.out.some((line) => /互评表\s+县司法局\s+未回收/.test(line))).toBe(true);
    expect(collected.out.at(-1)).toMatch(/^已写出：.*合并\.xlsx（从 49 份表合并 \d+ 处新值，加上“回收记录”表）。输入的工作簿未作改动。$/);

    const book = await readWorkbookGrids(await readFile(merged));
    const expectedScores = trimmed(grid(example, SHEET.scores)).map((row) => [...row]);
    const town = expectedScores.findIndex((row) => row[0] === "城关镇");
    const column = (expectedScores[0] ?? []).findIndex((header) => String(header).startsWith("1.5 "));
    (expectedScores[town] ?? [])[column] = null;
    expect(trimmed(grid(book, SHEET.scores))).toEqual(trimmed(expectedScores));
    const log = grid(book, "回收记录");
    expect(log[0]).toEqual(["文件名", "表单", "填报单位", "文件修改时间", "已填", "未填", "结果", "说明"]);
    expect(log.find((row) => row[0] === "评分表-县委组织部.xlsx")?.[7]).toBe(`新填入 119 格；未填 1 格：城关镇 · 1.5（C3）`);

    const checked = await run("check", merged);
    expect(checked.out).toContain("  尚未交回的表：互评表-县司法局");
    expect(checked.out).toContain("  考核主体 县委组织部：已填 119/120，未填的单位：城关镇（1.5）");

    // Collecting the same files again into the merged workbook changes no value.
    const again = join(dir, "再次.xlsx");
    const second = await run("collect", merged, returned, "-o", again);
    expect(second.code).toBe(0);
    expect(second.out.at(-1)).toBe(`已写出：${again}。收回的表中没有新的值（与工作簿已有的相同），只更新了“回收记录”。`);
    const twice = await readWorkbookGrids(await readFile(again));
    for (const name of [SHEET.scores, SHEET.peer, SHEET.satisfaction, "回收记录"]) expect(trimmed(grid(twice, name))).toEqual(trimmed(grid(book, name)));
  }, 240_000);

  it("writes protected forms: open cells unlocked with 0…分值, grey cells locked, notes, a very hidden identity", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(join(formsDir(), "评分表-县委政法委.xlsx"))) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("评分");
    if (sheet === undefined) throw new Error("no 评分");
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(sheet.getCell("C3").protection?.locked).toBe(false);
    expect(sheet.getCell("D3").protection?.locked).not.toBe(false);
    expect(sheet.getCell("D3").value).toBe("不适用");
    expect(sheet.getCell("C3").dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 5] });
    expect(String(sheet.getCell("C1").note)).toContain("配合单位：县司法局、县信访局");
    expect(workbook.getWorksheet("表单信息")?.state).toBe("veryHidden");
    expect(workbook.definedNames.getRanges("kaohe_form").ranges).toEqual(["'表单信息'!$A$1"]);
  });

  it("refuses to write over forms already in the folder without --force", async () => {
    const again = await run("forms", masterPath, "-o", formsDir());
    expect(again.code).toBe(2);
    expect(again.err.join("\n")).toContain("中已有 50 个同名文件");
  });
});

describe.skipIf(!hasSoffice)("LibreOffice opens every form", () => {
  it("keeps each form's protection, drop-downs, number ranges and identity through a save", async () => {
    const names = (await readdir(formsDir())).filter((name) => name.endsWith(".xlsx")).sort();
    const out = join(dir, "lo");
    const profile = `-env:UserInstallation=${pathToFileURL(join(dir, "lo-profile")).href}`;
    await exec("soffice", ["--headless", profile, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", out, ...names.map((name) => join(formsDir(), name))], { timeout: 300_000 });
    const saved = (await readdir(out)).sort();
    expect(saved).toEqual(names);
    const read = await readMaster(await readWorkbookGrids(await readFile(masterPath)), nodeDigest);
    if (read.master === null) throw new Error("master");
    for (const name of saved) {
      const bytes = await readFile(join(out, name));
      // LibreOffice writes the parts itself: look at what it wrote. Its sheets are sheet1…3 in tab order
      // (填表说明, the data sheet, 表单信息).
      const parts = unzipSync(new Uint8Array(bytes));
      const text = (path: string) => strFromU8(parts[path] ?? new Uint8Array());
      const data = text("xl/worksheets/sheet2.xml");
      expect(data, name).toMatch(/<sheetProtection [^>]*sheet="(true|1)"/);
      expect(data, name).toMatch(/<c r="[A-Z]+\d+" s="\d+"/);
      if (name.startsWith("互评表")) expect(data, name).toMatch(/<dataValidation [^>]*type="list"[^>]*>\s*<formula1>(&quot;|")好,较好,一般,差(&quot;|")<\/formula1>/);
      else expect(data, name).toMatch(/<dataValidation [^>]*type="(decimal|whole)"/);
      // The identity sheet stays hidden (LibreOffice writes very hidden as hidden) and is read back as the same form.
      expect(text("xl/workbook.xml"), name).toMatch(/<sheet name="表单信息"[^>]*state="(hidden|veryHidden)"/);
      const form = readReturn(name, null, (await readWorkbookGrids(bytes)) as WorkbookGrids, read.master);
      expect(form.refusal, name).toBeNull();
    }
  }, 400_000);
});
