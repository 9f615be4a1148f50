import type { SheetOut } from "../format";
import { HEADERS, SHEET } from "../layout";
import { DATA_ROWS_TO, inputSheetFormat } from "./sheetFormat";
import type { TemplateSatisfaction } from "./templateData";
import { fitColumnWidths } from "./textWidth";

/** 满意度: one row per surveyed unit, either 满意度(%) or the four ballot counts. */
export function satisfactionSheet(entries: readonly TemplateSatisfaction[]): SheetOut {
  const rows = [[...HEADERS.satisfaction], ...entries.map(satisfactionRow)];
  const lastRow = Math.max(DATA_ROWS_TO, rows.length);
  return {
    name: SHEET.satisfaction,
    rows,
    format: inputSheetFormat({
      columnWidths: fitColumnWidths(rows, 10, 30),
      headerColumns: HEADERS.satisfaction.length,
      frozenColumns: 1,
      styles: [{ range: `B2:F${lastRow}`, numberFormat: "General", horizontal: "center" }],
    }),
  };
}

function satisfactionRow(entry: TemplateSatisfaction): (string | number | null)[] {
  if ("percent" in entry) return [entry.unit, entry.percent];
  return [entry.unit, null, entry.satisfied, entry.basic, entry.unsatisfied, entry.unknown];
}
