import { useCallback, useMemo, useRef, useState } from "react";
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Title1,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, CalculatorRegular, DocumentSearchRegular, FolderOpenRegular } from "@fluentui/react-icons";
import type { Issue } from "../../lib/issue";
import { hasErrors } from "../../lib/issue";
import type { AssessmentResult } from "../../lib/model";
import { toJson } from "../../lib/output";
import { IssueList } from "../ui/IssueList";
import { Failure } from "../ui/Failure";
import { useAction } from "../ui/useAction";
import { TEXT as PANE_TEXT } from "../ui/messages";
import type { ComputeStage } from "../ui/host";
import { NotAWorkbookError } from "../xlsx";
import { DropZone } from "./DropZone";
import type { FileHost } from "./fileHost";
import { GradeChart } from "./GradeChart";
import { TEXT } from "./messages";
import { ResultsTable } from "./ResultsTable";
import { SummaryTable } from "./SummaryTable";

const useStyles = makeStyles({
  page: {
    maxWidth: "1200px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXL,
  },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  row: { display: "flex", flexWrap: "wrap", alignItems: "flex-end", gap: tokens.spacingHorizontalL },
  year: { width: "8em" },
  hidden: { display: "none" },
});

/** What the user is told about the last thing they did, besides problems and results. */
interface Notice {
  intent: "error" | "warning" | "success" | "info";
  text: string;
}

export interface StandalonePageProps {
  host: FileHost;
  /** The year proposed for a new template. */
  defaultYear: number;
}

const ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The standalone page: 下载考核模板 → 打开工作簿 → 检查数据 / 计算等次 → 下载结果, all in the browser. */
export function StandalonePage({ host, defaultYear }: StandalonePageProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [example, setExample] = useState(false);
  const [year, setYear] = useState(String(defaultYear));
  const [fileName, setFileName] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [issues, setIssues] = useState<Issue[] | null>(null);
  const [result, setResult] = useState<AssessmentResult | null>(null);
  const [stage, setStage] = useState<ComputeStage | null>(null);
  const [resultName, setResultName] = useState<string | null>(null);

  const clearOutcome = () => {
    setIssues(null);
    setResult(null);
    setResultName(null);
  };

  const template = useAction(
    useCallback(async (y: number, withExample: boolean) => {
      await host.createTemplate({ year: y, example: withExample, onlyMissing: false });
    }, [host]),
  );

  const open = useAction(
    useCallback(
      async (file: File) => {
        clearOutcome();
        setNotice({ intent: "info", text: TEXT.reading });
        try {
          const name = await host.load(file);
          setFileName(name);
          setNotice(host.isEmptyWorkbook() ? { intent: "warning", text: TEXT.emptyWorkbook(name) } : { intent: "success", text: TEXT.opened(name) });
        } catch (error) {
          setFileName(null);
          if (!(error instanceof NotAWorkbookError)) {
            setNotice(null);
            throw error;
          }
          setNotice({ intent: "error", text: TEXT.notAWorkbook(file.name) });
        }
      },
      [host],
    ),
  );

  const check = useAction(
    useCallback(async () => {
      clearOutcome();
      const found = await host.check();
      setIssues(found);
      setNotice(found.length === 0 ? { intent: "success", text: TEXT.noProblems } : null);
    }, [host]),
  );

  const compute = useAction(
    useCallback(async () => {
      clearOutcome();
      setNotice(null);
      try {
        const outcome = await host.compute(setStage);
        setIssues(outcome.issues);
        setResult(outcome.result);
        setResultName(host.scoredFileName());
        if (outcome.result !== null) setNotice({ intent: "success", text: TEXT.computed });
      } finally {
        setStage(null);
      }
    }, [host]),
  );

  const save = useAction(useCallback(async () => host.saveFile(), [host]));

  const busy = template.running || open.running || check.running || compute.running || save.running;
  const failure = template.failure ?? open.failure ?? check.failure ?? compute.failure ?? save.failure;
  const yearNumber = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : null;
  const rows = useMemo(() => (result === null ? [] : toJson(result, []).units), [result]);
  const errorCount = issues?.filter((i) => i.level === "error").length ?? 0;

  return (
    <main className={styles.page}>
      <header>
        <Title1 as="h1">{TEXT.pageTitle}</Title1>
        <Text block>{TEXT.pageSubtitle}</Text>
      </header>

      <section className={styles.section} aria-labelledby="template-heading">
        <Title2 as="h2" id="template-heading">
          {TEXT.templateHeading}
        </Title2>
        <div className={styles.row}>
          <Field label={TEXT.templateKindLabel}>
            <RadioGroup layout="horizontal" value={example ? "example" : "empty"} onChange={(_, data) => setExample(data.value === "example")}>
              <Radio value="empty" label={TEXT.templateEmpty} />
              <Radio value="example" label={TEXT.templateExample} />
            </RadioGroup>
          </Field>
          <Field label={TEXT.templateYearLabel} validationMessage={yearNumber === null ? TEXT.yearInvalid : undefined}>
            <Input className={styles.year} value={year} inputMode="numeric" onChange={(_, data) => setYear(data.value)} />
          </Field>
          <Button
            icon={<ArrowDownloadRegular />}
            disabled={busy || yearNumber === null}
            onClick={() => yearNumber !== null && void template.run(yearNumber, example)}
          >
            {TEXT.downloadTemplate}
          </Button>
        </div>
      </section>

      <section className={styles.section} aria-labelledby="open-heading">
        <Title2 as="h2" id="open-heading">
          {TEXT.openHeading}
        </Title2>
        <DropZone label={TEXT.dropLabel} onFile={(file) => void open.run(file)}>
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            className={styles.hidden}
            tabIndex={-1}
            aria-hidden
            data-testid="file-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file !== undefined) void open.run(file);
            }}
          />
          <Button appearance="primary" size="large" icon={<FolderOpenRegular />} disabled={busy} onClick={() => input.current?.click()}>
            {TEXT.openWorkbook}
          </Button>
          <Text>{fileName === null ? TEXT.dropHint : TEXT.opened(fileName)}</Text>
        </DropZone>
      </section>

      <section className={styles.section} aria-labelledby="actions-heading">
        <Title2 as="h2" id="actions-heading">
          {TEXT.actionsHeading}
        </Title2>
        <div className={styles.row}>
          <Button icon={<DocumentSearchRegular />} disabled={busy || fileName === null} onClick={() => void check.run()}>
            {TEXT.checkData}
          </Button>
          <Button appearance="primary" icon={<CalculatorRegular />} disabled={busy || fileName === null} onClick={() => void compute.run()}>
            {TEXT.computeGrades}
          </Button>
          {resultName !== null && result !== null && !hasErrors(issues ?? []) ? (
            <Button appearance="primary" icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void save.run()}>
              {TEXT.downloadResult}
            </Button>
          ) : null}
          {busy ? <Spinner size="tiny" label={stage === null ? PANE_TEXT.working : `${PANE_TEXT.stages[stage]}…`} /> : null}
        </div>
        {resultName !== null && result !== null ? <Text>{TEXT.downloadResultHint(resultName)}</Text> : null}
        {notice !== null ? (
          <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Failure message={failure} />
        {errorCount > 0 ? (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{TEXT.errorsBlockDownload(errorCount)}</MessageBarBody>
          </MessageBar>
        ) : null}
        {issues !== null && issues.length > 0 ? <IssueList issues={issues} /> : null}
      </section>

      {result !== null ? (
        <>
          <section className={styles.section} aria-labelledby="summary-heading">
            <Title2 as="h2" id="summary-heading">
              {TEXT.summaryHeading}
            </Title2>
            <SummaryTable groups={result.groups} decimals={result.params.decimals} />
            <Text weight="semibold">{TEXT.chartHeading}</Text>
            <GradeChart groups={result.groups} />
          </section>
          <section className={styles.section} aria-labelledby="results-heading">
            <Title2 as="h2" id="results-heading">
              {TEXT.resultsHeading}
            </Title2>
            <Text>{TEXT.sortHint}</Text>
            <ResultsTable rows={rows} />
          </section>
        </>
      ) : null}
    </main>
  );
}
