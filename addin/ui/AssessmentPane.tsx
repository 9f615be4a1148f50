import { lazy, Suspense, useCallback, useState, type ReactNode } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  MessageBar,
  MessageBarBody,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { CheckmarkCircleRegular } from "@fluentui/react-icons";
import type { Issue } from "../../lib/issue";
import type { AssessmentHost, ComputeOutcome } from "./host";
import { TEXT } from "./messages";
import { ComputeSection } from "./ComputeSection";
import { Failure } from "./Failure";
import { FORMS_HEADING, SECTION_HEADING } from "./formsHeading";
import { useAction } from "./useAction";

// The pane's first script holds the shell: the title, 计算等次, 检查数据 and every section's heading. What a section
// shows, with its texts, loads when it is opened (参数, open at start, right after the first paint), and the problem
// list once there are problems (issue 14 item 2: a first load of at most 165 KB gzip, kept well under).
const IssueList = lazy(() => import("./IssueList").then((module) => ({ default: module.IssueList })));
const TemplateSection = lazy(() => import("./TemplateSection").then((module) => ({ default: module.TemplateSection })));
const PlanImportSection = lazy(() => import("./PlanImportSection").then((module) => ({ default: module.PlanImportSection })));
const ParamsSection = lazy(() => import("./ParamsSection").then((module) => ({ default: module.ParamsSection })));
/** The props the pane gives a section that writes or points at cells; its Excel texts come with its own script. */
interface WritingSectionProps {
  host: AssessmentHost;
  onWritten?: () => void;
  onIssue?: (issue: Issue) => void;
}
const LayoutSection = lazy(() =>
  Promise.all([import("./LayoutSection"), import("./layoutMessages")]).then(([module, texts]) => ({
    default: (props: WritingSectionProps) => <module.LayoutSection {...props} confirmLabel={texts.LAYOUT_TEXT.confirmExcel} writtenText={texts.LAYOUT_TEXT.writtenExcel} />,
  })),
);
const CarryOverSection = lazy(() =>
  Promise.all([import("./CarryOverSection"), import("./carryMessages")]).then(([module, texts]) => ({
    default: (props: WritingSectionProps) => (
      <module.CarryOverSection {...props} confirmLabel={texts.CARRY_TEXT.confirmExcel} writtenText={(done) => texts.CARRY_TEXT.writtenExcel(done.written, done.kept)} />
    ),
  })),
);
// 平时考核 works with decimal.js: loaded when its section is opened, not with the pane (issue 14 item 2).
const QuarterSection = lazy(() =>
  Promise.all([import("./QuarterSection"), import("./quarterMessages")]).then(([module, texts]) => ({
    default: (props: WritingSectionProps) => (
      <module.QuarterSection host={props.host} onIssue={props.onIssue} exportLabel={texts.QUARTER_TEXT.exportExcel} exportedText={texts.QUARTER_TEXT.exported} />
    ),
  })),
);
// 通报、反馈单、核验 too: loaded when its section is opened, keeping the pane's first load small (issue 14).
const ReportSection = lazy(() =>
  Promise.all([import("./ReportSection"), import("./reportMessages")]).then(([module, texts]) => ({
    default: (props: WritingSectionProps) => (
      <module.ReportSection host={props.host} onIssue={props.onIssue} noticeText={texts.REPORT_TEXT.noticeSavedExcel} feedbackText={texts.REPORT_TEXT.feedbackSavedExcel} />
    ),
  })),
);
/** 试算's props in the pane: what an 应用 did, and the 参数 version it reads. */
interface PaneTrialProps extends WritingSectionProps {
  onApplied: (outcome: ComputeOutcome) => void;
  version: number;
}
// 试算 scores in the pane with lib/ (decimal.js): loaded when its section is opened, like 平时考核.
const TrialSection = lazy(() =>
  Promise.all([import("./TrialSection"), import("./trialMessages")]).then(([module, texts]) => ({
    default: (props: PaneTrialProps) => (
      <module.TrialSection host={props.host} onIssue={props.onIssue} onApplied={props.onApplied} version={props.version} applyHint={texts.TRIAL_UI_TEXT.applyExcel} />
    ),
  })),
);
// 分发与回收 is used a few times a year: loaded when its section is opened.
const FormsSection = lazy(() => import("./FormsSection").then((module) => ({ default: module.ExcelFormsSection })));

/** One section of the pane: its heading, and what it shows once opened (loaded then: see the lazy sections above). */
function PaneItem({ value, heading, children }: { value: string; heading: string; children: ReactNode }) {
  return (
    <AccordionItem value={value}>
      <AccordionHeader>{heading}</AccordionHeader>
      <AccordionPanel>
        <Suspense fallback={null}>{children}</Suspense>
      </AccordionPanel>
    </AccordionItem>
  );
}

