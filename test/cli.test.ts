// The command line end to end in-process, with the real library: a template filled with a small county
// whose figures are worked out by hand below, then check, score -o, score --json.
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbookGrids } from "../files/xlsx";
import { run } from "./helpers/cli";
import { D } from "../lib/decimal";
import type { CellValue } from "../lib/grid";


/**
 * The county, by hand (default 参数: 满意度 10, 互评 10, weights 50% / 50%, no trimming under 6 ratings, 小数位数 2):
 * - 甲镇 (乡镇): indicators 1.x + 2.x (40) + 3.2.x (40) + 3.4.x (40) = 120 possible; full marks but 1.1 = 4 and
 *   3.4.1 = 12.5, so 118. No survey, no peer rating: 换算 118 / 120 × 100 = 98.333… → 98.33; 加分 3 → 总分 101.33, 优秀.
 * - 乙会 (群团机关): 1.x + 2.x + 3.4.x = 80; full but 2.1 = 3 and 3.4.3 = 10, so 75. 满意度 90% → 9.00.
 *   应得 90, 实得 84, 换算 93.333… → 93.33; 扣分 2 (情节严重) → 91.33: above 90 but 情节严重 → 良好.
 * - 丙院 (法院检察院): 1.x + 2.x + 3.3.x = 80; full but 3.3.1 = 5 (of 7), so 78. Peer: 甲镇 (乡镇) says 好 = 100,
 *   乙会 (县直单位) gives 80: (0.5 × 100 + 0.5 × 80) / 1 = 90 → 9.00. 应得 90, 实得 87, 换算 96.666… → 96.67, 优秀.
 * 县直单位: 丙院 1st, 乙会 2nd (排名最后); 乡镇: 甲镇 1st.
 */
const UNITS = [
  { name: "甲镇", category: "乡镇", group: "乡镇", less: { "1.1": 4, "3.4.1": 12.5 } as Record<string, number> },
  { name: "乙会", category: "群团机关", group: "县直单位", less: { "2.1": 3, "3.4.3": 10 } as Record<string, number> },
  { name: "丙院", category: "法院检察院", group: "县直单位", less: { "3.3.1": 5 } as Record<string, number> },
];

let dir = "";
let template = "";
let filled = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kaohe-cli-real-"));
  template = join(dir, "模板.xlsx");
  filled = join(dir, "考核.xlsx");
  expect((await run("template", template, "--year", "2024")).code).toBe(0);
  await writeFile(filled, await fillCounty(await readFile(template)));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Types the county above into the template, as a user would in Excel. */
async function fillCounty(bytes: Uint8Array): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = (name: string): ExcelJS.Worksheet => {
    const found = workbook.getWorksheet(name);
    if (found === undefined) throw new Error(`template has no sheet ${name}`);
    return found;
  };
  const indicators = indicatorList(sheet("考核指标"));
  UNITS.forEach((unit, index) => {
    sheet("考核对象").getRow(index + 2).values = [index + 1, unit.name, unit.category, unit.group];
    const scores = sheet("评分");
    const row = scores.getRow(index + 3);
    row.getCell(1).value = unit.name;
    row.getCell(2).value = unit.category;
    scores.getRow(1).eachCell((header, column) => {
      const code = String(header.value).split(" ")[0] ?? "";
      const indicator = indicators.get(code);
      if (indicator === undefined) return;
      const applies = indicator.categories === "全部" || indicator.categories.split("、").includes(unit.category);
      row.getCell(column).value = applies ? (unit.less[code] ?? indicator.max) : "不适用";
    });
  });
  sheet("满意度").getRow(2).values = ["乙会", 90];
  const peer = sheet("上下互评");
  peer.getRow(1).values = ["被评单位", "甲镇", "乙会"];
  peer.getRow(2).values = ["丙院", "好", 80];
  const adjustments = sheet("加减分");
  adjustments.getRow(2).values = ["甲镇", "加分", 3, "获省级法治建设表彰", "豫法治〔2024〕1号", "否", "否"];
  adjustments.getRow(3).values = ["乙会", "扣分", 2, "行政诉讼败诉", "（2024）豫0928行初1号", "是", "否"];
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function indicatorList(sheet: ExcelJS.Worksheet): Map<string, { max: number; categories: string }> {
  const list = new Map<string, { max: number; categories: string }>();
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    list.set(String(row.getCell(1).value), { max: Number(row.getCell(5).value), categories: String(row.getCell(8).value) });
  });
  return list;
}

/** A figure as it shows in a cell with two decimals. */
function figure(value: CellValue | undefined): string {
  return typeof value === "number" ? new D(value).toFixed(2) : String(value);
}

/** A copy of `path` with one cell typed anew, as a user would in Excel. */
async function withCell(path: string, sheetName: string, address: string, value: string, name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(path)) as unknown as ArrayBuffer);
  workbook.getWorksheet(sheetName)!.getCell(address).value = value;
  const copy = join(dir, name);
  await writeFile(copy, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return copy;
}

