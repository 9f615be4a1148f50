import { execFile, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import { main } from "../bin/main";
import type { WorkbookGrids } from "../lib/grid";
import { SHEET } from "../lib/layout";
import { readAssessment } from "../lib/reader";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";
import { paramRow, setCell, sheetOf, validWorkbook } from "./helpers/workbook";
import { set, type IssueCase } from "./helpers/issueCase";

/**
 * Bad input not already covered by test/reader-issues.test.ts, each with the exact problem a clerk sees.
 * The valid workbook is described in test/helpers/workbook.ts; 评分 row 3 is 城关镇, row 4 柳屯镇, row 5 县司法局, row 6 县法院.
 * Every case here is also a row of docs/bad-input.md (checked by the last test).
 */
const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 }).status === 0;

type Case = IssueCase;
const CONTROL = (clean: string) =>
  `单元格里有看不见的控制字符（常见于从网页或其他系统复制的文字），已去掉，按“${clean}”读取。如有误，请删除该单元格后重新输入。`;
const NOT_NUMBER = (text: string) => `“${text}”不是数字。请只填写数字，如 85 或 85.5；不适用的指标填“不适用”。`;

export const cases: Case[] = [
  {
    title: "hidden column",
    edit: (book) => {
      sheetOf(book, "评分").hiddenColumns = [3];
    },
    level: "warning",
    sheet: "评分",
    cell: "D1",
    message: "D 列被隐藏，但仍照常读取并参与计算。如不应计入，请删除该列。",
  },
  {
    title: "self-rating",
    edit: set("上下互评", "B2", 80),
    level: "warning",
    sheet: "上下互评",
    cell: "B2",
    message: "本单位给自己的评分不计入：“城关镇”不评议本单位，请清空此单元格。",
  },
  { title: "unit name with a control character", edit: set("考核对象", "B2", "城关镇\u0001"), level: "warning", sheet: "考核对象", cell: "B2", message: CONTROL("城关镇") },
  { title: "a rater's name in the 上下互评 header with a BEL", edit: set("上下互评", "C1", "柳屯镇\u0007"), level: "warning", sheet: "上下互评", cell: "C1", message: CONTROL("柳屯镇") },
  { title: "a lone carriage return in a 类别", edit: set("考核对象", "C3", "乡镇\r"), level: "warning", sheet: "考核对象", cell: "C3", message: CONTROL("乡镇") },
  { title: "事由 with a NUL and a bell", edit: set("加减分", "D2", "获评\u0000省级\u0007示范"), level: "warning", sheet: "加减分", cell: "D2", message: CONTROL("获评省级示范") },
  { title: "full-width digits ８５ in a 满意度 cell", edit: set("满意度", "B2", "９３．５"), level: "warning", sheet: "满意度", cell: "B2", message: "“９３．５”是文本，已按数字 93.5 读取；如有误请改正。" },
  { title: "score typed as =5 text", edit: set("评分", "C3", "=5"), level: "error", sheet: "评分", cell: "C3", message: NOT_NUMBER("=5") },
  { title: "score with thousands separator 1,5", edit: set("评分", "E3", "1,5"), level: "error", sheet: "评分", cell: "E3", message: NOT_NUMBER("1,5") },
  { title: "#DIV/0! in a 满意度 cell", edit: set("满意度", "B4", { error: "#DIV/0!" }), level: "error", sheet: "满意度", cell: "B4", message: "单元格为错误值 #DIV/0!，请改正公式或直接填写数值。" },
];

describe("bad input: the exact message at the exact cell", () => {
  it.each(cases)("$title → $sheet!$cell", ({ edit, level, sheet, cell, message }) => {
    const book = validWorkbook();
    edit(book);
    expect(readAssessment(book).issues.concat(runAssessment(book).issues)).toContainEqual(expect.objectContaining({ level, sheet, cell, message }));
  });
});

