// kaohe layout (生成评分表, issue 12 point 5) end to end in-process, on the example county with one unit gone from
// 考核对象 and one added: the preview, nothing written without -o, the written copy (old sheets kept beside the new,
// values carried by name, 不适用 grey, 0…分值 checks), refusals.
import ExcelJS from "exceljs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import type { CellValue, WorkbookGrids } from "../lib/grid";
import { buildTemplate } from "../lib/template";
import { run } from "./helpers/cli";

let dir = "";
let input = "";
/** The example's 考核对象 rows: the last unit is removed, 新设局 (政府部门) added. */
let removed = "";
let original: WorkbookGrids = { sheets: [] };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kaohe-layout-"));
  input = join(dir, "考核.xlsx");
  const sheets = buildTemplate({ year: 2025, example: true }).map((sheet) => {
    if (sheet.name !== "考核对象") return sheet;
    removed = String(sheet.rows[sheet.rows.length - 1]?.[1]);
    return { ...sheet, rows: [...sheet.rows.slice(0, -1), [sheet.rows.length - 1, "新设局", "政府部门", null, null, null]] };
  });
  await writeFile(input, await buildWorkbook(sheets));
  original = await readWorkbookGrids(await readFile(input));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function rowsOf(book: WorkbookGrids, name: string): CellValue[][] {
  const sheet = book.sheets.find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet.rows;
}

function rowOf(book: WorkbookGrids, sheet: string, unit: string): CellValue[] {
  const row = rowsOf(book, sheet).find((r) => r[0] === unit);
  if (row === undefined) throw new Error(`no row ${unit} in ${sheet}`);
  return row;
}

describe("kaohe layout", () => {
  it("without -o prints the preview and writes nothing", async () => {
    const before = await readFile(input);
    const result = await run("layout", input);
    expect(result.code).toBe(0);
    expect(result.out[0]).toContain("评分：60 个单位 × 34 项指标");
    expect(result.out[0]).toContain("新增单位：新设局");
    expect(result.out[0]).toContain(`移去单位：${removed}`);
    expect(result.out[0]).toContain("原“评分”表改名为“评分（原）”保留");
    // The removed unit's typed scores have no place: listed by cell.
    expect(result.out.some((line) => line.startsWith(`评分中的单位“${removed}”不在考核对象中：评分!`))).toBe(true);
    expect(result.out.at(-1)).toBe("以上是预览，未写出文件；确认无误后加 -o 文件名.xlsx 写出。");
    expect(Buffer.compare(await readFile(input), before)).toBe(0);
  });

  it("with -o writes a copy: new sheets where the old stood, the old kept right after, typed values carried by name", async () => {
    const output = join(dir, "新考核.xlsx");
    const result = await run("layout", input, "-o", output);
    expect(result.code).toBe(0);
    expect(result.out.at(-1)).toBe(`已写出：${output}（新生成：评分、满意度、上下互评；原表改名保留为：评分（原）、满意度（原）、上下互评（原））。输入的工作簿未作改动。`);
    const book = await readWorkbookGrids(await readFile(output));
    const names = book.sheets.map((s) => s.name);
    expect(names.slice(0, 10)).toEqual(["说明", "参数", "考核对象", "考核指标", "评分", "评分（原）", "满意度", "满意度（原）", "上下互评", "上下互评（原）"]);
    expect(rowsOf(book, "评分（原）")).toEqual(rowsOf(original, "评分"));
    // A unit that stayed keeps every cell it had; the new one is blank where indicators apply, 不适用 elsewhere.
    const kept = String(rowsOf(original, "评分")[2]?.[0]);
    expect(rowOf(book, "评分", kept)).toEqual(rowOf(original, "评分", kept));
    const fresh = rowOf(book, "评分", "新设局");
    const header = rowsOf(book, "评分")[0] ?? [];
    expect(fresh[header.indexOf("1.1 深入学习宣传贯彻习近平法治思想")] ?? null).toBeNull();
    expect(fresh[header.indexOf("3.1.1 完善党内法规制度")]).toBe("不适用");
    expect(rowsOf(book, "评分").map((r) => r[0])).not.toContain(removed);
  });

  it("the written 评分 greys 不适用 cells and checks each score column for 0…分值", async () => {
    const output = join(dir, "新考核.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(output)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet("评分");
    const freshRow = sheet?.getColumn(1).values.findIndex((value) => value === "新设局") ?? -1;
    // 1.1 is worth 5 (考核方案 §四). 3.1.1 is column K (A 单位名称, B 类别, 1.1–2.3 in C–J): 党委机关 only, so 不适用 for 新设局 (政府部门).
    const cell = sheet?.getCell(`K${freshRow}`);
    expect(cell?.value).toBe("不适用");
    expect(cell?.fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFE7E6E6" } });
    expect(sheet?.getCell("C3").dataValidation).toMatchObject({ type: "decimal", operator: "between", formulae: [0, 5], errorStyle: "warning" });
  });

  it("on its own output: nothing to do, nothing written", async () => {
    const output = join(dir, "新考核.xlsx");
    const again = join(dir, "再次.xlsx");
    const result = await run("layout", output, "-o", again);
    expect(result.code).toBe(0);
    expect(result.out.at(-1)).toBe("评分、满意度、上下互评三张表都已与考核对象、考核指标一致，无需改动，没有写出文件。");
    await expect(readFile(again)).rejects.toThrow();
  });

  it("refuses an existing output without --force, and the input as output (exit 2)", async () => {
    expect((await run("layout", input, "-o", join(dir, "新考核.xlsx"))).code).toBe(2);
    expect((await run("layout", input, "-o", input)).code).toBe(2);
  });

  it("an error in 考核对象 (a unit twice): the problems on stderr, exit 1, nothing written", async () => {
    const sheets = buildTemplate({ year: 2025, example: true }).map((sheet) =>
      sheet.name === "考核对象" ? { ...sheet, rows: [...sheet.rows, [99, sheet.rows[1]?.[1] ?? "", "乡镇", null, null, null]] } : sheet,
    );
    const twice = join(dir, "重复.xlsx");
    await writeFile(twice, await buildWorkbook(sheets));
    const output = join(dir, "重复-输出.xlsx");
    const result = await run("layout", twice, "-o", output);
    expect(result.code).toBe(1);
    expect(result.err[0]).toBe("考核对象或考核指标有错误，未生成评分表。请按下面的提示改正后再点“生成评分表”。");
    expect(result.err.some((line) => line.startsWith("[错误] 考核对象!B62"))).toBe(true);
    await expect(readFile(output)).rejects.toThrow();
  });
});
