import { sealOutcome } from "../../lib/integrity";
import { stampTime } from "../../lib/integrity/stamp";
import { checkAssessment, runAssessment } from "../../lib/run";
import { webDigest } from "../ui/webDigest";
import { runQuarter, type QuarterOutcome } from "../../lib/quarter";
import { INPUT_SHEETS, SHEET } from "../../lib/layout";
import type { SheetGrid, WorkbookGrids } from "../../lib/grid";
import { hasSheetNamed, sameSheetName } from "../../lib/grid";
import type { Issue } from "../../lib/issue";
import type {
  AssessmentHost,
  ComputeOutcome,
  ComputeStage,
  LayoutWritten,
  ParamRow,
  TemplateOutcome,
  TemplateRequest,
} from "../ui/host";
import { indicatorRowCount, keptSheetName, planContext, planIndicatorsSheet, planUnits, type PlanContext, type PlanIndicator, type PlanUnit } from "../../lib/plan";
import { buildWorkbook, NotAWorkbookError, readWorkbookGrids, replaceSheets, writeOutputSheets } from "../../files/xlsx";
import { applyCollect as writeCollect, writeForms, zipForms } from "../../files/forms";
import { collectReturns, COLLECT_TEXT, localTime, logSheet, makeForms, readMaster, readReturn, type CollectOutcome, type FormReturn } from "../../lib/forms";
import type { CollectPreview, DistributeOutcome, ReturnedFile } from "../ui/host";
import { collectedFileName, formsZipName, importedFileName, layoutFileName, quarterFileName, scoredFileName, templateFileName } from "./fileName";
import { layoutSheets, previewStillHolds, type LayoutOutcome } from "../../lib/template";

import { paramRows } from "../ui/paramRows";
import { prepareWhatIf, previousRun, type ParamChange, type ParamEdit, type PreviousRun } from "../../lib/whatif";
import { appliedEditLines, noteTrialApplied, paramsSheetOut, planTrialApply, runOfOutputs, sinceLastRun, trialFields } from "../../lib/whatif/trial";
import type { TrialApplied, TrialStart } from "../ui/host";
import { PAGE_TRIAL_TEXT } from "./messages";
import { verifyWorkbook } from "../../lib/integrity";
import { FEEDBACK_ZIP, NOTICE_FILE } from "../../lib/report";
import type { ReportMade, VerifyReport } from "../ui/host";
import { REPORT_TEXT } from "../ui/reportMessages";
import { prepareForPane, verifyReport } from "../ui/reportShown";
import { carryOverStillHolds, planCarryOver, type CarryOverPlan } from "../../lib/carryover";
import type { CarryOverWritten } from "../ui/host";
import { carryOverFileName } from "./fileName";

/** What a file host needs from the browser, injected so the host can be tested without one. */
export interface FileHostDeps {
  /** Asks the user for a file (a file picker); null when cancelled. */
  pickFile: () => Promise<FileLike | null>;
  /** Saves bytes as a file on the user's computer. */
  saveBytes: (bytes: Uint8Array, fileName: string) => void;
}

/** The part of a browser File the host uses. */
export interface FileLike {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

interface OpenedWorkbook {
  name: string;
  bytes: ArrayBuffer;
  grids: WorkbookGrids;
}

/** Raised when an action needs an open workbook and none is open: the page prevents it, so it is misuse. */
export class NoWorkbookOpenError extends Error {
  override readonly name = "NoWorkbookOpenError";
  constructor() {
    super("FileHost: no workbook is open");
  }
}

/**
 * The standalone page's host: the workbook is a file on the user's computer, read into memory.
 * Opening reads the grids once; 计算等次 adds the output sheets to a copy of the original bytes,
 * which 下载结果 saves as “<原名>（已计算）.xlsx”. Nothing is sent anywhere.
 * The page reaches it through LazyFileHost (lazyFileHost.ts, issue 14): a public method added here is added there too.
 */
export class FileHost implements AssessmentHost {
  private opened: OpenedWorkbook | null = null;
  private scored: Uint8Array | null = null;
  /** The last 回收 previewed, for 下载合并后的工作簿: the workbook it was made for and its outcome. */
  private collected: { opened: OpenedWorkbook; outcome: CollectOutcome } | null = null;
  /**
   * The last 计算等次 of the open workbook on this page (its 结果 and 核验 rows), the "last run" the next one is compared
   * with; before any, the 结果 the file itself holds.
   */
  private lastRun: PreviousRun | null = null;