describe("Excel's cell limit (issue 13 item 6)", () => {
  it("a 事由 of 32,767 characters: no output cell exceeds 32,767; the cut cell ends with … and says so; a 提示 names it", () => {
    const book = validWorkbook();
    setCell(book, "加减分", "D2", "事".repeat(32_767));
    const run = runAssessment(book);
    expect(run.outputs).not.toBeNull();
    const cells = (run.outputs ?? []).flatMap((sheet) => sheet.rows.flat());
    expect(Math.max(...cells.map((value) => (typeof value === "string" ? value.length : 0)))).toBeLessThanOrEqual(32_767);
    const audit = (run.outputs ?? []).find((sheet) => sheet.name === "计算说明");
    const row = audit?.rows.findIndex((cells) => cells[1] === "城关镇" && cells[2] === "加分") ?? -1;
    const text = String(audit?.rows[row]?.[4] ?? "");
    // 事由 32,767 + " 2 = 2.00（上限5）" made 32,781 characters before.
    expect(text.endsWith("…（原文32781字，超过 Excel 单元格最多 32767 字的限制，已截短）")).toBe(true);
    expect(text.startsWith("事事事")).toBe(true);
    expect(text).toHaveLength(32_767);
    expect(run.issues).toContainEqual(
      expect.objectContaining({
        level: "warning",
        sheet: "计算说明",
        cell: `E${row + 1}`,
        message: "这一格的文字有32781字，超过 Excel 单元格最多 32767 字的限制，已截短并以“…”结尾。全文请看输入表中的原文（如加减分的事由）。",
      }),
    );
  });
});

describe("control characters", () => {
  it("one rule for every cell that names a unit: a BEL in the 上下互评 header is removed with a 提示, the rater's ratings count (issue 13 item 4)", () => {
    const book = validWorkbook();
    setCell(book, "上下互评", "C1", "柳屯镇\u0007");
    const run = runAssessment(book);
    expect(run.issues.filter((issue) => issue.level === "error")).toEqual([]);
    expect(run.result).toEqual(runAssessment(validWorkbook()).result);
  });

  it("a Windows line break (CR LF) inside a 事由 is read as a line break, without a warning", () => {
    const book = validWorkbook();
    setCell(book, "加减分", "D2", "获评省级\r\n法治示范乡镇");
    const read = readAssessment(book);
    expect(read.issues).toEqual([]);
    expect(read.input?.adjustments[0]?.reason).toBe("获评省级\n法治示范乡镇");
  });
});

