import type { ChartSpec, ListValidation, RangeStyle, SheetFormat } from "../../lib/format";
import { columnName } from "../../lib/grid";
import { blockAddress, rangeOrigin, rangeSize } from "./address";
import { gridBytes, OPERATION_BYTES, splitRows } from "./budget";
import { small, type Operation } from "./batches";
import { CHART_SET, FREEZE_AND_TAB_SET, VALIDATION_SET, type Supports } from "./supports";

/** Points per character of column width: Excel's default font is about 7 px (5.25 pt) a character, plus padding. */
const POINTS_PER_CHARACTER = 6;

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;

/** A style's operations: fills and fonts once for the range; number formats (a full grid of the range's size) in row blocks under the budget. */
function styleOperations(sheet: Excel.Worksheet, style: RangeStyle): Operation[] {
  // One object path for the range, and one action (with its own path: format, fill, font) per property set.
  const set = [style.fill, style.fontColor, style.bold, style.wrap, style.horizontal].filter((value) => value !== undefined).length;
  const operations: Operation[] = [
    {
      bytes: OPERATION_BYTES * (1 + set),
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
 * The operations that dress a sheet as lib/ says: its content formats, then its decorations.
 */
export function formatOperations(sheet: Excel.Worksheet, format: SheetFormat, supports: Supports): Operation[] {
  return [...contentFormatOperations(sheet, format), ...decorationOperations(sheet, format, supports)];
}

/**
 * Column widths, number formats, fills and fonts (ExcelApi 1.1–1.2): part of the content, written with the values.
 * Range.copyFrom carries all but the column widths (`columnWidthOperations` sets those on the sheet copied into).
 */
export function contentFormatOperations(sheet: Excel.Worksheet, format: SheetFormat): Operation[] {
  const operations = columnWidthOperations(sheet, format);
  for (const style of format.styles) operations.push(...styleOperations(sheet, style));
  return operations;
}

export function columnWidthOperations(sheet: Excel.Worksheet, format: SheetFormat): Operation[] {
  return format.columnWidths.map((width, index) => {
    const column = columnName(index);
    return small(() => (sheet.getRange(`${column}:${column}`).format.columnWidth = width * POINTS_PER_CHARACTER));
  });
}

/**
 * Freeze panes and tab colour (ExcelApi 1.7), drop-down lists (1.8) and the chart (1.7), each only where supported:
 * the workbook is correct without them, so the outputs' decorations go in a sync of their own after the outputs are
 * in place, and their failure is a 提示.
 */
export function decorationOperations(sheet: Excel.Worksheet, format: SheetFormat, supports: Supports): Operation[] {
  const operations: Operation[] = [];
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
  if (format.chart !== undefined && supports(CHART_SET)) {
    const chart = format.chart;
    operations.push({ bytes: OPERATION_BYTES * 6, queue: () => addChart(sheet, chart) });
  }
  return operations;
}

/** The start of our chart's name: the next 计算等次 finds ours by it (a user's own charts are left alone). */
export const CHART_NAME = "kaohe等次分布";

/**
 * Our chart's full name says which cells it draws: while the next 计算等次 draws the same cells (the same number of
 * 排名分组), the chart already on 汇总 shows the new figures by itself and is kept; otherwise it is replaced.
 */
export function chartName(spec: ChartSpec): string {
  return `${CHART_NAME} ${spec.values} ${spec.categories} ${spec.anchor}`;
}

/**
 * A clustered column chart over the spec's ranges, one series per column, placed at its anchor. The groups label the
 * category axis through Axis.setCategoryNames (ExcelApi 1.7), the call meant for category axes; a series' x-axis
 * values are documented for scatter charts.
 */
function addChart(sheet: Excel.Worksheet, spec: ChartSpec): void {
  const chart = sheet.charts.add("ColumnClustered", sheet.getRange(spec.values), "Columns");
  chart.name = chartName(spec);
  chart.title.text = spec.title;
  chart.axes.categoryAxis.setCategoryNames(sheet.getRange(spec.categories));
  chart.setPosition(spec.anchor);
}

/** Rows only or columns only have their own calls; both at once is freezeAt with the top-left pane (rows 1..n, columns A..m). */
function freeze(sheet: Excel.Worksheet, format: SheetFormat): void {
  if (format.frozenColumns === 0) sheet.freezePanes.freezeRows(format.frozenRows);
  else if (format.frozenRows === 0) sheet.freezePanes.freezeColumns(format.frozenColumns);
  else sheet.freezePanes.freezeAt(`A1:${columnName(format.frozenColumns - 1)}${format.frozenRows}`);
}
