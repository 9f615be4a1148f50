import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { fixed } from "../../lib/decimal";
import { HEADERS } from "../../lib/layout";
import { GRADES, type GroupSummary } from "../../lib/model";

const useStyles = makeStyles({
  number: { textAlign: "right", fontVariantNumeric: "tabular-nums" },
});

export interface SummaryTableProps {
  groups: readonly GroupSummary[];
  decimals: number;
}

/** 汇总 per 排名分组: units per 等次, highest, lowest and mean 总分, with the 汇总 sheet's headers. */
export function SummaryTable({ groups, decimals }: SummaryTableProps) {
  const styles = useStyles();
  const headers = HEADERS.summary.slice(0, 9);
  return (
    <Table size="small" aria-label="汇总">
      <TableHeader>
        <TableRow>
          {headers.map((header) => (
            <TableHeaderCell key={header}>{header}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {groups.map((group) => (
          <TableRow key={group.rankGroup}>
            <TableCell>{group.rankGroup}</TableCell>
            <TableCell className={styles.number}>{group.count}</TableCell>
            {GRADES.map((grade) => (
              <TableCell key={grade} className={styles.number}>
                {group.byGrade[grade]}
              </TableCell>
            ))}
            <TableCell className={styles.number}>{fixed(group.highest, decimals)}</TableCell>
            <TableCell className={styles.number}>{fixed(group.lowest, decimals)}</TableCell>
            <TableCell className={styles.number}>{fixed(group.mean, decimals)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