describe("workbooks shaped differently from the template", () => {
  it("reads columns in another order exactly as the template's order", () => {
    const book = validWorkbook();
    for (const row of sheetOf(book, "考核对象").rows) row.reverse();
    for (const row of sheetOf(book, "加减分").rows) row.reverse();
    const moved = runAssessment(book);
    expect(moved.issues).toEqual([]);
    expect(moved.outputs).toEqual(runAssessment(validWorkbook()).outputs);
  });

  it("reads a table moved one column right (header and data moved together)", () => {
    const book = validWorkbook();
    for (const row of sheetOf(book, "考核对象").rows) row.unshift(null);
    expect(runAssessment(book).outputs).toEqual(runAssessment(validWorkbook()).outputs);
  });

  it("scores a workbook of one unit only", () => {
    const book = validWorkbook();
    const keep = (sheet: string, count: number) => {
      sheetOf(book, sheet).rows.splice(count);
    };
    keep("考核对象", 2);
    keep("评分", 3);
    keep("满意度", 2);
    sheetOf(book, "上下互评").rows = [["被评单位", "城关镇"], ["城关镇", null]];
    keep("加减分", 2);
    const run = runAssessment(book);
    expect(run.issues).toEqual([
      expect.objectContaining({
        level: "warning",
        sheet: "上下互评",
        cell: "A2",
        message: "无上下互评评分，此项不计，按实际应得分换算：“城关镇”没有收到可计入的互评评分；如有评分，请在上下互评表中填写。",
      }),
    ]);
    // 城关镇: indicators 5 + 4 + 9.5 = 18.5 of 19.5, survey 93.5% of 10 = 9.35, no peer rating (item does not apply).
    // 换算得分 = (18.5 + 9.35) / (19.5 + 10) × 100 = 27.85 / 29.5 × 100 = 94.406779… → 94.41; 加分 2 → 96.41.
    const unit = run.result?.units[0];
    expect(unit?.unit.name).toBe("城关镇");
    expect(unit?.normalised?.toFixed(2)).toBe("94.41");
    expect(unit?.total.toFixed(2)).toBe("96.41");
    expect(unit?.rank).toBe(1);
  });

  it("an indicator 不适用 for every unit adds nothing to anyone's 应得分", () => {
    const book = validWorkbook();
    setCell(book, "评分", "F6", "不适用"); // 3.2 applies to 县法院 only; now nobody is scored on it
    const run = runAssessment(book);
    expect(run.issues.filter((issue) => issue.level === "error")).toEqual([]);
    const court = run.result?.units.find((unit) => unit.unit.name === "县法院");
    // 县法院: 1.1 4 + 2.1 4 = 8 of 5 + 4.5 = 9.5 (3.2 left out of both).
    expect(court?.indicatorEarned.toString()).toBe("8");
    expect(court?.indicatorPossible.toString()).toBe("9.5");
  });

  it("小数位数 0 writes whole numbers and 6 writes six places, half up", () => {
    const zero = validWorkbook();
    setCell(zero, "参数", `B${paramRow("小数位数")}`, 0);
    const six = validWorkbook();
    setCell(six, "参数", `B${paramRow("小数位数")}`, 6);
    const totals = (book: WorkbookGrids) => runAssessment(book).result?.units.map((unit) => [unit.unit.name, unit.total.toString()]);
    // 城关镇 by hand: indicators 18.5 of 19.5, 满意度 93.5% × 10 = 9.35, 互评 (乡镇 90; 县直单位 (好=100 + 85) / 2 = 92.5;
    // weights 50/50) 91.25% × 10 = 9.125, 加分 2. Six places: 36.975 / 39.5 × 100 = 93.6075949… → 93.607595, + 2 = 95.607595.
    // Zero places, each figure from the rounded ones before it: 19, 20, 9, 9 → 37 / 40 × 100 = 92.5 → 93, + 2 = 95.
    expect(totals(six)).toContainEqual(["城关镇", "95.607595"]);
    expect(totals(zero)).toContainEqual(["城关镇", "95"]);
  });
});

