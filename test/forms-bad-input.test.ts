import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collectReturns, makeForms, readMaster, readReturn, type FormBook, type MasterContext } from "../lib/forms";
import type { CellValue, WorkbookGrids } from "../lib/grid";
import { describeIssue } from "../lib/issue";
import { nodeDigest } from "./helpers/forms";
import { paramRow, setCell, validWorkbook } from "./helpers/workbook";

/**
 * Bad returns, each with exactly what the clerk sees. The master is the small valid workbook of
 * test/helpers/workbook.ts (考核主体: 1.1 县委依法治县办, 2.1 and 3.1 县司法局, 3.2 县委政法委). 评分表-县司法局 holds
 * C = 2.1 (分值 4.5) and D = 3.1 (10), rows 城关镇 (3), 柳屯镇 (4), 县司法局 (5), 县法院 (6, 3.1 不适用 at D6); in the
 * master 2.1 is column D. 互评表-城关镇 rates 柳屯镇 (B2), 县司法局 (B3), 县法院 (B4).
 * Every case is also a row of docs/bad-input.md (checked by the last test).
 */

async function contextOf(book: WorkbookGrids): Promise<MasterContext> {
  const read = await readMaster(book, nodeDigest);
  if (read.master === null) throw new Error(JSON.stringify(read.issues));
  return read.master;
}

/** The master with every score, rating and 满意度 emptied, so that returns fill it. */
function emptyMaster(): WorkbookGrids {
  const book = validWorkbook();
  for (const sheet of book.sheets) {
    if (sheet.name === "评分") sheet.rows.forEach((row, r) => row.forEach((v, c) => r >= 2 && c >= 2 && v !== "不适用" && (row[c] = null)));
    if (sheet.name === "上下互评" || sheet.name === "满意度") sheet.rows.forEach((row, r) => row.forEach((_, c) => r >= 1 && c >= 1 && (row[c] = null)));
  }
  return book;
}

function formGrids(form: FormBook): WorkbookGrids {
  return { sheets: form.sheets.map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => [...row]) as CellValue[][] })) };
}

async function formOf(book: WorkbookGrids, fileName: string): Promise<WorkbookGrids> {
  const form = makeForms(await contextOf(book), "2025-12-20").find((f) => f.fileName === fileName);
  if (form === undefined) throw new Error(fileName);
  return formGrids(form);
}

interface Case {
  title: string;
  /** 未合并 (the whole file refused, recorded in 回收记录), 错误 (a cell; for a conflict nothing at all is merged). */
  level: "未合并" | "错误" | "已替换" | "已合并";
  /** The file, or the file's sheet and cell as Excel names another workbook's cell. */
  where: string;
  message: string;
  /** What the clerk sees, as [where, message]. */
  run: () => Promise<[string, string]>;
}

const SCORE_FORM = "评分表-县司法局.xlsx";
const MERGED_RESORTED = "按单位名称和编号合并：柳屯镇 · 2.1 = 4.5 写入 评分!D4，县司法局 · 3.1 = 10 写入 评分!E5（“１０”按数字读取并提示）";

/** The one refusal of a single return, or its first error. */
async function returnOutcome(master: WorkbookGrids, file: string, form: WorkbookGrids, at: "refusal" | "issue"): Promise<[string, string]> {
  const read = readReturn(file, null, form, await contextOf(master));
  if (at === "refusal") return [file, read.refusal ?? ""];
  const first = read.issues.find((issue) => issue.level === "error");
  return first === undefined ? ["", ""] : [`${first.sheet}!${first.cell}`, first.message];
}

