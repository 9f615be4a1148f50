import { HEADER_FILL, INPUT_TAB, type DecimalValidation, type ListValidation, type RangeStyle, type SheetFormat } from "../format";
import { columnName } from "../grid";

/** Row 1 of an input sheet: bold on the header fill, centred and wrapped. */
export function headerStyle(columnCount: number): RangeStyle {
  return { range: `A1:${columnName(Math.max(columnCount, 1) - 1)}1`, fill: HEADER_FILL, bold: true, wrap: true, horizontal: "center" };
}

/** The format every input sheet shares: header row styled and frozen, the input tab colour. */
export function inputSheetFormat(parts: {
  columnWidths: number[];
  headerColumns: number;
  frozenColumns?: number;
  frozenRows?: number;
  styles?: RangeStyle[];
  validations?: ListValidation[];
  decimalValidations?: DecimalValidation[];
}): SheetFormat {
  return {
    ...(parts.decimalValidations === undefined ? {} : { decimalValidations: parts.decimalValidations }),
    columnWidths: parts.columnWidths,
    frozenRows: parts.frozenRows ?? 1,
    frozenColumns: parts.frozenColumns ?? 0,
    styles: [headerStyle(parts.headerColumns), ...(parts.styles ?? [])],
    validations: parts.validations ?? [],
    tabColor: INPUT_TAB,
  };
}

/** A1 range of one column from `firstRow` to `lastRow` (1-based): column 2, rows 2–500 → "C2:C500". */
export function columnRange(column: number, firstRow: number, lastRow: number): string {
  const letter = columnName(column);
  return `${letter}${firstRow}:${letter}${lastRow}`;
}

/** Rows that drop-downs cover below the header, so that users can add data rows with the same choices. */
export const DATA_ROWS_TO = 500;

/**
 * Last row that cosmetic styles (alignment, wrap) cover: the rows written, at least row 2.
 * Hosts style cell by cell, so styling 500 empty rows would only bloat the file.
 */
export function styledRows(rows: readonly unknown[]): number {
  return Math.max(rows.length, 2);
}
