import type { SheetGrid, WorkbookGrids } from "../../lib/grid";
import { HEADERS, SHEET } from "../../lib/layout";

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
