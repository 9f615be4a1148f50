import { useMemo, useState } from "react";
import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from "@fluentui/react-components";
import { GRADE_FILLS } from "../../lib";
import { TEXT } from "./messages";
import { displayCell, nextSort, RESULT_COLUMNS, sortRows, type ResultRow, type SortState } from "./sortRows";

const useStyles = makeStyles({
  scroller: { overflowX: "auto", maxWidth: "100%" },
  // Fluent tables share the width equally (fixed layout): let columns take what their content needs instead,
  // so that figures and names stay on one line and 提示 gets the room that is left.
  table: { minWidth: "1100px", tableLayout: "auto" },
  cell: { whiteSpace: "nowrap" },
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums", whiteSpace: "nowrap" },
  notes: { minWidth: "260px", color: tokens.colorNeutralForeground2 },
  header: { fontWeight: tokens.fontWeightSemibold, whiteSpace: "nowrap" },
});

export interface ResultsTableProps {
  rows: readonly ResultRow[];
}

/**
 * 结果 as a table on the page. Each header is a button (Tab to it, Enter or Space sorts):
 * the first press sorts ascending, the next descending; aria-sort tells screen readers.
 */
export function ResultsTable({ rows }: ResultsTableProps) {
  const styles = useStyles();
  const [sort, setSort] = useState<SortState | null>(null);
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  return (
    <div className={styles.scroller}>
      <Table sortable size="small" className={styles.table} aria-label={TEXT.resultsHeading}>
        <TableHeader>
          <TableRow>
            {RESULT_COLUMNS.map((column) => (
              <TableHeaderCell
                key={column.key}
                className={styles.header}
                sortDirection={sort?.key === column.key ? sort.direction : undefined}
                onClick={() => setSort((current) => nextSort(current, column.key))}
              >
                {column.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {sorted.map((row) => (
            <TableRow key={`${row.rankGroup}\u0000${row.name}`}>
              {RESULT_COLUMNS.map((column) => (
                <TableCell
                  key={column.key}
                  className={column.kind === "number" ? styles.number : column.key === "notes" ? styles.notes : styles.cell}
                  style={column.kind === "grade" ? { backgroundColor: GRADE_FILLS[row.grade] } : undefined}
                >
                  {displayCell(row, column.key, TEXT.notApplicable)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
