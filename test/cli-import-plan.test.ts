// kaohe import-plan end to end in-process: the project's own 工作安排 (test/fixtures/plan/工作安排.txt) into workbooks
// made by the template, as UTF-8, GBK, UTF-8 with a BOM and .docx; then, where ../shared/seeds is present, the real
// seed 004 (武陟县2024年度法治政府建设工作安排) the same ways. Expected rows are read off the documents by hand.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import { run } from "./helpers/cli";
import type { CellValue, WorkbookGrids } from "../lib/grid";
import { HEADERS } from "../lib/layout";
import { buildTemplate } from "../lib/template";
import { makeDocx } from "./helpers/docx";
import { PLAN_GBK, PLAN_TXT, planDocx } from "./helpers/planFixtures";
import { NO_SEEDS, seedPath } from "./helpers/seeds";

const PLAN = PLAN_TXT;


let dir = "";
let full = ""; // the template: 考核指标 holds the default indicators
let empty = ""; // the template with 考核指标 reduced to its header row
let planText = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kaohe-import-plan-"));
  full = join(dir, "模板.xlsx");
  empty = join(dir, "空指标.xlsx");
  planText = await readFile(PLAN, "utf8");
  const sheets = buildTemplate({ year: 2024 });
  await writeFile(full, await buildWorkbook(sheets));
  await writeFile(empty, await buildWorkbook(sheets.map((s) => (s.name === "考核指标" ? { ...s, rows: [[...HEADERS.indicators]] } : s))));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function grids(path: string): Promise<WorkbookGrids> {
  return readWorkbookGrids(await readFile(path));
}

