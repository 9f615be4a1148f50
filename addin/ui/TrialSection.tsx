import { useCallback, useDeferredValue, useEffect, useMemo, useState } from "react";
import {
  Button,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
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
import { ArrowSyncRegular, CheckmarkRegular } from "@fluentui/react-icons";
import { hasErrors, type Issue } from "../../lib/issue";
import { GRADES } from "../../lib/model";
import { describeChanges, splitParamName, type ParamEdit, type WhatIfPreview } from "../../lib/whatif/index";
import { appliedEditLines, trialChanges, type TrialField } from "../../lib/whatif/trial";
import { Failure } from "./Failure";
import type { AssessmentHost, ComputeOutcome, TrialStart } from "./host";
import { IssueList } from "./IssueList";
import { SinceLast } from "./SinceLast";
import { TRIAL_UI_TEXT as T } from "./trialMessages";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  fields: { maxWidth: "40em" },
  input: { width: "7em" },
  list: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    listStyleType: "none",
    maxHeight: "20em",
    overflowY: "auto",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  moved: { fontWeight: tokens.fontWeightSemibold },
});

export interface TrialSectionProps {
  host: AssessmentHost;
  /** Where 应用 writes, said beside the button (Excel: the open workbook; the page: the workbook in memory, then 下载结果). */
  applyHint: string;
  /** After 应用: the new 计算等次, for the rest of the pane or page. */
  onApplied?: (outcome: ComputeOutcome) => void;
  onIssue?: (issue: Issue) => void;
  /** Changes when the workbook may have changed (a 计算等次 elsewhere): the fields are read again. */
  version?: number;
  /** Read the workbook as soon as the section shows (the pane: the section was opened); else at the button or a new version. */
  autoStart?: boolean;
}

/**
 * 试算: the 参数 a what-if may change, each with the value in force beside the input. Every change is scored at once
 * in the pane (lib/whatif's preview), writing nothing: the counts per 排名分组 before → after, the units whose 等次,
 * 名次 or 总分 move, and the 参数 cells 应用 would write. 应用 writes exactly those cells, then scores again.
 */
