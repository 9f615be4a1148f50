import { appliesTo } from "../applies";
import { NOT_APPLICABLE_FILL, type DecimalValidation, type RangeStyle, type SheetOut } from "../format";
import { cellAddress, columnName } from "../grid";
import { HEADERS, NOT_APPLICABLE, SCORES_MAX_ROW_LABEL, SHEET } from "../layout";
import type { Indicator, Unit } from "../model";
import { scorePrompt } from "./messages";
import { DATA_ROWS_TO, inputSheetFormat } from "./sheetFormat";
import type { TemplateUnit, TypedValue } from "./templateData";

/** What a 评分 column needs of an indicator (a DefaultIndicator, or one read from 考核指标 with 分值 as a number). */
export interface ScoreIndicator {
  code: string;
  level2: string;
  /** 分值: a whole or half number, exact as a double. */
  maxPoints: number;
  categories: Indicator["categories"];
}

/** What a 评分 row needs of a unit (a unit of 考核对象 as read, or a TemplateUnit). */
export type ScoreUnit = Pick<Unit, "name" | "category"> | TemplateUnit;

/** The 0-based row of 评分 where units start (row 3): row 1 holds the headers, row 2 the 分值. */
export const FIRST_SCORE_ROW = 2;

const FIRST_INDICATOR_COLUMN = HEADERS.scores.length;

/** The header of an indicator's 评分 column: its 编号, a space, its 二级指标. */
export function scoreColumnHeader(indicator: Pick<ScoreIndicator, "code" | "level2">): string {
  return `${indicator.code} ${indicator.level2}`;
}

/**
 * 评分: indicator headers "编号 二级指标" in row 1, 分值 in row 2, one row per unit from row 3, in the order given.
 * Cells of indicators that do not apply to the unit (appliesTo: its 类别 or its name not in 适用类别) are pre-filled
 * 不适用 and shaded grey; every indicator column checks for a decimal from 0 to its 分值 (a warning in Excel, so that
 * 不适用 can still be typed); `typed` (unit name → 编号 → value) fills the other cells, and is empty for the blank
 * template. A value typed for a cell that does not apply is not written: the caller decides what to do with it.
 * The one rule of 评分's rows and columns, for the template, 生成评分表 and per-assessor score forms alike.
 */
export function scoresSheet(
  indicators: readonly ScoreIndicator[],
  units: readonly ScoreUnit[],
  typed: ReadonlyMap<string, ReadonlyMap<string, TypedValue>>,
): SheetOut {
  const header = [...HEADERS.scores, ...indicators.map(scoreColumnHeader)];
  const maxRow = [SCORES_MAX_ROW_LABEL, "", ...indicators.map((indicator) => indicator.maxPoints)];
  const unitRows = units.map((unit) => [
    unit.name,
    unit.category,
    ...indicators.map((indicator) =>
      appliesTo(indicator, unit) ? (typed.get(unit.name)?.get(indicator.code) ?? null) : NOT_APPLICABLE,
    ),
  ]);
  const rows = [header, maxRow, ...unitRows];
  const lastColumn = columnName(header.length - 1);
  const lastRow = Math.max(rows.length, 3);
  return {
    name: SHEET.scores,
    rows,
    format: inputSheetFormat({
      columnWidths: [26, 14, ...indicators.map(() => 14)],
      headerColumns: header.length,
      frozenRows: 2,
      frozenColumns: 2,
      styles: [
        { range: `A2:${lastColumn}2`, bold: true, horizontal: "center" },
        { range: `C3:${lastColumn}${lastRow}`, numberFormat: "General", horizontal: "center" },
        ...notApplicableStyles(indicators, units),
      ],
      decimalValidations: scoreValidations(indicators, Math.max(lastRow, DATA_ROWS_TO)),
    }),
  };
}

/** One number check per indicator column, rows 3 to `lastRow` (1-based): 0 to the indicator's 分值. */
function scoreValidations(indicators: readonly ScoreIndicator[], lastRow: number): DecimalValidation[] {
  return indicators.map((indicator, index) => {
    const column = columnName(FIRST_INDICATOR_COLUMN + index);
    return { range: `${column}${FIRST_SCORE_ROW + 1}:${column}${lastRow}`, min: 0, max: indicator.maxPoints, prompt: scorePrompt(indicator.maxPoints) };
  });
}

// One shaded range per run of adjacent not-applicable cells in a unit's row: a handful of ranges per row, not one per cell.
function notApplicableStyles(indicators: readonly ScoreIndicator[], units: readonly ScoreUnit[]): RangeStyle[] {
  const styles: RangeStyle[] = [];
  units.forEach((unit, unitIndex) => {
    const row = unitIndex + FIRST_SCORE_ROW;
    let runStart: number | null = null;
    indicators.forEach((indicator, index) => {
      const column = FIRST_INDICATOR_COLUMN + index;
      const inRun = !appliesTo(indicator, unit);
      if (inRun && runStart === null) runStart = column;
      const runEnds = runStart !== null && (!inRun || index === indicators.length - 1);
      if (runEnds && runStart !== null) {
        const end = inRun ? column : column - 1;
        styles.push({ range: rangeOf(row, runStart, end), fill: NOT_APPLICABLE_FILL });
        runStart = null;
      }
    });
  });
  return styles;
}

function rangeOf(row: number, first: number, last: number): string {
  const start = cellAddress(row, first);
  return first === last ? start : `${start}:${cellAddress(row, last)}`;
}