  /** The scored copy read back as grids, for 通报、反馈单、核验 (read once per 计算等次). */
  private scoredRead: { bytes: Uint8Array; grids: WorkbookGrids } | null = null;

  constructor(private readonly deps: FileHostDeps) {}

  /**
   * Opens a workbook from a file (picked or dropped) and returns its name.
   * @throws NotAWorkbookError when the file is not an .xlsx workbook; then no workbook is open.
   */
  async load(file: FileLike): Promise<string> {
    // Forget the previous workbook first, so that a failed open never leaves the old one looking current.
    this.opened = null;
    this.scored = null;
    this.lastRun = null;
    const bytes = await file.arrayBuffer();
    // ExcelJS may detach or keep the buffer it is given: read from a copy, keep the original for writing.
    const grids = await readWorkbookGrids(bytes.slice(0));
    this.opened = { name: file.name, bytes, grids };
    return file.name;
  }

  /** The open workbook's file name, or null. */
  fileName(): string | null {
    return this.opened?.name ?? null;
  }

  /** True when the open workbook has no value in any cell of any sheet. */
  isEmptyWorkbook(): boolean {
    return this.requireOpen().grids.sheets.every(isEmptySheet);
  }

  /** The download name of the scored copy, once 计算等次 has succeeded; otherwise null. */
  scoredFileName(): string | null {
    return this.opened !== null && this.scored !== null ? scoredFileName(this.opened.name) : null;
  }

  async openFile(): Promise<string | null> {
    const file = await this.deps.pickFile();
    return file === null ? null : this.load(file);
  }

  async listExistingInputSheets(): Promise<string[]> {
    const names = this.opened?.grids.sheets.map((sheet) => sheet.name) ?? [];
    return INPUT_SHEETS.filter((name) => hasSheetNamed(names, name));
  }

  /** 下载考核模板: a new workbook file with every input sheet; the open workbook is never touched. */
  async createTemplate(request: TemplateRequest): Promise<TemplateOutcome> {
    // Loaded when first asked for, like ExcelJS, which writes it: the template and the example county are not part of
    // the page's first load (issue 14).
    const { buildTemplate } = await import("../../lib/template");
    const sheets = buildTemplate({ year: request.year, example: request.example });
    const bytes = await buildWorkbook(sheets);
    this.deps.saveBytes(bytes, templateFileName(request.year, request.example));
    return { created: sheets.map((sheet) => sheet.name), kept: [] };
  }

  async check(): Promise<Issue[]> {
    return checkAssessment(this.requireOpen().grids);
  }

  async compute(onStage: (stage: ComputeStage) => void): Promise<ComputeOutcome> {
    const opened = this.requireOpen();
    this.scored = null;
    // The grids were read when the file was opened; 读取 is reported so the stages match the add-in's.
    onStage("read");
    onStage("compute");
    return this.scoreOpened(opened, onStage, []);
  }

  /**
   * Scores the open workbook into the download copy: the 核验 fingerprint at the end of 计算说明 (Web Crypto's SHA-256,
   * as the command line's node:crypto), then the 参数 cells a 试算 just wrote, then the run these results replace.
   */
  private async scoreOpened(opened: OpenedWorkbook, onStage: (stage: ComputeStage) => void, applied: readonly ParamEdit[]): Promise<ComputeOutcome> {
    const now = new Date();
    const outcome = await sealOutcome(runAssessment(opened.grids), { digest: webDigest, now });
    if (outcome.outputs === null || outcome.result === null) return { issues: outcome.issues, result: null };
    const places = outcome.result.params.decimals;
    const since = sinceLastRun(noteTrialApplied(outcome.outputs, applied, stampTime(now)), outcome.result, this.lastRun ?? previousRun(opened.grids, places));
    onStage("write");
    const scored = await writeOutputSheets(opened.bytes.slice(0), since.outputs);
    // Another workbook opened meanwhile: this copy belongs to the old one and must never download under the new name.
    if (this.opened === opened) {
      this.scored = scored;
      this.lastRun = runOfOutputs(outcome.outputs, places);
    }
    return { issues: outcome.issues, result: outcome.result, ...(since.lines === null ? {} : { sinceLast: since.lines }) };
  }