export function TrialSection({ host, applyHint, onApplied, onIssue, version = 0, autoStart = true }: TrialSectionProps) {
  const styles = useStyles();
  const [start, setStart] = useState<TrialStart | null>(null);
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<{ intent: "success" | "warning"; text: string; lines: string[] } | null>(null);

  const prepare = useAction(
    useCallback(async () => {
      if (!host.prepareTrial) return;
      setStart(await host.prepareTrial());
    }, [host]),
  );
  const runPrepare = prepare.run;
  useEffect(() => {
    if (autoStart || version > 0) void runPrepare();
  }, [runPrepare, version, autoStart]);

  const session = start !== null && "session" in start ? start : null;
  const fields = useMemo(() => session?.fields ?? [], [session]);
  const deferred = useDeferredValue(typed);
  const changes = useMemo(() => trialChanges(fields, deferred), [fields, deferred]);
  const preview: WhatIfPreview | null = useMemo(
    () => (session === null || changes.length === 0 ? null : session.session.preview(changes)),
    [session, changes],
  );

  const apply = useAction(
    useCallback(async () => {
      if (!host.applyTrial || preview === null) return;
      const done = await host.applyTrial(changes, preview.edits);
      if (done.kind === "stale") {
        setNotice({ intent: "warning", text: T.stale, lines: [] });
        await runPrepare();
        return;
      }
      if (done.kind === "issues") {
        setStart({ issues: done.issues });
        return;
      }
      setNotice({ intent: "success", text: done.message, lines: done.outcome.sinceLast ?? [] });
      setTyped({});
      onApplied?.(done.outcome);
      await runPrepare();
    }, [host, preview, changes, onApplied, runPrepare]),
  );

  const busy = prepare.running || apply.running;
  const refused = preview !== null && (preview.result === null || hasErrors(preview.issues));

  return (
    <section aria-label={T.heading}>
      <Text block>{T.intro}</Text>
      <div>
        <Button icon={prepare.running ? <Spinner size="tiny" /> : <ArrowSyncRegular />} disabled={busy} onClick={() => void runPrepare()}>
          {start === null ? T.start : T.reload}
        </Button>
      </div>
      {notice !== null ? (
        <MessageBar intent={notice.intent}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
      {notice !== null && notice.lines.length > 0 ? <SinceLast lines={notice.lines} /> : null}
      <Failure message={prepare.failure ?? apply.failure} />
      {start !== null && "issues" in start ? (
        <>
          <MessageBar intent="error">
            <MessageBarBody>{T.cannotStart(start.issues.filter((issue) => issue.level === "error").length)}</MessageBarBody>
          </MessageBar>
          <IssueList issues={start.issues.filter((issue) => issue.level === "error")} onSelect={onIssue} />
        </>
      ) : null}
      {session !== null ? (
        <>
          <Table size="small" className={styles.fields} aria-label={T.heading}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{T.paramColumn}</TableHeaderCell>
                <TableHeaderCell>{T.currentColumn}</TableHeaderCell>
                <TableHeaderCell>{T.tryColumn}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {fields.map((field) => (
                <FieldRow
                  key={field.name}
                  field={field}
                  text={typed[field.name] ?? field.value}
                  disabled={busy}
                  inputClass={styles.input}
                  onChange={(text) => setTyped((old) => ({ ...old, [field.name]: text }))}
                />
              ))}
            </TableBody>
          </Table>
          {preview === null ? <Text>{T.noChange}</Text> : null}
          {preview !== null && refused ? (
            <>
              <MessageBar intent="error">
                <MessageBarBody>{T.refused}</MessageBarBody>
              </MessageBar>
              <IssueList issues={preview.issues.map((issue) => namingTheParam(issue, preview.edits))} onSelect={onIssue} />
            </>
          ) : null}
          {preview !== null && !refused ? (
            <>
              <PreviewView preview={preview} listClass={styles.list} movedClass={styles.moved} />
              {preview.issues.length > 0 ? <IssueList issues={preview.issues} onSelect={onIssue} /> : null}
            </>
          ) : null}
          {preview !== null && !refused && host.applyTrial ? (
            <>
              <Text>{applyHint}</Text>
              <div>
                <Button
                  appearance="primary"
                  icon={apply.running ? <Spinner size="tiny" /> : <CheckmarkRegular />}
                  disabled={busy || deferred !== typed}
                  onClick={() => void apply.run()}
                >
                  {apply.running ? T.applying : T.apply}
                </Button>
              </div>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

/**
 * A problem at a value tried, with the parameter's name in front when the reader's message does not say it ("“abc”不是
 * 数字…" → "合格分数线：“abc”不是数字…"): the clerk typed it in this panel, not in the 参数 cell the message names.
 */
function namingTheParam(issue: Issue, edits: readonly ParamEdit[]): Issue {
  const edit = edits.find((e) => e.cell === issue.cell || e.nameCell === issue.cell);
  return edit === undefined || issue.message.includes(splitParamName(edit.name).base) ? issue : { ...issue, message: `${edit.name}：${issue.message}` };
}

function FieldRow({ field, text, disabled, inputClass, onChange }: { field: TrialField; text: string; disabled: boolean; inputClass: string; onChange: (text: string) => void }) {
  const label = T.inputLabel(field.name);
  return (
    <TableRow>
      <TableCell>{field.name}</TableCell>
      <TableCell>{field.value === "" ? T.blank : field.value}</TableCell>
      <TableCell>
        {field.choices ? (
          <Select aria-label={label} value={text} disabled={disabled} onChange={(_, data) => onChange(data.value)}>
            {field.choices.map((choice) => (
              <option key={choice} value={choice}>
                {choice}
              </option>
            ))}
          </Select>
        ) : (
          <Input aria-label={label} className={inputClass} value={text} disabled={disabled} onChange={(_, data) => onChange(data.value)} />
        )}
      </TableCell>
    </TableRow>
  );
}

/** The preview: the cells 应用 would write, the counts per group (现在 → 试算), the units that move. */
function PreviewView({ preview, listClass, movedClass }: { preview: WhatIfPreview; listClass: string; movedClass: string }) {
  return (
    <>
      <Text weight="semibold">{T.editsHeading}</Text>
      <ul className={listClass} aria-label={T.editsHeading}>
        {appliedEditLines(preview.edits).map((line) => (
          <li key={line}>
            <Text>{line}</Text>
          </li>
        ))}
      </ul>
      <Text weight="semibold">{T.countsHeading}</Text>
      <Table size="small" aria-label={T.countsHeading}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{T.groupColumn}</TableHeaderCell>
            {GRADES.map((grade) => (
              <TableHeaderCell key={grade}>{grade}</TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.after.map((after, index) => {
            const before = preview.before[index];
            return (
              <TableRow key={after.rankGroup}>
                <TableCell>{after.rankGroup}</TableCell>
                {GRADES.map((grade) => {
                  const old = before?.byGrade[grade] ?? 0;
                  const now = after.byGrade[grade];
                  return (
                    <TableCell key={grade} className={old === now ? undefined : movedClass}>
                      {T.count(old, now)}
                    </TableCell>
                  );
                })}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <Text weight="semibold">{T.changesHeading}</Text>
      <ul className={listClass} aria-label={T.changesHeading}>
        {describeChanges(preview.changes).map((line) => (
          <li key={line}>
            <Text>{line}</Text>
          </li>
        ))}
      </ul>
    </>
  );
}
