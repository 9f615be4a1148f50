import type { ChartSpec, ListValidation, RangeStyle, SheetFormat } from "../../lib/format";
import { columnName } from "../../lib/grid";
import { blockAddress, rangeOrigin, rangeSize } from "./address";
import { gridBytes, OPERATION_BYTES, splitRows } from "./budget";
import { small, type Operation } from "./batches";
import { pageLayoutOperations } from "./pageLayout";
import { CHART_SET, FREEZE_AND_TAB_SET, VALIDATION_SET, type Supports } from "./supports";

/** Points per character of column width: Excel's default font is about 7 px (5.25 pt) a character, plus padding. */
const POINTS_PER_CHARACTER = 6;

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;

/** A style's operations: fills and fonts once for the range; number formats (a full grid of the range's size) in row blocks under the budget. */
function styleOperations(sheet: Excel.Worksheet, style: RangeStyle): Operation[] {
  const operations: Operation[] = [
    {
      bytes: OPERATION_BYTES * 4,
      queue: () => {
        const range = sheet.getRange(style.range);
        if (style.fill !== undefined) range.format.fill.color = style.fill;
        if (style.fontColor !== undefined) range.format.font.color = style.fontColor;
        if (style.bold !== undefined) range.format.font.bold = style.bold;
        if (style.wrap !== undefined) range.format.wrapText = style.wrap;
        if (style.horizontal !== undefined) range.format.horizontalAlignment = HORIZONTAL[style.horizontal];
      },
    },
  ];
  const numberFormat = style.numberFormat;
  if (numberFormat === undefined) return operations;
  const size = rangeSize(style.range);
  if (size.rows === null) {
    operations.push(small(() => (sheet.getRange(style.range).numberFormat = numberFormat as unknown as string[][])));
    return operations;
  }
  const origin = rangeOrigin(style.range);
  const grid = Array.from({ length: size.rows }, () => new Array<string>(size.columns).fill(numberFormat));
  for (const block of splitRows(grid)) {
    operations.push({
      bytes: OPERATION_BYTES + gridBytes(block.rows),
      queue: () => {
        sheet.getRange(blockAddress(origin.row + block.start, origin.column, block.rows.length, size.columns)).numberFormat = block.rows;
      },
    });
  }
  return operations;
}

function validationOperation(sheet: Excel.Worksheet, validation: ListValidation): Operation {
  return {
    bytes: OPERATION_BYTES * 3 + gridBytes([[...validation.list, validation.prompt]]),
    queue: () => {
      const range = sheet.getRange(validation.range);
      range.dataValidation.ignoreBlanks = true;
      range.dataValidation.rule = { list: { inCellDropDown: true, source: validation.list.join(",") } };
      range.dataValidation.errorAlert = { showAlert: true, style: validation.strict === false ? "Warning" : "Stop", title: "输入有误", message: validation.prompt };
    },
  };
}

/**
 * The operations that dress a sheet as lib/ says. Column widths, number formats, fills and fonts are ExcelApi 1.1–1.2;
 * freeze panes and tab colour (1.7) and drop-down lists (1.8) only where supported — the workbook is correct without them.
 */
export function formatOperations(sheet: Excel.Worksheet, format: SheetFormat, supports: Supports, rowCount = 0): Operation[] {
  const operations: Operation[] = [];
  format.columnWidths.forEach((width, index) => {
    const column = columnName(index);
    operations.push(small(() => (sheet.getRange(`${column}:${column}`).format.columnWidth = width * POINTS_PER_CHARACTER)));
  });
  for (const style of format.styles) operations.push(...styleOperations(sheet, style));
  if (supports(FREEZE_AND_TAB_SET)) {
    if (format.frozenRows > 0 || format.frozenColumns > 0) {
      operations.push(small(() => freeze(sheet, format)));
    }
    if (format.tabColor !== undefined) {
      const color = format.tabColor;
      operations.push(small(() => (sheet.tabColor = color)));
    }
  }
  if (supports(VALIDATION_SET)) {
    for (const validation of format.validations) operations.push(validationOperation(sheet, validation));
  }
  // Series x-axis values need ExcelApi 1.7; without them the chart's axis would read 1, 2 … instead of the groups.
  if (format.chart !== undefined && supports(CHART_SET)) {
    const chart = format.chart;
    operations.push({ bytes: OPERATION_BYTES * (4 + rangeSize(chart.values).columns), queue: () => addChart(sheet, chart) });
  }
  operations.push(...pageLayoutOperations(sheet, format, rowCount, supports));
  return operations;
}

/** A clustered column chart over the spec's ranges, one series per column, placed at its anchor. */
function addChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const chart = sheet.charts.add("ColumnClustered", sheet.getRange(spec.values), "Columns");
  chart.title.text = spec.title;
  const categories = sheet.getRange(spec.categories);
  const seriesCount = rangeSize(spec.values).columns;
  for (let index = 0; index < seriesCount; index += 1) chart.series.getItemAt(index).setXAxisValues(categories);
  chart.setPosition(spec.anchor);
}

/** Rows only or columns only have their own calls; both at once is freezeAt with the top-left pane (rows 1..n, columns A..m). */
function freeze(sheet: Excel.Worksheet, format: SheetFormat): void {
  if (format.frozenColumns === 0) sheet.freezePanes.freezeRows(format.frozenRows);
  else if (format.frozenRows === 0) sheet.freezePanes.freezeColumns(format.frozenColumns);
  else sheet.freezePanes.freezeAt(`A1:${columnName(format.frozenColumns - 1)}${format.frozenRows}`);
}
