import type { SheetOut } from "../../lib/format";
import { hasSheetNamed, type WorkbookGrids } from "../../lib/grid";
import type { Issue } from "../../lib/issue";
import { INPUT_SHEETS, SHEET } from "../../lib/layout";
import { checkAssessment, runAssessment, type RunOutcome } from "../../lib/run";
import { runQuarter } from "../../lib/quarter";
import { buildTemplate, type TemplateOptions } from "../../lib/template";
import type { AssessmentHost, ComputeOutcome, ComputeStage, ParamRow, TemplateOutcome, TemplateRequest } from "../ui/host";
import { planContext } from "../../lib/plan";
import { planIndicatorsSheet } from "../../lib/plan";
import { createMissingSheets } from "./createTemplate";
import { importIndicatorSheet } from "./importIndicators";
import { readInputSheets, type ReadMode } from "./readBook";
import { officeSupports, type Supports } from "./supports";
import { writeOutputs } from "./writeOutputs";

/** The sheets 季度点评 reads: mid-year, 评分 and the other annual sheets may still be empty. */
const QUARTER_SHEETS = [SHEET.params, SHEET.units, SHEET.daily];

/** Runs a batch against the workbook (Excel.run in Office). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** What the Excel host needs from outside; every part has Office's or lib/'s default, tests pass fakes. */
export interface ExcelHostOptions {
  run?: ExcelRun;
  supports?: Supports;
  assess?: (book: WorkbookGrids) => RunOutcome;
  check?: (book: WorkbookGrids) => Issue[];
  template?: (options: TemplateOptions) => SheetOut[];
}

/** The task pane's host inside Excel: the only code that touches Excel.* (with the modules of this folder). */
export function createExcelHost(options: ExcelHostOptions = {}): AssessmentHost {
  const run: ExcelRun = options.run ?? ((batch) => Excel.run(batch));
  const supports = options.supports ?? officeSupports;
  const assess = options.assess ?? runAssessment;
  const checkBook = options.check ?? checkAssessment;
  const template = options.template ?? buildTemplate;
  /** Input sheet → real sheet name when a stray space differs, from the last read, for selecting cells. */
  let realNames = new Map<string, string>();
  /**
   * How to read the input sheets next, learnt from the last 检查数据 or 计算等次 of this task pane (one pane, one
   * workbook): staff click these again and again while fixing their data, and a workbook Excel on the web refused as
   * too large is read in blocks straight away, without first having its one-sync read refused again.
   */
  let nextRead: ReadMode = "whole";

  async function readInputs(context: Excel.RequestContext) {
    const read = await readInputSheets(context, INPUT_SHEETS, nextRead);
    realNames = read.realNames;
    nextRead = read.nextRead;
    return read;
  }

  async function sheetNames(context: Excel.RequestContext): Promise<string[]> {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    return worksheets.items.map((sheet) => sheet.name);
  }

  return {
    listExistingInputSheets: () =>
      run(async (context) => {
        const names = await sheetNames(context);
        return INPUT_SHEETS.filter((name) => hasSheetNamed(names, name));
      }),

    createTemplate: (request: TemplateRequest): Promise<TemplateOutcome> =>
      run(async (context) => {
        const names = await sheetNames(context);
        return createMissingSheets(context, template({ year: request.year, example: request.example }), names, supports);
      }),

    check: () =>
      run(async (context) => {
        const read = await readInputs(context);
        return checkBook(read.book);
      }),

    compute: (onStage: (stage: ComputeStage) => void): Promise<ComputeOutcome> =>
      run(async (context) => {
        onStage("read");
        const read = await readInputs(context);
        onStage("compute");
        const outcome = assess(read.book);
        if (outcome.outputs === null || outcome.result === null) return { issues: outcome.issues, result: null };
        onStage("write");
        await writeOutputs(context, outcome.outputs, read.sheetNames, supports);
        return { issues: outcome.issues, result: outcome.result };
      }),

    readParams: () =>
      run(async (context): Promise<ParamRow[]> => {
        const used = context.workbook.worksheets.getItemOrNullObject(SHEET.params).getUsedRangeOrNullObject(true);
        // text, not values: the figures as the user sees them (30%, not 0.3).
        used.load("text");
        await context.sync();
        if (used.isNullObject) return [];
        return paramRows(used.text);
      }),

    selectCell: (sheet: string, cell: string) =>
      run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(realNames.get(sheet) ?? sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      }),

    readPlanContext: () =>
      run(async (context) => planContext((await readInputSheets(context, [SHEET.units, SHEET.indicators])).book)),

    // The pane asks before replacing indicators; the old sheet is kept renamed either way, so nothing typed is lost.
    importIndicators: (rows) =>
      run(async (context) => importIndicatorSheet(context, planIndicatorsSheet(rows), await sheetNames(context), supports)),

    quarter: (q: number) => run(async (context) => runQuarter((await readInputSheets(context, QUARTER_SHEETS)).book, q)),

    // 季度点评 is an output sheet: written like 结果 (old or new, never a mix), input sheets untouched.
    exportQuarter: (q: number) =>
      run(async (context) => {
        const read = await readInputSheets(context, QUARTER_SHEETS);
        const outcome = runQuarter(read.book, q);
        if (outcome.sheet !== null) await writeOutputs(context, [outcome.sheet], read.sheetNames, supports);
        return outcome;
      }),

    showSheet: (sheet: string) =>
      run(async (context) => {
        context.workbook.worksheets.getItem(sheet).activate();
        await context.sync();
      }),
  };
}

/** 参数 rows below the header: name in A, value in B; empty names are skipped. */
export function paramRows(text: string[][]): ParamRow[] {
  return text
    .slice(1)
    .map((row) => ({ name: (row[0] ?? "").trim(), value: (row[1] ?? "").trim() }))
    .filter((row) => row.name !== "");
}
