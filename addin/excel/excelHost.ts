import type { SheetOut } from "../../lib/format";
import { hasSheetNamed, type WorkbookGrids } from "../../lib/grid";
import { hasErrors, type Issue } from "../../lib/issue";
import { INPUT_SHEETS, SHEET } from "../../lib/layout";
import { sealOutcome, type Digest } from "../../lib/integrity";
import { checkAssessment, runAssessment, type RunOutcome } from "../../lib/run";
import { webDigest } from "../ui/webDigest";
import { runQuarter } from "../../lib/quarter";
import { buildTemplate, type TemplateOptions } from "../../lib/template";
import { layoutRefused, layoutSheets, previewStillHolds, type LayoutOutcome } from "../../lib/template";
import { writeLayoutSheets } from "./layoutSheets";
import { paramRows } from "../ui/paramRows";
import type { AssessmentHost, ComputeOutcome, ComputeStage, ParamRow, TemplateOutcome, TemplateRequest } from "../ui/host";
import { planContext } from "../../lib/plan";
import { planIndicatorsSheet } from "../../lib/plan";
import { createMissingSheets } from "./createTemplate";
import { importIndicatorSheet } from "./importIndicators";
import { FIRST_READ, readInputSheets, type Alongside, type BookRead, type ReadPlan } from "./readBook";
import { foldPrevious, readPreviousApart, writtenRun, type PreviousGrids, type WrittenRun } from "./readPrevious";
import { officeSupports, type Supports } from "./supports";
import { writeOutputs } from "./writeOutputs";
import { writeParamCells } from "./writeParams";
import { prepareWhatIf } from "../../lib/whatif";
import { appliedEditLines, noteTrialApplied, planTrialApply, sinceLastRun, trialFields } from "../../lib/whatif/trial";
import { stampTime } from "../../lib/integrity/stamp";
import { sameSheetName } from "../../lib/grid";
import { TRIAL_UI_TEXT } from "../ui/trialMessages";
import { LOG_SHEET, localTime, logSheet, makeForms, readMaster, type CollectOutcome } from "../../lib/forms";
import { collectFiles, previewOf, sameOutcome, writeEdits, type FormFiles } from "./forms";
import { FORMS_TEXT } from "../ui/formsMessages";
import type { CollectPreview, DistributeOutcome, ReturnedFile } from "../ui/host";
import { OUTPUT_SHEETS } from "../../lib/layout";
import { verifyWorkbook } from "../../lib/integrity";
import { FEEDBACK_ZIP, NOTICE_FILE, REPORT } from "../../lib/report";
import type { ReportMade, ReportWriter, VerifyReport } from "../ui/host";
import { prepareForPane, verifyReport } from "../ui/reportShown";
import { carryOverStillHolds, planCarryOver, type CarryOverPlan } from "../../lib/carryover";

/** The sheets 生成评分表 reads: what it builds from, and the three it rebuilds. */
const LAYOUT_READ = [SHEET.units, SHEET.indicators, SHEET.scores, SHEET.satisfaction, SHEET.peer];

/** The sheets 季度点评 reads: mid-year, 评分 and the other annual sheets may still be empty. */
const QUARTER_SHEETS = [SHEET.params, SHEET.units, SHEET.daily];

/** Runs a batch against the workbook (Excel.run in Office). */
export type ExcelRun = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

/** The part of Office's `Excel` namespace the host calls: run with options. */
export interface ExcelRunner {
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
}

/**
 * Excel.run asking Excel to wait while the user is typing in a cell (delayForCellEdit) instead of refusing the
 * request with InvalidOperationInCellEditMode. An Excel that does not know the option refuses as before, and the pane
 * then asks, in Chinese, to finish editing the cell (OFFICE_ERROR_TEXT.cellEditMode).
 */
export function delayedRun(excel: ExcelRunner): ExcelRun {
  return (batch) => excel.run({ delayForCellEdit: true }, batch);
}

