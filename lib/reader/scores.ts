/**
 * 评分: row 1 holds 单位名称, 类别 and one column per indicator headed "编号 二级指标"; row 2 holds 分值;
 * units from row 3. Columns are matched to 考核指标 by 编号 (the header's text before its first space).
 */
import { applicability } from "../applies";
import { cellAddress, isCellError, type CellValue, type SheetGrid } from "../grid";
import { error, warning, type Issue } from "../issue";
import { HEADERS, NOT_APPLICABLE, SCORES_MAX_ROW_LABEL, SHEET } from "../layout";
import type { BlankScorePolicy, Indicator, ScoreEntry, Unit } from "../model";
import { ZERO, type D } from "../decimal";
import { errorAt, isBlank, isNotApplicable, normalizeText, readNumber, reportCellError, shownValue, textToDecimal, warnAt, withContext, type At } from "./cells";
import type { IndicatorsRead } from "./indicators";
import { DAILY_MSG } from "./dailyMessages";
import { HINT, MSG } from "./messages";
import { ScoreColumns, UnitScores } from "./unitScores";
import { cellAt, hasColumns, isEmptyRow, readTable, type Table } from "./sheets";
import { unitRows } from "./unitRows";
import { KnownNumbers } from "./knownNumbers";

const [NAME] = HEADERS.scores;
const MAX_ROW = 1;
const FIRST_UNIT_ROW = 2;
const ROW_CODES = { missing: "scores.nameMissing", unknown: "scores.unknownUnit", duplicate: "scores.duplicateUnit" };

export type Scores = Map<string, ReadonlyMap<string, ScoreEntry>>;

/** The 编号 in an indicator column's header: its text before the first space (half- or full-width). */
export function codeOfHeader(header: string): string {
  return normalizeText(header).split(/\s/)[0] ?? "";
}

/** Indicator columns by 编号; unknown and duplicate 编号 are errors, missing indicators are errors at A1. */
function indicatorColumns(table: Table, read: IndicatorsRead, issues: Issue[]): Map<Indicator, number> {
  const byCode = new Map(read.indicators.map((indicator) => [indicator.code, indicator]));
  const columns = new Map<Indicator, number>();
  for (const { column, text } of table.extras) {
    const code = codeOfHeader(text);
    const cell = cellAddress(0, column);
    const indicator = byCode.get(code);
    if (indicator === undefined) {
      if (!read.codes.has(code)) issues.push(error("scores.unknownIndicator", table.sheet, cell, MSG.unknownIndicatorColumn(code)));
      continue;
    }
    const first = columns.get(indicator);
    if (first !== undefined) {
      issues.push(error("scores.duplicateIndicator", table.sheet, cell, MSG.duplicateIndicatorColumn(code, cellAddress(0, first))));
      continue;
    }
    columns.set(indicator, column);
  }
  for (const indicator of read.indicators) {
    if (!columns.has(indicator)) issues.push(error("scores.missingIndicator", table.sheet, "A1", MSG.indicatorColumnMissing(indicator.code, indicator.level2)));
  }
  return columns;
}

/** Row 2 repeats each 分值 for the scorers' convenience; 考核指标 wins when they differ. */
function checkMaxRow(table: Table, nameColumn: number, columns: Map<Indicator, number>, issues: Issue[]): void {
  const row = table.rows[MAX_ROW];
  if (isEmptyRow(row)) return;
  const label = cellAt(table.rows, MAX_ROW, nameColumn);
  if (typeof label !== "string" || normalizeText(label) !== SCORES_MAX_ROW_LABEL) {
    issues.push(warning("scores.maxRowLabel", table.sheet, cellAddress(MAX_ROW, nameColumn), MSG.scoresMaxLabel(shownValue(label))));
    return;
  }
  for (const [indicator, column] of columns) {
    const at: At = { sheet: table.sheet, row: MAX_ROW, column, issues };
    const value = cellAt(table.rows, MAX_ROW, column);
    if (reportCellError(at, value)) continue;
    const typed = typeof value === "number" ? textToDecimal(String(value)) : typeof value === "string" ? textToDecimal(value) : null;
    if (typed !== null && !typed.eq(indicator.maxPoints)) {
      warnAt(at, "scores.maxPointsDiffers", MSG.maxPointsDiffers(indicator.code, typed.toString(), indicator.maxPoints.toString()));
    }
  }
}

