import type { AssessmentHost } from "../ui/host";

/**
 * The methods the Excel host has (test/taskpane-lazy.test.ts checks this list against createExcelHost): the pane shows
 * an action only when its host has the method, so the lazy host must say which it has before the host is loaded.
 * A method added to the Excel host goes here too.
 */
export const EXCEL_HOST_METHODS = [
  "listExistingInputSheets",
  "createTemplate",
  "check",
  "compute",
  "readParams",
  "selectCell",
  "readPlanContext",
  "importIndicators",
  "previewLayout",
  "writeLayout",
  "quarter",
  "exportQuarter",
  "showSheet",
  "prepareTrial",
  "applyTrial",
  "distributeForms",
  "previewCollect",
  "applyCollect",
  "makeNotice",
  "makeFeedback",
  "verify",
  "previewCarryOver",
  "writeCarryOver",
] as const;

/**
 * A host whose module (the Excel host, and with it lib/'s rules, template and decimal.js) is loaded on the first call:
 * the task pane renders from a small first script, and the rest arrives while the user reads it (issue 14 item 2).
 */
export function lazyHost(load: () => Promise<AssessmentHost>, methods: readonly string[] = EXCEL_HOST_METHODS): AssessmentHost {
  let loading: Promise<AssessmentHost> | null = null;
  const host = () => (loading ??= load());
  const entries = methods.map((name) => [
    name,
    async (...args: unknown[]) => {
      const real = (await host()) as unknown as Record<string, (...a: unknown[]) => unknown>;
      const method = real[name];
      if (typeof method !== "function") throw new Error(`the host has no ${name}`);
      return method.apply(real, args);
    },
  ]);
  return Object.fromEntries(entries) as unknown as AssessmentHost;
}
