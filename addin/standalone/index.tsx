import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { downloadBytes } from "./download";
import { LazyFileHost } from "./lazyFileHost";
import { pickFile } from "./pickFile";
import { StandalonePage } from "./StandalonePage";

// A file dropped outside the drop zone would make the browser leave the page to show it: keep the page.
for (const type of ["dragover", "drop"] as const) {
  window.addEventListener(type, (event) => event.preventDefault());
}

// The host (reader, writer, lib/) is its own script, fetched right away but not needed to show the page (issue 14).
const host = new LazyFileHost({ pickFile, saveBytes: downloadBytes });
const root = document.getElementById("root");
if (root === null) throw new Error("standalone.html has no #root element");
createRoot(root).render(
  <FluentProvider theme={webLightTheme} style={{ minHeight: "100vh" }}>
    <StandalonePage host={host} defaultYear={new Date().getFullYear()} />
  </FluentProvider>,
);
// While the page is surely online: once loaded, it must work offline.
void host.preload();
