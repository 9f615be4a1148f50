// kaohe carry-over (从上年结果导入) and kaohe template --from (按上年生成模板), end to end in-process on the small
// workbook of helpers/workbook.ts scored by `kaohe score` as last year's file, with a 审定调整 that lowers 柳屯镇.
// This year's 考核对象: 城关镇 kept (a stale 3/良好 typed, to be replaced), 县法院 renamed 县人民法院, 县司法局 kept,
// 柳屯镇 gone, 新设镇 new.
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import type { SheetOut } from "../lib/format";
import type { CellValue, WorkbookGrids } from "../lib/grid";
import { HEADERS, PARAM, PARAM_ROWS, SHEET } from "../lib/layout";
import { run } from "./helpers/cli";
import { validWorkbook } from "./helpers/workbook";

let dir = "";
let lastScored = "";

const PLAIN = { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] };

function asSheets(book: WorkbookGrids): SheetOut[] {
  return book.sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => row.map((cell) => cell as string | number | null)), format: PLAIN }));
}

async function writeBook(name: string, book: WorkbookGrids): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, await buildWorkbook(asSheets(book)));
  return path;
}

async function readBook(path: string): Promise<WorkbookGrids> {
  return readWorkbookGrids(await readFile(path));
}

function rowsOf(book: WorkbookGrids, name: string): CellValue[][] {
  const sheet = book.sheets.find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet.rows;
}

function param(book: WorkbookGrids, name: string): CellValue | undefined {
  return rowsOf(book, SHEET.params).find((row) => row[0] === name)?.[1];
}