/** What the Excel host needs from outside; every part has Office's or lib/'s default, tests pass fakes. */
export interface ExcelHostOptions {
  /** A plain Excel.run (tests); without it, `excel`'s run with delayForCellEdit. */
  run?: ExcelRun;
  /** Office's `Excel` namespace, or a fake of it. */
  excel?: ExcelRunner;
  supports?: Supports;
  assess?: (book: WorkbookGrids) => RunOutcome;
  check?: (book: WorkbookGrids) => Issue[];
  template?: (options: TemplateOptions) => SheetOut[];
  /** SHA-256 for the fingerprint of 核验 (Web Crypto by default). */
  digest?: Digest;
  /** The time recorded at 计算等次 (now by default). */
  now?: () => Date;
  /** The file layer for 分发与回收 (forms to a .zip, returned files to grids), loaded when first used. */
  formFiles?: () => Promise<FormFiles>;
  /**
   * The Word writer for 生成通报 and 生成反馈单 (files/docx, which this folder may not import): the task pane's entry
   * passes one that loads it on first use. Without it those two actions fail as misuse.
   */
  reportWriter?: () => Promise<ReportWriter>;
  /** Hands a made document to the user (the task pane: a download); required with reportWriter. */
  save?: (bytes: Uint8Array, fileName: string) => void;
}

/** 分发与回收 reads the input sheets and 回收记录 (earlier returns, forms not yet returned). */
const FORMS_READ: readonly string[] = [...INPUT_SHEETS, LOG_SHEET];

/** The sheets 核验, 生成通报 and 生成反馈单 read: every input sheet and the outputs the workbook holds. */
const REPORT_READ = [...INPUT_SHEETS, ...OUTPUT_SHEETS];

