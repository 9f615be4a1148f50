import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from "react";
import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  Title1,
  Title2,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DocumentSearchRegular, FolderOpenRegular } from "@fluentui/react-icons";
import type { Issue } from "../../lib/issue";
import type { AssessmentResult } from "../../lib/model";
import { parseTemplateYear } from "../../lib/template/year";
import { ComputeSection, preloadSummaryTable } from "../ui/ComputeSection";
import { IssueList } from "../ui/IssueList";
import { CARRY_TEXT } from "../ui/carryMessages";
import { LAYOUT_TEXT } from "../ui/layoutMessages";
import { FORMS_TEXT } from "../ui/formsMessages";
import { QUARTER_TEXT } from "../ui/quarterMessages";
import { ReportSection } from "../ui/ReportSection";
import { REPORT_TEXT } from "../ui/reportMessages";
import { PLAN_TEXT } from "../ui/planMessages";
import { TRIAL_UI_TEXT } from "../ui/trialMessages";
import { Failure } from "../ui/Failure";
import { useAction } from "../ui/useAction";
import type { ComputeOutcome } from "../ui/host";
// The error and its text only: files/xlsx itself (reader, writer) comes with the host, on demand.
import { NotAWorkbookError } from "../../files/xlsx/errors";
import { XLSX_MESSAGES } from "../../files/xlsx/messages";
import { planFileText } from "../../files/planText";
import { DropZone, type DroppedHandle } from "./DropZone";
import { IssueDetail } from "./IssueDetail";
// Sections shown once a workbook is open: scripts of their own, fetched at start (issue 14).
import { CarryOverSection, FormsSection, LayoutSection, PlanImport, preloadSections, QuarterSection, ResultsSections, TrialSection } from "./lazySections";
import type { PageHost } from "./lazyFileHost";
import { TEXT } from "./messages";

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
  header: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  done: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalL, margin: `${tokens.spacingVerticalS} 0` },
});

/** What the user is told about the last thing they did, besides problems and results. */
interface Notice {
  intent: "error" | "warning" | "success" | "info";
  text: string;
}

export interface StandalonePageProps {
  host: PageHost;
  /** The year proposed for a new template. */
  defaultYear: number;
}

const ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The standalone page: 下载考核模板 → 打开工作簿 → 检查数据 / 计算等次 → 下载结果, all in the browser. */
export function StandalonePage({ host, defaultYear }: StandalonePageProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  // Scripts loaded on use are fetched while the page is surely online (it must work offline once loaded).
  useEffect(() => {
    preloadSummaryTable();
    preloadSections();
  }, []);
  const [example, setExample] = useState(false);
  const [year, setYear] = useState(String(defaultYear));
  const [fileName, setFileName] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [issues, setIssues] = useState<Issue[] | null>(null);
  const [result, setResult] = useState<AssessmentResult | null>(null);
  // A new key for each workbook opened: the shared 计算等次 section starts afresh, forgetting the last outcome.
  const [opening, setOpening] = useState(0);
  const [resultName, setResultName] = useState<string | null>(null);
  // The open file's modified time, and whether the browser can still read it (host.fileState).
  const fileState = useSyncExternalStore(host.subscribe, host.fileState);
  const stale = fileState?.stale === true;
  // After an action, what the user needs next is brought into view: the problems after 检查数据, 下载结果 after 计算等次.
  const [reveal, setReveal] = useState<{ target: "problems" | "download" } | null>(null);
  const problemsRef = useRef<HTMLDivElement>(null);
  const downloadRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (reveal === null) return;
    const element = reveal.target === "problems" ? problemsRef.current : downloadRef.current;
    element?.scrollIntoView({ block: reveal.target === "problems" ? "start" : "center" });
  }, [reveal]);
  // Each 计算等次 (or 试算's 应用): the 试算 section reads the workbook's 参数 afresh.
  const [computed, setComputed] = useState(0);
  // The run 试算's 应用 made, shown in 计算等次's summary in place of the one before it.
  const [applied, setApplied] = useState<ComputeOutcome | null>(null);

  const clearOutcome = () => {
    setComputed(0);
    setApplied(null);
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
      async (file: File, dropped?: Promise<DroppedHandle | null>) => {
        clearOutcome();
        setOpening((n) => n + 1);
        setNotice({ intent: "info", text: TEXT.reading });
        try {
          const name = await host.load(file, (await dropped) ?? null);
          setFileName(name);
          // The drop zone shows the name of the file opened; only an empty workbook needs a word more.
          setNotice(host.isEmptyWorkbook() ? { intent: "warning", text: TEXT.emptyWorkbook(name) } : null);
        } catch (error) {
          setFileName(null);
          if (!(error instanceof NotAWorkbookError)) {
            setNotice(null);
            throw error;
          }
          // An empty, old or password-protected file has its own advice; any other file gets the page's general one.
          setNotice({ intent: "error", text: error.message === XLSX_MESSAGES.notAWorkbook ? TEXT.notAWorkbook(file.name) : `“${file.name}”：${error.message}` });
        }
      },
      [host],
    ),
  );

  const check = useAction(
    useCallback(async () => {
      // Checking changes nothing: the last computation and its download stay as they were.
      const found = await host.check();
      setIssues(found);
      setNotice(found.length === 0 ? { intent: "success", text: TEXT.noProblems } : null);
      if (found.length > 0) setReveal({ target: "problems" });
    }, [host]),
  );

  const onComputed = useCallback(
    (outcome: ComputeOutcome) => {
      setNotice(null);
      setIssues(outcome.issues);
      setResult(outcome.result);
      setResultName(host.scoredFileName());
      if (outcome.result !== null) setReveal({ target: "download" });
      else if (outcome.issues.length > 0) setReveal({ target: "problems" });
      setComputed((n) => n + 1);
    },
    [host],
  );

  const onTrialApplied = useCallback(
    (outcome: ComputeOutcome) => {
      setApplied(outcome);
      onComputed(outcome);
    },
    [onComputed],
  );

  const save = useAction(useCallback(async () => host.saveFile(), [host]));

  const busy = template.running || open.running || check.running || save.running;
  const failure = template.failure ?? open.failure ?? check.failure ?? save.failure;
  const yearNumber = parseTemplateYear(year);
  // Figures computed from a file that has changed since are not shown as if they were current (nor downloaded).
  const shown = stale ? null : result;

  return (
    <main className={styles.page}>
      <header className={styles.header}>
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
        <DropZone label={TEXT.dropLabel} onFile={(file, handle) => void open.run(file, handle)}>
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
          <Text>
            {fileName === null ? TEXT.dropHint : TEXT.opened(fileName)}
            {fileName !== null && fileState?.modified != null ? TEXT.modified(fileState.modified) : null}
          </Text>
        </DropZone>
      </section>

      <section className={styles.section} aria-labelledby="actions-heading">
        <Title2 as="h2" id="actions-heading">
          {TEXT.actionsHeading}
        </Title2>
        {fileName === null ? (
          <Text>{TEXT.openFirst}</Text>
        ) : stale ? (
          // The browser refuses the file (changed on disk since it was chosen): no stack, no old figures, the way out.
          <MessageBar intent="warning" role="alert" layout="multiline">
            <MessageBarBody>{TEXT.fileChanged(fileName)}</MessageBarBody>
            <MessageBarActions>
              <Button appearance="primary" icon={<FolderOpenRegular />} disabled={busy} onClick={() => input.current?.click()}>
                {TEXT.reopen}
              </Button>
            </MessageBarActions>
          </MessageBar>
        ) : (
          <>
            <ComputeSection
              key={opening}
              host={host}
              onIssues={onComputed}
              latest={applied}
              doneText={TEXT.computeDone}
              doneAction={
                resultName !== null && result !== null ? (
                  <div className={styles.done}>
                    <Button ref={downloadRef} appearance="primary" size="large" icon={<ArrowDownloadRegular />} disabled={busy} onClick={() => void save.run()}>
                      {TEXT.downloadResult}
                    </Button>
                    <Text>{TEXT.downloadResultHint(resultName)}</Text>
                  </div>
                ) : null
              }
            />
            <div className={styles.row}>
              <Button icon={<DocumentSearchRegular />} disabled={busy} onClick={() => void check.run()}>
                {TEXT.checkData}
              </Button>
            </div>
          </>
        )}
        {notice !== null ? (
          <MessageBar intent={notice.intent} role={notice.intent === "error" ? "alert" : "status"}>
            <MessageBarBody>{notice.text}</MessageBarBody>
          </MessageBar>
        ) : null}
        <Failure message={failure} />
        {issues !== null && issues.length > 0 ? (
          <div ref={problemsRef}>
            <IssueList
              issues={issues}
              selectHint={TEXT.problemSelectHint}
              renderDetail={(issue) => <IssueDetail issue={issue} value={host.cellText(issue.sheet, issue.cell)} />}
            />
          </div>
        ) : null}
      </section>

      <section className={styles.section} aria-labelledby="trial-heading">
        <Title2 as="h2" id="trial-heading">
          {TRIAL_UI_TEXT.heading}
        </Title2>
        {fileName === null ? <Text>{TEXT.openFirst}</Text> : <TrialSection key={opening} host={host} applyHint={TRIAL_UI_TEXT.applyFile} onApplied={onTrialApplied} version={computed} autoStart={false} />}
      </section>

      <section className={styles.section} aria-labelledby="plan-heading">
        <Title2 as="h2" id="plan-heading">
          {PLAN_TEXT.heading}
        </Title2>
        {fileName === null ? (
          <Text>{TEXT.openFirst}</Text>
        ) : (
          <>
            <Text>{TEXT.planDownloadHint(fileName)}</Text>
            <PlanImport
              key={opening}
              units={host.planUnits()}
              existingRows={host.indicatorRowCount()}
              disabled={busy}
              onWrite={(rows, options) => host.importIndicators(rows, options)}
              writtenText={PLAN_TEXT.downloaded}
              readFile={planFileText}
            />
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby="layout-heading">
        <Title2 as="h2" id="layout-heading">
          {LAYOUT_TEXT.heading}
        </Title2>
        {fileName === null ? (
          <Text>{TEXT.openFirst}</Text>
        ) : (
          <LayoutSection key={opening} host={host} confirmLabel={LAYOUT_TEXT.confirmFile} writtenText={LAYOUT_TEXT.writtenFile} />
        )}
      </section>

      <section className={styles.section} aria-labelledby="carry-over-heading">
        <Title2 as="h2" id="carry-over-heading">
          {CARRY_TEXT.heading}
        </Title2>
        {fileName === null ? (
          <Text>{TEXT.openFirst}</Text>
        ) : (
          <CarryOverSection key={opening} host={host} confirmLabel={CARRY_TEXT.confirmFile} writtenText={(done) => CARRY_TEXT.writtenFile(done.file ?? "", done.kept)} disabled={busy} />
        )}
      </section>

      <section className={styles.section} aria-labelledby="forms-heading">
        <Title2 as="h2" id="forms-heading">
          {FORMS_TEXT.heading}
        </Title2>
        {fileName === null ? <Text>{TEXT.openFirst}</Text> : <FormsSection key={opening} host={host} applyLabel={TEXT.downloadCollected} disabled={busy} />}
      </section>

      <section className={styles.section} aria-labelledby="quarter-heading">
        <Title2 as="h2" id="quarter-heading">
          {QUARTER_TEXT.heading}
        </Title2>
        {fileName === null ? (
          <Text>{TEXT.openFirst}</Text>
        ) : (
          <QuarterSection key={opening} host={host} exportLabel={QUARTER_TEXT.exportFile} exportedText={QUARTER_TEXT.downloaded} />
        )}
      </section>

      <section className={styles.section} aria-labelledby="report-heading">
        <Title2 as="h2" id="report-heading">
          {REPORT_TEXT.heading}
        </Title2>
        {fileName === null ? (
          <Text>{TEXT.openFirst}</Text>
        ) : (
          <ReportSection key={opening} host={host} noticeText={REPORT_TEXT.noticeDownloaded} feedbackText={REPORT_TEXT.feedbackDownloaded} disabled={busy} />
        )}
      </section>

      {shown !== null ? <ResultsSections result={shown} /> : null}
    </main>
  );
}

