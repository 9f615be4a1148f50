import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { WorkbookGrids } from "../lib/grid";
import { HEADERS, SHEET } from "../lib/layout";
import { readAssessment } from "../lib/reader";
import { runAssessment } from "../lib/run";
import type { IssueCase } from "./helpers/issueCase";
import { validWorkbook } from "./helpers/workbook";

/**
 * 审定调整 as the clerk types it, into the small valid workbook (test/helpers/workbook.ts: 城关镇, 柳屯镇, 县司法局, 县法院).
 * Each bad row is an error at its cell, and with it nothing is scored; each case is also a row of docs/bad-input.md.
 */
function withReview(...rows: (string | number | Date | null)[][]): WorkbookGrids {
  const book = validWorkbook();
  edit(...rows)(book);
  return book;
}

function edit(...rows: (string | number | Date | null)[][]) {
  return (book: WorkbookGrids) => {
    book.sheets = book.sheets.filter((sheet) => sheet.name !== SHEET.review);
    book.sheets.push({ name: SHEET.review, rows: [[...HEADERS.review], ...rows] });
  };
}

export const cases: IssueCase[] = [
  {
    title: "审定调整 names a unit not in 考核对象",
    edit: edit(["城关乡", "不合格", "一票否决", "县委常委会会议", null]),
    level: "error",
    sheet: "审定调整",
    cell: "A2",
    message: "单位“城关乡”不在“考核对象”中，审定调整无法对应。请改为“考核对象”中的单位名称（可从“结果”表复制）。",
  },
  {
    title: "审定调整 grade not one of the four",
    edit: edit(["城关镇", "较差", "一票否决", "县委常委会会议", null]),
    level: "error",
    sheet: "审定调整",
    cell: "B2",
    message: "“较差”不是等次。请填写 优秀、良好、合格、不合格 之一（如一票否决填“不合格”）。",
  },
  {
    title: "审定调整 grade left empty",
    edit: edit(["城关镇", null, "一票否决", "县委常委会会议", null]),
    level: "error",
    sheet: "审定调整",
    cell: "B2",
    message: "单位“城关镇”的“调整为等次”为空。请填写 优秀、良好、合格、不合格 之一；不调整的单位请删除这一行。",
  },
  {
    title: "审定调整 without 事由",
    edit: edit(["城关镇", "不合格", null, "县委常委会会议", null]),
    level: "error",
    sheet: "审定调整",
    cell: "C2",
    message: "单位“城关镇”的审定调整没有写事由。请写明调整的事由，如“发生重大法治问题，一票否决”。",
  },
  {
    title: "审定调整 without 依据",
    edit: edit(["城关镇", "不合格", "一票否决", "  ", null]),
    level: "error",
    sheet: "审定调整",
    cell: "D2",
    message: "单位“城关镇”的审定调整没有写依据。请写明依据的会议或文件，如“县委常委会2027年第3次会议”。",
  },
  {
    title: "审定调整 with two rows for one unit",
    edit: edit(["城关镇", "不合格", "一票否决", "县委常委会会议", null], ["城关镇 ", "良好", "复议", "县政府常务会议", null]),
    level: "error",
    sheet: "审定调整",
    cell: "A3",
    message: "单位“城关镇”在 A2 已有一行审定调整。每个单位只能有一行，请合并为一行或删除多余的行。",
  },
];

describe("审定调整 read", () => {
  it.each(cases.map((c) => [c.title, c] as const))("%s → the one problem, at its cell; nothing scored", (_, c) => {
    const book = validWorkbook();
    c.edit(book);
    const outcome = runAssessment(book);
    const errors = outcome.issues.filter((issue) => issue.level === "error");
    expect(errors.map(({ level, sheet, cell, message }) => ({ level, sheet, cell, message }))).toEqual([{ level: c.level, sheet: c.sheet, cell: c.cell, message: c.message }]);
    expect(outcome.outputs).toBeNull();
  });

  it("a good row: name trimmed, full-width grade, 日期 as a date cell → YYYY-MM-DD; no problem", () => {
    const read = readAssessment(withReview([" 县法院　", "不合格", "发生重大法治问题", "县委常委会2027年第3次会议", new Date(Date.UTC(2027, 2, 15))]));
    expect(read.issues).toEqual([]);
    expect(read.input?.overrides).toEqual([
      { unit: "县法院", grade: "不合格", reason: "发生重大法治问题", basis: "县委常委会2027年第3次会议", date: "2027-03-15", ref: { sheet: "审定调整", cell: "A2" } },
    ]);
  });

  it("no 审定调整 sheet (older workbooks) is no problem at all, and an empty one adjusts nothing", () => {
    const older = validWorkbook();
    older.sheets = older.sheets.filter((sheet) => sheet.name !== SHEET.review);
    expect(readAssessment(older).issues).toEqual([]);
    expect(readAssessment(withReview()).input?.overrides).toEqual([]);
  });

  it("the whole path: 一票否决 on 城关镇 gives 审定等次 不合格 in 结果 beside its computed 等次", () => {
    const outcome = runAssessment(withReview(["城关镇", "不合格", "发生重大法治问题", "县委常委会会议", null]));
    const results = outcome.outputs?.[0]?.rows ?? [];
    const header = (results[0] ?? []).map(String);
    const row = results.find((r) => r[header.indexOf("单位名称")] === "城关镇") ?? [];
    expect([row[header.indexOf("等次")], row[header.indexOf("审定等次")]]).toEqual(["优秀", "不合格"]);
    expect(String(row[header.indexOf("提示")])).toContain("经审定调整：发生重大法治问题（县委常委会会议）");
  });
});

describe("docs/bad-input.md", () => {
  it("lists every 审定调整 case with its sheet!cell and message", () => {
    const doc = readFileSync(new URL("../docs/bad-input.md", import.meta.url), "utf8");
    for (const { sheet, cell, message } of cases) expect(doc).toContain(`| ${sheet}!${cell} | ${message} |`);
  });
});
