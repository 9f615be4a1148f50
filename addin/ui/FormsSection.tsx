import { useCallback, useRef, useState } from "react";
import {
  Button,
  Checkbox,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentArrowLeftRegular, CheckmarkRegular } from "@fluentui/react-icons";
import type { Issue } from "../../lib/issue";
import { Failure } from "./Failure";
import { FORMS_TEXT } from "./formsMessages";
import type { AssessmentHost, CollectPreview, ReturnedFile } from "./host";
import { FilesDrop } from "./FilesDrop";
import { IssueList } from "./IssueList";
import { useAction } from "./useAction";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalL },
  hidden: { display: "none" },
  table: { fontSize: tokens.fontSizeBase200 },
  note: { whiteSpace: "normal", wordBreak: "break-all" },
});

export interface FormsSectionProps {
  host: AssessmentHost;
  /** The label of the final button: 下载合并后的工作簿 (page) or 写入工作簿 (Excel). */
  applyLabel: string;
  /** A note under 分发评分表 on what this host can do (Excel: where a task pane may download). */
  distributeNote?: string;
  disabled?: boolean;
  onSelect?: (issue: Issue) => void;
}

/** A browser File as the host wants it: bytes and modified time. */
async function returned(file: File): Promise<ReturnedFile> {
  return { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()), modified: file.lastModified > 0 ? new Date(file.lastModified) : null };
}

