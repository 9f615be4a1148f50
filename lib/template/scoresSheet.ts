import { appliesTo } from "../applies";
import { NOT_APPLICABLE_FILL, type RangeStyle, type SheetOut } from "../format";
import { cellAddress, columnName } from "../grid";
import { HEADERS, NOT_APPLICABLE, SCORES_MAX_ROW_LABEL, SHEET } from "../layout";
import type { DefaultIndicator } from "./indicators";
import { inputSheetFormat } from "./sheetFormat";
import type { TemplateUnit, TypedValue } from "./templateData";

const FIRST_INDICATOR_COLUMN = HEADERS.scores.length;

/** The header of an indicator's 评分 column: its 编号, a space, its 二级指标. */
export function scoreColumnHeader(indicator: Pick<DefaultIndicator, "code" | "level2">): string {
  return `${indicator.code} ${indicator.level2}`;
}

/**
 * 评分: indicator headers in row 1, 分值 in row 2, one row per unit from row 3.
 * Cells of indicators that do not apply to the unit's 类别 are pre-filled 不适用 and shaded;
 * `typed` holds what the user wrote into the other cells (empty for the blank template).
 */
export function scoresSheet(
  indicators: readonly DefaultIndicator[],
  units: readonly TemplateUnit[],
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
    }),
  };
}

// One shaded range per run of adjacent not-applicable cells in a unit's row: a handful of ranges per row, not one per cell.
function notApplicableStyles(indicators: readonly DefaultIndicator[], units: readonly TemplateUnit[]): RangeStyle[] {
  const styles: RangeStyle[] = [];
  units.forEach((unit, unitIndex) => {
    const row = unitIndex + 2;
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