describe("workbooks from files", () => {
  it("reads 20,000 unit rows without a crash, reporting the one bad cell", async () => {
    const book = validWorkbook();
    const units = sheetOf(book, "考核对象").rows;
    const scores = sheetOf(book, "评分").rows;
    for (let i = 0; i < 20_000; i += 1) {
      units.push([i + 5, `单位${i}`, "政府部门", null, null, null]);
      scores.push([`单位${i}`, "政府部门", 4, 4, i === 12_345 ? "八" : 8, "不适用"]);
    }
    const started = Date.now();
    const read = readAssessment(book);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(read.issues.filter((issue) => issue.level === "error")).toEqual([
      expect.objectContaining({ sheet: "评分", cell: `E${12_345 + 7}`, message: NOT_NUMBER("八") }),
    ]);
  });

  it("merged cells, a hidden row and a hidden column in an .xlsx: a warning at each, and still scored", async () => {
    const bytes = await workbookFile((sheet) => {
      if (sheet.name !== SHEET.scores) return;
      sheet.mergeCells("A7:B7");
      sheet.getRow(4).hidden = true;
      sheet.getColumn(4).hidden = true;
    });
    const run = runAssessment(await readWorkbookGrids(bytes));
    expect(run.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ level: "warning", sheet: "评分", cell: "A7", message: "A7:B7 是合并单元格，只读取左上角 A7 的值，其余单元格按空白处理。建议取消合并，每格分别填写。" }),
        expect.objectContaining({ level: "warning", sheet: "评分", cell: "A4", message: "第 4 行被隐藏，但仍照常读取并参与计算。如不应计入，请删除该行。" }),
        expect.objectContaining({ level: "warning", sheet: "评分", cell: "D1", message: "D 列被隐藏，但仍照常读取并参与计算。如不应计入，请删除该列。" }),
      ]),
    );
    expect(run.issues.filter((issue) => issue.level === "error")).toEqual([]);
    expect(run.outputs).toEqual(runAssessment(validWorkbook()).outputs);
  });

  it("names the cell of a formula whose cached value is an error", async () => {
    const bytes = await workbookFile((sheet) => {
      if (sheet.name === SHEET.scores) sheet.getCell("D4").value = { formula: "1/0", result: { error: "#DIV/0!" } } as ExcelJS.CellFormulaValue;
    });
    const issues = readAssessment(await readWorkbookGrids(bytes)).issues;
    expect(issues).toContainEqual(
      expect.objectContaining({ level: "error", sheet: "评分", cell: "D4", message: "单元格为错误值 #DIV/0!，请改正公式或直接填写数值。" }),
    );
  });

  it("reads a workbook saved the way WPS saves it (inline strings, no shared strings, WPS in docProps) like the same book from Excel", async () => {
    const bytes = await workbookFile(() => undefined);
    const wps = await asWps(bytes);
    const zip = await JSZip.loadAsync(wps);
    expect(zip.file("xl/sharedStrings.xml")).toBeNull();
    expect(await zip.file("docProps/app.xml")?.async("string")).toContain("WPS 表格");
    const fromWps = runAssessment(await readWorkbookGrids(wps));
    expect(fromWps.issues).toEqual(runAssessment(await readWorkbookGrids(bytes)).issues);
    expect(fromWps.outputs).toEqual(runAssessment(validWorkbook()).outputs);
  });

  it("reads a sheet name with a trailing space in a file, with the warning", async () => {
    const bytes = await workbookFile((sheet) => {
      if (sheet.name === SHEET.adjustments) sheet.name = "加减分 ";
    });
    const run = runAssessment(await readWorkbookGrids(bytes));
    expect(run.issues).toEqual([
      expect.objectContaining({ level: "warning", sheet: "加减分 ", cell: "A1", message: "工作表名“加减分 ”前后有空格，已按“加减分”读取。建议把表名改为“加减分”。" }),
    ]);
    expect(run.outputs).not.toBeNull();
  });

  it("an empty template (no unit yet) gives one clear error, not a crash", async () => {
    const template = buildTemplate({ year: 2025 });
    const run = runAssessment(await readWorkbookGrids(await buildWorkbook(template)));
    expect(run.outputs).toBeNull();
    expect(run.issues).toEqual([
      expect.objectContaining({ level: "error", sheet: "考核对象", cell: "B2", message: "“考核对象”中没有任何单位。请从第 2 行起每行填写一个单位的名称和类别。" }),
    ]);
  });
});

/** The valid workbook as an .xlsx file, after `edit` on each ExcelJS sheet. */
async function workbookFile(edit: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const grid of validWorkbook().sheets) {
    const sheet = workbook.addWorksheet(grid.name);
    grid.rows.forEach((row, r) => row.forEach((value, c) => {
      if (value !== null) sheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
    }));
  }
  for (const sheet of workbook.worksheets) edit(sheet);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The file as WPS 表格 writes it: every text inline in its cell (t="inlineStr"), no sharedStrings part, and WPS as the
 * application in docProps/app.xml.
 */
async function asWps(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const shared = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
  const strings = [...shared.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((match) => match[1] ?? "");
  for (const name of Object.keys(zip.files).filter((path) => /^xl\/worksheets\/sheet\d+\.xml$/.test(path))) {
    const xml = (await zip.file(name)?.async("string")) ?? "";
    const inlined = xml.replace(/<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_all, ref: string, before: string, after: string, index: string) =>
      `<c r="${ref}"${before} t="inlineStr"${after}><is>${strings[Number(index)] ?? ""}</is></c>`,
    );
    zip.file(name, inlined);
  }
  zip.remove("xl/sharedStrings.xml");
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  zip.file("[Content_Types].xml", types.replace(/<Override PartName="\/xl\/sharedStrings.xml"[^>]*\/>/, ""));
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  zip.file("xl/_rels/workbook.xml.rels", rels.replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ""));
  zip.file(
    "docProps/app.xml",
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>WPS 表格</Application><AppVersion>12.1.0.16120</AppVersion></Properties>',
  );
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}

