// The command line's plumbing (arguments, files, exit statuses, what goes to which stream), with the
// library's template and scoring replaced by small fakes, so that these tests say nothing about the rules.
import ExcelJS from "exceljs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { D } from "../lib/decimal";
import type { SheetOut } from "../lib/format";
import type { WorkbookGrids } from "../lib/grid";
import type { Issue } from "../lib/issue";
import type { AssessmentResult, Grade, GroupSummary, UnitResult } from "../lib/model";
import type { RunOutcome } from "../lib/run";
import { run } from "./helpers/cli";

const plainFormat = { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] };

vi.mock("../lib/template", () => ({
  buildTemplate: ({ year, example }: { year: number; example?: boolean }): SheetOut[] => [
    { name: "说明", rows: [[`${year}年度考核模板`], [example === true ? "示例" : "空白"]], format: plainFormat },
    { name: "评分", rows: [["单位名称", "类别"]], format: plainFormat },
  ],
}));

/** The fake scoring: 评分!A1 = "有错误" gives an error, "有提示" a warning, anything else a clean result. */
vi.mock("../lib/run", () => ({
  runAssessment: (book: WorkbookGrids): RunOutcome => {
    if (book.sheets[0]?.rows[0]?.[0] === "崩溃") throw new Error("scoreAssessment: a bug");
    const issues = fakeIssues(book);
    if (issues.some((issue) => issue.level === "error")) return { issues, input: null, result: null, outputs: null };
    return { issues, input: null, result: fakeResult(), outputs: [{ name: "结果", rows: [["单位名称", "总分"], ["城关镇", "92.35"]], format: plainFormat }] };
  },
  checkAssessment: (book: WorkbookGrids): Issue[] => fakeIssues(book),
}));

vi.mock("../lib/output", () => ({
  toJson: (result: AssessmentResult | null, issues: Issue[]) => ({
    year: 2024,
    units: result === null ? [] : result.units.map((unit) => ({ name: unit.unit.name, total: unit.total.toFixed(2) })),
    issues,
  }),
}));

function fakeIssues(book: WorkbookGrids): Issue[] {
  const marker = book.sheets.find((sheet) => sheet.name === "评分")?.rows[0]?.[0];
  if (marker === "有错误") return [{ level: "error", code: "score.notNumber", sheet: "评分", cell: "C3", message: "“85分”不是数字。请只填数字，例如 85。" }];
  if (marker === "有提示") return [{ level: "warning", code: "score.fullWidth", sheet: "评分", cell: "D4", message: "全角数字已按 85.5 计算。" }];
  if (marker === "有控制字符") return [{ level: "warning", code: "cell.controlCharacters", sheet: "评分\u0007", cell: "A3", message: "单位“\u001b]0;pwned\u0007城关镇\u009b”" }];
  return [];
}

function unit(name: string, rankGroup: string, rank: number, total: string, grade: Grade, notes: string[]): UnitResult {
  return { unit: { name, category: "乡镇", rankGroup, lastRank: null, lastGrade: null, row: 2 }, total: new D(total), rank, grade, notes } as unknown as UnitResult;
}

function group(rankGroup: string, count: number, byGrade: Record<Grade, number>, highest: string, lowest: string, mean: string): GroupSummary {
  return { rankGroup, count, byGrade, highest: new D(highest), lowest: new D(lowest), mean: new D(mean), excellentLimit: null, quotaExceededByTie: false };
}

function fakeResult(): AssessmentResult {
  return {
    params: { decimals: 2 },
    units: [
      unit("城关镇", "乡镇", 1, "92.35", "优秀", ["并列"]),
      unit("八公桥镇", "乡镇", 1, "92.35", "优秀", ["并列"]),
      unit("司法局", "县直单位", 1, "88", "良好", ["排名最后：通报警示", "制发法治建议书"]),
    ],
    groups: [
      group("乡镇", 2, { 优秀: 2, 良好: 0, 合格: 0, 不合格: 0 }, "92.35", "92.35", "92.35"),
      group("县直单位", 1, { 优秀: 0, 良好: 1, 合格: 0, 不合格: 0 }, "88", "88", "88"),
    ],
  } as unknown as AssessmentResult;
}