/** What one applicable cell holds once read: a score, 不适用, or nothing usable (its problem already reported). */
type CellRead = D | "notApplicable" | null;

function readApplicable(at: At, value: CellValue, unit: Unit, indicator: Indicator, policy: BlankScorePolicy): CellRead {
  const read = readNumber(at, value, { notApplicable: true, hint: HINT.score, points: true });
  if (read.kind === "notApplicable") return "notApplicable";
  const max = indicator.maxPoints.toString();
  if (read.kind === "blank") {
    if (policy === "zero") {
      warnAt(at, "scores.blankAsZero", MSG.scoreBlankZero(unit.name, indicator.code));
      return ZERO;
    }
    errorAt(at, "scores.blank", MSG.scoreBlank(unit.name, indicator.code, max));
    return null;
  }
  if (read.kind === "invalid") return null;
  if (read.value.gt(indicator.maxPoints)) {
    errorAt(at, "scores.aboveMax", MSG.scoreAbove(max));
    return null;
  }
  if (read.value.isNegative() && !read.value.isZero()) {
    errorAt(at, "scores.negative", MSG.scoreNegative(max));
    return null;
  }
  return read.value;
}

/** A cell of an indicator that does not apply: blank or 不适用 is right; anything typed is not counted. */
function checkNotApplicable(at: At, value: CellValue, unit: Unit, indicator: Indicator): void {
  if (isCellError(value)) {
    reportCellError(at, value);
    return;
  }
  if (isBlank(value) || isNotApplicable(value)) return;
  warnAt(at, "scores.notApplicableFilled", MSG.scoreNotApplicable(unit.name, indicator.code));
}

/**
 * One indicator column of 评分, with the numbers already found good in it. A number typed in a score cell is either
 * a good score of this column (0 to 分值) or not, whatever its row: so each distinct number is read and checked once
 * per column, and every cell holding it shares one Decimal. Text, blanks and bad numbers take the full path, which
 * reports them at their own cell.
 */
interface ScoreColumn {
  indicator: Indicator;
  column: number;
  position: number;
  good: KnownNumbers<D>;
}

/**
 * Cells whose score comes from elsewhere (平时考核's 双月检查, see 参数 双月检查指标): unit and 编号 → the cell the
 * figure comes from; undefined for every other cell.
 */
export type FilledElsewhere = (unit: string, code: string) => string | undefined;

function readUnitRow(
  table: Table,
  row: number,
  unit: Unit,
  layout: ScoreColumns,
  columns: readonly ScoreColumn[],
  applies: readonly boolean[],
  sheetNumbers: Map<number, D>,
  policy: BlankScorePolicy,
  issues: Issue[],
  filled: FilledElsewhere | undefined,
): UnitScores {
  const scores = new UnitScores(layout, row);
  const cells = table.rows[row] ?? [];
  for (let i = 0; i < columns.length; i += 1) {
    const scoreColumn = columns[i] as ScoreColumn;
    const value = cells[scoreColumn.column] ?? null;
    const applicable = applies[i] === true;
    // The usual cells, settled here as readScoreCell would settle them: a number already found good in this column,
    // and a blank or 不适用 where the indicator does not apply.
    if (!applicable) {
      if (value === null || value === NOT_APPLICABLE) continue;
    } else if (filled === undefined && typeof value === "number") {
      const known = scoreColumn.good.get(value);
      if (known !== undefined) {
        scores.setScore(scoreColumn.position, known);
        continue;
      }
    }
    const from = issues.length;
    readScoreCell(table, row, unit, scoreColumn, applicable, value, scores, sheetNumbers, policy, issues, filled);
    // Every problem at a score cell says whose score and which indicator, beside the address.
    if (issues.length > from) {
      const { indicator } = scoreColumn;
      withContext(issues, from, scoreContext(unit, indicator), { unit: unit.name, indicator: `${indicator.code} ${indicator.level2}`.trim() });
    }
  }
  return scores;
}

