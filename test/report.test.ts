// 生成通报 and 反馈单 end to end on the example county: the 通报's text (read back with mammoth) lists exactly the
// units of each 等次 of each 排名分组 from the JSON, in 名次 order; every unit gets a 反馈单; a 结果 edited by hand
// generates nothing. Where LibreOffice Writer is installed, the documents also convert to PDF with sane page counts.
import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chineseDate, readCalendarDay } from "../lib/reader/dateCell";
import { run } from "./helpers/cli";

interface UnitJson {
  name: string;
  rankGroup: string;
  total: string;
  rank: number;
  grade: string;
  notes: string[];
}

let dir = "";
let scored = "";
let units: UnitJson[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "kaohe-report-"));
  const input = join(dir, "示例考核.xlsx");
  scored = join(dir, "示例考核（已计算）.xlsx");
  expect((await run("template", input, "--example", "--year", "2025")).code).toBe(0);
  const score = await run("score", input, "-o", scored, "--json");
  expect(score.code).toBe(0);
  units = (JSON.parse(score.out.join("\n")) as { units: UnitJson[] }).units;
}, 60_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function textOf(path: string): Promise<string> {
  return (await mammoth.extractRawText({ buffer: Buffer.from(await readFile(path)) })).value;
}

const GRADES = ["优秀", "良好", "合格", "不合格"];

describe("kaohe report: the 通报", () => {
  let text = "";
  beforeAll(async () => {
    const out = join(dir, "考核结果通报.docx");
    const result = await run("report", scored, "-o", out);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([`已生成考核结果通报：${out}。请在 Word 中填写文号、核对后印发。`]);
    text = await textOf(out);
  }, 60_000);

  it("has the title with year and 地区, the 主送, the 落款 and the 抄送 of 考核方案 §六（二）", () => {
    expect(text).toContain("关于2025年度示例县法治建设考核结果的通报");
    expect(text).toContain("〔2025〕　　号");
    expect(text).toContain("各乡（镇）党委、政府，县直各单位：");
    expect(text).toContain("县委全面依法治县委员会办公室\n\n县法治政府建设领导小组办公室");
    expect(text).toContain("抄送：县纪委监委，县委组织部，县文明办，县委政法委，县委营商环境办。");
  });

  it("lists exactly the units of each 等次 of each 排名分组, in 名次 order, separated by 、", () => {
    const groups = [...new Set(units.map((unit) => unit.rankGroup))];
    expect(groups).toEqual(["乡镇", "县直单位"]);
    for (const group of groups) {
      const inGroup = units.filter((unit) => unit.rankGroup === group);
      const section = text.slice(text.indexOf(`${group}（${inGroup.length}个）`));
      for (const grade of GRADES) {
        const names = inGroup.filter((unit) => unit.grade === grade).sort((a, b) => a.rank - b.rank).map((unit) => unit.name);
        const line = names.length === 0 ? `${grade}：无。` : `${grade}（${names.length}个）：${names.join("、")}。`;
        expect(section, `${group} ${grade}`).toContain(line);
      }
    }
  });

  it("names for 通报表扬, 通报警示, 约谈 and 法治建议书 exactly the units whose 提示 say so", () => {
    const flagged = (word: string) => units.filter((unit) => unit.notes.some((note) => note.includes(word))).map((unit) => unit.name);
    const paragraph = (start: string) => text.split("\n").find((line) => line.startsWith(start)) ?? "";
    const named = (line: string) => units.map((unit) => unit.name).filter((name) => line.includes(name));
    expect(named(paragraph("对连续两年考核优秀的")).sort()).toEqual(flagged("连续两年优秀").sort());
    expect(named(paragraph("对考核等次为合格、不合格的")).sort()).toEqual(flagged("制发法治建议书").sort());
    expect(named(paragraph("对年度考核排名最后的")).sort()).toEqual(flagged("通报警示").sort());
    expect(named(paragraph("对考核等次为不合格的")).sort()).toEqual(flagged("约谈、责令整改").sort());
  });
});

describe("kaohe report --feedback", () => {
  let folder = "";
  beforeAll(async () => {
    folder = join(dir, "反馈单");
    const result = await run("report", scored, "--feedback", "-o", folder);
    expect(result.code).toBe(0);
    expect(result.out).toEqual([`已生成 ${units.length} 个单位的反馈单：${folder}`]);
  }, 120_000);

  it("writes one 反馈单 per unit with its 总分, 名次 of N and 等次; 合格/不合格 get the 法治建议书", async () => {
    expect((await readdir(folder)).sort()).toEqual(units.map((unit) => `反馈单-${unit.name}.docx`).sort());
    for (const unit of units) {
      const text = await textOf(join(folder, `反馈单-${unit.name}.docx`));
      const size = units.filter((other) => other.rankGroup === unit.rankGroup).length;
      expect(text).toContain(`总分 ${unit.total} 分，在${unit.rankGroup}${size}个单位中排第 ${unit.rank} 名，等次为${unit.grade}。`);
      const advice = unit.grade === "合格" || unit.grade === "不合格";
      expect(text.includes("法治建议书"), unit.name).toBe(advice);
      expect(text.includes("向有关单位提出取消考核对象先进等次或评先资格建议"), unit.name).toBe(advice);
      expect(text).toContain("一、各项得分与本组比较");
    }
  });

  it("lists every 扣分 record of a unit with its 事由 and 依据", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(scored)) as unknown as ArrayBuffer);
    const records: { unit: string; type: string; reason: string; basis: string }[] = [];
    workbook.getWorksheet("加减分")?.eachRow((row, index) => {
      if (index === 1) return;
      records.push({ unit: String(row.getCell(1).value), type: String(row.getCell(2).value), reason: String(row.getCell(4).value ?? ""), basis: String(row.getCell(5).value ?? "") });
    });
    const penalties = records.filter((record) => record.type === "扣分");
    expect(penalties.length).toBeGreaterThan(0);
    for (const record of penalties) {
      const text = await textOf(join(folder, `反馈单-${record.unit}.docx`));
      expect(text, record.unit).toContain(`：${record.reason}（依据：${record.basis === "" ? "未填写" : record.basis}）`);
    }
  });

  it("never replaces a file already there without --force", async () => {
    const result = await run("report", scored, "--feedback", "-o", folder);
    expect(result.code).toBe(2);
    expect(result.err.join("\n")).toContain("文件已存在");
  });
});

