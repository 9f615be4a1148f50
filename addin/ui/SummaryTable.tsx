import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { GRADES, type AssessmentResult } from "../../lib/model";
import { groupFigureTexts } from "../../lib/output";
import { TEXT } from "./messages";

/** Per 排名分组: units, count per 等次, highest and lowest 总分 as written to the sheets. */
export function SummaryTable({ result }: { result: AssessmentResult }) {
  const places = result.params.decimals;
  return (
    <Table size="small" aria-label={TEXT.summaryTitle}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{TEXT.summaryColumns.group}</TableHeaderCell>
          <TableHeaderCell>{TEXT.summaryColumns.count}</TableHeaderCell>
          {GRADES.map((grade) => (
            <TableHeaderCell key={grade}>{grade}</TableHeaderCell>
          ))}
          <TableHeaderCell>{TEXT.summaryColumns.highest}</TableHeaderCell>
          <TableHeaderCell>{TEXT.summaryColumns.lowest}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {result.groups.map((group) => ({ group, figures: groupFigureTexts(group, places) })).map(({ group, figures }) => (
          <TableRow key={group.rankGroup} data-group={group.rankGroup}>
            <TableCell>{group.rankGroup}</TableCell>
            <TableCell>{group.count}</TableCell>
            {GRADES.map((grade) => (
              <TableCell key={grade} data-grade={grade}>
                {group.byGrade[grade]}
              </TableCell>
            ))}
            <TableCell data-figure="highest">{figures.highest}</TableCell>
            <TableCell data-figure="lowest">{figures.lowest}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
