import type { PrintSetup, SheetFormat } from "../../lib/format";
import { repeatColumnsAddress, repeatRowsAddress } from "../../lib/output/print";
import { small, type Operation } from "./batches";
import { PAGE_LAYOUT_SET, type Supports } from "./supports";

const POINTS_PER_INCH = 72;

/**
 * Row heights (of the sheet's `rowCount` rows) and the page setup of one output sheet, as lib describes them
 * (SheetFormat.defaultRowHeight, .rowHeights, .print); `replacing` when the sheet holds an earlier run's output.
 * Heights are ExcelApi 1.1; the page setup needs ExcelApi 1.9 and is left out where Excel lacks it (the sheet then
 * prints with Excel's defaults; the figures are the same).
 */
export function pageLayoutOperations(sheet: Excel.Worksheet, format: SheetFormat, rowCount: number, supports: Supports, replacing = false): Operation[] {
  const operations: Operation[] = [];
  const defaultHeight = format.defaultRowHeight;
  if (defaultHeight !== undefined && rowCount > 0) operations.push(small(() => (sheet.getRange(`1:${rowCount}`).format.rowHeight = defaultHeight)));
  for (const { row, height } of format.rowHeights ?? []) operations.push(small(() => (sheet.getRange(`${row + 1}:${row + 1}`).format.rowHeight = height)));
  const print = format.print;
  if (print !== undefined && supports(PAGE_LAYOUT_SET)) {
    // An output sheet kept from the last run keeps its page setup; its old breaks go, the rows have moved.
    if (replacing) operations.push(small(() => sheet.horizontalPageBreaks.removePageBreaks()));
    operations.push(small(() => queuePrint(sheet, print), 16));
    // A break is added before the top-left cell of the range: the row that begins the new page.
    for (const row of print.rowBreaks) if (row > 0) operations.push(small(() => sheet.horizontalPageBreaks.add(`A${row + 1}`)));
  }
  return operations;
}

function queuePrint(sheet: Excel.Worksheet, print: PrintSetup): void {
  const layout = sheet.pageLayout;
  layout.paperSize = "A4" as Excel.PaperType;
  layout.orientation = print.orientation === "landscape" ? ("Landscape" as Excel.PageOrientation) : ("Portrait" as Excel.PageOrientation);
  // Without verticalFitToPages Excel prints as many pages down as the rows need (fitToHeight 0 in the file).
  layout.zoom = print.fit.height > 0 ? { horizontalFitToPages: print.fit.width, verticalFitToPages: print.fit.height } : { horizontalFitToPages: print.fit.width };
  layout.leftMargin = print.margins.left * POINTS_PER_INCH;
  layout.rightMargin = print.margins.right * POINTS_PER_INCH;
  layout.topMargin = print.margins.top * POINTS_PER_INCH;
  layout.bottomMargin = print.margins.bottom * POINTS_PER_INCH;
  layout.headerMargin = print.margins.header * POINTS_PER_INCH;
  layout.footerMargin = print.margins.footer * POINTS_PER_INCH;
  layout.centerHorizontally = print.centerHorizontally;
  layout.printGridlines = print.gridLines;
  layout.headersFooters.defaultForAllPages.centerHeader = print.header;
  layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
  const rows = repeatRowsAddress(print);
  if (rows !== null) layout.setPrintTitleRows(rows);
  const columns = repeatColumnsAddress(print);
  if (columns !== null) layout.setPrintTitleColumns(columns);
}
