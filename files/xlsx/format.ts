import type { DecimalValidation, ListValidation, PrintSetup, RangeStyle, SheetFormat, SheetOut } from "../../lib/format";
import { repeatColumnsAddress, repeatRowsAddress } from "../../lib/output/print";
import { boxAddress, parseRange, type CellBox } from "./range";
import type { Cell, Worksheet } from "./library";
import { VALIDATION_ERROR_TITLE } from "./messages";

/**
 * Fills a new worksheet with a SheetOut: values, then its format. Used for the template and for the output sheets alike.
 * Strings are always plain string values: ExcelJS stores them as shared strings, never as formulas,
 * so "=1+1", "+86" or "@SUM(A1)" stay the text the library wrote.
 */
export function fillSheet(sheet: Worksheet, out: SheetOut): void {
  writeValues(sheet, out.rows);
  applyFormat(sheet, out.format, out.rows.length);
  shareStyles(sheet);
}

/**
 * Gives cells with equal styles one shared style object. ExcelJS gives every new cell its own style object and, when
 * saving, turns each object it has not seen into XML to find its style id: for the 计算说明 of 10,000 units that is
 * 600,000 XML renderings. Shared objects are looked up by identity instead. Run last: a later `cell.numFmt = …` would
 * change every cell sharing the object.
 */
function shareStyles(sheet: Worksheet): void {
  const shared = new Map<string, Cell["style"]>();
  sheet.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const key = JSON.stringify(cell.style);
      const style = shared.get(key);
      if (style === undefined) shared.set(key, cell.style);
      else cell.style = style;
    });
  });
}

function writeValues(sheet: Worksheet, rows: SheetOut["rows"]): void {
  rows.forEach((values, rowIndex) => {
    values.forEach((value, columnIndex) => {
      // An empty text is written as a blank: in Excel a cell holding "" looks empty but counts as filled (COUNTA).
      if (value === null || value === "") return;
      sheet.getCell(rowIndex + 1, columnIndex + 1).value = value;
    });
  });
}

/** Widths, frozen panes, tab colour, range styles and drop-down lists. */
export function applyFormat(sheet: Worksheet, format: SheetFormat, rowCount: number): void {
  format.columnWidths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  if (format.frozenRows > 0 || format.frozenColumns > 0) {
    sheet.views = [{ state: "frozen", xSplit: format.frozenColumns, ySplit: format.frozenRows }];
  }
  if (format.tabColor !== undefined) sheet.properties.tabColor = { argb: argb(format.tabColor) };
  for (const style of format.styles) applyStyle(sheet, style, rowCount);
  for (const validation of format.validations) addListValidation(sheet, validation, rowCount);
  for (const validation of format.decimalValidations ?? []) addDecimalValidation(sheet, validation, rowCount);
  // Every row of the sheet its height: ExcelJS writes no customHeight for a default row height, and LibreOffice would
  // then keep its own (too low for Chinese text).
  if (format.defaultRowHeight !== undefined) {
    for (let row = 1; row <= rowCount; row += 1) sheet.getRow(row).height = format.defaultRowHeight;
  }
  for (const { row, height } of format.rowHeights ?? []) sheet.getRow(row + 1).height = height;
  if (format.print !== undefined) applyPrint(sheet, format.print);
}

/** Page setup on A4 as lib describes it (the graft writer writes the same in printXml.ts). */
function applyPrint(sheet: Worksheet, print: PrintSetup): void {
  const rows = repeatRowsAddress(print);
  const columns = repeatColumnsAddress(print);
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: print.orientation,
    fitToPage: true,
    fitToWidth: print.fit.width,
    fitToHeight: print.fit.height,
    margins: { ...print.margins },
    horizontalCentered: print.centerHorizontally,
    showGridLines: print.gridLines,
    ...(rows === null ? {} : { printTitlesRow: rows.replace(/\$/g, "") }),
    ...(columns === null ? {} : { printTitlesColumn: columns.replace(/\$/g, "") }),
  };
  sheet.headerFooter = {
    ...sheet.headerFooter,
    ...(print.header === "" ? {} : { oddHeader: `&C${print.header}` }),
    ...(print.footer === "" ? {} : { oddFooter: `&C${print.footer}` }),
  };
  // ExcelJS breaks after the row it is given: the last row of the page before.
  for (const row of print.rowBreaks) if (row > 0) sheet.getRow(row).addPageBreak();
}

