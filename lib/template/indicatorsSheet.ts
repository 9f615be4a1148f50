import { describeCategories } from "../applies";
import type { SheetOut } from "../format";
import { HEADERS, SHEET } from "../layout";
import type { Indicator } from "../model";
import type { DefaultIndicator } from "./indicators";
import { columnRange, DATA_ROWS_TO, inputSheetFormat, styledRows } from "./sheetFormat";

/**
 * An indicator read from a sheet or a 工作安排, as a row for the template's 考核指标. 分值 becomes a JS number only here,
 * at the file boundary: it came from a cell's own number (or whole and half points of a plan), so it is exact.
 */
export function templateIndicator(indicator: Omit<Indicator, "row">): DefaultIndicator {
  return {
    code: indicator.code,
    level1: indicator.level1,
    level2: indicator.level2,
    content: indicator.content,
    maxPoints: indicator.maxPoints.toNumber(),
    method: indicator.method,
    assessor: indicator.assessor,
    categories: indicator.categories,
  };
}

/** 考核指标: the default indicators; 编号 is text down to row 500 ("1.10" typed later must not become 1.1), 考核内容 wraps. */
export function indicatorsSheet(indicators: readonly DefaultIndicator[]): SheetOut {
  const rows = [
    [...HEADERS.indicators],
    ...indicators.map((indicator) => [
      indicator.code,
      indicator.level1,
      indicator.level2,
      indicator.content,
      indicator.maxPoints,
      indicator.method,
      indicator.assessor,
      describeCategories(indicator.categories),
    ]),
  ];
  const lastRow = Math.max(DATA_ROWS_TO, rows.length);
  return {
    name: SHEET.indicators,
    rows,
    format: inputSheetFormat({
      columnWidths: [8, 22, 26, 70, 7, 10, 22, 22],
      headerColumns: HEADERS.indicators.length,
      frozenColumns: 1,
      styles: [
        { range: columnRange(0, 2, lastRow), numberFormat: "@", horizontal: "left" },
        { range: `B2:D${styledRows(rows)}`, wrap: true },
        { range: columnRange(4, 2, styledRows(rows)), horizontal: "center" },
        { range: `F2:H${styledRows(rows)}`, wrap: true },
      ],
    }),
  };
}
