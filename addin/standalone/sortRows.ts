import { D, GRADES, RESULT_COLUMN_FIELDS, type Grade, type ResultsJson } from "../../lib";

/** One row of 结果 as shown on the page: the spec §5 figures, strings as written to the cells. */
export type ResultRow = ResultsJson["units"][number];

export type ColumnKind = "text" | "number" | "grade";

/** A column of the results table: its header (the 结果 sheet's), how to read a row, how to compare. */
export interface ResultColumn {
  key: keyof ResultRow;
  header: string;
  kind: ColumnKind;
}

export type SortDirection = "ascending" | "descending";

export interface SortState {
  key: keyof ResultRow;
  direction: SortDirection;
}

/** How a column sorts: names and 提示 as text (by pinyin order), figures and 名次 as decimals, 等次 in grade order. */
const TEXT_FIELDS: ReadonlySet<keyof ResultRow> = new Set(["rankGroup", "name", "category", "notes"]);

function kindOf(key: keyof ResultRow): ColumnKind {
  if (key === "grade" || key === "computedGrade") return "grade";
  return TEXT_FIELDS.has(key) ? "text" : "number";
}

/** The columns of 结果, in the sheet's order, with the sheet's headers (lib/output RESULT_COLUMN_FIELDS). */
export const RESULT_COLUMNS: readonly ResultColumn[] = RESULT_COLUMN_FIELDS.map(({ field, header }) => ({ key: field, header, kind: kindOf(field) }));

const collator = new Intl.Collator("zh-CN", { numeric: true });

type Cell = ResultRow[keyof ResultRow];

function textOf(value: Cell): string {
  return Array.isArray(value) ? value.join("；") : String(value);
}

function gradeOrder(value: Cell): number {
  const index = GRADES.indexOf(value as Grade);
  return index < 0 ? GRADES.length : index;
}

/** Compares two present values of a column, ascending. Figures compare as decimals, never as floats. */
function compareValues(kind: ColumnKind, a: Cell, b: Cell): number {
  if (kind === "number") return new D(String(a)).comparedTo(new D(String(b)));
  if (kind === "grade") return gradeOrder(a) - gradeOrder(b);
  return collator.compare(textOf(a), textOf(b));
}

function isAbsent(value: Cell): boolean {
  return value === null || (Array.isArray(value) && value.length === 0);
}

/**
 * The rows sorted by one column. The sort is stable (equal values keep 结果's order), and an item
 * that does not apply (null) always goes last in either direction, since it is not a low score.
 */
export function sortRows(rows: readonly ResultRow[], sort: SortState | null): ResultRow[] {
  if (sort === null) return [...rows];
  const column = RESULT_COLUMNS.find((c) => c.key === sort.key);
  if (column === undefined) throw new Error(`sortRows: unknown column ${String(sort.key)}`);
  const sign = sort.direction === "ascending" ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((x, y) => {
      const a = x.row[sort.key];
      const b = y.row[sort.key];
      const absentA = isAbsent(a);
      const absentB = isAbsent(b);
      if (absentA || absentB) return absentA === absentB ? x.index - y.index : absentA ? 1 : -1;
      return sign * compareValues(column.kind, a, b) || x.index - y.index;
    })
    .map(({ row }) => row);
}

/** The next sort after a click on a column header: a new column sorts ascending, the same column flips. */
export function nextSort(current: SortState | null, key: keyof ResultRow): SortState {
  if (current?.key === key) return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  return { key, direction: "ascending" };
}

/** A cell as the page shows it: figures as written, 不适用 for an item that does not apply, notes joined. */
export function displayCell(row: ResultRow, key: keyof ResultRow, notApplicable: string): string {
  const value = row[key];
  if (value === null) return notApplicable;
  return textOf(value);
}