function applyStyle(sheet: Worksheet, style: RangeStyle, rowCount: number): void {
  forEachCell(sheet, parseRange(style.range, rowCount), (cell) => {
    if (style.numberFormat !== undefined) cell.numFmt = style.numberFormat;
    if (style.fill !== undefined) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: argb(style.fill) } };
    if (style.bold !== undefined || style.fontColor !== undefined) {
      // A new object each time: ExcelJS may share one style object between cells.
      cell.font = {
        ...cell.font,
        ...(style.bold !== undefined ? { bold: style.bold } : {}),
        ...(style.fontColor !== undefined ? { color: { argb: argb(style.fontColor) } } : {}),
      };
    }
    if (style.wrap !== undefined || style.horizontal !== undefined) {
      cell.alignment = {
        ...cell.alignment,
        ...(style.wrap !== undefined ? { wrapText: style.wrap } : {}),
        ...(style.horizontal !== undefined ? { horizontal: style.horizontal } : {}),
        vertical: "middle",
      };
    }
  });
}

function forEachCell(sheet: Worksheet, box: CellBox, visit: (cell: Cell) => void): void {
  for (let row = box.top; row <= box.bottom; row += 1) {
    for (let column = box.left; column <= box.right; column += 1) visit(sheet.getCell(row, column));
  }
}

/**
 * A drop-down list, kept inline in the file as one quoted formula ("乡镇,党委机关,…"). Excel refuses a file
 * whose inline list is over 255 characters, and a comma inside an item would split it; such a list is left out:
 * the drop-down is a convenience, the reader checks every value anyway.
 */
function addListValidation(sheet: Worksheet, validation: ListValidation, rowCount: number): void {
  const formula = inlineList(validation.list);
  if (formula === null) return;
  const address = boxAddress(parseRange(validation.range, rowCount));
  const dataValidations = (sheet as unknown as { dataValidations: { add(address: string, rule: object): void } }).dataValidations;
  dataValidations.add(address, {
    type: "list",
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: true,
    errorStyle: validation.strict === false ? "warning" : "stop",
    errorTitle: VALIDATION_ERROR_TITLE,
    error: validation.prompt,
  });
}

/** A decimal range (0 to 分值), as a warning: 不适用 typed in a score cell goes through after Excel asks. */
function addDecimalValidation(sheet: Worksheet, validation: DecimalValidation, rowCount: number): void {
  const address = boxAddress(parseRange(validation.range, rowCount));
  const dataValidations = (sheet as unknown as { dataValidations: { add(address: string, rule: object): void } }).dataValidations;
  dataValidations.add(address, {
    type: "decimal",
    operator: "between",
    allowBlank: true,
    formulae: [validation.min, validation.max],
    showErrorMessage: true,
    errorStyle: "warning",
    errorTitle: VALIDATION_ERROR_TITLE,
    error: validation.prompt,
  });
}

/** Excel's longest inline list, in characters between the quotes. */
const INLINE_LIST_LIMIT = 255;

/** The quoted list formula, or null when Excel could not hold it inline. */
export function inlineList(items: readonly string[]): string | null {
  if (items.length === 0 || items.some((item) => item.includes(",") || item.includes('"'))) return null;
  const joined = items.join(",");
  return joined.length > INLINE_LIST_LIMIT ? null : `"${joined}"`;
}

/** "#RRGGBB" → ExcelJS "FFRRGGBB" (opaque). */
function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}
