import { useCallback, useState } from "react";
import {
  Button,
  Dropdown,
  Field,
  MessageBar,
  MessageBarBody,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { fixed } from "../../lib/decimal";
import { hasErrors, type Issue } from "../../lib/issue";
import type { QuarterOverview } from "../../lib/rules/quarterReview";
import { Failure } from "./Failure";
import type { AssessmentHost } from "./host";
import { IssueList } from "./IssueList";
import { QUARTER_TEXT } from "./quarterMessages";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
  table: { overflowX: "auto" },
  quarter: { minWidth: "8em" },
});

/** The quarter a meeting is usually about: the one that has just ended (in January, the fourth). */
export function lastEndedQuarter(today: Date): number {
  const q = Math.floor(today.getMonth() / 3);
  return q === 0 ? 4 : q;
}

export interface QuarterSectionProps {
  host: AssessmentHost;
  /** Excel writes a sheet into the open workbook; the page downloads a workbook with it. */
  exportLabel: string;
  exportedText: string;
  today?: Date;
  onIssue?: (issue: Issue) => void;
}

/** 平时考核: pick a quarter, see the 季度点评 overview (nothing written), then put the print-ready sheet out on request. */
export function QuarterSection({ host, exportLabel, exportedText, today = new Date(), onIssue }: QuarterSectionProps) {
  const styles = useStyles();
  const [quarter, setQuarter] = useState(lastEndedQuarter(today));
  const [overview, setOverview] = useState<QuarterOverview | null>(null);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [exported, setExported] = useState(false);

  const show = useAction(
    useCallback(async () => {
      setExported(false);
      if (!host.quarter) return;
      const outcome = await host.quarter(quarter);
      setIssues(outcome.issues);
      setOverview(outcome.overview);
    }, [host, quarter]),
  );
  const write = useAction(
    useCallback(async () => {
      if (!host.exportQuarter) return;
      const outcome = await host.exportQuarter(quarter);
      setIssues(outcome.issues);
      setOverview(outcome.overview);
      setExported(outcome.overview !== null);
    }, [host, quarter]),
  );
  const busy = show.running || write.running;
  const atRisk = overview?.lines.filter((line) => line.previousReview === "检查性发言").map((line) => line.unit.name) ?? [];

  return (
    <section aria-label={QUARTER_TEXT.heading}>
      <Text block>{QUARTER_TEXT.intro}</Text>
      <div className={styles.row}>
        <Field label={QUARTER_TEXT.quarterLabel}>
          <Dropdown
            className={styles.quarter}
            value={QUARTER_TEXT.quarter(quarter)}
            selectedOptions={[String(quarter)]}
            onOptionSelect={(_, data) => {
              setQuarter(Number(data.optionValue ?? quarter));
              setOverview(null);
            }}
          >
            {[1, 2, 3, 4].map((q) => (
              <Option key={q} value={String(q)}>
                {QUARTER_TEXT.quarter(q)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Button appearance="primary" disabled={busy} onClick={() => void show.run()}>
          {QUARTER_TEXT.show}
        </Button>
        {host.exportQuarter ? (
          <Button disabled={busy} onClick={() => void write.run()}>
            {exportLabel}
          </Button>
        ) : null}
      </div>
      <Failure message={show.failure ?? write.failure} />
      {hasErrors(issues) ? <IssueList issues={issues} onSelect={onIssue} /> : null}
      {exported ? (
        <MessageBar intent="success">
          <MessageBarBody>{exportedText}</MessageBarBody>
        </MessageBar>
      ) : null}
      {overview !== null ? (
        <>
          <Text block weight="semibold">
            {atRisk.length === 0 ? QUARTER_TEXT.noneAtRisk : QUARTER_TEXT.atRisk(atRisk.join("、"))}
          </Text>
          <div className={styles.table}>
            <Table size="extra-small" aria-label={QUARTER_TEXT.tableLabel}>
              <TableHeader>
                <TableRow>
                  {QUARTER_TEXT.headers.map((header) => (
                    <TableHeaderCell key={header}>{header}</TableHeaderCell>
                  ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {overview.lines.map((line) => (
                  <TableRow key={line.unit.name}>
                    <TableCell>{line.unit.name}</TableCell>
                    <TableCell>{line.unit.rankGroup}</TableCell>
                    <TableCell>{line.ledger}</TableCell>
                    <TableCell>{`${line.lateSoFar}/${line.missingSoFar}`}</TableCell>
                    <TableCell>{line.checkMean === null ? "" : fixed(line.checkMean, 2)}</TableCell>
                    <TableCell>{line.checkRank ?? ""}</TableCell>
                    <TableCell>{line.previousReview}</TableCell>
                    <TableCell>{line.notes.join("；")}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      ) : null}
    </section>
  );
}