/** This year's workbook: last year's sheets with 考核对象 as in the file comment, and 单位更名 rows when given. */
function thisYear(renames: CellValue[][] | null): WorkbookGrids {
  const book = validWorkbook();
  const units = rowsOf(book, SHEET.units);
  units.splice(1, units.length - 1, [1, "城关镇", "乡镇", null, 3, "良好"], [2, "新设镇", "乡镇", null, null, null], [3, "县司法局", "政府部门", null, null, null], [4, "县人民法院", "法院检察院", null, null, null]);
  if (renames !== null) book.sheets.push({ name: SHEET.renames, rows: [[...HEADERS.renames], ...renames] });
  return book;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kaohe-carry-"));
  // Last year (2025): the meeting lowered 柳屯镇 from 良好 to 合格; 参数 with values of the county's own.
  const last = validWorkbook();
  rowsOf(last, SHEET.review).push(["柳屯镇", "合格", "发生行政诉讼败诉案件", "县委常委会2026年第2次会议", "2026-02-10"]);
  const params = rowsOf(last, SHEET.params);
  for (const row of params) {
    if (row[0] === PARAM.region) row[1] = "示例县";
    if (row[0] === PARAM.bonusCap) row[1] = 6;
    if (row[0] === PARAM.issueDate) row[1] = "2026-01-15";
  }
  params.push(["优秀比例上限-县直单位", "50%", "县直单位优秀最多一半"]);
  const input = await writeBook("2025考核.xlsx", last);
  lastScored = join(dir, "2025考核（已计算）.xlsx");
  const scored = await run("score", input, "-o", lastScored);
  expect(scored.code).toBe(0);
}, 60_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("kaohe carry-over", () => {
  it("is listed by kaohe --help and explained by kaohe help carry-over", async () => {
    expect((await run("--help")).out.join("\n")).toContain("kaohe carry-over 上年（已计算）.xlsx 本年.xlsx [-o 输出.xlsx] [--force]");
    const help = await run("help", "carry-over");
    expect(help.code).toBe(0);
    expect(help.out.join("\n")).toContain("单位更名");
    expect(help.out.join("\n")).toContain("考核对象（原）");
  });

  it("without -o prints the preview by name — renamed and removed units listed, nothing guessed — and writes nothing", async () => {
    const input = await writeBook("2026-无更名表.xlsx", thisYear(null));
    const before = await readFile(input);
    const result = await run("carry-over", lastScored, input);
    expect(result.code).toBe(0);
    expect(result.err).toEqual([]);
    expect(result.out).toEqual([
      "从上年结果导入：上年“结果”共 4 个单位，本年“考核对象”共 4 个单位。",
      "将填写 2 个单位的上年名次、上年等次（按单位名称对应）：",
      "  城关镇：上年名次 1，上年等次 优秀（原填 3、良好，将被替换）",
      "  县司法局：上年名次 2，上年等次 良好",
      "本年新增、或已更名的单位 2 个，上年“结果”中找不到，上年名次、上年等次不填：新设镇、县人民法院。",
      "上年有、本年“考核对象”中找不到的单位 2 个（已撤销、合并或更名）：柳屯镇、县法院。",
      "不会按相近的名称自动对应。更名或合并的单位，请在“单位更名”表中填写“上年名称 → 本年名称”（如 柳屯镇 → 新设镇），再导入一次。",
      "写出时将添加一张空的“单位更名”表（上年名称、本年名称两列），供填写更名的单位。",
      "以上是预览，未写出文件；确认无误后加 -o 文件名.xlsx 写出。",
    ]);
    expect(Buffer.compare(await readFile(input), before)).toBe(0);
  });

  it("with 单位更名 县法院 → 县人民法院 and -o: fills by name and by the rename, keeps 考核对象（原）, leaves the rest as it was", async () => {
    const input = await writeBook("2026.xlsx", thisYear([["县法院", "县人民法院"]]));
    const output = join(dir, "2026（已导入上年）.xlsx");
    const result = await run("carry-over", lastScored, input, "-o", output);
    expect(result.code).toBe(0);
    expect(result.out).toContain("  县人民法院（上年名称“县法院”，按单位更名表）：上年名次 1，上年等次 良好");
    expect(result.out).toContain("本年新增、或已更名的单位 1 个，上年“结果”中找不到，上年名次、上年等次不填：新设镇。");
    expect(result.out).toContain("上年有、本年“考核对象”中找不到的单位 1 个（已撤销、合并或更名）：柳屯镇。");
    expect(result.out.at(-1)).toBe(`已写出：${output}（考核对象 3 个单位填写了上年名次、上年等次；原表改名保留为：考核对象（原））。输入的两个工作簿未作改动。`);
    const written = await readBook(output);
    expect(rowsOf(written, SHEET.units)).toEqual([
      [...HEADERS.units],
      [1, "城关镇", "乡镇", null, 1, "优秀"],
      // The reader drops a row's trailing blanks.
      [2, "新设镇", "乡镇"],
      [3, "县司法局", "政府部门", null, 2, "良好"],
      [4, "县人民法院", "法院检察院", null, 1, "良好"],
    ]);
    expect(rowsOf(written, "考核对象（原）")[1]).toEqual([1, "城关镇", "乡镇", null, 3, "良好"]);
    const original = await readBook(input);
    expect(rowsOf(written, SHEET.scores)).toEqual(rowsOf(original, SHEET.scores));
    expect(rowsOf(written, SHEET.renames)).toEqual(rowsOf(original, SHEET.renames));
    // Both lists had names but 单位更名 exists: no second one is added.
    expect(written.sheets.filter((sheet) => sheet.name.startsWith(SHEET.renames))).toHaveLength(1);
  });

  it("carries the final 等次 of 审定调整 (柳屯镇 computed 良好, 审定 合格), not the computed one", async () => {
    const book = thisYear(null);
    rowsOf(book, SHEET.units)[2] = [2, "柳屯镇", "乡镇", null, null, null];
    const result = await run("carry-over", lastScored, await writeBook("2026-柳屯镇.xlsx", book));
    expect(result.out).toContain("  柳屯镇：上年名次 2，上年等次 合格");
  });

  it("adds an empty 单位更名 when names are unmatched on both sides and the workbook has none", async () => {
    const output = join(dir, "2026-加更名表.xlsx");
    const result = await run("carry-over", lastScored, await writeBook("2026-无更名表2.xlsx", thisYear(null)), "-o", output);
    expect(result.code).toBe(0);
    expect(rowsOf(await readBook(output), SHEET.renames)).toEqual([[...HEADERS.renames]]);
  });

  it("refuses an existing output without --force (nothing written) and replaces it with --force", async () => {
    const input = await writeBook("2026-force.xlsx", thisYear([["县法院", "县人民法院"]]));
    const output = join(dir, "已有.xlsx");
    await writeFile(output, "old");
    const refused = await run("carry-over", lastScored, input, "-o", output);
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toBe(`kaohe carry-over：文件已存在：${output}。为免覆盖已有的工作簿，没有写入。请换一个文件名；确要覆盖时，加上 --force。`);
    expect(await readFile(output, "utf8")).toBe("old");
    expect((await run("carry-over", lastScored, input, "-o", output, "--force")).code).toBe(0);
    expect(rowsOf(await readBook(output), SHEET.units)[4]).toEqual([4, "县人民法院", "法院检察院", null, 1, "良好"]);
  });

  it("refuses an output that is one of its inputs", async () => {
    const input = await writeBook("2026-same.xlsx", thisYear(null));
    const result = await run("carry-over", lastScored, input, "-o", lastScored);
    expect(result.code).toBe(2);
    expect(result.err[0]).toContain("输出文件不能与输入文件相同");
  });

  it("errors in 单位更名 (an old name not in last year's 结果, two old names for one new name) write nothing, by cell", async () => {
    const input = await writeBook("2026-错.xlsx", thisYear([["县法院", "县人民法院"], ["柳屯镇", "县人民法院"], ["县林业局", "新设镇"]]));
    const output = join(dir, "不应写出.xlsx");
    const result = await run("carry-over", lastScored, input, "-o", output);
    expect(result.code).toBe(1);
    expect(result.out).toEqual([]);
    expect(result.err).toEqual([
      `${input}：[错误] 单位更名!B3：本年名称“县人民法院”在 单位更名!B2 已对应一个上年单位。合并的单位只能沿用其中一个上年单位的名次和等次：请只保留要沿用的那一行，删除其余各行。`,
      `${input}：[错误] 单位更名!A4：上年名称“县林业局”不在上年“结果”表中。请改为上年“结果”表中的单位名称（可从上年工作簿复制）。`,
      "共 2 个错误、0 个提示。",
      "数据有错误，未写出任何文件。请改正上面的错误后重试。",
    ]);
    await expect(stat(output)).rejects.toThrow();
  });

  it("a 单位更名 without its header is an error at A1, not ignored", async () => {
    const book = thisYear(null);
    book.sheets.push({ name: SHEET.renames, rows: [["县法院", "县人民法院"]] });
    const input = await writeBook("2026-无表头.xlsx", book);
    const result = await run("carry-over", lastScored, input);
    expect(result.code).toBe(1);
    expect(result.err[0]).toBe(`${input}：[错误] 单位更名!A1：“单位更名”表第 1 行应为表头“上年名称”“本年名称”（A1、B1），否则无法读取更名。请在 A1 填写“上年名称”、B1 填写“本年名称”，下面每行填一个更名的单位。`);
  });

  it("a last year's file that was never scored (no 结果) is refused, naming the file", async () => {
    const unscored = await writeBook("2025未计算.xlsx", validWorkbook());
    const result = await run("carry-over", unscored, await writeBook("2026-x.xlsx", thisYear(null)));
    expect(result.code).toBe(1);
    expect(result.err[0]).toBe(`${unscored}：[错误] 结果!A1：上年工作簿中没有“结果”表，或“结果”表缺少“名次”“单位名称”“等次”列。请选择上年已经计算等次的工作簿（计算等次后保存的那个文件）。`);
  });
});