let dir = "";
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "kaohe-cli-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A workbook whose 评分!A1 steers the fake scoring. */
async function workbookWith(marker: string, name = "考核.xlsx"): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("评分").getCell("A1").value = marker;
  const path = join(dir, name);
  await writeFile(path, new Uint8Array(await workbook.xlsx.writeBuffer()));
  return path;
}

describe("kaohe (no command, help, unknown command)", () => {
  it("prints the Chinese help for --help, listing every command, exit 0", async () => {
    const { code, out } = await run("--help");
    expect(code).toBe(0);
    expect(out.join("\n")).toMatch(/用法：[\s\S]*kaohe template[\s\S]*kaohe check[\s\S]*kaohe score[\s\S]*退出码/);
  });
  it("without a command: help on stderr, exit 2", async () => {
    const { code, err } = await run();
    expect(code).toBe(2);
    expect(err[0]).toBe("缺少命令。");
  });
  it("an unknown command: exit 2 with its name", async () => {
    const { code, err } = await run("grade", "a.xlsx");
    expect(code).toBe(2);
    expect(err[0]).toBe("没有“grade”这个命令。");
  });
  it("a command's --help, exit 0", async () => {
    const { code, out } = await run("score", "--help");
    expect(code).toBe(0);
    expect(out.join("\n").split("\n")[0]).toBe("用法：kaohe score 考核.xlsx [--set 参数=值 …] [-o 输出.xlsx] [--force] [--json]");
  });
  it("kaohe help score prints the same help as kaohe score --help, exit 0", async () => {
    const help = await run("help", "score");
    expect(help.code).toBe(0);
    expect(help.out).toEqual((await run("score", "--help")).out);
    expect(help.out.join("\n")).toContain("--force");
  });
  it("kaohe help with an unknown command: exit 2 naming it", async () => {
    const { code, err } = await run("help", "grade");
    expect(code).toBe(2);
    expect(err).toEqual(["没有“grade”这个命令。", "运行 kaohe --help 查看用法。"]);
  });
});

