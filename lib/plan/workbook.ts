import { sameSheetName, type SheetGrid, type WorkbookGrids } from "../grid";
import { HEADERS, SHEET } from "../layout";
import { cellText, isBlank } from "../reader/cells";
import { dataRowIndexes, hasColumns, readTable, valueIn } from "../reader/sheets";

const NAME = HEADERS.units[1];
const CATEGORY = HEADERS.units[2];

/** A unit as parseWorkPlan wants it, to report named 责任单位 that are not among the 考核对象. */
export interface PlanUnit {
  name: string;
  category: string;
}

function sheetOf(book: WorkbookGrids, name: string): SheetGrid | undefined {
  return book.sheets.find((sheet) => sameSheetName(sheet.name, name));
}

/**
 * 考核对象's 单位名称 and 类别, found by their headers in row 1 and cleaned exactly as the reader (lib/reader/units.ts)
 * cleans them: headers matched after NFKC and trimming, names and 类别 through cellText (control characters out,
 * spaces of every kind trimmed, a number as its decimal). Undefined when the sheet or the 单位名称 column is missing.
 */
export function planUnits(book: WorkbookGrids): PlanUnit[] | undefined {
  const sheet = sheetOf(book, SHEET.units);
  if (sheet === undefined || sheet.rows.length === 0) return undefined;
  const table = readTable(sheet, { layout: HEADERS.units, required: [NAME], warnExtras: false }, []);
  if (!hasColumns(table, [NAME])) return undefined;
  return dataRowIndexes(table.rows, 1).flatMap((row) => {
    const name = cellText(valueIn(table, row, NAME));
    if (name === null) return [];
    return [{ name, category: cellText(valueIn(table, row, CATEGORY)) ?? "" }];
  });
}

/** Rows of 考核指标 below the header that hold anything: the user's indicators, never replaced without their say. */
export function indicatorRowCount(book: WorkbookGrids): number {
  const sheet = sheetOf(book, SHEET.indicators);
  if (sheet === undefined) return 0;
  return sheet.rows.slice(1).filter((row) => row.some((cell) => !isBlank(cell))).length;
}

/** The first free name of 考核指标（原）, 考核指标（原2）, 考核指标（原3）…: the name under which a replaced sheet is kept. */
export function keptSheetName(name: string, taken: ReadonlySet<string>): string {
  // Excel compares sheet names without regard to case.
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  for (let n = 1; ; n += 1) {
    const candidate = `${name}（原${n === 1 ? "" : String(n)}）`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** What 导入工作安排 needs to know of the workbook before writing. */
export interface PlanContext {
  units: PlanUnit[] | undefined;
  indicatorRows: number;
}

/** The 考核对象 and the indicator row count of a workbook's grids. */
export function planContext(book: WorkbookGrids): PlanContext {
  return { units: planUnits(book), indicatorRows: indicatorRowCount(book) };
}