/** The task pane's host inside Excel: the only code that touches Excel.* (with the modules of this folder). */
export function createExcelHost(options: ExcelHostOptions = {}): AssessmentHost {
  const run: ExcelRun = options.run ?? delayedRun(options.excel ?? Excel);
  const supports = options.supports ?? officeSupports;
  const assess = options.assess ?? runAssessment;
  const checkBook = options.check ?? checkAssessment;
  const template = options.template ?? buildTemplate;
  const digest = options.digest ?? webDigest;
  const now = options.now ?? (() => new Date());
  /** Input sheet → real sheet name when a stray space differs, from the last read, for selecting cells. */
  let realNames = new Map<string, string>();
  /**
   * How to read the input sheets next, learnt from the last 检查数据 or 计算等次 of this task pane (one pane, one
   * workbook): staff click these again and again while fixing their data, and a workbook Excel on the web refused as
   * too large is read in blocks straight away, without first having its one-sync read refused again.
   */
  let nextRead: ReadPlan = FIRST_READ;
  /** Where the outputs this pane's last 计算等次 wrote hold what the next one reads back for "what changed". */
  let written: WrittenRun | null = null;
  /** The last 回收 previewed: the files, the 以此表为准 chosen, and what it would write. */
  let collected: { files: ReturnedFile[]; replaceFrom: string[]; outcome: CollectOutcome } | null = null;

  function needFormFiles(): Promise<FormFiles> {
    if (options.formFiles === undefined) throw new Error("ExcelHost: no file layer for 分发与回收 was given");
    return options.formFiles();
  }

  /** The master for 分发与回收, or the problems that stop it (a sheet Excel could not read; errors of 参数, 考核对象, 考核指标). */
  async function readForms(context: Excel.RequestContext) {
    // Its own read plan: the input sheets and 回收记录, whichever of them the workbook has.
    const read = await readInputSheets(context, FORMS_READ, { mode: nextRead.mode, chain: nextRead.chain });
    if (hasErrors(read.issues)) return { read, master: null, issues: read.issues };
    const found = await readMaster(read.book, digest);
    return { read, master: found.master, issues: found.issues };
  }

  /** 回收 over the workbook as it is now: the preview, and the outcome when it may be written. */
  async function collectNow(context: Excel.RequestContext, files: readonly ReturnedFile[], replaceFrom: readonly string[]) {
    const formFiles = await needFormFiles();
    const { read, master, issues } = await readForms(context);
    if (master === null) return { read, preview: { ok: false, log: [], issues, filled: 0, replaced: [], replaceFrom: [] } as CollectPreview, outcome: null, replaceFrom: [] };
    const merged = await collectFiles(master, files, replaceFrom, formFiles);
    return { read, preview: previewOf(merged.outcome, merged.replaceFrom), outcome: merged.outcome.ok ? merged.outcome : null, replaceFrom: merged.replaceFrom };
  }

  async function readSheets(context: Excel.RequestContext, names: readonly string[] = INPUT_SHEETS, alongside?: Alongside): Promise<BookRead> {
    const read = await readInputSheets(context, names, nextRead, alongside);
    // What a read of some sheets found says nothing of the others: only a read of all input sheets updates `present`.
    nextRead = names === INPUT_SHEETS ? read.next : { ...read.next, present: nextRead.present };
    return read;
  }

  async function readInputs(context: Excel.RequestContext): Promise<BookRead> {
    const read = await readSheets(context);
    realNames = read.realNames;
    return read;
  }

  /**
   * Reads the input sheets for 计算等次 (and 试算's 应用), with the results the workbook already holds for "what changed
   * since the last run" (see readPrevious.ts): carried in the same sync when this pane wrote them, else read after the
   * inputs only when there is a 结果, so a first 计算等次 costs no extra request.
   */
  async function readForScoring(context: Excel.RequestContext): Promise<{ read: BookRead; previous: () => Promise<PreviousGrids | null> }> {
    const plan = nextRead;
    const fold = foldPrevious(written, plan);
    const read = await readSheets(context, INPUT_SHEETS, fold?.alongside);
    realNames = read.realNames;
    return { read, previous: async () => fold?.taken() ?? (await readPreviousApart(context, read, plan)) };
  }

  /** 通报 or 反馈单: the workbook read (inputs and outputs), checked as the command line does, written, handed over. */
  async function makeDocument(kind: "notice" | "feedback"): Promise<ReportMade> {
    const writer = options.reportWriter;
    const save = options.save;
    if (writer === undefined || save === undefined) throw new Error("createExcelHost: no reportWriter/save given");
    const read = await run((context) => readSheets(context, REPORT_READ));
    if (hasErrors(read.issues)) return { file: null, lines: [REPORT.cannotScore], issues: read.issues };
    const prepared = await prepareForPane(read.book, digest);
    if (!prepared.ok) return prepared.made;
    const write = await writer();
    const [bytes, file] = kind === "notice" ? [await write.notice(prepared.report.notice), NOTICE_FILE] : [await write.feedbackZip(prepared.report.feedback), FEEDBACK_ZIP];
    save(bytes, file);
    return { file, lines: prepared.report.lines, issues: [] };
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
        // A sheet Excel cannot read at all is the one problem to fix first.
        if (hasErrors(read.issues)) return read.issues;
        return checkBook(read.book);
      }),

    compute: (onStage: (stage: ComputeStage) => void): Promise<ComputeOutcome> =>
      run(async (context) => {
        onStage("read");
        const { read, previous } = await readForScoring(context);
        if (hasErrors(read.issues)) return { issues: read.issues, result: null };
        onStage("compute");
        const outcome = await sealOutcome(assess(read.book), { digest, now: now() });
        if (outcome.outputs === null || outcome.result === null) return { issues: outcome.issues, result: null };
        const last = await previous();
        const since = sinceLastRun(outcome.outputs, outcome.result, last === null ? null : last(outcome.result.params.decimals));
        onStage("write");
        // A write that fails part-way leaves outputs this pane cannot vouch for: read them afresh next time.
        written = null;
        const notes = await writeOutputs(context, since.outputs, read.sheets, supports);
        written = writtenRun(since.outputs);
        return { issues: [...outcome.issues, ...notes], result: outcome.result, ...(since.lines === null ? {} : { sinceLast: since.lines }) };
      }),

    readParams: () =>
      run(async (context): Promise<ParamRow[]> => {
        // Values, as every sheet is read: a cell's text is what its number format and column width show (#### when narrow).
        const read = await readSheets(context, [SHEET.params]);
        const sheet = read.book.sheets.find((grid) => grid.name === SHEET.params);
        return sheet === undefined ? [] : paramRows(sheet.rows);
      }),

    selectCell: (sheet: string, cell: string) =>
      run(async (context) => {
        const worksheet = context.workbook.worksheets.getItem(realNames.get(sheet) ?? sheet);
        worksheet.activate();
        worksheet.getRange(cell).select();
        await context.sync();
      }),

    readPlanContext: () =>
      run(async (context) => planContext((await readSheets(context, [SHEET.units, SHEET.indicators])).book)),

    // The pane asks before replacing indicators; the old sheet is kept renamed either way, so nothing typed is lost.
    importIndicators: (rows) =>
      run(async (context) => importIndicatorSheet(context, planIndicatorsSheet(rows), await sheetNames(context), supports)),

    previewLayout: () => run(async (context) => layoutOf(await readSheets(context, LAYOUT_READ))),

    // Written only as previewed: a workbook changed since is previewed again. Old sheets are kept renamed.
    writeLayout: (confirmed: readonly string[]) =>
      run(async (context) => {
        const outcome = layoutOf(await readSheets(context, LAYOUT_READ));
        if (!previewStillHolds(outcome, confirmed)) return { stale: outcome };
        const { kept } = await writeLayoutSheets(context, outcome.sheets, await sheetNames(context), supports);
        return { written: outcome.sheets.map((sheet) => sheet.name), kept };
      }),

    quarter: (q: number) => run(async (context) => runQuarter((await readSheets(context, QUARTER_SHEETS)).book, q)),

    // 季度点评 is an output sheet: written like 结果 (old or new, never a mix), input sheets untouched.
    exportQuarter: (q: number) =>
      run(async (context) => {
        const read = await readSheets(context, QUARTER_SHEETS);
        const outcome = runQuarter(read.book, q);
        // Its decorations' 提示 (none on 季度点评 but freeze panes) is not shown: the sheet is complete without them.
        if (outcome.sheet !== null) await writeOutputs(context, [outcome.sheet], read.sheets, supports);
        return outcome;
      }),

    prepareTrial: () =>
      run(async (context) => {
        const read = await readInputs(context);
        if (hasErrors(read.issues)) return { issues: read.issues };
        const session = prepareWhatIf(read.book);
        if (!("preview" in session)) return { issues: session.issues };
        return { session, fields: trialFields(session.base.params, session.base.groups.map((g) => g.rankGroup)) };
      }),

    // The one write to an input sheet here: the 参数 cells the user saw in the preview, only after 应用; the old values
    // are said in the message and kept in 计算说明. A 参数 changed since the preview writes nothing.
    applyTrial: (changes, previewed) =>
      run(async (context) => {
        const { read, previous: readPrevious } = await readForScoring(context);
        if (hasErrors(read.issues)) return { kind: "issues" as const, issues: read.issues };
        const plan = planTrialApply(read.book, changes, previewed);
        if (plan.kind !== "write") return plan;
        if (!read.sheetNames.some((name) => sameSheetName(name, SHEET.params))) {
          return { kind: "issues" as const, issues: [{ level: "error" as const, code: "trial.noParams", sheet: SHEET.params, cell: "A1", message: TRIAL_UI_TEXT.noParams }] };
        }
        const at = now();
        const sealed = await sealOutcome(assess(plan.book), { digest, now: at });
        if (sealed.outputs === null || sealed.result === null) return { kind: "issues" as const, issues: sealed.issues };
        const last = await readPrevious();
        const previous = last === null ? null : last(sealed.result.params.decimals);
        written = null;
        await writeParamCells(context, realNames.get(SHEET.params) ?? SHEET.params, plan.writes);
        const since = sinceLastRun(noteTrialApplied(sealed.outputs, plan.edits, stampTime(at)), sealed.result, previous);
        const notes = await writeOutputs(context, since.outputs, read.sheets, supports);
        written = writtenRun(since.outputs);
        const outcome = { issues: [...sealed.issues, ...notes], result: sealed.result, ...(since.lines === null ? {} : { sinceLast: since.lines }) };
        return { kind: "applied" as const, edits: plan.edits, outcome, message: TRIAL_UI_TEXT.appliedInWorkbook(appliedEditLines(plan.edits)) };
      }),

    // 分发评分表: the forms of the open workbook as one .zip download; the workbook is not changed.
    distributeForms: () =>
      run(async (context): Promise<DistributeOutcome> => {
        const formFiles = await needFormFiles();
        const { master, issues } = await readForms(context);
        if (master === null) return { issues, forms: 0 };
        const made = localTime(now()).slice(0, 10);
        const forms = makeForms(master, made);
        if (options.save === undefined) throw new Error("ExcelHost.distributeForms: no save was given");
        options.save(await formFiles.zipForms(forms), FORMS_TEXT.zipName(made));
        return { issues: [], forms: forms.length };
      }),

    // 回收, step 1: the returned files read against the workbook; nothing is written.
    previewCollect: (files: readonly ReturnedFile[], replaceFrom: readonly string[]) =>
      run(async (context): Promise<CollectPreview> => {
        collected = null;
        const now = await collectNow(context, files, replaceFrom);
        if (now.outcome !== null) collected = { files: [...files], replaceFrom: now.replaceFrom, outcome: now.outcome };
        return now.preview;
      }),

    // 回收, step 2, at the user's click: exactly the previewed cells and 回收记录. A workbook changed since the preview
    // (a cell typed, a sheet renamed) is previewed again instead, never written unseen. Only cells the merge fills are
    // written; a value replaced (以此表为准) is listed with its old value in 回收记录's 说明 and in the preview.
    applyCollect: () =>
      run(async (context) => {
        const previewed = collected;
        if (previewed === null) throw new Error("ExcelHost.applyCollect: nothing previewed");
        const now = await collectNow(context, previewed.files, previewed.replaceFrom);
        if (now.outcome === null || !sameOutcome(now.outcome, previewed.outcome)) {
          collected = now.outcome === null ? null : { ...previewed, outcome: now.outcome };
          return { stale: now.preview };
        }
        await writeEdits(context, now.outcome.edits, now.read.sheetNames, now.read.realNames);
        await writeOutputs(context, [logSheet(now.outcome.log)], now.read.sheets, supports);
        collected = null;
        return FORMS_TEXT.appliedExcel(now.outcome.filled, now.outcome.replaced.length);
      }),
    makeNotice: () => makeDocument("notice"),

    makeFeedback: () => makeDocument("feedback"),

    // Reads only: 核验 writes nothing, not even its verdict.
    verify: async (): Promise<VerifyReport> => {
      const read = await run((context) => readSheets(context, REPORT_READ));
      if (hasErrors(read.issues)) return { ok: false, verdict: read.issues[0]?.message ?? "", issues: read.issues, notes: [] };
      return verifyReport(await verifyWorkbook(read.book, digest));
    },

    // 从上年结果导入: last year's grids come from the file the user chose (read by the pane's entry); this year's 考核对象
    // and 单位更名 from the open workbook, read afresh each time (not through the learnt plan, which knows input sheets only).
    previewCarryOver: (last: WorkbookGrids) => run(async (context) => carryOverOf(last, await readInputSheets(context, CARRY_READ, FIRST_READ))),

    // Written only as previewed: a workbook changed since is previewed again. The old 考核对象 is kept renamed.
    writeCarryOver: (last: WorkbookGrids, confirmed: readonly string[]) =>
      run(async (context) => {
        const plan = carryOverOf(last, await readInputSheets(context, CARRY_READ, FIRST_READ));
        if (!carryOverStillHolds(plan, confirmed)) return { stale: plan };
        const { kept } = await writeLayoutSheets(context, plan.sheets, await sheetNames(context), supports);
        return { written: plan.sheets.map((sheet) => sheet.name), kept, file: null };
      }),

    showSheet: (sheet: string) =>
      run(async (context) => {
        context.workbook.worksheets.getItem(sheet).activate();
        await context.sync();
      }),
  };
}

export { paramRows } from "../ui/paramRows";

/** The sheets 从上年结果导入 reads from the open workbook. */
const CARRY_READ = [SHEET.units, SHEET.renames];

/** 从上年结果导入 over what was read; a sheet Excel could not read at all stops it first (its problems, nothing to write). */
function carryOverOf(last: WorkbookGrids, read: BookRead): CarryOverPlan {
  const errors = read.issues.filter((issue) => issue.level === "error");
  if (errors.length > 0) return { issues: errors, preview: [], sheets: [], changed: 0, matched: new Map(), lastOnly: [], currentOnly: [] };
  return planCarryOver(last, read.book);
}

/** 生成评分表 over what was read; a sheet Excel could not read at all stops it first. */
function layoutOf(read: BookRead): LayoutOutcome {
  return hasErrors(read.issues) ? layoutRefused(read.issues) : layoutSheets(read.book);
}
