import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { AssessmentPane } from "../ui/AssessmentPane";
import { NoOffice } from "../ui/NoOffice";
import { createExcelHost } from "../excel/excelHost";
import { planFileText } from "../../files/planText";
import { waitForExcel } from "./boot";

declare global {
  interface Window {
    /** Set by legacy-check.js in Internet Explorer / EdgeHTML, which show a plain message instead. */
    kaoheLegacy?: boolean;
  }
}

async function start(): Promise<void> {
  if (window.kaoheLegacy) return;
  const element = document.getElementById("root");
  if (!element) return;
  const office = typeof Office === "undefined" ? undefined : Office;
  const state = await waitForExcel(office);
  const root = createRoot(element);
  root.render(
    <FluentProvider theme={webLightTheme}>
      {state === "excel" ? <AssessmentPane host={Object.assign(createExcelHost(), { readPlanFile: planFileText })} /> : <NoOffice reason={state} />}
    </FluentProvider>,
  );
}

void start();
