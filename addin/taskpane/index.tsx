import { lazy, Suspense } from "react";
import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { AssessmentPane } from "../ui/AssessmentPane";
import { waitForExcel } from "./boot";
import { lazyHost } from "./lazyHost";
import type { ReportWriter } from "../ui/host";

// Shown only outside Excel (a browser, another Office application): not in the first script of the pane in Excel.
const NoOffice = lazy(() => import("../ui/NoOffice").then((module) => ({ default: module.NoOffice })));

// 生成通报 / 生成反馈单: the Word writer (the docx package, ~100 KB gzip) loads when first asked for, not with the pane.
const reportWriter = (): Promise<ReportWriter> =>
  import("../../files/docx").then((module) => ({ notice: module.writeNoticeDocx, feedbackZip: module.writeFeedbackZip }));

// The Excel host (and lib/'s rules with decimal.js) and the 工作安排 decoder load on first use, not with the pane.
// 分发与回收's file layer (ExcelJS for the forms, the .xlsx reader for returns) loads on the first 分发 or 回收 only.
const formFiles = () => import("./formFiles").then((module) => module.formFiles);
const excelHost = lazyHost(() =>
  Promise.all([import("../excel/excelHost"), import("../ui/download")]).then(([module, download]) =>
    module.createExcelHost({ reportWriter, formFiles, save: download.downloadBytes }),
  ),
);
const readPlanFile = (name: string, bytes: Uint8Array) => import("../../files/planText").then((module) => module.planFileText(name, bytes));
// 从上年结果导入: last year's workbook, chosen as a file, read by the .xlsx reader (loaded on first use).
const readLastYearFile = (_name: string, bytes: Uint8Array) => import("../../files/xlsx").then((module) => module.readWorkbookGrids(bytes.slice(0)));

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
      {state === "excel" ? (
        <AssessmentPane host={Object.assign(excelHost, { readPlanFile, readLastYearFile })} />
      ) : (
        <Suspense fallback={null}>
          <NoOffice reason={state} />
        </Suspense>
      )}
    </FluentProvider>,
  );
}

void start();
