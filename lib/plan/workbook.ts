import type { SheetGrid, WorkbookGrids } from "../grid";
import { HEADERS, SHEET } from "../layout";

/** A unit as parseWorkPlan wants it, to report named 责任单位 that are not among the 考核对象. */
export interface PlanUnit {
  name: string;
  category: string;
}

function sheetOf(book: WorkbookGrids, name: string): SheetGrid | undefined {
  return book.sheets.find((sheet) => sheet.name === name);
}

function isBlank(cell: unknown): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/** 考核对象's 单位名称 and 类别, found by their headers in row 1; undefined when the sheet or the 单位名称 column is missing. */
export function planUnits(book: WorkbookGrids): PlanUnit[] | undefined {
  const sheet = sheetOf(book, SHEET.units);
  const header = sheet?.rows[0];
  if (sheet === undefined || header === undefined) return undefined;
  const column = (title: string) => header.findIndex((cell) => typeof cell === "string" && cell.trim() === title);
  const nameColumn = column(HEADERS.units[1]);
  const categoryColumn = column(HEADERS.units[2]);
  if (nameColumn < 0) return undefined;
  return sheet.rows.slice(1).flatMap((row) => {
    const name = row[nameColumn];
    if (typeof name !== "string" || name.trim() === "") return [];
    const category = categoryColumn < 0 ? null : row[categoryColumn];
    return [{ name: name.trim(), category: typeof category === "string" ? category.trim() : "" }];
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