  /** 试算: the open workbook's 参数 as fields and a preview over the grids in memory; nothing is written. */
  async prepareTrial(): Promise<TrialStart> {
    const session = prepareWhatIf(this.requireOpen().grids);
    if (!("preview" in session)) return { issues: session.issues };
    return { session, fields: trialFields(session.base.params, session.base.groups.map((g) => g.rankGroup)) };
  }

  /**
   * 试算's 应用: the workbook in memory gets the new 参数 (the old sheet kept whole as 参数（原）, as the command line's
   * -o does) and is scored again; 下载结果 then saves it. The file on the user's computer is not changed.
   */
  async applyTrial(changes: readonly ParamChange[], previewed: readonly ParamEdit[]): Promise<TrialApplied> {
    const opened = this.requireOpen();
    const plan = planTrialApply(opened.grids, changes, previewed);
    if (plan.kind !== "write") return plan;
    const params = plan.book.sheets.find((sheet) => sameSheetName(sheet.name, SHEET.params));
    if (params === undefined) throw new Error("FileHost.applyTrial: 参数 missing after the change");
    const year = plan.preview.result?.params.year ?? new Date().getFullYear();
    const replaced = await replaceSheets(opened.bytes.slice(0), [paramsSheetOut(params.rows, year)], keptSheetName);
    const bytes = replaced.bytes.slice().buffer;
    const updated: OpenedWorkbook = { name: opened.name, bytes, grids: await readWorkbookGrids(bytes.slice(0)) };
    if (this.opened !== opened) throw new Error("FileHost.applyTrial: another workbook was opened meanwhile");
    this.opened = updated;
    this.scored = null;
    const outcome = await this.scoreOpened(updated, () => undefined, plan.edits);
    const kept = replaced.kept[SHEET.params] ?? `${SHEET.params}（原）`;
    return { kind: "applied", edits: plan.edits, outcome, message: PAGE_TRIAL_TEXT.trialApplied(appliedEditLines(plan.edits), kept, scoredFileName(opened.name)) };
  }

  async readParams(): Promise<ParamRow[]> {
    const sheet = this.opened?.grids.sheets.find((s) => sameSheetName(s.name, SHEET.params));
    if (sheet === undefined) return [];
    return paramRows(sheet.rows);
  }

  /** 下载结果: only after a successful 计算等次 (never with errors: then there is nothing to save). */
  async quarter(q: number): Promise<QuarterOutcome> {
    return runQuarter(this.requireOpen().grids, q);
  }

  /** 季度点评 as a download: a copy of the opened file with the sheet added or replaced; the file itself is not changed. */
  async exportQuarter(q: number): Promise<QuarterOutcome> {
    const opened = this.requireOpen();
    const outcome = runQuarter(opened.grids, q);
    if (outcome.sheet === null) return outcome;
    const bytes = await writeOutputSheets(opened.bytes.slice(0), [outcome.sheet]);
    this.deps.saveBytes(bytes, quarterFileName(opened.name, q));
    return outcome;
  }

  async saveFile(): Promise<void> {
    const name = this.scoredFileName();
    if (this.scored === null || name === null) throw new Error("FileHost.saveFile: nothing has been computed");
    this.deps.saveBytes(this.scored, name);
  }

  /** 考核对象 of the open workbook (for 导入工作安排's warnings); undefined when none is open or it has no such sheet. */
  planUnits(): PlanUnit[] | undefined {
    return this.opened === null ? undefined : planUnits(this.opened.grids);
  }

  async readPlanContext(): Promise<PlanContext> {
    return this.opened === null ? { units: undefined, indicatorRows: 0 } : planContext(this.opened.grids);
  }

  /** Indicator rows the open workbook's 考核指标 already holds (0 when none is open). */
  indicatorRowCount(): number {
    return this.opened === null ? 0 : indicatorRowCount(this.opened.grids);
  }

