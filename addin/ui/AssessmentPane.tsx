import { lazy, Suspense, useCallback, useState } from "react";
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
import { IssueList } from "./IssueList";
import { LayoutSection } from "./LayoutSection";
import { LAYOUT_TEXT } from "./layoutMessages";
import { ParamsSection } from "./ParamsSection";
import { PLAN_TEXT } from "./planMessages";
import { PlanImportSection } from "./PlanImportSection";
import { CarryOverItem } from "./CarryOverSection";
import { REPORT_TEXT } from "./reportMessages";

// 平时考核 works with decimal.js: loaded when its section is opened, not with the pane (issue 14 item 2).
const QuarterSection = lazy(() => import("./QuarterSection").then((module) => ({ default: module.QuarterSection })));
import { QUARTER_TEXT } from "./quarterMessages";
// 通报、反馈单、核验 too: loaded when its section is opened, keeping the pane's first load small (issue 14).
const ReportSection = lazy(() => import("./ReportSection").then((module) => ({ default: module.ReportSection })));
// 试算 scores in the pane with lib/ (decimal.js): loaded when its section is opened, like 平时考核.
const TrialSection = lazy(() => import("./TrialSection").then((module) => ({ default: module.TrialSection })));
import { TRIAL_UI_TEXT } from "./trialMessages";
// 分发与回收 is used a few times a year: loaded when its section is opened.
const FormsSection = lazy(() => import("./FormsSection").then((module) => ({ default: module.ExcelFormsSection })));
import { FORMS_HEADING } from "./formsHeading";
import { TemplateSection } from "./TemplateSection";
import { useAction } from "./useAction";

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

  return (
    <main className={styles.pane}>
      <Title3 as="h1">{TEXT.title}</Title3>
      <ComputeSection host={host} onIssues={onComputed} />
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
          <IssueList issues={issues} onSelect={host.selectCell ? (issue) => void select.run(issue) : undefined} />
        ) : null}
      </section>
      <Accordion collapsible multiple defaultOpenItems={["params"]}>
        <AccordionItem value="template">
          <AccordionHeader>{TEXT.templateTitle}</AccordionHeader>
          <AccordionPanel>
            <TemplateSection host={host} defaultYear={defaultYear} onCreated={bumpParams} />
          </AccordionPanel>
        </AccordionItem>
        {host.importIndicators && host.readPlanContext ? (
          <AccordionItem value="plan">
            <AccordionHeader>{PLAN_TEXT.heading}</AccordionHeader>
            <AccordionPanel>
              <PlanImportSection host={host} onWritten={bumpParams} />
            </AccordionPanel>
          </AccordionItem>
        ) : null}
        {host.previewLayout && host.writeLayout ? (
          <AccordionItem value="layout">
            <AccordionHeader>{LAYOUT_TEXT.heading}</AccordionHeader>
            <AccordionPanel>
              <LayoutSection
                host={host}
                confirmLabel={LAYOUT_TEXT.confirmExcel}
                writtenText={LAYOUT_TEXT.writtenExcel}
                onWritten={bumpParams}
                onIssue={host.selectCell ? (issue) => void select.run(issue) : undefined}
              />
            </AccordionPanel>
          </AccordionItem>
        ) : null}
        {host.quarter ? (
          <AccordionItem value="quarter">
            <AccordionHeader>{QUARTER_TEXT.heading}</AccordionHeader>
            <AccordionPanel>
              <Suspense fallback={null}>
                <QuarterSection
                  host={host}
                  exportLabel={QUARTER_TEXT.exportExcel}
                  exportedText={QUARTER_TEXT.exported}
                  onIssue={host.selectCell ? (issue) => void select.run(issue) : undefined}
                />
              </Suspense>
            </AccordionPanel>
          </AccordionItem>
        ) : null}
        {host.prepareTrial && host.applyTrial ? (
          <AccordionItem value="trial">
            <AccordionHeader>{TRIAL_UI_TEXT.heading}</AccordionHeader>
            <AccordionPanel>
              <Suspense fallback={null}>
                <TrialSection
                  host={host}
                  applyHint={TRIAL_UI_TEXT.applyExcel}
                  onApplied={onComputed}
                  onIssue={host.selectCell ? (issue) => void select.run(issue) : undefined}
                  version={paramsVersion}
                />
              </Suspense>
            </AccordionPanel>
          </AccordionItem>
        ) : null}
        {host.previewCollect && host.applyCollect ? (
          <AccordionItem value="forms">
            <AccordionHeader>{FORMS_HEADING}</AccordionHeader>
            <AccordionPanel>
              <Suspense fallback={null}>
                <FormsSection
                  host={host}
                  onSelect={host.selectCell ? (issue) => void select.run(issue) : undefined}
                />
              </Suspense>
            </AccordionPanel>
          </AccordionItem>
        ) : null}
        {host.makeNotice && host.makeFeedback && host.verify ? (<AccordionItem value="report"><AccordionHeader>{REPORT_TEXT.heading}</AccordionHeader><AccordionPanel><Suspense fallback={null}><ReportSection host={host} noticeText={REPORT_TEXT.noticeSavedExcel} feedbackText={REPORT_TEXT.feedbackSavedExcel} onIssue={host.selectCell ? (issue) => void select.run(issue) : undefined} /></Suspense></AccordionPanel></AccordionItem>) : null}
        <CarryOverItem host={host} onWritten={bumpParams} onIssue={host.selectCell ? (issue) => void select.run(issue) : undefined} />
        <AccordionItem value="params">
          <AccordionHeader>{TEXT.paramsTitle}</AccordionHeader>
          <AccordionPanel>
            <ParamsSection host={host} version={paramsVersion} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </main>
  );
}
