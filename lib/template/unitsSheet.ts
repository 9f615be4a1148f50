import type { SheetOut } from "../format";
import { CATEGORIES, HEADERS, RANK_GROUPS, SHEET } from "../layout";
import { GRADES } from "../model";
import { PROMPTS } from "./messages";
import { columnRange, DATA_ROWS_TO, inputSheetFormat, styledRows } from "./sheetFormat";
import type { TemplateUnit } from "./templateData";
import { fitColumnWidths } from "./textWidth";

/** 考核对象: one row per unit (none in the empty template), drop-downs for 类别, 排名分组 and 上年等次. */
export function unitsSheet(units: readonly TemplateUnit[]): SheetOut {
  return unitsRowsSheet([
    [...HEADERS.units],
    ...units.map((unit, index) => [index + 1, unit.name, unit.category, unit.rankGroup, unit.lastRank, unit.lastGrade]),
  ]);
}

/**
 * 考核对象 from rows as they stand (header first, in the template's column order), dressed as the template dresses it:
 * 从上年结果导入 writes the user's own rows back with 上年名次 and 上年等次 filled.
 */
export function unitsRowsSheet(rows: SheetOut["rows"]): SheetOut {
  const lastRow = Math.max(DATA_ROWS_TO, rows.length);
  return {
    name: SHEET.units,
    rows,
    format: inputSheetFormat({
      columnWidths: fitColumnWidths(rows, [6, 26, 12, 12, 10, 10], 40),
      headerColumns: HEADERS.units.length,
      styles: [
        { range: columnRange(0, 2, styledRows(rows)), horizontal: "center" },
        { range: columnRange(4, 2, styledRows(rows)), horizontal: "center" },
      ],
      validations: [
        { range: columnRange(2, 2, lastRow), list: CATEGORIES.map((category) => category.name), prompt: PROMPTS.category, strict: false },
        { range: columnRange(3, 2, lastRow), list: RANK_GROUPS, prompt: PROMPTS.rankGroup, strict: false },
        { range: columnRange(5, 2, lastRow), list: GRADES, prompt: PROMPTS.lastGrade },
      ],
    }),
  };
}
