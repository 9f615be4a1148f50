import { useRef, useState } from "react";
import {
  Button,
  Checkbox,
  Field,
  Input,
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
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { DocumentArrowUpRegular, EyeRegular, TableArrowUpRegular } from "@fluentui/react-icons";
import { describeCategories } from "../../lib/applies";
import { DEFAULT_PLAN_TOTAL, parsePlanTotal, parseWorkPlan, type PlanIndicator, type PlanOutcome, type PlanUnit } from "../../lib/plan";
import { friendlyMessage } from "./errors";
import { PLAN_TEXT } from "./planMessages";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL },
  total: { width: "7em" },
  hidden: { display: "none" },
  table: { overflowX: "auto" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export interface PlanImportProps {
  /** 考核对象 of the open workbook, so that named 责任单位 not among them are reported. */
  units?: readonly PlanUnit[];
  /** Indicator rows the workbook already has: above 0 the user must confirm replacing them. */
  existingRows: number;
  /** Writes the rows as the new 考核指标; resolves with the name the old sheet is kept under (null when none was). */
  onWrite(rows: readonly PlanIndicator[], options: { replace: boolean }): Promise<{ kept: string | null }>;
  /** The text of an opened 工作安排 file (.docx or plain text): the file layer's decoding, handed in by the page. */
  readFile(name: string, bytes: Uint8Array): Promise<string>;
  disabled?: boolean;
  /** What a successful write says; the default says 考核指标 was written (Excel), the page's says a copy was downloaded. */
  writtenText?: (rows: number, kept: string | null) => string;
}

interface Notice {
  intent: "error" | "success" | "info";
  text: string;
}

/** 导入工作安排: paste or open the text, 预览 the rows and warnings, then 写入考核指标 (replacing only when confirmed). */
export function PlanImport({ units, existingRows, onWrite, readFile, disabled = false, writtenText = PLAN_TEXT.written }: PlanImportProps) {
  const styles = useStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [total, setTotal] = useState(String(DEFAULT_PLAN_TOTAL));
  const [outcome, setOutcome] = useState<PlanOutcome | null>(null);
  const [replace, setReplace] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const totalNumber = parsePlanTotal(total);

  const edit = (next: string) => {
    setText(next);
    // A preview of other text must never be written: the user previews again.
    setOutcome(null);
  };

  const openFile = async (file: File) => {
    setNotice(null);
    try {
      edit(await readFile(file.name, new Uint8Array(await file.arrayBuffer())));
      setNotice({ intent: "info", text: PLAN_TEXT.fileRead(file.name) });
    } catch {
      setNotice({ intent: "error", text: PLAN_TEXT.fileUnreadable(file.name) });
    }
  };

  const preview = () => {
    if (totalNumber === null) return;
    setNotice(null);
    const parsed = parseWorkPlan(text, { total: totalNumber, units: units === undefined ? undefined : [...units] });
    setOutcome(parsed);
    if (parsed.rows.length === 0) setNotice({ intent: "error", text: PLAN_TEXT.noTasks });
  };

  const write = async () => {
    if (outcome === null) return;
    setBusy(true);
    try {
      const { kept } = await onWrite(outcome.rows, { replace: existingRows > 0 });
      setNotice({ intent: "success", text: writtenText(outcome.rows.length, kept) });
    } catch (error) {
      setNotice({ intent: "error", text: friendlyMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  const blocked = disabled || busy;
  const canWrite = outcome !== null && outcome.rows.length > 0 && (existingRows === 0 || replace);

  return (
    <div className={styles.root}>
      <Text>{PLAN_TEXT.intro}</Text>
      <Field label={PLAN_TEXT.textLabel}>
        <Textarea rows={8} resize="vertical" placeholder={PLAN_TEXT.textPlaceholder} value={text} onChange={(_, data) => edit(data.value)} />
      </Field>
      <div className={styles.row}>
        <input
          ref={fileInput}
          type="file"
          accept=".txt,.docx,text/plain"
          className={styles.hidden}
          tabIndex={-1}
          aria-hidden
          data-testid="plan-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = "";
            if (file !== undefined) void openFile(file);
          }}
        />
        <Button icon={<DocumentArrowUpRegular />} disabled={blocked} onClick={() => fileInput.current?.click()}>
          {PLAN_TEXT.openFile}
        </Button>
        <Field label={PLAN_TEXT.totalLabel} validationMessage={totalNumber === null ? PLAN_TEXT.totalInvalid : undefined}>
          <Input className={styles.total} value={total} inputMode="decimal" onChange={(_, data) => { setTotal(data.value); setOutcome(null); }} />
        </Field>
        <Button icon={<EyeRegular />} disabled={blocked || text.trim() === "" || totalNumber === null} onClick={preview}>
          {PLAN_TEXT.preview}
        </Button>
      </div>
      {outcome !== null && outcome.rows.length > 0 ? <PlanPreview outcome={outcome} /> : null}
      {outcome !== null && outcome.rows.length > 0 ? (
        <div className={styles.row}>
          {existingRows > 0 ? (
            <Checkbox checked={replace} onChange={(_, data) => setReplace(data.checked === true)} label={`${PLAN_TEXT.existing(existingRows)}${PLAN_TEXT.confirmReplace}`} />
          ) : null}
          <Button appearance="primary" icon={<TableArrowUpRegular />} disabled={blocked || !canWrite} onClick={() => void write()}>
            {PLAN_TEXT.write}
          </Button>
        </div>
      ) : null}
      {notice !== null ? (
        <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}

/** The rows found and the warnings, each warning with its line in the pasted text. */
function PlanPreview({ outcome }: { outcome: PlanOutcome }) {
  const styles = useStyles();
  return (
    <>
      <Text weight="semibold">{PLAN_TEXT.found(outcome.rows.length)}</Text>
      {outcome.warnings.length > 0 ? (
        <MessageBar intent="warning">
          <MessageBarBody>
            {PLAN_TEXT.warningsTitle(outcome.warnings.length)}
            <ul className={styles.list}>
              {outcome.warnings.map((warning, index) => (
                <li key={`${warning.code}-${warning.line}-${index}`}>{PLAN_TEXT.warningLine(warning.line, warning.message)}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <div className={styles.table}>
        <Table size="small" aria-label={PLAN_TEXT.heading}>
          <TableHeader>
            <TableRow>
              {PLAN_TEXT.columns.map((title) => (
                <TableHeaderCell key={title}>{title}</TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {outcome.rows.map((row) => (
              <TableRow key={`${row.code}-${row.sourceLines[0]}`}>
                <TableCell>{row.code}</TableCell>
                <TableCell>{row.level1}</TableCell>
                <TableCell>{row.level2}</TableCell>
                <TableCell>{row.assessor}</TableCell>
                <TableCell>{describeCategories(row.categories)}</TableCell>
                <TableCell>{row.maxPoints.toString()}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </>
  );
}
