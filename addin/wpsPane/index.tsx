import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { AssessmentPane } from "../ui/AssessmentPane";
import { createWpsHost } from "../wps/wpsHost";
import { findWps } from "./boot";
import { NotInWps } from "./NotInWps";

declare global {
  interface Window {
    /** Set by old-engine-check.js when WPS's browser engine is too old for the pane: it shows a plain message instead. */
    kaoheLegacy?: boolean;
  }
}

/** The task pane inside WPS 表格: the same pane as in Excel, over the WPS host. */
function start(): void {
  if (window.kaoheLegacy) return;
  const element = document.getElementById("root");
  if (!element) return;
  const found = findWps(window as never);
  createRoot(element).render(
    <FluentProvider theme={webLightTheme}>
      {found.kind === "et" ? <AssessmentPane host={createWpsHost({ app: found.app })} /> : <NotInWps reason={found.kind} />}
    </FluentProvider>,
  );
}

start();