describe("files that are not .xlsx workbooks (command line)", () => {
  const OLD_OR_ENCRYPTED =
    "这个文件是旧版 .xls（或 WPS 的 .et）格式，或者设置了打开密码，无法读取。请在 Excel 或 WPS 中打开它；如有打开密码，先取消密码（Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码后确定）；再用“另存为”保存为“Excel 工作簿（*.xlsx）”后打开。";
  const NOT_A_WORKBOOK = "这不是 Excel 工作簿（.xlsx）文件，无法打开。如果是 .xls、.et、.csv 或其他格式，请用 Excel 或 WPS 另存为 .xlsx 后再打开。";

  async function check(bytes: Uint8Array): Promise<{ status: number; lines: string[]; path: string }> {
    const folder = await mkdtemp(join(tmpdir(), "kaohe-bad-file-"));
    const path = join(folder, "考核.xlsx");
    await writeFile(path, bytes);
    const lines: string[] = [];
    const status = await main(["check", path], { out: (line) => lines.push(line), err: (line) => lines.push(line) });
    await rm(folder, { recursive: true, force: true });
    return { status, lines, path };
  }

  it("an old .xls, or an .xlsx with an opening password (an OLE compound file): says so and how to fix it", async () => {
    const compound = new Uint8Array(4096);
    compound.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const { status, lines, path } = await check(compound);
    expect(status).toBe(2);
    expect(lines[0]).toBe(`kaohe check：${path}：${OLD_OR_ENCRYPTED}`);
  });

  it("an empty file (0 bytes, saving or downloading did not finish)", async () => {
    const { status, lines, path } = await check(new Uint8Array(0));
    expect(status).toBe(2);
    expect(lines[0]).toBe(`kaohe check：${path}：这不是 Excel 工作簿（.xlsx）文件：它是空的（0 字节），可能没有保存完或下载不完整。请在 Excel 或 WPS 中打开原来的工作簿，另存为 .xlsx 后再打开。`);
  });

  it("a CSV saved under an .xlsx name: not a workbook", async () => {
    const { status, lines, path } = await check(new TextEncoder().encode("单位名称,类别\n城关镇,乡镇\n"));
    expect(status).toBe(2);
    expect(lines[0]).toBe(`kaohe check：${path}：${NOT_A_WORKBOOK}`);
  });

  it.skipIf(!hasSoffice)(
    "a real .xls saved by LibreOffice is recognised as the old format",
    async () => {
      const folder = await mkdtemp(join(tmpdir(), "kaohe-xls-"));
      const xlsx = join(folder, "考核.xlsx");
      await writeFile(xlsx, await workbookFile(() => undefined));
      const profile = `-env:UserInstallation=${pathToFileURL(join(folder, "profile")).href}`;
      await promisify(execFile)("soffice", ["--headless", profile, "--convert-to", "xls", "--outdir", join(folder, "xls"), xlsx], { timeout: 110_000 });
      const xls = new Uint8Array(await readFile(join(folder, "xls", "考核.xls")));
      await rm(folder, { recursive: true, force: true });
      const { lines } = await check(xls);
      expect(lines[0]).toContain(OLD_OR_ENCRYPTED);
    },
    120_000,
  );
});

describe("docs/bad-input.md", () => {
  it("lists every case of this file with its sheet!cell and message", () => {
    const doc = readFileSync(new URL("../docs/bad-input.md", import.meta.url), "utf8");
    for (const { sheet, cell, message } of cases) expect(doc).toContain(`| ${sheet}!${cell} | ${message} |`);
  });
});
