/**
 * The sheets that hold one row per unit (评分, 满意度, 上下互评) name the unit in one column. Reading that name is one
 * rule for all three: a blank name is an error; a name that is not a 考核对象 is an error; a second row for the same
 * unit is an error naming the first; every such row is left out, and the rest are read.
 */
import { cellAddress } from "../grid";
import type { Issue } from "../issue";
import { errorAt, readText, type At } from "./cells";
import { MSG } from "./messages";
import { cellAt, isEmptyRow, type Table } from "./sheets";

/** The issue codes a sheet reports its unit-name problems under ("scores.unknownUnit"…), kept per sheet for the docs. */
export interface UnitRowCodes {
  missing: string;
  unknown: string;
  duplicate: string;
}

/** A row naming a 考核对象 for the first time: its 0-based row and the unit's name. */
export interface UnitRow {
  row: number;
  name: string;
}

/**
 * The rows from `firstRow` on (empty rows skipped) whose cell in `nameColumn` names a known unit for the first time,
 * in sheet order; the other rows are reported under `codes` and left out.
 */
export function unitRows(table: Table, firstRow: number, nameColumn: number, unitNames: ReadonlySet<string>, codes: UnitRowCodes, issues: Issue[]): UnitRow[] {
  const rows: UnitRow[] = [];
  const seen = new Map<string, number>();
  // One walk over the rows, empty rows skipped as dataRowIndexes skips them, without a list of their indexes first.
  for (let row = firstRow; row < table.rows.length; row += 1) {
    if (isEmptyRow(table.rows[row])) continue;
    const at: At = { sheet: table.sheet, row, column: nameColumn, issues };
    const name = readText(at, cellAt(table.rows, row, nameColumn));
    if (name === null) errorAt(at, codes.missing, MSG.nameMissing());
    if (name === null || name === undefined) continue;
    if (!unitNames.has(name)) {
      errorAt(at, codes.unknown, MSG.unknownUnit(name));
      continue;
    }
    const first = seen.get(name);
    if (first !== undefined) {
      errorAt(at, codes.duplicate, MSG.duplicateUnitRow(name, cellAddress(first, nameColumn)));
      continue;
    }
    seen.set(name, row);
    rows.push({ row, name });
  }
  return rows;
}