describe("what is printed from a workbook is made printable", () => {
  it("ESC, BEL and C1 controls in a sheet name or message are shown as \\u escapes, never sent to the terminal", async () => {
    const { code, out } = await run("check", await workbookWith("有控制字符"));
    expect(code).toBe(0);
    expect(out[0]).toBe("[提示] 评分\\u0007!A3：单位“\\u001b]0;pwned\\u0007城关镇\\u009b”");
    // eslint-disable-next-line no-control-regex -- finding control characters is the point
    expect(out.join("\n")).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
  it("--json stays valid JSON and gives back the text as it was", async () => {
    const { out } = await run("score", await workbookWith("有控制字符"), "--json");
    const json = JSON.parse(out.join("\n")) as { issues: Issue[] };
    expect(json.issues[0]?.message).toBe("单位“\u001b]0;pwned\u0007城关镇\u009b”");
  });
});

describe("usage errors exit 2 with a Chinese message", () => {
  const cases: [string[], string][] = [
    [["score", "--frobnicate", "a.xlsx"], "kaohe score：不认识的选项：--frobnicate。"],
    [["score", "a.xlsx", "-o"], "kaohe score：选项 -o, --output 后面需要填写一个值。"],
    [["template", "--force=yes", "a.xlsx"], "kaohe template：选项 --force 后面不需要填写值。"],
    [["check"], "kaohe check：缺少要检查的工作簿（例如 kaohe check 考核.xlsx）。"],
    [["check", "a.xlsx", "b.xlsx"], "kaohe check：多余的参数：b.xlsx。"],
    [["template", "a.xlsx", "--year", "24"], "kaohe template：年度“24”不是有效的年份。请填写四位数年份，例如 --year 2024。"],
    [["template", "a.txt"], "kaohe template：输出文件名应以 .xlsx 结尾：a.txt。例如：考核（已计算）.xlsx"],
  ];
  it.each(cases)("%j", async (argv, message) => {
    const { code, out, err } = await run(...argv);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toBe(message);
  });
});

describe("kaohe template", () => {
  it("writes the template of the chosen year", async () => {
    const path = join(dir, "模板.xlsx");
    const { code, out } = await run("template", path, "--year", "2024", "--example");
    expect(code).toBe(0);
    expect(out).toEqual([`已生成2024年度考核模板（含示例数据）：${path}`]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.getWorksheet("说明")?.getCell("A1").value).toBe("2024年度考核模板");
    expect(workbook.getWorksheet("说明")?.getCell("A2").value).toBe("示例");
  });
  it("refuses to replace an existing file without --force, leaving it unchanged (exit 2)", async () => {
    const path = join(dir, "考核.xlsx");
    await writeFile(path, "用户的工作簿");
    const { code, err } = await run("template", path);
    expect(code).toBe(2);
    expect(err[0]).toContain("文件已存在");
    expect(err[0]).toContain("--force");
    expect(await readFile(path, "utf8")).toBe("用户的工作簿");
    expect(await readdir(dir)).toEqual(["考核.xlsx"]);
  });
  it("replaces it with --force", async () => {
    const path = join(dir, "考核.xlsx");
    await writeFile(path, "旧文件");
    expect((await run("template", path, "--force")).code).toBe(0);
    expect((await readFile(path)).subarray(0, 2).toString()).toBe("PK");
    expect(await readdir(dir)).toEqual(["考核.xlsx"]);
  });
  it("makes a folder that does not exist yet", async () => {
    const path = join(dir, "2024年", "考核.xlsx");
    expect((await run("template", path)).code).toBe(0);
    expect(await readdir(join(dir, "2024年"))).toEqual(["考核.xlsx"]);
  });
  it("a folder that cannot be made (a file is in the way): exit 2, a Chinese message", async () => {
    await writeFile(join(dir, "文件"), "");
    const { code, err } = await run("template", join(dir, "文件", "考核.xlsx"));
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^kaohe template：无法写入文件 .*考核\.xlsx（ENOTDIR）。原有文件未被改动。$/);
  });
});

describe("kaohe check", () => {
  it("no problems: exit 0", async () => {
    const { code, out } = await run("check", await workbookWith("好"));
    expect(code).toBe(0);
    expect(out).toEqual(["未发现问题。", "数据可以计算等次。"]);
  });
  it("warnings only: printed, exit 0", async () => {
    const { code, out } = await run("check", await workbookWith("有提示"));
    expect(code).toBe(0);
    expect(out).toEqual(["[提示] 评分!D4：全角数字已按 85.5 计算。", "共 0 个错误、1 个提示。", "数据可以计算等次。"]);
  });
  it("an error: printed with its cell, exit 1", async () => {
    const { code, out } = await run("check", await workbookWith("有错误"));
    expect(code).toBe(1);
    expect(out[0]).toBe("[错误] 评分!C3：“85分”不是数字。请只填数字，例如 85。");
    expect(out[1]).toBe("共 1 个错误、0 个提示。");
  });
  it("a missing file: exit 2", async () => {
    const { code, err } = await run("check", join(dir, "没有.xlsx"));
    expect(code).toBe(2);
    expect(err[0]).toBe(`kaohe check：找不到文件：${join(dir, "没有.xlsx")}。请检查文件名和所在文件夹是否正确。`);
  });
  it("not a workbook: exit 2", async () => {
    const path = join(dir, "名单.xlsx");
    await writeFile(path, "单位名称,总分\n");
    const { code, err } = await run("check", path);
    expect(code).toBe(2);
    expect(err[0]).toContain("这不是 Excel 工作簿（.xlsx）文件");
  });
});

describe("kaohe score", () => {
  it("without -o: the summary table per 排名分组, aligned in double-width columns, then the counts", async () => {
    const { code, out, err } = await run("score", await workbookWith("好"));
    expect(code).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([
      "【乡镇】",
      "名次  单位名称   总分  等次  提示",
      "   1  城关镇    92.35  优秀  并列",
      "   1  八公桥镇  92.35  优秀  并列",
      "",
      "【县直单位】",
      "名次  单位名称   总分  等次  提示",
      "   1  司法局    88.00  良好  排名最后：通报警示；制发法治建议书",
      "",
      "乡镇：共 2 个单位，优秀 2、良好 0、合格 0、不合格 0；最高 92.35，最低 92.35，平均 92.35。",
      "县直单位：共 1 个单位，优秀 0、良好 1、合格 0、不合格 0；最高 88.00，最低 88.00，平均 88.00。",
      "未写出文件；加 -o 文件名.xlsx 写出结果",
    ]);
  });

  it("refuses to replace an existing OUT without --force (exit 2, before scoring), and replaces it with --force", async () => {
    const input = await workbookWith("好");
    const output = join(dir, "考核（已计算）.xlsx");
    await writeFile(output, "上次的结果");
    const refused = await run("score", input, "-o", output);
    expect(refused.code).toBe(2);
    expect(refused.out).toEqual([]);
    expect(refused.err).toEqual([`kaohe score：文件已存在：${output}。为免覆盖已有的工作簿，没有写入。请换一个文件名；确要覆盖时，加上 --force。`]);
    expect(await readFile(output, "utf8")).toBe("上次的结果");
    const forced = await run("score", input, "-o", output, "--force");
    expect(forced.code).toBe(0);
    expect(forced.out.at(-1)).toBe(`已写出：${output}（结果）。输入的各工作表未作改动。`);
    expect(await readFile(output, "utf8")).not.toBe("上次的结果");
  });

  it("with -o: writes OUT with the outputs, leaves IN unchanged and no temporary file behind", async () => {
    const input = await workbookWith("好");
    const before = await readFile(input);
    const output = join(dir, "考核（已计算）.xlsx");
    const { code, out } = await run("score", input, "-o", output);
    expect(code).toBe(0);
    expect(out.at(-1)).toBe(`已写出：${output}（结果）。输入的各工作表未作改动。`);
    expect(await readFile(input)).toEqual(before);
    expect((await readdir(dir)).sort()).toEqual(["考核.xlsx", "考核（已计算）.xlsx"].sort());
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["评分", "结果"]);
    expect(workbook.getWorksheet("结果")?.getCell("B2").value).toBe("92.35");
  });

  it("with errors: problems on stderr, nothing written, exit 1", async () => {
    const output = join(dir, "结果.xlsx");
    const { code, out, err } = await run("score", await workbookWith("有错误"), "-o", output);
    expect(code).toBe(1);
    expect(out).toEqual([]);
    expect(err).toEqual(["[错误] 评分!C3：“85分”不是数字。请只填数字，例如 85。", "共 1 个错误、0 个提示。", "数据有错误，未写出任何文件。请改正上面的错误后重试。"]);
    expect(await readdir(dir)).toEqual(["考核.xlsx"]);
  });

  it("refuses OUT == IN, exit 2, the input untouched", async () => {
    const input = await workbookWith("好");
    const before = await readFile(input);
    const { code, err } = await run("score", input, "-o", join(dir, ".", "考核.xlsx"));
    expect(code).toBe(2);
    expect(err[0]).toContain("输出文件不能与输入文件相同");
    expect(err[0]).toContain("考核（已计算）.xlsx");
    expect(await readFile(input)).toEqual(before);
  });

  it("--json: stdout is exactly the JSON, the table goes to stderr", async () => {
    const { code, out, err } = await run("score", await workbookWith("有提示"), "--json");
    expect(code).toBe(0);
    const json = JSON.parse(out.join("\n")) as { units: { name: string }[]; issues: Issue[] };
    expect(json.units.map((item) => item.name)).toEqual(["城关镇", "八公桥镇", "司法局"]);
    expect(json.issues).toHaveLength(1);
    expect(err).toContain("[提示] 评分!D4：全角数字已按 85.5 计算。");
    expect(err).toContain("【乡镇】");
  });

  it("a bug in the library: a plain Chinese message and the details, exit 3, nothing written", async () => {
    const output = join(dir, "结果.xlsx");
    const { code, out, err } = await run("score", await workbookWith("崩溃"), "-o", output);
    expect(code).toBe(3);
    expect(out).toEqual([]);
    expect(err[0]).toContain("程序内部错误");
    expect(err[1]).toContain("scoreAssessment: a bug");
    expect(await readdir(dir)).toEqual(["考核.xlsx"]);
  });

  it("--json with errors: the JSON lists the issues and no units, exit 1", async () => {
    const { code, out } = await run("score", await workbookWith("有错误"), "--json");
    expect(code).toBe(1);
    const json = JSON.parse(out.join("\n")) as { units: unknown[]; issues: Issue[] };
    expect(json.units).toEqual([]);
    expect(json.issues.map((issue) => issue.cell)).toEqual(["C3"]);
  });
});
