import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The arrows run one way, toward lib/ (README, "Layout"). ESLint's no-restricted-imports enforces them by path, so a
// wrong-way import fails `npm test` (its lint step) and this test. Each case is a file that would sit in one folder and
// import from a folder it must not know; each allowed case proves the rule is not simply refusing everything.
const eslint = new ESLint();

async function refused(filePath: string, source: string): Promise<boolean> {
  const [result] = await eslint.lintText(source, { filePath });
  return (result?.messages ?? []).some((message) => message.ruleId === "no-restricted-imports");
}

describe("import boundaries", () => {
  it.each([
    ["lib/rules/x.ts", 'import { readWorkbookGrids } from "../../files/xlsx";'],
    ["lib/x.ts", 'import { AssessmentPane } from "../addin/ui/AssessmentPane";'],
    ["lib/x.ts", 'import { Workbook } from "exceljs";'],
    ["files/xlsx/x.ts", 'import { planFileText } from "../../addin/ui/PlanImport";'],
    ["files/x.ts", 'import { main } from "../bin/main";'],
    ["bin/commands/x.ts", 'import { PlanImport } from "../../addin/ui/PlanImport";'],
    ["addin/ui/x.ts", 'import { planFileText } from "../../files/planText";'],
    ["addin/ui/x.ts", 'import { createExcelHost } from "../excel/excelHost";'],
    ["addin/excel/x.ts", 'import { readWorkbookGrids } from "../../files/xlsx";'],
    ["addin/standalone/x.ts", 'import { createExcelHost } from "../excel/excelHost";'],
    ["bench/x.ts", 'import { FakeWorkbook } from "../test/helpers/workbook";'],
    ["fakes/x.ts", 'import { readWorkbookGrids } from "../files/xlsx";'],
    ["addin/wpsPane/x.ts", 'import { createExcelHost } from "../excel/excelHost";'],
    ["addin/wpsPane/x.ts", 'import { FakeWps } from "../../test/helpers/fakeWps";'],
    ["addin/wps/x.ts", 'import { findWps } from "../wpsPane/boot";'],
    ["addin/ui/x.ts", 'import { createWpsHost } from "../wps/wpsHost";'],
  ])("%s may not: %s", async (filePath, source) => {
    expect(await refused(filePath, `${source}\nexport {};\n`)).toBe(true);
  });

  it.each([
    ["files/xlsx/x.ts", 'import { columnName } from "../../lib/grid";'],
    ["bin/commands/x.ts", 'import { readWorkbookGrids } from "../../files/xlsx";'],
    ["addin/ui/x.ts", 'import { parseWorkPlan } from "../../lib/plan";'],
    ["addin/excel/x.ts", 'import type { AssessmentHost } from "../ui/host";'],
    ["addin/standalone/x.ts", 'import { readWorkbookGrids } from "../../files/xlsx";'],
    ["bench/x.ts", 'import { FakeWorkbook } from "../fakes/excel";'],
    ["addin/wpsPane/x.ts", 'import { createWpsHost } from "../wps/wpsHost";'],
    ["addin/wpsPane/x.ts", 'import { AssessmentPane } from "../ui/AssessmentPane";'],
  ])("%s may: %s", async (filePath, source) => {
    expect(await refused(filePath, `${source}\nexport {};\n`)).toBe(false);
  });
});