export const cases: Case[] = [
  {
    title: "a workbook that is not one of our forms",
    level: "未合并",
    where: "成绩汇总.xlsx",
    message: "“成绩汇总.xlsx”不是本软件分发的评分表、互评表或满意度汇总表（没有“表单信息”），未合并。请确认文件是否选错；如是对方另做的表，请把分数抄到分发的表中再交回。",
    run: async () => returnOutcome(emptyMaster(), "成绩汇总.xlsx", validWorkbook(), "refusal"),
  },
  {
    title: "a form made before a unit was added and a 分值 changed",
    level: "未合并",
    where: SCORE_FORM,
    message:
      "“评分表-县司法局.xlsx”是按另一份考核工作簿生成的（考核对象新增 县公安局；指标 3.1 的分值 10 → 8），未合并。请用当前工作簿重新分发（kaohe forms），让对方在新表上填写。",
    run: async () => {
      const form = await formOf(emptyMaster(), SCORE_FORM);
      const changed = emptyMaster();
      const units = changed.sheets.find((s) => s.name === "考核对象");
      units?.rows.push([5, "县公安局", "政府部门", null, null, null]);
      setCell(changed, "考核指标", "E4", 8);
      const scores = changed.sheets.find((s) => s.name === "评分");
      scores?.rows.push(["县公安局", "政府部门", null, null, null, "不适用"]);
      return returnOutcome(changed, SCORE_FORM, form, "refusal");
    },
  },
  {
    title: "a score above 分值 in a returned form",
    level: "错误",
    where: "[评分表-县司法局.xlsx]评分!C3",
    message: "城关镇 · 2.1：分值为 4.5，得分不能超过 4.5。请填写 0 到 4.5 之间的得分。",
    run: async () => {
      const form = await formOf(emptyMaster(), SCORE_FORM);
      setCell(form, "评分", "C3", 5);
      return returnOutcome(emptyMaster(), SCORE_FORM, form, "issue");
    },
  },
  {
    title: "the whole form refused for a wrong value",
    level: "未合并",
    where: SCORE_FORM,
    message: "“评分表-县司法局.xlsx”中有 1 处填写错误（见下面的列表），整份未合并。请让填报单位改正后重新交回，或在表中改正后再回收。",
    run: async () => {
      const form = await formOf(emptyMaster(), SCORE_FORM);
      setCell(form, "评分", "C3", 5);
      return returnOutcome(emptyMaster(), SCORE_FORM, form, "refusal");
    },
  },
  {
    title: "a unit renamed in a returned form",
    level: "错误",
    where: "[评分表-县司法局.xlsx]评分!A4",
    message: "单位“柳屯镇人民政府”不在考核工作簿的“考核对象”中，这一行未合并。请改回分发时的单位名称。",
    run: async () => {
      const form = await formOf(emptyMaster(), SCORE_FORM);
      setCell(form, "评分", "A4", "柳屯镇人民政府");
      return returnOutcome(emptyMaster(), SCORE_FORM, form, "issue");
    },
  },
  {
    title: "a score typed into a grey 不适用 cell",
    level: "错误",
    where: "[评分表-县司法局.xlsx]评分!D6",
    message: "指标“3.1”不适用于单位“县法院”，这里不应填分，未合并。请改回“不适用”。",
    run: async () => {
      const form = await formOf(emptyMaster(), SCORE_FORM);
      setCell(form, "评分", "D6", 8);
      return returnOutcome(emptyMaster(), SCORE_FORM, form, "issue");
    },
  },
  {
    title: "a rating word not in 互评等级分",
    level: "错误",
    where: "[互评表-城关镇.xlsx]上下互评!B2",
    message: "“很好”不是评分。请填写 0 到 100 之间的分数，或填写 好、较好、一般、差 之一；未评留空。",
    run: async () => {
      const form = await formOf(emptyMaster(), "互评表-城关镇.xlsx");
      setCell(form, "上下互评", "B2", "很好");
      return returnOutcome(emptyMaster(), "互评表-城关镇.xlsx", form, "issue");
    },
  },
  {
    title: "both 满意度(%) and ballots on one row of 满意度汇总表",
    level: "错误",
    where: "[满意度汇总表.xlsx]满意度!B2",
    message: "城关镇：这一行既填了满意度(%)又填了票数，只能填其一。请删去满意度(%)或删去票数。",
    run: async () => {
      const form = await formOf(emptyMaster(), "满意度汇总表.xlsx");
      setCell(form, "满意度", "B2", 93.5);
      setCell(form, "满意度", "C2", 40);
      return returnOutcome(emptyMaster(), "满意度汇总表.xlsx", form, "issue");
    },
  },
  {
    title: "more 好 than 互评“好”最多比例 allows",
    level: "未合并",
    where: "互评表-城关镇.xlsx",
    message: "“互评表-城关镇.xlsx”中城关镇评了 2 个“好”，超过参数“互评“好”最多比例”50%（所评 3 个单位中最多 1 个），未合并。请让城关镇调整后重新交回。",
    run: async () => {
      const master = emptyMaster();
      setCell(master, "参数", `B${paramRow("互评“好”最多比例")}`, "50%");
      const form = await formOf(master, "互评表-城关镇.xlsx");
      setCell(form, "上下互评", "B2", "好");
      setCell(form, "上下互评", "B3", "好");
      setCell(form, "上下互评", "B4", "一般");
      return returnOutcome(master, "互评表-城关镇.xlsx", form, "refusal");
    },
  },
  {
    title: "two returns give one cell different values",
    level: "错误",
    where: "[评分表-县司法局（重发）.xlsx]评分!C3",
    message:
      "两份回收表对同一格给出不同的值：[评分表-县司法局.xlsx]评分!C3 为 4，[评分表-县司法局（重发）.xlsx]评分!C3 为 4.5（城关镇 · 2.1）。全部未合并。请与两个填报单位核实，改正其中一份后重新回收。",
    run: async () => {
      const master = emptyMaster();
      const context = await contextOf(master);
      const first = await formOf(master, SCORE_FORM);
      const second = await formOf(master, SCORE_FORM);
      setCell(first, "评分", "C3", 4);
      setCell(second, "评分", "C3", 4.5);
      const outcome = collectReturns(context, [readReturn("评分表-县司法局（重发）.xlsx", null, second, context), readReturn(SCORE_FORM, null, first, context)]);
      expect(outcome.ok).toBe(false);
      expect(outcome.edits).toEqual([]);
      const issue = outcome.issues.find((i) => i.code === "collect.conflict");
      return [`${issue?.sheet ?? ""}!${issue?.cell ?? ""}`, issue?.message ?? ""];
    },
  },
  {
    title: "a return differs from a value already in the master",
    level: "错误",
    where: "[评分表-县司法局.xlsx]评分!C3",
    message:
      "[评分表-县司法局.xlsx]评分!C3 为 3.5，而考核工作簿 评分!D3 已有不同的值 4（城关镇 · 2.1）。全部未合并。如以回收表为准，请加 --replace-from “评分表-县司法局.xlsx”（网页和加载项中勾选“以此表为准”）后重新回收；否则请改正回收表。",
    run: async () => {
      const master = validWorkbook();
      const context = await contextOf(master);
      const form = await formOf(master, SCORE_FORM);
      setCell(form, "评分", "C3", 3.5);
      const outcome = collectReturns(context, [readReturn(SCORE_FORM, null, form, context)]);
      expect(outcome.ok).toBe(false);
      const issue = outcome.issues.find((i) => i.code === "collect.overwrite");
      return [`${issue?.sheet ?? ""}!${issue?.cell ?? ""}`, issue?.message ?? ""];
    },
  },
  {
    title: "the same with --replace-from",
    level: "已替换",
    where: "评分!D3",
    message: "评分!D3 原为 4，按“评分表-县司法局.xlsx”改为 3.5。",
    run: async () => {
      const master = validWorkbook();
      const context = await contextOf(master);
      const form = await formOf(master, SCORE_FORM);
      setCell(form, "评分", "C3", 3.5);
      const outcome = collectReturns(context, [readReturn(SCORE_FORM, null, form, context)], { replaceFrom: new Set([SCORE_FORM]) });
      expect(outcome.ok).toBe(true);
      expect(outcome.edits).toEqual([{ sheet: "评分", row: 2, column: 3, value: 3.5 }]);
      return ["评分!D3", outcome.replaced[0] ?? ""];
    },
  },
  {
    title: "rows re-sorted, blank rows added, a full-width number typed",
    level: "已合并",
    where: "评分!D4",
    message: MERGED_RESORTED,
    run: async () => {
      const master = emptyMaster();
      const context = await contextOf(master);
      const form = await formOf(master, SCORE_FORM);
      const rows = form.sheets.find((s) => s.name === "评分")?.rows ?? [];
      rows.splice(2, 4, [], ["县司法局", "政府部门", null, "１０"], [], [], ["柳屯镇", "乡镇", 4.5, null], ["县法院", "法院检察院", null, "不适用"], ["城关镇", "乡镇", null, null]);
      const read = readReturn(SCORE_FORM, null, form, context);
      expect(read.refusal).toBeNull();
      expect(read.issues.map(describeIssue)).toEqual(["[提示] [评分表-县司法局.xlsx]评分!D4：“１０”是文本，已按数字 10 读取；如有误请改正。"]);
      const outcome = collectReturns(context, [read]);
      const at = (edit: { row: number; column: number }) => `评分!${String.fromCharCode(65 + edit.column)}${edit.row + 1}`;
      expect(outcome.edits.map((edit) => `${at(edit)}=${String(edit.value)}`).sort()).toEqual(["评分!D4=4.5", "评分!E5=10"]);
      return ["评分!D4", MERGED_RESORTED];
    },
  },
];

describe("bad returns: what the clerk sees", () => {
  it.each(cases)("$title → $where", async ({ run, where, message }) => {
    expect(await run()).toEqual([where, message]);
  });
});

describe("docs/bad-input.md", () => {
  it("lists every case of this file with its place and message", () => {
    const doc = readFileSync(new URL("../docs/bad-input.md", import.meta.url), "utf8");
    for (const { where, message, level, title } of cases) {
      expect(doc, title).toContain(`| ${level} | ${where} | ${message} |`);
    }
  });
});