describe("kaohe report refuses a workbook that fails 核验", () => {
  it("a 总分 edited by hand in 结果: exit 1, the cell named, no document", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(scored)) as unknown as ArrayBuffer);
    const results = workbook.getWorksheet("结果");
    if (results === undefined) throw new Error("no 结果");
    results.getCell("L2").value = 1;
    const edited = join(dir, "改过.xlsx");
    await writeFile(edited, new Uint8Array(await workbook.xlsx.writeBuffer()));
    const out = join(dir, "不应生成.docx");
    const result = await run("report", edited, "-o", out);
    expect(result.code).toBe(1);
    expect(result.err.some((line) => line.startsWith("结果!L2 为 1.00，按输入应为 "))).toBe(true);
    expect(result.err).toContain("结果与输入不一致，没有生成：通报和反馈单须与输入一致。请重新计算等次（或查明被改动的单元格）后再生成。");
    expect((await readdir(dir)).includes("不应生成.docx")).toBe(false);
  });
});

describe("发文日期 as typed", () => {
  it.each([
    [new Date(Date.UTC(2026, 0, 15)), "2026年1月15日"],
    [46037, "2026年1月15日"],
    ["2026-01-15", "2026年1月15日"],
    ["２０２６年１月１５日", "2026年1月15日"],
    ["2026/1/5", "2026年1月5日"],
  ] as const)("%s → %s", (value, printed) => {
    const day = readCalendarDay(value);
    expect(day === null ? null : chineseDate(day)).toBe(printed);
  });
  it.each([["2026-02-30"], ["明年"], [12], [46037.5]])("%s is not a date", (value) => {
    expect(readCalendarDay(value)).toBeNull();
  });
});

// LibreOffice Writer (not only Calc) is needed to turn .docx into PDF; the CI image may have Calc alone.
const hasWriter = spawnSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 }).status === 0 && spawnSync("sh", ["-c", "ls /usr/lib/libreoffice/program/libswlo.so"], { stdio: "ignore" }).status === 0;
if (!hasWriter) console.warn("跳过通报转 PDF 的测试：未安装 LibreOffice Writer（libreoffice-writer）。");

describe.skipIf(!hasWriter)("LibreOffice Writer opens the documents", () => {
  it("the 通报 converts to PDF in 2–8 pages", async () => {
    const out = join(dir, "通报-pdf.docx");
    expect((await run("report", scored, "-o", out)).code).toBe(0);
    const profile = `file://${join(dir, "lo-profile")}`;
    const converted = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, out], { timeout: 180_000 });
    expect(converted.status).toBe(0);
    const info = spawnSync("pdfinfo", [join(dir, "通报-pdf.pdf")], { encoding: "utf8" }).stdout;
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(8);
  }, 240_000);

  it("the 通报 is set as a 公文: 28 characters a body line, the title broken before 考核结果的通报, the 署名 kept with the body", async () => {
    const out = join(dir, "通报-layout.docx");
    expect((await run("report", scored, "-o", out)).code).toBe(0);
    const profile = `file://${join(dir, "lo-profile-layout")}`;
    const converted = spawnSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", dir, out], { timeout: 180_000 });
    expect(converted.status).toBe(0);
    const text = spawnSync("pdftotext", ["-layout", join(dir, "通报-layout.pdf"), "-"], { encoding: "utf8" }).stdout;
    const pages = text.split("\f").map((page) => page.split("\n").map((line) => line.replace(/\s+/g, "")).filter((line) => line !== ""));
    // A Chinese character is one, a digit or Latin letter half: 28 of 3号 on the 156 mm line (before: 18, the grid's).
    // Page 1 is body text only (the 版记 at the end is set smaller, more to a line).
    const width = (line: string) => [...line].reduce((sum, char) => sum + (char.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
    const widest = Math.max(...(pages[0] ?? []).map(width));
    expect(widest).toBeGreaterThanOrEqual(27);
    expect(widest).toBeLessThanOrEqual(28.5);
    expect(pages[0]).toContain("关于2025年度示例县法治建设");
    expect(pages[0]).toContain("考核结果的通报");
    const signed = pages.findIndex((page) => page.includes("县委全面依法治县委员会办公室"));
    const page = pages[signed] ?? [];
    // The 署名 is never alone on its page: the body's last paragraph comes with it.
    expect(page.indexOf("县委全面依法治县委员会办公室")).toBeGreaterThan(1);
    expect(page.some((line) => line.endsWith("。"))).toBe(true);
  }, 240_000);
});
