/**
 * Part 5, a user's alternative: the same workbook with 结果 computed by spreadsheet formulas (SUM, SUMPRODUCT,
 * SUMIFS, COUNTIFS, ROUND, MIN, MAX, RANK.EQ, IFS), recalculated by LibreOffice headless, compared with lib/.
 *
 * What the formulas cover: 指标得分 and 指标应得分 (rule 1), 满意度% from a percentage or ballots and 满意度得分
 * (rule 2), 应得分/实得分/换算得分 (rule 4), 加分/扣分 with their caps (rule 5), 总分 not below 0 (rule 6), 名次 by
 * RANK.EQ within the 排名分组 (rule 7, 跳位排名), 等次 by the thresholds alone (rule 8).
 * What they do not: 互评得分 (rule 3: grouped, trimmed, weighted means are past what users write in formulas) is
 * typed in as lib/'s figure; the 情节严重 cap, the 优秀 quota and the 提示 (rules 9–11) are left out.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import ExcelJS from "exceljs";
import { saveWorkbook } from "../files/xlsx/library";
import { columnName, type CellValue } from "../lib/grid";
import { SHEET } from "../lib/layout";
import type { AssessmentResult } from "../lib/model";
import { runAssessment } from "../lib/run";
import { generateBook, INDICATOR_COUNT } from "./generate";

export interface FormulaFigures {
  units: number;
  fileBytes: number;
  /** Wall time of soffice loading, recalculating and saving 结果 as CSV. */
  recalcMs: number;
  /** Wall time of soffice converting a one-cell workbook: its start-up, to subtract. */
  startupMs: number;
  libraryMs: number;
  equalTotals: number;
  equalRanks: number;
  equalGrades: number;
  compared: number;
}

const HEAD = ["排名分组", "单位名称", "指标得分", "指标应得分", "满意度得分", "互评得分", "应得分", "实得分", "换算得分", "加分", "扣分", "总分", "名次", "等次", "满意度%"];

function sheetRows(book: ReturnType<typeof generateBook>, name: string): CellValue[][] {
  return book.sheets.find((sheet) => sheet.name === name)?.rows ?? [];
}

/** The 结果 formulas of one unit: `r` its row in 结果, `s` its row in 评分, groups spanning rows g0–g1. */
function formulaRow(r: number, s: number, g0: number, g1: number, lastSatisfaction: number, lastAdjustment: number): string[] {
  const lastScore = columnName(2 + INDICATOR_COUNT - 1);
  const sat = (column: string) => `满意度!$${column}$2:$${column}$${lastSatisfaction}`;
  const satSum = (column: string) => `SUMIFS(${sat(column)},${sat("A")},$B${r})`;
  const adj = (column: string) => `加减分!$${column}$2:$${column}$${lastAdjustment}`;
  const adjSum = (type: string) => `SUMIFS(${adj("C")},${adj("A")},$B${r},${adj("B")},"${type}")`;
  return [
    `ROUND(SUM(评分!C${s}:${lastScore}${s}),2)`,
    `ROUND(SUMPRODUCT(ISNUMBER(评分!C${s}:${lastScore}${s})*评分!$C$2:$${lastScore}$2),2)`,
    `IF(O${r}="","",ROUND(O${r}/100*10,2))`,
    "", // 互评得分: typed (see the file's comment)
    `D${r}+IF(E${r}="",0,10)+IF(F${r}="",0,10)`,
    `ROUND(C${r}+N(E${r})+N(F${r}),2)`,
    `ROUND(H${r}/G${r}*100,2)`,
    `MIN(ROUND(${adjSum("加分")},2),5)`,
    `MIN(ROUND(${adjSum("扣分")},2),10)`,
    `MAX(0,ROUND(I${r}+J${r}-K${r},2))`,
    `_xlfn.RANK.EQ(L${r},$L$${g0}:$L$${g1})`,
    `_xlfn.IFS(L${r}>=90,"优秀",L${r}>=80,"良好",L${r}>=60,"合格",TRUE,"不合格")`,
    `IF(COUNTIFS(${sat("A")},$B${r})=0,"",IF(COUNTIFS(${sat("A")},$B${r},${sat("B")},">=0")>0,${satSum("B")},` +
      `ROUND((100*${satSum("C")}+80*${satSum("D")}+30*${satSum("E")})/(${satSum("C")}+${satSum("D")}+${satSum("E")}),2)))`,
  ];
}