describe("kaohe template --from", () => {
  it("keeps 考核对象 (上年名次/等次 from 结果, 审定 included), 考核指标 and 参数 (年度 2026, dates emptied); scores and records empty", async () => {
    const output = join(dir, "2026模板.xlsx");
    // 参数 carried: the template's rows less 年度, 发文日期 and 截止日期, plus last year's own 优秀比例上限-县直单位
    // (37 − 3 + 1 = 35 when this was written; the template gains rows as parameters are added).
    const carried = PARAM_ROWS.length - 3 + 1;
    const result = await run("template", "--from", lastScored, "-o", output);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([
      "参数中上年的日期（发文日期）已清空，请填写本年的日期。",
      `按 2025 年度工作簿生成 2026 年度考核模板：考核对象 4 个单位（4 个填了上年名次、上年等次），考核指标 4 项，参数 ${carried} 项沿用上年的值（年度改为 2026）；评分、满意度、上下互评、加减分、平时考核、审定调整均为空表。`,
      `已生成2026年度考核模板（按上年工作簿）：${output}`,
    ]);
    const book = await readBook(output);
    const last = await readBook(lastScored);
    expect(book.sheets.map((sheet) => sheet.name)).toEqual(["说明", "参数", "考核对象", "考核指标", "评分", "满意度", "上下互评", "加减分", "平时考核", "审定调整"]);
    expect(rowsOf(book, SHEET.units)).toEqual([
      [...HEADERS.units],
      [1, "城关镇", "乡镇", null, 1, "优秀"],
      [2, "柳屯镇", "乡镇", null, 2, "合格"],
      [3, "县司法局", "政府部门", null, 2, "良好"],
      [4, "县法院", "法院检察院", null, 1, "良好"],
    ]);
    expect(rowsOf(book, SHEET.indicators)).toEqual(rowsOf(last, SHEET.indicators));
    expect(param(book, PARAM.year)).toBe(2026);
    expect(param(book, PARAM.region)).toBe("示例县");
    expect(param(book, PARAM.bonusCap)).toBe(6);
    expect(param(book, PARAM.issueDate)).toBeNull();
    expect(param(book, "优秀比例上限-县直单位")).toBe("50%");
    // 评分: a blank row per unit, 不适用 where an indicator does not apply (3.2 is 法院检察院's only).
    expect(rowsOf(book, SHEET.scores).slice(2).map((row) => row.slice(0, 6))).toEqual([
      ["城关镇", "乡镇", null, null, null, "不适用"],
      ["柳屯镇", "乡镇", null, null, null, "不适用"],
      ["县司法局", "政府部门", null, null, null, "不适用"],
      ["县法院", "法院检察院", null, null, "不适用"],
    ]);
    for (const name of [SHEET.adjustments, SHEET.review]) expect(rowsOf(book, name)).toHaveLength(1);
  });

  it("takes the output as a positional too, honours --year, and never replaces a file without --force", async () => {
    const output = join(dir, "2027模板.xlsx");
    expect((await run("template", output, "--from", lastScored, "--year", "2027")).code).toBe(0);
    expect(param(await readBook(output), PARAM.year)).toBe(2027);
    const again = await run("template", output, "--from", lastScored, "--year", "2027");
    expect(again.code).toBe(2);
    expect(again.err[0]).toContain("文件已存在");
  });

  it("a template from last year's template is the new year's template; carry-over into it fills the rest", async () => {
    const output = join(dir, "2026从模板.xlsx");
    const result = await run("template", output, "--from", join(dir, "2025考核.xlsx"));
    expect(result.code).toBe(0);
    expect(result.out[0]).toBe("上年工作簿没有“结果”表（未计算等次），新模板的上年名次、上年等次留空。如需填写，请选择上年已计算等次的工作簿。");
    expect(rowsOf(await readBook(output), SHEET.units)[1]).toEqual([1, "城关镇", "乡镇"]);
    const filled = await run("carry-over", lastScored, output);
    expect(filled.out[1]).toBe("将填写 4 个单位的上年名次、上年等次（按单位名称对应）：");
  });
});
