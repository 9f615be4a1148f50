/**
 * 按上年生成模板 (kaohe template --from): next year's workbook from last year's. The rule, in words:
 * - kept from last year: 考核对象 (单位名称, 类别, 排名分组) with 上年名次 and 上年等次 filled from last year's 结果
 *   (名次 and the final 审定等次), 考核指标 as read (every row, its 分值 and 适用类别), and every 参数 value with 年度
 *   changed to the new year; a 参数 row of last year's that the template does not list (优秀分数线-乡镇 …) is kept at the end;
 * - emptied: 发文日期 and 截止日期 (last year's dates, named in a note), and every sheet of scores and records: 评分 (rebuilt
 *   blank for the units and indicators, 不适用 pre-filled), 满意度, 上下互评, 加减分, 平时考核, 审定调整; the outputs
 *   (结果, 计算说明, 汇总) and last year's 单位更名 are not copied;
 * - errors in last year's 考核对象 or 考核指标 (as the reader reports them) build nothing; a workbook without 结果 builds
 *   the template with 上年名次/上年等次 blank, and a note says so.
 */
import type { SheetOut } from "../format";
import type { CellValue, WorkbookGrids } from "../grid";
import { error, hasErrors, type Issue } from "../issue";
import { defaultRankGroup, PARAM, SHEET } from "../layout";
import { GRADES } from "../model";
import { readIndicators } from "../reader/indicators";
import { findSheet } from "../reader/sheets";
import { readUnits } from "../reader/units";
import { shownValue } from "../reader/cells";
import { buildTemplate, type DefaultIndicator, type TemplateUnit } from "../template";
import { templateIndicator } from "../template/indicatorsSheet";
import { isCellError } from "../grid";
import { lastYearLines, textOf } from "./match";
import { CARRY_MSG } from "./messages";

export interface NextYearTemplate {
  /** Errors of last year's 考核对象 or 考核指标: nothing built (sheets empty). */
  issues: Issue[];
  /** What the user should know (no 结果, dates emptied) and one summary line, in Chinese. */
  notes: string[];
  sheets: SheetOut[];
  units: number;
  indicators: number;
  /** Units given 上年名次 and 上年等次. */
  filled: number;
}

/** 参数 whose value is a date of last year's round: not carried into the new year. */
const YEARLY_DATES: readonly string[] = [PARAM.issueDate, PARAM.deadline];

function paramValue(value: CellValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date || isCellError(value)) return shownValue(value);
  return value;
}

/** The template's 参数 with last year's values (年度 the new year's); last year's own extra rows appended. */
function carryParams(sheet: SheetOut, last: WorkbookGrids, notes: string[]): number {
  const grid = findSheet(last, SHEET.params, "silent", []);
  if (grid === null) return 0;
  const values = new Map<string, { value: CellValue | undefined; explanation: CellValue | undefined }>();
  for (const row of grid.rows.slice(1)) {
    const name = textOf(row[0]);
    if (name !== null && !values.has(name)) values.set(name, { value: row[1], explanation: row[2] });
  }
  const listed = new Set<string>();
  const emptied: string[] = [];
  let carried = 0;
  for (const row of sheet.rows.slice(1)) {
    const name = String(row[0]);
    listed.add(name);
    const old = values.get(name);
    if (old === undefined || name === PARAM.year) continue;
    if (YEARLY_DATES.includes(name)) {
      if (paramValue(old.value) !== null) emptied.push(name);
      row[1] = null;
      continue;
    }
    row[1] = paramValue(old.value);
    carried += 1;
  }
  const before = sheet.rows.length;
  for (const [name, old] of values) {
    if (listed.has(name)) continue;
    sheet.rows.push([name, paramValue(old.value), paramValue(old.explanation)]);
    carried += 1;
  }
  // The styles of columns B and C reach the last row written.
  sheet.format.styles = sheet.format.styles.map((style) => ({ ...style, range: style.range.replace(new RegExp(`^([BC]2:[BC])${before}$`), `$1${sheet.rows.length}`) }));
  if (emptied.length > 0) notes.push(CARRY_MSG.templateDatesEmptied(emptied));
  return carried;
}

/** Next year's input sheets from last year's workbook `last`, for the year `year` (four digits, checked by the caller). */
export function nextYearTemplate(last: WorkbookGrids, year: number): NextYearTemplate {
  const issues: Issue[] = [];
  const notes: string[] = [];
  const refused = (found: Issue[]): NextYearTemplate => ({ issues: found, notes, sheets: [], units: 0, indicators: 0, filled: 0 });
  const unitsGrid = findSheet(last, SHEET.units, "required", issues);
  const indicatorsGrid = findSheet(last, SHEET.indicators, "required", issues);
  if (unitsGrid === null || indicatorsGrid === null) return refused(issues.filter((issue) => issue.level === "error"));
  const units = readUnits(unitsGrid, issues);
  const indicators = readIndicators(indicatorsGrid, units.units, units.names, issues);
  const errors = issues.filter((issue) => issue.level === "error");
  if (hasErrors(errors)) return refused(errors);
  if (units.units.length === 0) return refused([error("carry.templateNoUnits", unitsGrid.name, "B2", CARRY_MSG.templateNoUnits())]);

  const lines = lastYearLines(last);
  if (lines === null) notes.push(CARRY_MSG.templateNoResults());
  const byName = new Map((lines ?? []).map((line) => [line.name, line]));
  let filled = 0;
  const carriedUnits: TemplateUnit[] = units.units.map((unit) => {
    const line = byName.get(unit.name);
    const grade = GRADES.find((candidate) => candidate === line?.grade) ?? null;
    if (line !== undefined && grade !== null) filled += 1;
    return {
      name: unit.name,
      category: unit.category,
      rankGroup: unit.rankGroup === defaultRankGroup(unit.category) ? null : unit.rankGroup,
      lastRank: grade === null ? null : (line?.rank ?? null),
      lastGrade: grade,
    };
  });
  const carriedIndicators: DefaultIndicator[] = indicators.indicators.map(templateIndicator);
  const sheets = buildTemplate({ year, carried: { units: carriedUnits, indicators: carriedIndicators } });
  const params = sheets.find((sheet) => sheet.name === SHEET.params);
  const carried = params === undefined ? 0 : carryParams(params, last, notes);
  const lastYear = Number(textOf(findSheet(last, SHEET.params, "silent", [])?.rows.find((row) => textOf(row[0]) === PARAM.year)?.[1]) ?? year - 1);
  notes.push(CARRY_MSG.templateSummary(year, Number.isFinite(lastYear) ? lastYear : year - 1, carriedUnits.length, carriedIndicators.length, carried, filled));
  return { issues: [], notes, sheets, units: carriedUnits.length, indicators: carriedIndicators.length, filled };
}
