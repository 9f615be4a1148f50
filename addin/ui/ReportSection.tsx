import { useCallback, useState } from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { DocumentRegular, DocumentMultipleRegular, ShieldCheckmarkRegular } from "@fluentui/react-icons";
import type { Issue } from "../../lib/issue";
import { Failure } from "./Failure";
import type { ReportHost, ReportMade, VerifyReport } from "./host";
import { IssueList } from "./IssueList";
import { REPORT_TEXT } from "./reportMessages";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalM },
});

export interface ReportSectionProps {
  host: ReportHost;
  /** What the user is told once a document is made: the page downloads it; the pane offers it (see REPORT_TEXT). */
  noticeText: (file: string) => string;
  feedbackText: (file: string) => string;
  /** Selects a cell (Excel); absent where there is no live workbook. */
  onIssue?: (issue: Issue) => void;
  disabled?: boolean;
}

/** The last thing this section did, as the user sees it. */
type Shown = { kind: "made"; made: ReportMade; text: (file: string) => string } | { kind: "verified"; report: VerifyReport };

/**
 * 生成通报, 生成反馈单 and 核验 over any host that has them. Nothing here writes into the workbook: the documents go to
 * the user as files, and a workbook that fails 核验 gets no 通报 but the cells that differ and what to do.
 */
export function ReportSection({ host, noticeText, feedbackText, onIssue, disabled = false }: ReportSectionProps) {
  const styles = useStyles();
  const [shown, setShown] = useState<Shown | null>(null);

  const notice = useAction(
    useCallback(async () => {
      setShown(null);
      if (host.makeNotice) setShown({ kind: "made", made: await host.makeNotice(), text: noticeText });
    }, [host, noticeText]),
  );
  const feedback = useAction(
    useCallback(async () => {
      setShown(null);
      if (host.makeFeedback) setShown({ kind: "made", made: await host.makeFeedback(), text: feedbackText });
    }, [host, feedbackText]),
  );
  const verify = useAction(
    useCallback(async () => {
      setShown(null);
      if (host.verify) setShown({ kind: "verified", report: await host.verify() });
    }, [host]),
  );
  const busy = disabled || notice.running || feedback.running || verify.running;

  return (
    <section aria-label={REPORT_TEXT.heading}>
      <Text block>{REPORT_TEXT.intro}</Text>
      <div className={styles.row}>
        <Button icon={<DocumentRegular />} disabled={busy} onClick={() => void notice.run()}>
          {REPORT_TEXT.noticeButton}
        </Button>
        <Button icon={<DocumentMultipleRegular />} disabled={busy} onClick={() => void feedback.run()}>
          {REPORT_TEXT.feedbackButton}
        </Button>
        <Button icon={<ShieldCheckmarkRegular />} disabled={busy} onClick={() => void verify.run()}>
          {REPORT_TEXT.verifyButton}
        </Button>
      </div>
      <Failure message={notice.failure ?? feedback.failure ?? verify.failure} />
      {shown?.kind === "made" ? <MadeView made={shown.made} text={shown.text} onIssue={onIssue} /> : null}
      {shown?.kind === "verified" ? <VerifyView report={shown.report} onIssue={onIssue} /> : null}
    </section>
  );
}

function Lines({ lines }: { lines: readonly string[] }) {
  return (
    <>
      {lines.map((line, index) => (
        <Text block key={index}>
          {line}
        </Text>
      ))}
    </>
  );
}

function MadeView({ made, text, onIssue }: { made: ReportMade; text: (file: string) => string; onIssue?: (issue: Issue) => void }) {
  if (made.file !== null) {
    return (
      <>
        <MessageBar intent="success">
          <MessageBarBody>{text(made.file)}</MessageBarBody>
        </MessageBar>
        <Lines lines={made.lines} />
      </>
    );
  }
  return (
    <>
      <MessageBar intent="error" role="alert">
        <MessageBarBody>{made.lines[made.lines.length - 1] ?? ""}</MessageBarBody>
      </MessageBar>
      <Lines lines={made.lines.slice(0, -1)} />
      {made.issues.length > 0 ? <IssueList issues={made.issues} onSelect={onIssue} /> : null}
    </>
  );
}

function VerifyView({ report, onIssue }: { report: VerifyReport; onIssue?: (issue: Issue) => void }) {
  return (
    <>
      <MessageBar intent={report.ok ? "success" : "error"} role={report.ok ? "status" : "alert"}>
        <MessageBarBody>{report.verdict}</MessageBarBody>
      </MessageBar>
      {report.issues.length > 0 ? <IssueList issues={report.issues} onSelect={onIssue} /> : null}
      <Lines lines={report.notes} />
    </>
  );
}
