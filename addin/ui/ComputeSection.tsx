import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from "react";
import { Button, MessageBar, MessageBarBody, Spinner } from "@fluentui/react-components";
import { CalculatorRegular } from "@fluentui/react-icons";
import { hasErrors } from "../../lib/issue";
import type { AssessmentHost, ComputeOutcome, ComputeStage } from "./host";
import { TEXT } from "./messages";
import { Failure } from "./Failure";

// Shown once 计算等次 is clicked (its stages), and after it, when lib/ is loaded anyway: not in the pane's first script
// (issue 14 item 2).
const loadSummary = () => import("./ComputeDetails");
/**
 * Fetches the summary table's script now. A page that renders ComputeSection only once a file is open calls it at
 * start, while it is surely online: the standalone page must keep working after the network goes (opened from a
 * server, then offline).
 */
export function preloadSummaryTable(): void {
  void loadSummary();
}
const SummaryTable = lazy(() => loadSummary().then((module) => ({ default: module.SummaryTable })));
const StageProgress = lazy(() => loadSummary().then((module) => ({ default: module.StageProgress })));
const SinceLast = lazy(() => loadSummary().then((module) => ({ default: module.SinceLast })));
import { useAction } from "./useAction";

export interface ComputeSectionProps {
  host: AssessmentHost;
  /** Receives the problems found, for the shared problem list. */
  onIssues: (outcome: ComputeOutcome) => void;
  /**
   * What a success says. The Excel pane's default says the three sheets were written; a host that writes nothing until
   * the user saves (the page: 下载结果) says so instead.
   */
  doneText?: string;
  /** Shown right under the success message, above the summary: the page's 下载结果, so it is in view at once. */
  doneAction?: ReactNode;
  /**
   * A run made elsewhere that replaces the one shown (试算's 应用 scores again): the summary must show the figures that
   * were just written or are about to be downloaded, never the previous run's.
   */
  latest?: ComputeOutcome | null;
}

/** 计算等次: the primary button, its stages, and the summary per 排名分组. Disabled while running; a second click does nothing. */
export function ComputeSection({ host, onIssues, doneText = TEXT.computeDone, doneAction, latest = null }: ComputeSectionProps) {
  const [stage, setStage] = useState<ComputeStage | null>(null);
  const [outcome, setOutcome] = useState<ComputeOutcome | null>(null);
  // Adopted while rendering (React's pattern for state that follows a prop), so no frame shows the replaced run.
  const [adopted, setAdopted] = useState<ComputeOutcome | null>(null);
  if (latest !== null && latest !== adopted) {
    setAdopted(latest);
    setOutcome(latest);
  }
  const compute = useCallback(async () => {
    setOutcome(null);
    setStage(null);
    const done = await host.compute((next) => setStage(next));
    setOutcome(done);
    onIssues(done);
  }, [host, onIssues]);
  const action = useAction(compute);
  // Fetched while the user reads the pane, so the table is there when the first result is.
  useEffect(() => {
    void loadSummary();
  }, []);
  const errors = outcome ? outcome.issues.filter((issue) => issue.level === "error").length : 0;

  return (
    <section aria-label={TEXT.computeButton}>
      <Button
        appearance="primary"
        size="large"
        icon={action.running ? <Spinner size="tiny" /> : <CalculatorRegular />}
        disabled={action.running}
        onClick={() => void action.run()}
      >
        {action.running ? TEXT.computeRunning : TEXT.computeButton}
      </Button>
      {action.running || outcome ? (
        <Suspense fallback={null}>
          <StageProgress current={stage} finished={!action.running && outcome !== null} />
        </Suspense>
      ) : null}
      {outcome && hasErrors(outcome.issues) ? (
        <MessageBar intent="error">
          <MessageBarBody>{TEXT.computeBlocked(errors)}</MessageBarBody>
        </MessageBar>
      ) : null}
      {outcome?.result ? (
        <>
          <MessageBar intent="success">
            <MessageBarBody>{doneText}</MessageBarBody>
          </MessageBar>
          {doneAction}
          <Suspense fallback={null}>
            <SummaryTable result={outcome.result} />
            {outcome.sinceLast ? <SinceLast lines={outcome.sinceLast} /> : null}
          </Suspense>
        </>
      ) : null}
      <Failure message={action.failure} />
    </section>
  );
}
