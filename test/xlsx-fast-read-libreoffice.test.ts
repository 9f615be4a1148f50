// Workbooks saved by LibreOffice (another producer's XML: its own styles, shared strings, empty rows, column runs)
// read by the fast reader exactly as by the ExcelJS reader.
import ExcelJS from "exceljs";
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import { readWorkbookGridsFast, readWorkbookGridsWithExcelJS } from "../files/xlsx/read";
import { buildTemplate } from "../lib/template";

const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 }).status === 0;
if (!hasSoffice) console.warn("跳过 LibreOffice 另存的 .xlsx 读取测试：未安装 soffice。");

/** Dates, errors, booleans, merges, hidden rows and columns, texts with entities: what LibreOffice must carry over. */
async function mixedWorkbook(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("混合");
  sheet.getCell("A1").value = "名称 & <说明>";
  sheet.getCell("B1").value = 92.35;
  sheet.getCell("C1").value = new Date(Date.UTC(2024, 11, 31));
  sheet.getCell("D1").value = true;
  sheet.getCell("E1").value = { error: "#N/A" };
  sheet.getCell("F1").value = { formula: "B1*2", result: 184.7 };
  sheet.getCell("A3").value = "合并";
  sheet.mergeCells("A3:C4");
  sheet.getCell("A6").value = { richText: [{ text: "富" }, { text: "文本", font: { italic: true } }] };
  sheet.getCell("B2").value = "隐藏的行";
  sheet.getRow(2).hidden = true;
  sheet.getColumn(5).hidden = true;
  workbook.addWorksheet("第二");
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe.skipIf(!hasSoffice)("a .xlsx saved by LibreOffice", () => {
  let dir = "";
  const saved: Uint8Array[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kaohe-fast-read-"));
    const inputs = [join(dir, "template.xlsx"), join(dir, "mixed.xlsx")];
    await writeFile(inputs[0] as string, await buildWorkbook(buildTemplate({ year: 2024, example: true })));
    await writeFile(inputs[1] as string, await mixedWorkbook());
    const profile = `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`;
    await promisify(execFile)("soffice", ["--headless", profile, "--convert-to", "xlsx", "--outdir", join(dir, "saved"), ...inputs], { timeout: 110_000 });
    for (const name of ["template.xlsx", "mixed.xlsx"]) saved.push(new Uint8Array(await readFile(join(dir, "saved", name))));
  }, 120_000);

  afterAll(async () => {
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it("reads as ExcelJS reads it: the template with its example", async () => {
    const bytes = saved[0] as Uint8Array;
    const expected = await readWorkbookGridsWithExcelJS(bytes);
    expect(readWorkbookGridsFast(bytes)).toStrictEqual(expected);
    expect(await readWorkbookGrids(bytes)).toStrictEqual(expected);
  });

  it("reads as ExcelJS reads it: dates, errors, merges, hidden rows and columns", async () => {
    const bytes = saved[1] as Uint8Array;
    const expected = await readWorkbookGridsWithExcelJS(bytes);
    expect(readWorkbookGridsFast(bytes)).toStrictEqual(expected);
    // And what the user typed came through LibreOffice at all (a check on the test, not on the reader).
    const [mixed] = expected.sheets;
    expect(mixed?.rows[0]?.slice(0, 4)).toStrictEqual(["名称 & <说明>", 92.35, new Date(Date.UTC(2024, 11, 31)), true]);
    expect(mixed?.merged).toStrictEqual(["A3:C4"]);
    expect(mixed?.hiddenRows).toStrictEqual([1]);
    expect(mixed?.hiddenColumns).toStrictEqual([4]);
  });
});
