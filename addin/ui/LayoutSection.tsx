import { useCallback, useState } from "react";
import { Button, MessageBar, MessageBarBody, Text, makeStyles, tokens } from "@fluentui/react-components";
import { CheckmarkRegular, TableEditRegular } from "@fluentui/react-icons";
import { hasErrors, type Issue } from "../../lib/issue";
import type { LayoutOutcome } from "../../lib/template/layoutSheets";
import { Failure } from "./Failure";
import type { AssessmentHost } from "./host";
import { IssueList } from "./IssueList";
import { LAYOUT_TEXT } from "./layoutMessages";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  preview: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    maxHeight: "24em",
    overflowY: "auto",
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    listStyleType: "none",
  },
});

export interface LayoutSectionProps {
  host: AssessmentHost;
  /** Excel writes into the open workbook; the page downloads a new workbook. */
  confirmLabel: string;
  writtenText: (sheets: readonly string[], kept: readonly string[]) => string;
  /** Called after the sheets were written, so other sections can refresh. */
  onWritten?: () => void;
  onIssue?: (issue: Issue) => void;
}

/**
 * 生成评分表: a preview first (what each sheet becomes, every typed value with no place, by cell), written only when
 * the user confirms it; a workbook changed since the preview is previewed again instead of written.
 */
export function LayoutSection({ host, confirmLabel, writtenText, onWritten, onIssue }: LayoutSectionProps) {
  const styles = useStyles();
  const [outcome, setOutcome] = useState<LayoutOutcome | null>(null);
  const [notice, setNotice] = useState<{ intent: "success" | "warning"; text: string } | null>(null);

  const preview = useAction(
    useCallback(async () => {
      if (!host.previewLayout) return;
      setNotice(null);
      setOutcome(await host.previewLayout());
    }, [host]),
  );
  const write = useAction(
    useCallback(async () => {
      if (!host.writeLayout || outcome === null) return;
      const done = await host.writeLayout(outcome.preview);
      if ("stale" in done) {
        setOutcome(done.stale);
        setNotice({ intent: "warning", text: LAYOUT_TEXT.stale });
        return;
      }
      setOutcome(null);
      setNotice({ intent: "success", text: writtenText(done.written, done.kept) });
      onWritten?.();
    }, [host, outcome, writtenText, onWritten]),
  );
  const busy = preview.running || write.running;
  const refused = outcome !== null && hasErrors(outcome.issues);
  const changes = outcome !== null && outcome.sheets.length > 0;

  return (
    <section aria-label={LAYOUT_TEXT.heading}>
      <Text block>{LAYOUT_TEXT.intro}</Text>
      <div>
        <Button icon={<TableEditRegular />} disabled={busy} onClick={() => void preview.run()}>
          {LAYOUT_TEXT.previewButton}
        </Button>
      </div>
      {notice !== null ? (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Failure message={preview.failure ?? write.failure} />
      {outcome !== null && refused ? (
        <>
          <MessageBar intent="error">
            <MessageBarBody>{outcome.preview[0]}</MessageBarBody>
          </MessageBar>
          <IssueList issues={outcome.issues.filter((issue) => issue.level === "error")} onSelect={onIssue} />
        </>
      ) : null}
      {outcome !== null && !refused && !changes ? (
        <MessageBar intent="success">
          <MessageBarBody>{LAYOUT_TEXT.nothingToDo}</MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome !== null && !refused && changes ? (
        <>
          <Text weight="semibold">{LAYOUT_TEXT.previewHeading}</Text>
          <ul className={styles.preview} aria-label={LAYOUT_TEXT.previewHeading}>
            {outcome.preview.map((line, index) => (
              <li key={index}>
                <Text>{line}</Text>
              </li>
            ))}
          </ul>
          <div>
            <Button appearance="primary" icon={<CheckmarkRegular />} disabled={busy} onClick={() => void write.run()}>
              {confirmLabel}
            </Button>
          </div>
        </>
      ) : null}
    </section>
  );
}