  /**
   * 写入考核指标: downloads a copy of the open workbook with 考核指标 replaced by the imported rows; the file opened
   * stays as it was. Existing indicators are replaced only with `replace`, and then kept as 考核指标（原）.
   * @throws Error when the sheet has indicators and `replace` is false (the page asks first, so it is misuse).
   */
  async importIndicators(rows: readonly PlanIndicator[], options: { replace: boolean }): Promise<{ kept: string | null }> {
    const opened = this.requireOpen();
    const existing = indicatorRowCount(opened.grids);
    if (existing > 0 && !options.replace) throw new Error("FileHost.importIndicators: 考核指标 has rows and replace was not confirmed");
    const written = await replaceSheets(opened.bytes.slice(0), [planIndicatorsSheet(rows)], existing > 0 ? keptSheetName : undefined);
    this.deps.saveBytes(written.bytes, importedFileName(opened.name));
    return { kept: written.kept[SHEET.indicators] ?? null };
  }

  /** 分发评分表: every form of the open workbook in one .zip download; the workbook itself is not changed. */
  async distributeForms(): Promise<DistributeOutcome> {
    const opened = this.requireOpen();
    const read = await readMaster(opened.grids, webDigest);
    if (read.master === null) return { issues: read.issues, forms: 0 };
    const forms = makeForms(read.master, localTime(new Date()).slice(0, 10));
    this.deps.saveBytes(zipForms(await writeForms(forms)), formsZipName(opened.name));
    return { issues: [], forms: forms.length };
  }

  /** 回收: the returned forms read against the open workbook; nothing is written until applyCollect. */
  async previewCollect(files: readonly ReturnedFile[], replaceFrom: readonly string[]): Promise<CollectPreview> {
    const opened = this.requireOpen();
    this.collected = null;
    const read = await readMaster(opened.grids, webDigest);
    if (read.master === null) return { ok: false, log: [], issues: read.issues, filled: 0, replaced: [], replaceFrom: [] };
    const master = read.master;
    const returns: FormReturn[] = [];
    for (const file of files) {
      try {
        returns.push(readReturn(file.name, file.modified, await readWorkbookGrids(file.bytes.slice(0)), master));
      } catch (error) {
        if (!(error instanceof NotAWorkbookError)) throw error;
        returns.push({ file: file.name, modified: file.modified, identity: null, cells: [], blanks: [], issues: [], refusal: COLLECT_TEXT.notAForm(file.name) });
      }
    }
    const chosen = replaceFrom.filter((name) => returns.some((form) => form.file === name));
    const outcome = collectReturns(master, returns, { replaceFrom: new Set(chosen) });
    if (outcome.ok) this.collected = { opened, outcome };
    return { ok: outcome.ok, log: outcome.log, issues: outcome.issues, filled: outcome.filled, replaced: outcome.replaced, replaceFrom: chosen };
  }

  /** 下载合并后的工作簿: a copy of the open file with the merged cells and 回收记录; the file itself is not changed. */
  async applyCollect(): Promise<string> {
    const collected = this.collected;
    if (collected === null || collected.opened !== this.opened) throw new Error("FileHost.applyCollect: nothing previewed for this workbook");
    const bytes = await writeCollect(collected.opened.bytes.slice(0), collected.outcome.edits, logSheet(collected.outcome.log));
    const name = collectedFileName(collected.opened.name);
    this.deps.saveBytes(bytes, name);
    return `已下载“${name}”：从收回的表合并 ${collected.outcome.filled} 处新值，加上“回收记录”表；“${collected.opened.name}”本身不变。请打开它继续检查数据、计算等次。`;
  }

  /** 生成评分表's preview of the open workbook; writes nothing. */
  async previewLayout(): Promise<LayoutOutcome> {
    return layoutSheets(this.requireOpen().grids);
  }

  /**
   * 生成评分表, confirmed: downloads a copy of the open workbook with the sheets that change rebuilt and the old ones
   * kept as 评分（原）…; the file opened stays as it was. Nothing when the preview no longer holds.
   */
  async writeLayout(confirmed: readonly string[]): Promise<LayoutWritten> {
    const opened = this.requireOpen();
    const outcome = layoutSheets(opened.grids);
    if (!previewStillHolds(outcome, confirmed)) return { stale: outcome };
    if (outcome.sheets.length === 0) return { written: [], kept: [] };
    const written = await replaceSheets(opened.bytes.slice(0), outcome.sheets, keptSheetName);
    this.deps.saveBytes(written.bytes, layoutFileName(opened.name));
    return { written: outcome.sheets.map((sheet) => sheet.name), kept: Object.values(written.kept).filter((name): name is string => name !== null) };
  }

