import { makeStyles, tokens } from "@fluentui/react-components";
import type { Issue } from "../../lib/issue";
import { TEXT } from "./messages";

const useStyles = makeStyles({
  detail: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: `${tokens.spacingVerticalXS} 0 ${tokens.spacingVerticalS} ${tokens.spacingHorizontalXXL}`,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `3px solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, wordBreak: "break-all" },
});

export interface IssueDetailProps {
  issue: Issue;
  /** The cell's content as the last read of the file found it ("" when empty). */
  value: string;
}

/**
 * What the page shows under a clicked problem, having no cell to select: where it is, whose it is (unit, indicator)
 * and what the cell holds, so the clerk finds it in Excel without guessing.
 */
export function IssueDetail({ issue, value }: IssueDetailProps) {
  const styles = useStyles();
  const rows: [string, string][] = [[TEXT.detailPlace, `${issue.sheet}!${issue.cell}`]];
  if (issue.unit !== undefined) rows.push([TEXT.detailUnit, issue.unit]);
  if (issue.indicator !== undefined) rows.push([TEXT.detailIndicator, issue.indicator]);
  // Other problems know their place only in words ("县司法局 评 城关镇"): shown as they are.
  if (issue.indicator === undefined && issue.context !== undefined && issue.context !== issue.unit) rows.push([TEXT.detailAbout, issue.context]);
  rows.push([TEXT.detailValue, value === "" ? TEXT.detailEmpty : value]);
  return (
    <dl className={styles.detail} data-testid="issue-detail">
      {rows.map(([term, text]) => (
        <div key={term} style={{ display: "contents" }}>
          <dt className={styles.term}>{term}</dt>
          <dd className={styles.value}>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
