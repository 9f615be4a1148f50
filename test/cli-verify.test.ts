// kaohe verify end to end on the example county: the untouched scored file passes; one figure of 结果 edited by
// hand (with ExcelJS, as Excel would save it) is named by its cell; a score edited after scoring names 评分.
import ExcelJS from "exceljs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "./helpers/cli";

let dir = "";
let scored = "";
/** 结果 row 2 (first unit of the first group) as the JSON gives it. */
let first = { name: "", total: "" };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kaohe-verify-"));
  const input = join(dir, "示例考核.xlsx");
  scored = join(dir, "示例考核（已计算）.xlsx");
  expect((await run("template", input, "--example", "--year", "2025")).code).toBe(0);
  const score = await run("score", input, "-o", scored, "--json");
  expect(score.code).toBe(0);
  const json = JSON.parse(score.out.join("\n")) as { units: { name: string; total: string }[] };
  first = json.units[0] ?? first;
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Saves a copy of the scored file with one cell changed, through ExcelJS. */
async function edited(sheet: string, cell: string, value: ExcelJS.CellValue): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile(scored)) as unknown as ArrayBuffer);
  const worksheet = workbook.getWorksheet(sheet);
  if (worksheet === undefined) throw new Error(`no sheet ${sheet}`);
  worksheet.getCell(cell).value = value;
  const path = join(dir, `改-${sheet}-${cell}.xlsx`);
  await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return path;
}

describe("kaohe verify", () => {
  it("passes on the untouched scored example (exit 0)", async () => {
    const result = await run("verify", scored);
    expect(result.code).toBe(0);
    expect(result.out[0]).toMatch(/^核验通过：输入与结果一致（指纹 [0-9a-f]{64}）$/);
  });

  it("passes on the same workbook saved again by another program (ExcelJS rewrites every part)", async () => {
    const result = await run("verify", await edited("说明", "H40", null));
    expect(result.out[0]).toMatch(/^核验通过/);
    expect(result.code).toBe(0);
  });

  it("names the cell when one 总分 in 结果 is edited by hand (exit 1)", async () => {
    const result = await run("verify", await edited("结果", "L2", Number(first.total) - 1.5));
    expect(result.code).toBe(1);
    const found = (Number(first.total) - 1.5).toFixed(2);
    expect(result.out.slice(0, 2)).toEqual(["核验未通过：结果与输入不一致，共 1 处不同。", `结果!L2 为 ${found}，按输入应为 ${first.total}（${first.name} · 总分）`]);
    expect(result.out).toContain("输入表与计算时记录的指纹一致，计算后没有改动。");
    expect(result.out).toContain("“结果”表在计算等次之后被改动过（与计算时记录的指纹不同）。");
  });

  it("says 评分 changed after scoring when a score is edited", async () => {
    const result = await run("verify", await edited("评分", "C3", 0));
    expect(result.code).toBe(1);
    expect(result.out).toContain("计算等次之后，输入表“评分”有改动（与计算时记录的指纹不同）。");
    expect(result.out.some((line) => /^结果!L\d+ 为 /.test(line))).toBe(true);
  });
});
