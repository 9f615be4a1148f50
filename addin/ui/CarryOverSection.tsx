import { useCallback, useRef, useState } from "react";
import {
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkRegular, HistoryRegular } from "@fluentui/react-icons";
import type { CarryOverPlan } from "../../lib/carryover";
import type { WorkbookGrids } from "../../lib/grid";
import { hasErrors, type Issue } from "../../lib/issue";
import { CARRY_TEXT } from "./carryMessages";
import { Failure } from "./Failure";
import type { AssessmentHost, CarryOverWritten } from "./host";
import { IssueList } from "./IssueList";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  hidden: { display: "none" },
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

export interface CarryOverSectionProps {
  host: AssessmentHost;
  /** Excel writes into the open workbook; the page downloads a new workbook. */
  confirmLabel: string;
  writtenText: (done: Exclude<CarryOverWritten, { stale: CarryOverPlan }>) => string;
  /** Called after 考核对象 was written, so other sections can refresh. */
  onWritten?: () => void;
  onIssue?: (issue: Issue) => void;
  disabled?: boolean;
}

/**
 * 从上年结果导入: the user picks last year's scored workbook; the section shows what 考核对象's 上年名次 and 上年等次
 * would become (every value replaced, every name that matched nothing) and writes only when the user confirms; a
 * workbook changed since the preview is previewed again instead of written.
 */
export function CarryOverSection({ host, confirmLabel, writtenText, onWritten, onIssue, disabled = false }: CarryOverSectionProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [last, setLast] = useState<{ name: string; grids: WorkbookGrids } | null>(null);
  const [plan, setPlan] = useState<CarryOverPlan | null>(null);
  const [notice, setNotice] = useState<{ intent: "success" | "warning" | "error"; text: string } | null>(null);

  const open = useAction(
    useCallback(
      async (file: File) => {
        if (!host.readLastYearFile || !host.previewCarryOver) return;
        setNotice(null);
        setPlan(null);
        setLast(null);
        let grids: WorkbookGrids;
        try {
          grids = await host.readLastYearFile(file.name, new Uint8Array(await file.arrayBuffer()));
        } catch {
          setNotice({ intent: "error", text: CARRY_TEXT.unreadable(file.name) });
          return;
        }
        setLast({ name: file.name, grids });
        setPlan(await host.previewCarryOver(grids));
      },
      [host],
    ),
  );
  const write = useAction(
    useCallback(async () => {
      if (!host.writeCarryOver || last === null || plan === null) return;
      const done = await host.writeCarryOver(last.grids, plan.preview);
      if ("stale" in done) {
        setPlan(done.stale);
        setNotice({ intent: "warning", text: CARRY_TEXT.stale });
        return;
      }
      setPlan(null);
      setNotice({ intent: "success", text: writtenText(done) });
      onWritten?.();
    }, [host, last, plan, writtenText, onWritten]),
  );
  const busy = disabled || open.running || write.running;
  const refused = plan !== null && hasErrors(plan.issues);
  const changes = plan !== null && plan.sheets.length > 0;

  return (
    <section aria-label={CARRY_TEXT.heading}>
      <Text block>{CARRY_TEXT.intro}</Text>
      <input
        ref={fileInput}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        className={styles.hidden}
        tabIndex={-1}
        aria-hidden
        aria-label={CARRY_TEXT.fileInputLabel}
        data-testid="carry-over-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file !== undefined) void open.run(file);
        }}
      />
      <div>
        <Button icon={<HistoryRegular />} disabled={busy} onClick={() => fileInput.current?.click()}>
          {CARRY_TEXT.chooseButton}
        </Button>
      </div>
      {notice !== null ? (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Failure message={open.failure ?? write.failure} />
      {plan !== null && refused ? (
        <>
          <MessageBar intent="error">
            <MessageBarBody>{CARRY_TEXT.refused}</MessageBarBody>
          </MessageBar>
          <IssueList issues={plan.issues.filter((issue) => issue.level === "error")} onSelect={onIssue} />
        </>
      ) : null}
      {plan !== null && !refused ? (
        <>
          <Text weight="semibold">{CARRY_TEXT.previewHeading(last?.name ?? "")}</Text>
          <ul className={styles.preview} aria-label={CARRY_TEXT.previewHeading(last?.name ?? "")}>
            {plan.preview.map((line, index) => (
              <li key={index}>
                <Text>{line}</Text>
              </li>
            ))}
          </ul>
          {changes ? (
            <div>
              <Button appearance="primary" icon={<CheckmarkRegular />} disabled={busy} onClick={() => void write.run()}>
                {confirmLabel}
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/** The section as one item of the task pane's accordion, shown when the host can do all three steps. */
export function CarryOverItem({ host, onWritten, onIssue }: { host: AssessmentHost; onWritten?: () => void; onIssue?: (issue: Issue) => void }) {
  if (!host.readLastYearFile || !host.previewCarryOver || !host.writeCarryOver) return null;
  return (
    <AccordionItem value="carry-over">
      <AccordionHeader>{CARRY_TEXT.heading}</AccordionHeader>
      <AccordionPanel>
        <CarryOverSection
          host={host}
          confirmLabel={CARRY_TEXT.confirmExcel}
          writtenText={(done) => CARRY_TEXT.writtenExcel(done.written, done.kept)}
          onWritten={onWritten}
          onIssue={onIssue}
        />
      </AccordionPanel>
    </AccordionItem>
  );
}
