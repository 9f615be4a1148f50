import type { SheetOut } from "../format";
import { HEADERS, SHEET } from "../layout";
import { inputSheetFormat, styledRows } from "./sheetFormat";
import type { TemplateSatisfaction, TypedValue } from "./templateData";
import { fitColumnWidths } from "./textWidth";

/** 满意度: one row per surveyed unit, either 满意度(%) or the four ballot counts. */
export function satisfactionSheet(entries: readonly TemplateSatisfaction[]): SheetOut {
  return satisfactionRowsSheet(entries.map(satisfactionRow));
}

/** 满意度 from its rows below the header, each a value per column of HEADERS.satisfaction (单位名称 first). */
export function satisfactionRowsSheet(dataRows: readonly (readonly TypedValue[])[]): SheetOut {
  const rows = [[...HEADERS.satisfaction], ...dataRows.map((row) => [...row])];
  return {
    name: SHEET.satisfaction,
    rows,
    format: inputSheetFormat({
      columnWidths: fitColumnWidths(rows, [26, 12, 8, 10, 8, 8], 40),
      headerColumns: HEADERS.satisfaction.length,
      frozenColumns: 1,
      styles: [{ range: `B2:F${styledRows(rows)}`, horizontal: "center" }],
    }),
  };
}

function satisfactionRow(entry: TemplateSatisfaction): (string | number | null)[] {
  if ("percent" in entry) return [entry.unit, entry.percent];
  return [entry.unit, null, entry.satisfied, entry.basic, entry.unsatisfied, entry.unknown];
}
