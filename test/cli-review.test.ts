import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import { buildTemplate } from "../lib/template";
import { run } from "./helpers/cli";

let folder = "";
let example = "";

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), "kaohe-review-"));
  example = join(folder, "例.xlsx");
  await writeFile(example, await buildWorkbook(buildTemplate({ year: 2026, example: true })));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("kaohe score --set (试算)", () => {
  it("prints the 参数 cells tried, the counts per group and the units that change, and writes nothing without -o", async () => {
    const before = await readdir(folder);
    const { code, out } = await run("score", example, "--set", "优秀分数线=88", "--set", "优秀比例上限=30%");
    expect(code).toBe(0);
    expect(out).toContain("  参数!B16 优秀分数线：90 → 88");
    expect(out).toContain("  参数!B19 优秀比例上限：（空） → 30%");
    expect(out).toContain("  县直单位：优秀 6 → 7，良好 23 → 22，合格 11，不合格 0");
    expect(out).toContain("  县委政法委 等次 良好 → 优秀");
    expect(out).toContain("  其余59个单位的总分、名次、等次都没有变化。");
    expect(await readdir(folder)).toEqual(before);
  });

  it("with -o: 参数 holds the tried values (old kept as 参数（原）), and scoring that file again gives the same figures", async () => {
    const out = join(folder, "试算.xlsx");
    const tried = await run("score", example, "--set", "优秀分数线=88", "-o", out, "--json");
    expect(tried.code).toBe(0);
    const book = await readWorkbookGrids(new Uint8Array(await readFile(out)));
    expect(book.sheets.map((s) => s.name)).toContain("参数（原）");
    expect(book.sheets.find((s) => s.name === "参数")?.rows[15]?.slice(0, 2)).toEqual(["优秀分数线", 88]);
    const again = await run("score", out, "--json");
    const grades = (text: string[]) => (JSON.parse(text.join("\n")) as { units: { name: string; total: string; rank: number; grade: string }[] }).units;
    expect(grades(again.out)).toEqual(grades(tried.out));
  });

  it("a parameter that cannot be tried, or a setting without =, is refused with what to type", async () => {
    const bad = await run("score", example, "--set", "小数位数=1");
    expect(bad.code).toBe(1);
    expect(bad.err.join("\n")).toContain("“小数位数”不能试算。试算可以改：优秀分数线、良好分数线");
    const usage = await run("score", example, "--set", "优秀分数线88");
    expect(usage.code).toBe(2);
    expect(usage.err.join("\n")).toContain("“优秀分数线88”的格式不对。请写成“参数名=值”");
  });
});

describe("kaohe score on a workbook that already holds results: what changed", () => {
  it("lists the units whose 总分/名次/等次 changed (old → new) and the unchanged count; 计算说明 records the last run", async () => {
    const first = join(folder, "一.xlsx");
    const second = join(folder, "二.xlsx");
    expect((await run("score", example, "-o", first)).code).toBe(0);
    const same = await run("score", first, "-o", second);
    expect(same.out.some((line) => /^与上次计算（.+）的结果相比：$/.test(line))).toBe(true);
    expect(same.out).toContain("全部60个单位的总分、名次、等次都没有变化。");
    const grids = await readWorkbookGrids(new Uint8Array(await readFile(second)));
    const audit = grids.sheets.find((s) => s.name === "计算说明")?.rows ?? [];
    expect(audit.filter((row) => row[0] === "上次计算").map((row) => row[2])).toEqual(["上次计算时间", "上次指纹", "有变化的单位数"]);
  });
});
