import type { CellValue, WorkbookGrids } from "../../lib/grid";
import type { IssueLevel } from "../../lib/issue";
import { setCell } from "./workbook";

/** One bad-input case: an edit of a valid workbook, and the one problem a user must see for it. */
export interface IssueCase {
  title: string;
  edit: (book: WorkbookGrids) => void;
  level: IssueLevel;
  sheet: string;
  cell: string;
  message: string;
}

/** An edit that types `value` into `sheet!a1`. */
export const set = (sheet: string, a1: string, value: CellValue) => (book: WorkbookGrids) => {
  setCell(book, sheet, a1, value);
};