describe("kaohe with the real library", () => {
  it("check: the filled county has warnings at most (exit 0)", async () => {
    const { code, out } = await run("check", filled);
    expect(out.filter((line) => line.startsWith("[错误]"))).toEqual([]);
    expect(code).toBe(0);
  });

  it("score -o: 结果 holds the figures worked out by hand; the input sheets are unchanged", async () => {
    const output = join(dir, "考核（已计算）.xlsx");
    const { code } = await run("score", filled, "-o", output);
    expect(code).toBe(0);
    const book = await readWorkbookGrids(await readFile(output));
    const before = await readWorkbookGrids(await readFile(filled));
    expect(book.sheets.map((sheet) => sheet.name)).toEqual([...before.sheets.map((sheet) => sheet.name), "结果", "计算说明", "汇总"]);
    for (const sheet of before.sheets) expect(book.sheets.find((other) => other.name === sheet.name)?.rows).toEqual(sheet.rows);

    const results = book.sheets.find((sheet) => sheet.name === "结果")?.rows ?? [];
    const header = (results[0] ?? []).map(String);
    const at = (name: string, column: string): CellValue | undefined => results.find((row) => row[header.indexOf("单位名称")] === name)?.[header.indexOf(column)];
    const expected: [string, string, string, string, string][] = [
      // 单位名称, 换算得分, 总分, 名次, 等次
      ["甲镇", "98.33", "101.33", "1", "优秀"],
      ["丙院", "96.67", "96.67", "1", "优秀"],
      ["乙会", "93.33", "91.33", "2", "良好"],
    ];
    for (const [name, normalised, total, rank, grade] of expected) {
      expect(figure(at(name, "换算得分"))).toBe(normalised);
      expect(figure(at(name, "总分"))).toBe(total);
      expect(String(at(name, "名次"))).toBe(rank);
      expect(at(name, "等次")).toBe(grade);
    }
    expect(figure(at("乙会", "满意度得分"))).toBe("9.00");
    expect(figure(at("丙院", "互评得分"))).toBe("9.00");
    expect(String(at("乙会", "提示"))).toContain("排名最后");
  });

  it("score --json: the units with the figures as strings", async () => {
    const { code, out } = await run("score", filled, "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out.join("\n")) as { year: number; units: { name: string; total: string; grade: string; rank: number; satisfaction: string | null; peer: string | null }[] };
    expect(json.year).toBe(2024);
    expect(json.units.map((unit) => [unit.name, unit.total, unit.rank, unit.grade, unit.satisfaction, unit.peer])).toEqual([
      ["甲镇", "101.33", 1, "优秀", null, null],
      ["丙院", "96.67", 1, "优秀", null, "9.00"],
      ["乙会", "91.33", 2, "良好", "9.00", null],
    ]);
  });

  it("a score typed as 四分: check and score exit 1, and no OUT is written", async () => {
    const broken = await withCell(filled, "评分", "C3", "四分", "有错.xlsx");
    const check = await run("check", broken);
    expect(check.code).toBe(1);
    expect(check.out.some((line) => line.startsWith("[错误] 评分!C3"))).toBe(true);
    const output = join(dir, "有错（已计算）.xlsx");
    const score = await run("score", broken, "-o", output);
    expect(score.code).toBe(1);
    expect(score.err.some((line) => line.startsWith("[错误] 评分!C3"))).toBe(true);
    expect(await readdir(dir)).not.toContain("有错（已计算）.xlsx");
  });

  it("4分, ４ and ４分 in a score cell are read alike: as the number 4, with a 提示 at its cell (exit 0)", async () => {
    // 甲镇's 1.1 is 4 in the county: typed as 4分 or full-width ４ it gives the same 总分 101.33.
    for (const typed of ["4分", "４", "４分"]) {
      const lenient = await withCell(filled, "评分", "C3", typed, `宽松-${typed}.xlsx`);
      const { code, out } = await run("score", lenient, "--json");
      expect(code).toBe(0);
      const json = JSON.parse(out.join("\n")) as { units: { name: string; total: string }[]; issues: { level: string; cell: string; message: string }[] };
      expect(json.units.find((u) => u.name === "甲镇")?.total).toBe("101.33");
      expect(json.issues).toContainEqual({ level: "warning", sheet: "评分", cell: "C3", message: `“${typed}”是文本，已按数字 4 读取；如有误请改正。` });
    }
  });

  it("kaohe score … | head: a reader that stops early ends the program quietly (no EPIPE stack), exit 0", async () => {
    const child = spawn(process.execPath, ["bin/kaohe.js", "score", filled], { stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    // Like head -0: the reader goes away before the first line is written.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  }, 60_000);

  it("score -o on a file whose styles part is damaged: exit 2 with the not-a-workbook message, no OUT written", async () => {
    // The sheets read (check passes) but neither the graft nor ExcelJS can write a copy: the user is told to save
    // the file again as .xlsx, not shown an internal error.
    const files = unzipSync(new Uint8Array(await readFile(filled)));
    files["xl/styles.xml"] = strToU8(strFromU8(files["xl/styles.xml"] ?? new Uint8Array()).replace("</fonts>", ""));
    const damaged = join(dir, "样式损坏.xlsx");
    await writeFile(damaged, zipSync(files));
    expect((await run("check", damaged)).code).toBe(0);
    const output = join(dir, "样式损坏（已计算）.xlsx");
    const score = await run("score", damaged, "-o", output);
    expect(score.code).toBe(2);
    expect(score.err.join("\n")).toContain("样式损坏.xlsx");
    expect(score.err.join("\n")).toContain("另存为 .xlsx");
    expect(await readdir(dir)).not.toContain("样式损坏（已计算）.xlsx");
  });

  it("template over an existing file without --force: exit 2 and the file unchanged", async () => {
    const before = await readFile(filled);
    expect((await run("template", filled)).code).toBe(2);
    expect(await readFile(filled)).toEqual(before);
  });
});
