// kaohe quarter end to end in-process: the example county's 平时考核 → the 季度点评 overview, printed and written.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readWorkbookGrids } from "../files/xlsx";
import { INPUT_SHEETS } from "../lib/layout";
import { run } from "./helpers/cli";

let dir = "";
let example = "";

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kaohe-quarter-"));
  example = join(dir, "示例.xlsx");
  expect((await run("template", example, "--example", "--year", "2026")).code).toBe(0);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("kaohe quarter", () => {
  it("--q 3 prints the overview: 五星乡 made its second 检查性发言 in a row, 县邮政分公司 faces one", async () => {
    const { code, out } = await run("quarter", example, "--q", "3");
    expect(code).toBe(0);
    expect(out[0]).toBe("2026年度第3季度平时考核情况（季度点评会议用）");
    expect(out.find((line) => line.includes("五星乡"))).toMatch(/7月逾期.*检查性发言.*第2、3季度连续两次/);
    expect(out).toContain("上季度作检查性发言、本季度如再被点名即连续两次的单位：五星乡、县邮政分公司");
    expect(out.at(-1)).toBe("未写出文件；加 -o 文件名.xlsx 写出“季度点评”表（可打印）。");
  });

  it("-o writes 季度点评 beside the untouched input sheets; without --force it never replaces a file", async () => {
    const output = join(dir, "季度点评.xlsx");
    expect((await run("quarter", example, "--q", "2", "-o", output)).code).toBe(0);
    const before = await readWorkbookGrids(await readFile(example));
    const after = await readWorkbookGrids(await readFile(output));
    for (const name of INPUT_SHEETS) expect(after.sheets.find((s) => s.name === name)?.rows).toEqual(before.sheets.find((s) => s.name === name)?.rows);
    const sheet = after.sheets.find((s) => s.name === "季度点评");
    expect(sheet?.rows[0]?.[0]).toBe("2026年度第2季度平时考核情况（季度点评会议用）");
    expect(sheet?.rows.length).toBe(62);
    const again = await run("quarter", example, "--q", "2", "-o", output);
    expect(again.code).toBe(2);
    expect(again.err.join("\n")).toContain("--force");
    expect((await run("quarter", example, "--q", "2", "-o", output, "--force")).code).toBe(0);
  });

  it("a missing or wrong quarter is a usage error (exit 2) saying what to type", async () => {
    const missing = await run("quarter", example);
    expect(missing.code).toBe(2);
    expect(missing.err.join("\n")).toContain("缺少季度。请用 --q 1、--q 2、--q 3 或 --q 4 指定季度");
    const wrong = await run("quarter", example, "--q", "5");
    expect(wrong.code).toBe(2);
    expect(wrong.err.join("\n")).toContain("季度“5”不对。请填写 1、2、3 或 4");
  });
});