/** Builds the formula workbook for `units` generated units; returns its bytes and lib/'s result for the same data. */
export async function buildFormulaWorkbook(units: number): Promise<{ bytes: Uint8Array; result: AssessmentResult; libraryMs: number; order: string[] }> {
  const book = generateBook(units);
  const start = performance.now();
  const outcome = runAssessment(book);
  const libraryMs = performance.now() - start;
  if (outcome.result === null) throw new Error("formula bench: the generated workbook did not score");
  const result = outcome.result;
  const workbook = new ExcelJS.Workbook();
  const results = workbook.addWorksheet(SHEET.results);
  results.addRow(HEAD);
  for (const name of [SHEET.scores, SHEET.satisfaction, SHEET.adjustments]) {
    const sheet = workbook.addWorksheet(name);
    for (const row of sheetRows(book, name)) sheet.addRow(row.map((cell) => (cell === null ? undefined : cell)));
  }
  const scoreRow = new Map(sheetRows(book, SHEET.scores).map((row, index) => [String(row[0]), index + 1]));
  const lastSatisfaction = Math.max(2, sheetRows(book, SHEET.satisfaction).length);
  const lastAdjustment = Math.max(2, sheetRows(book, SHEET.adjustments).length);
  // Rows grouped by 排名分组 (lib/'s order), so RANK.EQ can rank within one block of rows.
  const order = result.units.map((u) => u.unit.name);
  let r = 2;
  for (const group of result.groups) {
    const members = result.units.filter((u) => u.unit.rankGroup === group.rankGroup);
    const g0 = r;
    const g1 = r + members.length - 1;
    for (const u of members) {
      const formulas = formulaRow(r, scoreRow.get(u.unit.name) ?? 0, g0, g1, lastSatisfaction, lastAdjustment);
      const row = results.getRow(r);
      row.getCell(1).value = group.rankGroup;
      row.getCell(2).value = u.unit.name;
      formulas.forEach((formula, k) => {
        const cell = row.getCell(3 + k);
        if (k === 3) cell.value = u.peer === null ? null : u.peer.toNumber();
        else cell.value = { formula } as ExcelJS.CellFormulaValue;
      });
      r += 1;
    }
  }
  return { bytes: await saveWorkbook(workbook), result, libraryMs, order };
}

// LibreOffice keeps cached values of .xlsx files by default; this profile makes it recalculate every formula on load.
const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>`;

function profile(dir: string): string {
  const user = join(dir, "profile", "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(join(user, "registrymodifications.xcu"), RECALC_ALWAYS);
  return `-env:UserInstallation=file://${resolve(dir, "profile")}`;
}

function convert(dir: string, input: string, timeoutMs: number): number {
  const start = performance.now();
  execFileSync("soffice", ["--headless", profile(dir), "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", dir, input], {
    stdio: "ignore",
    timeout: timeoutMs,
  });
  return performance.now() - start;
}

/** Splits one CSV line of LibreOffice's export (fields quoted only when needed). */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let current = "";
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      current += '"';
      i += 1;
    } else if (ch === '"') quoted = !quoted;
    else if (ch === "," && !quoted) {
      fields.push(current);
      current = "";
    } else current += ch;
  }
  fields.push(current);
  return fields;
}

function competitionRanks(result: AssessmentResult): Map<string, number> {
  const ranks = new Map<string, number>();
  for (const group of result.groups) {
    const members = result.units.filter((u) => u.unit.rankGroup === group.rankGroup);
    for (const u of members) ranks.set(u.unit.name, members.filter((o) => o.total.gt(u.total)).length + 1);
  }
  return ranks;
}

const gradeByLine = (total: number) => (total >= 90 ? "优秀" : total >= 80 ? "良好" : total >= 60 ? "合格" : "不合格");

/** Builds, recalculates in LibreOffice and compares the formula workbook for `units` units; `dir` holds the files. */
export async function measureFormulas(units: number, dir: string, timeoutMs = 900_000): Promise<FormulaFigures> {
  mkdirSync(dir, { recursive: true });
  const built = await buildFormulaWorkbook(units);
  const input = join(dir, `formulas-${units}.xlsx`);
  writeFileSync(input, built.bytes);
  const tiny = join(dir, "startup.xlsx");
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet("A").getCell("A1").value = 1;
  writeFileSync(tiny, await saveWorkbook(empty));
  const startupMs = convert(dir, tiny, 120_000);
  const csv = join(dir, `formulas-${units}.csv`);
  rmSync(csv, { force: true });
  const recalcMs = convert(dir, input, timeoutMs);
  const lines = readFileSync(csv, "utf8").trim().split(/\r?\n/).slice(1);
  const byName = new Map(built.result.units.map((u) => [u.unit.name, u]));
  const ranks = competitionRanks(built.result);
  let equalTotals = 0;
  let equalRanks = 0;
  let equalGrades = 0;
  for (const line of lines) {
    const f = csvFields(line);
    const ours = byName.get(f[1] ?? "");
    if (ours === undefined) continue;
    const total = f[11] ?? "";
    if (total !== "" && ours.total.eq(total)) equalTotals += 1;
    if (String(ranks.get(ours.unit.name)) === f[12]) equalRanks += 1;
    if (gradeByLine(ours.total.toNumber()) === f[13]) equalGrades += 1;
  }
  return { units, fileBytes: built.bytes.length, recalcMs, startupMs, libraryMs: built.libraryMs, equalTotals, equalRanks, equalGrades, compared: lines.length };
}