/** 分发评分表 and 回收: forms out as a .zip; returns chosen, the 回收记录 previewed, then merged on request. */
export function FormsSection({ host, applyLabel, distributeNote, disabled = false, onSelect }: FormsSectionProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [distributed, setDistributed] = useState<{ forms: number; issues: Issue[] } | null>(null);
  const [files, setFiles] = useState<ReturnedFile[]>([]);
  const [preview, setPreview] = useState<CollectPreview | null>(null);
  const [applied, setApplied] = useState<string | null>(null);
  /** The workbook changed after the preview: nothing was written, the preview shown is the new one. */
  const [stale, setStale] = useState(false);

  const distribute = useAction(
    useCallback(async () => {
      if (host.distributeForms === undefined) return;
      setDistributed(await host.distributeForms());
    }, [host]),
  );
  const review = useAction(
    useCallback(
      async (chosen: ReturnedFile[], replaceFrom: readonly string[]) => {
        if (host.previewCollect === undefined) return;
        setApplied(null);
        setStale(false);
        setFiles(chosen);
        setPreview(await host.previewCollect(chosen, replaceFrom));
      },
      [host],
    ),
  );
  const apply = useAction(
    useCallback(async () => {
      if (host.applyCollect === undefined) return;
      const outcome = await host.applyCollect();
      if (typeof outcome === "string") setApplied(outcome);
      else {
        setStale(true);
        setPreview(outcome.stale);
      }
    }, [host]),
  );
  const busy = disabled || distribute.running || review.running || apply.running;
  const failure = distribute.failure ?? review.failure ?? apply.failure;
  const replaceFrom = preview?.replaceFrom ?? [];
  const choose = (chosen: File[]) => {
    if (chosen.length > 0) void Promise.all(chosen.map(returned)).then((read) => review.run(read, []));
  };
  const toggle = (file: string, on: boolean) => {
    const next = on ? [...replaceFrom, file] : replaceFrom.filter((name) => name !== file);
    void review.run(files, next);
  };

  return (
    <div className={styles.section}>
      <Text>{FORMS_TEXT.intro}</Text>
      <div className={styles.row}>
        {host.distributeForms !== undefined ? (
          <Button icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void distribute.run()}>
            {FORMS_TEXT.distribute}
          </Button>
        ) : null}
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className={styles.hidden}
          tabIndex={-1}
          aria-hidden
          data-testid="returns-input"
          onChange={(event) => {
            const chosen = [...(event.target.files ?? [])];
            event.target.value = "";
            choose(chosen);
          }}
        />
      </div>
      {distributeNote !== undefined ? <Text size={200}>{distributeNote}</Text> : null}
      <FilesDrop label={FORMS_TEXT.dropLabel} disabled={busy} onFiles={choose}>
        <div className={styles.row}>
          <Button icon={<DocumentArrowLeftRegular />} disabled={busy} onClick={() => input.current?.click()}>
            {FORMS_TEXT.chooseReturns}
          </Button>
        </div>
        <Text size={200}>
          {FORMS_TEXT.returnsHint}
          {FORMS_TEXT.dropHint}
        </Text>
      </FilesDrop>
      {distributed !== null ? (
        <MessageBar intent={distributed.forms > 0 ? "success" : "error"}>
          <MessageBarBody>{distributed.forms > 0 ? FORMS_TEXT.distributed(distributed.forms) : FORMS_TEXT.distributeFailed}</MessageBarBody>
        </MessageBar>
      ) : null}
      {distributed !== null && distributed.issues.length > 0 ? <IssueList issues={distributed.issues} onSelect={onSelect} /> : null}
      {preview !== null ? (
        <>
          <Text weight="semibold">{FORMS_TEXT.previewHeading(files.length)}</Text>
          <Table size="small" className={styles.table} aria-label={FORMS_TEXT.previewHeading(files.length)}>
            <TableHeader>
              <TableRow>
                {FORMS_TEXT.columns.map((column) => (
                  <TableHeaderCell key={column}>{column}</TableHeaderCell>
                ))}
                <TableHeaderCell>{FORMS_TEXT.replaceFrom}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.log.map((row, index) => (
                <TableRow key={`${row.file}-${row.kind}-${row.owner}-${index}`}>
                  <TableCell>{row.file}</TableCell>
                  <TableCell>{row.kind}</TableCell>
                  <TableCell>{row.owner}</TableCell>
                  <TableCell>{row.modified}</TableCell>
                  <TableCell>{row.filled ?? ""}</TableCell>
                  <TableCell>{row.blank ?? ""}</TableCell>
                  <TableCell>{row.result}</TableCell>
                  <TableCell className={styles.note}>{row.note}</TableCell>
                  <TableCell>
                    {files.some((file) => file.name === row.file) ? (
                      <Checkbox aria-label={`${FORMS_TEXT.replaceFrom}：${row.file}`} checked={replaceFrom.includes(row.file)} disabled={busy} onChange={(_, data) => toggle(row.file, data.checked === true)} />
                    ) : null}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {stale ? (
            <MessageBar intent="warning">
              <MessageBarBody>{FORMS_TEXT.stale}</MessageBarBody>
            </MessageBar>
          ) : null}
          <MessageBar intent={preview.ok ? "info" : "error"}>
            <MessageBarBody>{preview.ok ? FORMS_TEXT.ready(preview.filled) : FORMS_TEXT.conflicts}</MessageBarBody>
          </MessageBar>
          {preview.replaced.map((line) => (
            <Text key={line}>{line}</Text>
          ))}
          {preview.issues.length > 0 ? <IssueList issues={preview.issues} onSelect={onSelect} /> : null}
          {preview.ok && host.applyCollect !== undefined ? (
            <div className={styles.row}>
              <Button appearance="primary" icon={<CheckmarkRegular />} disabled={busy || applied !== null} onClick={() => void apply.run()}>
                {applyLabel}
              </Button>
            </div>
          ) : null}
        </>
      ) : null}
      {applied !== null ? (
        <MessageBar intent="success">
          <MessageBarBody>{applied}</MessageBarBody>
        </MessageBar>
      ) : null}
      <Failure message={failure} />
    </div>
  );
}

/** The Excel pane's section: its 写入 label and the note on where a task pane may download (texts load with it). */
export function ExcelFormsSection(props: Omit<FormsSectionProps, "applyLabel" | "distributeNote">) {
  return <FormsSection {...props} applyLabel={FORMS_TEXT.applyExcel} distributeNote={FORMS_TEXT.excelNote} />;
}
