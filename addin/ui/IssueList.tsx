import { useState, type ReactNode } from "react";
import { Button, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ErrorCircleRegular, WarningRegular } from "@fluentui/react-icons";
import { issuePlace, type Issue } from "../../lib/issue";
import { TEXT } from "./messages";

const useStyles = makeStyles({
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  item: { display: "flex", alignItems: "flex-start" },
  button: { justifyContent: "flex-start", textAlign: "left", fontWeight: tokens.fontWeightRegular, minWidth: 0, width: "100%" },
  error: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  warning: { color: tokens.colorPaletteDarkOrangeForeground1, flexShrink: 0 },
  text: { whiteSpace: "normal", wordBreak: "break-all" },
  entry: { display: "flex", flexDirection: "column", alignItems: "stretch", width: "100%" },
});

export interface IssueListProps {
  issues: readonly Issue[];
  /** Absent when the host cannot select cells: the problems are then plain text. */
  onSelect?: (issue: Issue) => void;
  /**
   * For hosts without cells to select (the page): what clicking a problem shows under it (its unit, indicator and
   * value). With it the problems are buttons too.
   */
  renderDetail?: (issue: Issue) => ReactNode;
  /** The line under the title saying what a click does; the pane's default says it selects the cell. */
  selectHint?: string;
}

/** Every problem with its place (评分!F7); clicking one selects that cell, or shows what is in it. */
export function IssueList({ issues, onSelect, renderDetail, selectHint = TEXT.problemSelectHint }: IssueListProps) {
  const styles = useStyles();
  const [chosen, setChosen] = useState<Issue | null>(null);
  const clickable = onSelect !== undefined || renderDetail !== undefined;
  const errors = issues.filter((issue) => issue.level === "error").length;
  return (
    <section aria-label={TEXT.problemsTitle(errors, issues.length - errors)}>
      <Text weight="semibold" block>
        {TEXT.problemsTitle(errors, issues.length - errors)}
      </Text>
      {clickable ? <Text size={200}>{selectHint}</Text> : null}
      <ul className={styles.list}>
        {issues.map((issue, index) => {
          const icon =
            issue.level === "error" ? <ErrorCircleRegular className={styles.error} /> : <WarningRegular className={styles.warning} />;
          const label = `${TEXT.problemLevel[issue.level]} ${issuePlace(issue)}：${issue.message}`;
          return (
            <li key={`${issue.sheet}!${issue.cell}#${issue.code}#${index}`} className={styles.item}>
              {clickable ? (
                <div className={styles.entry}>
                  <Button
                    appearance="subtle"
                    size="small"
                    icon={icon}
                    className={styles.button}
                    aria-expanded={renderDetail !== undefined ? chosen === issue : undefined}
                    onClick={() => {
                      setChosen(issue);
                      onSelect?.(issue);
                    }}
                  >
                    <span className={styles.text}>{label}</span>
                  </Button>
                  {renderDetail !== undefined && chosen === issue ? renderDetail(issue) : null}
                </div>
              ) : (
                <Text className={styles.text}>
                  {icon} {label}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