const useStyles = makeStyles({
  pane: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    "& section": { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  },
});

export interface AssessmentPaneProps {
  host: AssessmentHost;
  defaultYear?: number;
}

/** The whole task pane: 计算等次 first (the everyday action), then 检查数据, 加载考核模板 and 参数. */
export function AssessmentPane({ host, defaultYear = new Date().getFullYear() }: AssessmentPaneProps) {
  const styles = useStyles();
  const [issues, setIssues] = useState<Issue[] | null>(null);
  const [paramsVersion, setParamsVersion] = useState(0);
  // Each 试算 应用 (which scores again): the 计算等次 section starts afresh, its summary of the run before gone.
  const [applied, setApplied] = useState(0);
  const bumpParams = useCallback(() => setParamsVersion((v) => v + 1), []);

  const check = useAction(
    useCallback(async () => {
      setIssues(await host.check());
    }, [host]),
  );
  const onComputed = useCallback(
    (outcome: ComputeOutcome) => {
      setIssues(outcome.issues);
      bumpParams();
    },
    [bumpParams],
  );
  const select = useAction(
    useCallback(async (issue: Issue) => host.selectCell?.(issue.sheet, issue.cell), [host]),
  );

  const onIssue = host.selectCell ? (issue: Issue) => void select.run(issue) : undefined;

  return (
    <main className={styles.pane}>
      <Title3 as="h1">{TEXT.title}</Title3>
      <ComputeSection key={applied} host={host} onIssues={onComputed} />
      <section aria-label={TEXT.checkTitle}>
        <Button icon={<CheckmarkCircleRegular />} disabled={check.running} onClick={() => void check.run()}>
          {TEXT.checkButton}
        </Button>
        <Failure message={check.failure ?? select.failure} />
        {issues !== null && issues.length === 0 ? (
          <MessageBar intent="success">
            <MessageBarBody>{TEXT.checkNone}</MessageBarBody>
          </MessageBar>
        ) : null}
        {issues !== null && issues.length > 0 ? (
          <Suspense fallback={null}>
            <IssueList issues={issues} onSelect={onIssue} />
          </Suspense>
        ) : null}
      </section>
      <Accordion collapsible multiple defaultOpenItems={["params"]}>
        <PaneItem value="template" heading={TEXT.templateTitle}>
          <TemplateSection host={host} defaultYear={defaultYear} onCreated={bumpParams} />
        </PaneItem>
        {host.importIndicators && host.readPlanContext ? (
          <PaneItem value="plan" heading={SECTION_HEADING.plan}>
            <PlanImportSection host={host} onWritten={bumpParams} />
          </PaneItem>
        ) : null}
        {host.previewLayout && host.writeLayout ? (
          <PaneItem value="layout" heading={SECTION_HEADING.layout}>
            <LayoutSection host={host} onWritten={bumpParams} onIssue={onIssue} />
          </PaneItem>
        ) : null}
        {host.quarter ? (
          <PaneItem value="quarter" heading={SECTION_HEADING.quarter}>
            <QuarterSection host={host} onIssue={onIssue} />
          </PaneItem>
        ) : null}
        {host.prepareTrial && host.applyTrial ? (
          <PaneItem value="trial" heading={SECTION_HEADING.trial}>
            <TrialSection
              host={host}
              onApplied={(outcome) => {
                onComputed(outcome);
                setApplied((n) => n + 1);
              }}
              onIssue={onIssue}
              version={paramsVersion}
            />
          </PaneItem>
        ) : null}
        {host.previewCollect && host.applyCollect ? (
          <PaneItem value="forms" heading={FORMS_HEADING}>
            <FormsSection host={host} onSelect={onIssue} />
          </PaneItem>
        ) : null}
        {host.makeNotice && host.makeFeedback && host.verify ? (
          <PaneItem value="report" heading={SECTION_HEADING.report}>
            <ReportSection host={host} onIssue={onIssue} />
          </PaneItem>
        ) : null}
        {host.readLastYearFile && host.previewCarryOver && host.writeCarryOver ? (
          <PaneItem value="carry-over" heading={SECTION_HEADING.carryOver}>
            <CarryOverSection host={host} onWritten={bumpParams} onIssue={onIssue} />
          </PaneItem>
        ) : null}
        <PaneItem value="params" heading={TEXT.paramsTitle}>
          <ParamsSection host={host} version={paramsVersion} />
        </PaneItem>
      </Accordion>
    </main>
  );
}