  /**
   * The workbook 通报、反馈单 and 核验 work on: once 计算等次 has run on the page, the scored copy read back from its bytes
   * (exactly what 下载结果 saves); otherwise the file as opened (a workbook scored elsewhere, or not scored: then the
   * documents are made from the inputs scored in memory, and 核验 says to score it first).
   */
  private async reportBook(): Promise<{ grids: WorkbookGrids; name: string; scoredHere: boolean }> {
    const opened = this.requireOpen();
    const scored = this.scored;
    const name = this.scoredFileName();
    if (scored === null || name === null) return { grids: opened.grids, name: opened.name, scoredHere: false };
    if (this.scoredRead?.bytes !== scored) this.scoredRead = { bytes: scored, grids: await readWorkbookGrids(scored.slice(0)) };
    return { grids: this.scoredRead.grids, name, scoredHere: true };
  }

  /** 生成通报: downloads 考核结果通报.docx; nothing when the workbook fails 核验. The workbook is not changed. */
  async makeNotice(): Promise<ReportMade> {
    const prepared = await prepareForPane((await this.reportBook()).grids, webDigest);
    if (!prepared.ok) return prepared.made;
    // The Word writer (the docx package) is loaded when first asked for, not with the page.
    const { writeNoticeDocx } = await import("../../files/docx");
    this.deps.saveBytes(await writeNoticeDocx(prepared.report.notice), NOTICE_FILE);
    return { file: NOTICE_FILE, lines: prepared.report.lines, issues: [] };
  }

  /** 生成反馈单: downloads 反馈单.zip, one .docx per unit named as the command line names them. */
  async makeFeedback(): Promise<ReportMade> {
    const prepared = await prepareForPane((await this.reportBook()).grids, webDigest);
    if (!prepared.ok) return prepared.made;
    const { writeFeedbackZip } = await import("../../files/docx");
    this.deps.saveBytes(await writeFeedbackZip(prepared.report.feedback), FEEDBACK_ZIP);
    return { file: FEEDBACK_ZIP, lines: prepared.report.lines, issues: [] };
  }

  /** 核验 of the scored copy made here, or of the file opened; writes nothing. */
  async verify(): Promise<VerifyReport> {
    const book = await this.reportBook();
    const checked = book.scoredHere ? REPORT_TEXT.checkedScored(book.name) : REPORT_TEXT.checkedOpened(book.name);
    return verifyReport(await verifyWorkbook(book.grids, webDigest), checked);
  }

  /** 从上年结果导入: last year's workbook, a file the user chose, as grids (never kept, never written). */
  async readLastYearFile(_name: string, bytes: Uint8Array): Promise<WorkbookGrids> {
    return readWorkbookGrids(bytes.slice(0));
  }

  /** 从上年结果导入's preview for the open workbook; writes nothing. */
  async previewCarryOver(last: WorkbookGrids): Promise<CarryOverPlan> {
    return planCarryOver(last, this.requireOpen().grids);
  }

  /**
   * 从上年结果导入, confirmed: downloads a copy of the open workbook with 考核对象 filled (the old one kept as 考核对象（原）)
   * and an empty 单位更名 when planned; the file opened stays as it was. Nothing when the preview no longer holds.
   */
  async writeCarryOver(last: WorkbookGrids, confirmed: readonly string[]): Promise<CarryOverWritten> {
    const opened = this.requireOpen();
    const plan = planCarryOver(last, opened.grids);
    if (!carryOverStillHolds(plan, confirmed)) return { stale: plan };
    if (plan.sheets.length === 0) return { written: [], kept: [], file: null };
    const written = await replaceSheets(opened.bytes.slice(0), plan.sheets, keptSheetName);
    const file = carryOverFileName(opened.name);
    this.deps.saveBytes(written.bytes, file);
    return { written: plan.sheets.map((sheet) => sheet.name), kept: Object.values(written.kept).filter((name): name is string => name !== null), file };
  }

  private requireOpen(): OpenedWorkbook {
    if (this.opened === null) throw new NoWorkbookOpenError();
    return this.opened;
  }
}

function isEmptySheet(sheet: SheetGrid): boolean {
  return sheet.rows.every((row) => row.every((cell) => cell === null || cell === ""));
}