function rowsOf(book: WorkbookGrids, name: string): CellValue[][] {
  const sheet = book.sheets.find((s) => s.name === name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet.rows;
}

/** Checks the new 考核指标 against the fixture read by hand: 9 tasks (（一）…（八） and 3-1, the paragraph after （三）). */
function expectPlanIndicators(book: WorkbookGrids): void {
  const rows = rowsOf(book, "考核指标");
  expect(rows[0]).toEqual([...HEADERS.indicators]);
  expect(rows.slice(1).map((row) => row[0])).toEqual(["1", "2", "3", "3-1", "4", "5", "6", "7", "8"]);
  // （一）: under 一、, title up to the first 。, no 牵头单位/责任单位 lines → 全部; 6 of the 40 points of 全部.
  expect(rows[1]?.slice(0, 5)).toEqual(["1", "深入学习贯彻习近平法治思想", "坚持习近平法治思想的指导地位", "各级各部门要把习近平法治思想贯彻落实到法治政府建设全过程。", 6]);
  expect(rows[1]?.[7]).toBe("全部");
  // （三）: 牵头单位 县委编办; 责任单位 各乡镇… and 县直有关单位 → every 类别 → 全部.
  expect(rows[3]?.slice(0, 3)).toEqual(["3", "健全政府机构职能体系, 推动更好发挥政府作用", "推进政府机构职能优化"]);
  expect(rows[3]?.slice(6, 8)).toEqual(["县委编办", "全部"]);
  // （五）: 县司法局 for 乡镇 and 政府部门, alone in its set: 40; （六）: named units after 政府部门.
  expect(rows[6]?.slice(4, 8)).toEqual([40, null, "县司法局", "乡镇、政府部门"]);
  expect(rows[7]?.slice(6, 8)).toEqual([null, "政府部门、县公安局、县市场监管局、县应急管理局"]);
  expect(rows[8]?.[6]).toBe("县政府办、县司法局");
}

/** Checks the new 考核指标 against seed 004 read by hand: 36 tasks (35 numbered （一）…（三十五）, one unnumbered after （四）). */
function expectSeed004Indicators(book: WorkbookGrids): void {
  const rows = rowsOf(book, "考核指标");
  expect(rows[0]).toEqual([...HEADERS.indicators]);
  expect(rows.length - 1).toBe(36);
  // （一）: under 一、, title up to the first 。, no 牵头单位/责任单位 lines → 全部.
  expect(rows[1]?.slice(0, 3)).toEqual(["1", "深入学习贯彻习近平法治思想", "坚持把习近平法治思想作为推进法治政府建设的根本遵循"]);
  expect(rows[1]?.[7]).toBe("全部");
  // （三）: 牵头单位 县委编办; 责任单位 各乡镇… and 县直有关单位 → every 类别 → 全部.
  expect(rows[3]?.slice(0, 3)).toEqual(["3", "健全政府机构职能体系，推动更好发挥政府作用", "推进政府机构职能优化协同高效"]);
  expect(rows[3]?.[6]).toBe("县委编办");
  expect(rows[3]?.[7]).toBe("全部");
  expect(String(rows[3]?.[3]).startsWith("积极推进基层管理体制机制改革")).toBe(true);
  // （四）: 牵头单位 县行政审批和政务信息管理局.
  expect(rows[4]?.slice(0, 3)).toEqual(["4", "健全政府机构职能体系，推动更好发挥政府作用", "深入推进政务服务领域改革"]);
  expect(rows[4]?.[6]).toBe("县行政审批和政务信息管理局");
  // 分值 is a number in whole or half points.
  for (const row of rows.slice(1)) expect(Number(row[4]) * 2 % 1).toBe(0);
}

describe("kaohe import-plan", () => {
  it("writes the 9 tasks of the 工作安排 into an empty 考核指标 and leaves the input file as it was", async () => {
    const out = join(dir, "导入1.xlsx");
    const before = await readFile(empty);
    const result = await run("import-plan", PLAN, empty, "-o", out);
    expect(result.err.filter((l) => !l.startsWith("行"))).toEqual([]);
    expect(result.code).toBe(0);
    expect(result.out.some((l) => l.includes("共找到 9 项工作任务"))).toBe(true);
    expect(result.out.some((l) => l.includes("评分表"))).toBe(true);
    // Every warning names its line: the unnumbered task after （三） starts on line 31, the closing remark is line 71.
    expect(result.err.some((l) => l.startsWith("行31："))).toBe(true);
    expect(result.err.some((l) => l.startsWith("行71："))).toBe(true);
    const book = await grids(out);
    expectPlanIndicators(book);
    expect(book.sheets.map((s) => s.name)).not.toContain("考核指标（原）");
    expect(Buffer.compare(await readFile(empty), before)).toBe(0);
  });

  it("a file whose styles part is damaged (its sheets still read): exit 2 naming the file, nothing written", async () => {
    const files = unzipSync(new Uint8Array(await readFile(empty)));
    files["xl/styles.xml"] = strToU8(strFromU8(files["xl/styles.xml"] ?? new Uint8Array()).replace("</fonts>", ""));
    const damaged = join(dir, "样式损坏.xlsx");
    await writeFile(damaged, zipSync(files));
    const out = join(dir, "导入损坏.xlsx");
    const result = await run("import-plan", PLAN, damaged, "-o", out);
    expect(result.code).toBe(2);
    expect(result.err.join("\n")).toContain("样式损坏.xlsx");
    expect(result.err.join("\n")).toContain("另存为 .xlsx");
    await expect(readFile(out)).rejects.toThrow();
  });

  it("refuses with exit 2 and writes nothing when 考核指标 already has indicators and --replace is not given", async () => {
    const out = join(dir, "导入2.xlsx");
    const result = await run("import-plan", PLAN, full, "-o", out);
    expect(result.code).toBe(2);
    expect(result.err.join("\n")).toContain("--replace");
    await expect(readFile(out)).rejects.toThrow();
  });

  it("with --replace keeps the old sheet as 考核指标（原）, right after the new one, and 考核指标（原2） the next time", async () => {
    const out = join(dir, "导入3.xlsx");
    const result = await run("import-plan", PLAN, full, "-o", out, "--replace");
    expect(result.code).toBe(0);
    const book = await grids(out);
    expectPlanIndicators(book);
    const names = book.sheets.map((s) => s.name);
    expect(names.indexOf("考核指标（原）")).toBe(names.indexOf("考核指标") + 1);
    expect(names.indexOf("考核指标")).toBe(3); // 说明, 参数, 考核对象, 考核指标: where it was
    const template = await grids(full);
    expect(rowsOf(book, "考核指标（原）")).toEqual(rowsOf(template, "考核指标"));
    const again = join(dir, "导入4.xlsx");
    expect((await run("import-plan", PLAN, out, "-o", again, "--replace")).code).toBe(0);
    expect((await grids(again)).sheets.map((s) => s.name)).toContain("考核指标（原2）");
  });

  it("reads a GBK text file (made by iconv) and a UTF-8 file with a BOM", async () => {
    const gbkPath = PLAN_GBK;
    expect(new TextDecoder("gbk").decode(await readFile(gbkPath))).toBe(planText);
    const bomPath = join(dir, "安排-bom.txt");
    await writeFile(bomPath, "\uFEFF" + planText, "utf8");
    for (const [plan, name] of [[gbkPath, "gbk"], [bomPath, "bom"]] as const) {
      const out = join(dir, `导入-${name}.xlsx`);
      expect((await run("import-plan", plan, empty, "-o", out)).code).toBe(0);
      expectPlanIndicators(await grids(out));
    }
  });

  it("reads a .docx made by the docx package as Word makes one (indented body paragraphs)", async () => {
    const docx = join(dir, "安排.docx");
    await writeFile(docx, await planDocx(planText.split("\n")));
    const out = join(dir, "导入-docx.xlsx");
    const result = await run("import-plan", docx, empty, "-o", out);
    expect(result.code).toBe(0);
    expectPlanIndicators(await grids(out));
  });

  it("refuses the input as output, a missing -o and a bad --total with exit 2", async () => {
    expect((await run("import-plan", PLAN, empty, "-o", empty)).code).toBe(2);
    expect((await run("import-plan", PLAN, empty)).code).toBe(2);
    const bad = await run("import-plan", PLAN, empty, "-o", join(dir, "x.xlsx"), "--total", "40.3");
    expect(bad.code).toBe(2);
    expect(bad.err.join("\n")).toContain("0.5 的整数倍");
  });

  it("--total 20 spreads 20 points over the tasks that apply to everyone", async () => {
    const out = join(dir, "导入-20.xlsx");
    expect((await run("import-plan", PLAN, empty, "-o", out, "--total", "20")).code).toBe(0);
    const rows = rowsOf(await grids(out), "考核指标").slice(1).filter((r) => r[7] === "全部");
    // Sum in half points, as whole numbers, so no float rounding enters the check: 7 tasks share 40 half points.
    expect(rows).toHaveLength(7);
    expect(rows.reduce((sum, r) => sum + Number(r[4]) * 2, 0)).toBe(40);
  });
});


describe.skipIf(NO_SEEDS)("kaohe import-plan on the real seed 004 (needs the seed documents)", () => {
  it("reads it as UTF-8, GBK and .docx into the same 36 indicators", async () => {
    const seed = seedPath("004_b52c60cbe9697ff1.txt");
    const seedText = await readFile(seed, "utf8");
    const gbkPath = join(dir, "武陟-gbk.txt");
    await writeFile(gbkPath, encodeGbk(seedText));
    const docx = join(dir, "武陟.docx");
    await writeFile(docx, makeDocx(seedText.split("\n")));
    for (const [plan, name] of [[seed, "utf8"], [gbkPath, "gbk"], [docx, "docx"]] as const) {
      const out = join(dir, `武陟-${name}.xlsx`);
      const result = await run("import-plan", plan, empty, "-o", out);
      expect(result.code).toBe(0);
      if (name === "utf8") {
        expect(result.out.some((l) => l.includes("共找到 36 项工作任务"))).toBe(true);
        // Every warning names its line: the unnumbered task after （四） starts on line 41.
        expect(result.err.some((l) => l.startsWith("行41："))).toBe(true);
      }
      expectSeed004Indicators(await grids(out));
    }
  });
});

/** GBK bytes for the text, via the WHATWG decoder run backwards over every BMP character (test-only, slow but simple). */
function encodeGbk(text: string): Uint8Array {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    for (let trail = 0x40; trail <= 0xfe; trail += 1) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(new Uint8Array([lead, trail]));
      if (char.length === 1 && char !== "\uFFFD" && !table.has(char)) table.set(char, [lead, trail]);
    }
  }
  const bytes: number[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = table.get(char);
      if (pair === undefined) throw new Error(`not in GBK: ${char}`);
      bytes.push(...pair);
    }
  }
  return new Uint8Array(bytes);
}