/** "城关镇 · 1.1 主要负责人履职": the unit and the indicator of a score cell. */
export function scoreContext(unit: Pick<Unit, "name">, indicator: Pick<Indicator, "code" | "level2">): string {
  return `${unit.name} · ${indicator.code} ${indicator.level2}`.trim();
}

function readScoreCell(
  table: Table,
  row: number,
  unit: Unit,
  scoreColumn: ScoreColumn,
  applies: boolean,
  value: CellValue,
  scores: UnitScores,
  sheetNumbers: Map<number, D>,
  policy: BlankScorePolicy,
  issues: Issue[],
  filled: FilledElsewhere | undefined,
): void {
  const { indicator, column, position } = scoreColumn;
  if (!applies) {
    if (value !== null) checkNotApplicable({ sheet: table.sheet, row, column, issues }, value, unit, indicator);
    return;
  }
  const source = filled === undefined ? undefined : filled(unit.name, indicator.code);
  if (source !== undefined) {
    // The rule fills this score; the cell stays blank (or 不适用, which the rule respects).
    if (isNotApplicable(value)) scores.setNotApplicable(position);
    else if (!isBlank(value)) errorAt({ sheet: table.sheet, row, column, issues }, "scores.filledByChecks", DAILY_MSG.checkCellFilled(unit.name, indicator.code, source));
    return;
  }
  if (typeof value === "number") {
    const known = scoreColumn.good.get(value);
    if (known !== undefined) {
      scores.setScore(position, known);
      return;
    }
  }
  const before = issues.length;
  const read = readApplicable({ sheet: table.sheet, row, column, issues }, value, unit, indicator, policy);
  if (read === null) return;
  if (read === "notApplicable") {
    scores.setNotApplicable(position);
    return;
  }
  if (typeof value === "number" && issues.length === before) {
    // One Decimal per number across the whole sheet (see ScoreColumn), so that sums can count equal scores.
    const shared = sheetNumbers.get(value) ?? read;
    sheetNumbers.set(value, shared);
    scoreColumn.good.set(value, shared);
    scores.setScore(position, shared);
    return;
  }
  scores.setScore(position, read);
}

/** 评分 → unit name → indicator 编号 → entry, for the indicators that apply to each unit. */
export function readScores(
  grid: SheetGrid,
  units: readonly Unit[],
  unitNames: ReadonlySet<string>,
  indicators: IndicatorsRead,
  policy: BlankScorePolicy,
  issues: Issue[],
  filled?: FilledElsewhere,
): Scores {
  const scores: Scores = new Map();
  const table = readTable(grid, { layout: HEADERS.scores, required: [NAME], warnExtras: false }, issues);
  if (!hasColumns(table, [NAME])) return scores;
  const nameColumn = table.columns.get(NAME) ?? 0;
  const columns = indicatorColumns(table, indicators, issues);
  checkMaxRow(table, nameColumn, columns, issues);
  const byName = new Map(units.map((unit) => [unit.name, unit]));
  const layout = new ScoreColumns(table.sheet);
  const sheetNumbers = new Map<number, D>();
  const scoreColumns: ScoreColumn[] = [...columns].map(([indicator, column]) => ({ indicator, column, position: layout.add(indicator.code, column), good: new KnownNumbers<D>() }));
  const appliesFor = applicability(scoreColumns.map((column) => column.indicator));
  const seen = new Set<string>();
  for (const { row, name } of unitRows(table, FIRST_UNIT_ROW, nameColumn, unitNames, ROW_CODES, issues)) {
    seen.add(name);
    const unit = byName.get(name);
    if (unit !== undefined) scores.set(name, readUnitRow(table, row, unit, layout, scoreColumns, appliesFor(unit), sheetNumbers, policy, issues, filled));
  }
  for (const name of unitNames) {
    if (seen.has(name)) continue;
    // At the unit's own row of 考核对象, never at a header; a row that had its own error is not known here.
    const row = byName.get(name)?.row;
    const missing = row === undefined ? error("scores.unitMissing", table.sheet, "A1", MSG.unitWithoutScores(name)) : error("scores.unitMissing", SHEET.units, `B${row}`, MSG.unitWithoutScores(name));
    issues.push({ ...missing, unit: name });
  }
  return scores;
}
