import { lazy, Suspense, useCallback, useEffect, useState } from "react";
import { Failure } from "./Failure";
import type { AssessmentHost } from "./host";

// The form reads 工作安排 with lib/plan's rules: loaded when the section is opened, not with the pane (issue 14 item 2).
const PlanImport = lazy(() => import("./PlanImport").then((module) => ({ default: module.PlanImport })));
import type { PlanContext, PlanIndicator } from "../../lib/plan";
import { useAction } from "./useAction";

export interface PlanImportSectionProps {
  host: AssessmentHost;
  /** Called after the indicators were written, so other sections can refresh. */
  onWritten?: () => void;
}

/** 导入工作安排 in the task pane: reads the workbook's 考核对象 and indicator count, then the PlanImport form. */
export function PlanImportSection({ host, onWritten }: PlanImportSectionProps) {
  const [context, setContext] = useState<PlanContext | null>(null);
  const load = useAction(
    useCallback(async () => {
      if (host.readPlanContext) setContext(await host.readPlanContext());
    }, [host]),
  );
  const { run } = load;
  useEffect(() => {
    void run();
  }, [run]);

  const write = useCallback(
    async (rows: readonly PlanIndicator[], options: { replace: boolean }) => {
      if (!host.importIndicators) throw new Error("PlanImportSection: the host cannot import indicators");
      const outcome = await host.importIndicators(rows, options);
      onWritten?.();
      // The sheet now holds the new rows: writing again must be confirmed again.
      void run();
      return outcome;
    },
    [host, onWritten, run],
  );

  const readFile = useCallback(
    (name: string, bytes: Uint8Array) =>
      host.readPlanFile ? host.readPlanFile(name, bytes) : Promise.reject(new Error("PlanImportSection: the host cannot read plan files")),
    [host],
  );

  return (
    <>
      <Failure message={load.failure} />
      <Suspense fallback={null}>
        <PlanImport units={context?.units} existingRows={context?.indicatorRows ?? 0} disabled={context === null} onWrite={write} readFile={readFile} />
      </Suspense>
    </>
  );
}
