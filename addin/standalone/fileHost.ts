import { sealOutcome } from "../../lib/integrity";
import { stampTime } from "../../lib/integrity/stamp";
import { checkAssessment, runAssessment } from "../../lib/run";
import { webDigest } from "../ui/webDigest";
import { runQuarter, type QuarterOutcome } from "../../lib/quarter";
import { INPUT_SHEETS, SHEET } from "../../lib/layout";
import type { SheetGrid, WorkbookGrids } from "../../lib/grid";
import { hasSheetNamed, parseA1Range, sameSheetName } from "../../lib/grid";
import { shownValue } from "../../lib/reader/cells";
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
import { PAGE_TRIAL_TEXT, TEXT } from "./messages";
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
  /** When the file was last modified (ms since 1970), as File.lastModified. */
  lastModified?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/** What gives the file as it is on disk now (a FileSystemFileHandle, which Chromium offers for a dropped file). */
export interface FileHandleLike {
  getFile(): Promise<FileLike>;
}

/**
 * The file the user chose. The page keeps the File (or its handle), not just its bytes: every action that reads the
 * workbook reads the file again, so a score fixed in Excel and saved counts at the next click.
 */
interface ChosenFile {
  file: FileLike;
  handle: FileHandleLike | null;
  /** What the last read of the file found. */
  diskBytes: ArrayBuffer;
  modified: Date | null;
  /** The browser can no longer read the file (changed or moved on disk since it was chosen): it must be chosen again. */
  stale: boolean;
}

/**
 * The workbook the page works on: the file's content as last read, or that content with a 试算 applied in memory
 * (then `bytes` is not the file's). A new object whenever the content changes, so that work begun on one never lands
 * on another.
 */
interface OpenedWorkbook {
  name: string;
  bytes: ArrayBuffer;
  grids: WorkbookGrids;
  source: ChosenFile;
}

/** The open file as the page shows it beside the open button. */
export interface OpenedFileState {
  name: string;
  /** The file's modified time as last read, or null when the browser does not say. */
  modified: Date | null;
  /** True once the browser refused to read the file again: 文件已修改，请重新打开. */
  stale: boolean;
}

/**
 * Raised when the chosen file can no longer be read: Chromium refuses (NotReadableError) a file changed on disk after
 * it was picked, and any browser a file deleted or moved. The message is the page's advice, in Chinese.
 */
export class FileChangedError extends Error {
  override readonly name = "FileChangedError";
  constructor(fileName: string, options?: { cause?: unknown }) {
    super(FILE_CHANGED_TEXT.message(fileName), options);
  }
}

/** What the user is told when the chosen file can no longer be read (the page's own text, shown beside 重新打开). */
export const FILE_CHANGED_TEXT = {
  title: "文件已修改，请重新打开",
  message: TEXT.fileChanged,
} as const;

/** Raised when an action needs an open workbook and none is open: the page prevents it, so it is misuse. */
export class NoWorkbookOpenError extends Error {
  override readonly name = "NoWorkbookOpenError";
  constructor() {
    super("FileHost: no workbook is open");
  }
}

/**
 * The standalone page's host: the workbook is a file on the user's computer, read into memory.
 * Every action that reads the workbook (检查数据, 计算等次, 生成评分表, 季度点评 …) reads the chosen file again, so it works
 * on the file as it is now; 计算等次 adds the output sheets to a copy of the bytes it read, which 下载结果 saves as
 * “<原名>（已计算）.xlsx”. Nothing is sent anywhere.
 * The page reaches it through LazyFileHost (lazyFileHost.ts, issue 14): a public method added here is added there too.
 */
export class FileHost implements AssessmentHost {
  private opened: OpenedWorkbook | null = null;
  /** The last state told to the page (one object per change, as useSyncExternalStore needs). */
  private state: OpenedFileState | null = null;
  private readonly listeners = new Set<() => void>();
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
  async load(file: FileLike, handle: FileHandleLike | null = null): Promise<string> {
    // Forget the previous workbook first, so that a failed open never leaves the old one looking current.
    this.opened = null;
    this.scored = null;
    this.lastRun = null;
    this.changed();
    const bytes = await file.arrayBuffer();
    // ExcelJS may detach or keep the buffer it is given: read from a copy, keep the original for writing.
    const grids = await readWorkbookGrids(bytes.slice(0));
    const source: ChosenFile = { file, handle, diskBytes: bytes, modified: modifiedOf(file), stale: false };
    this.opened = { name: file.name, bytes, grids, source };
    this.changed();
    return file.name;
  }

  /** The open workbook's file name, or null. */
  fileName(): string | null {
    return this.opened?.name ?? null;
  }

  /** The open file's name, modified time and whether it must be chosen again; null when none is open. */
  readonly fileState = (): OpenedFileState | null => this.state;

  /** Calls `listener` whenever fileState changes; returns the way to stop. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The value of a cell as the last read found it, as the user typed it ("" when empty or absent). */
  cellText(sheet: string, cell: string): string {
    const grid = this.opened?.grids.sheets.find((s) => sameSheetName(s.name, sheet));
    const at = parseA1Range(cell)?.from;
    if (grid === undefined || at === undefined || at.row === null) return "";
    return shownValue(grid.rows[at.row]?.[at.column] ?? null);
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
    return checkAssessment((await this.fresh()).grids);
  }

  async compute(onStage: (stage: ComputeStage) => void): Promise<ComputeOutcome> {
    this.scored = null;
    // 读取: the file as it is on disk now, not as it was when opened (the clerk may have fixed a score since).
    onStage("read");
    const opened = await this.fresh();
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
    const session = prepareWhatIf((await this.fresh()).grids);
    if (!("preview" in session)) return { issues: session.issues };
    return { session, fields: trialFields(session.base.params, session.base.groups.map((g) => g.rankGroup)) };
  }

  /**
   * 试算's 应用: the workbook in memory gets the new 参数 (the old sheet kept whole as 参数（原）, as the command line's
   * -o does) and is scored again; 下载结果 then saves it. The file on the user's computer is not changed.
   */
  async applyTrial(changes: readonly ParamChange[], previewed: readonly ParamEdit[]): Promise<TrialApplied> {
    const opened = await this.fresh();
    const plan = planTrialApply(opened.grids, changes, previewed);
    if (plan.kind !== "write") return plan;
    const params = plan.book.sheets.find((sheet) => sameSheetName(sheet.name, SHEET.params));
    if (params === undefined) throw new Error("FileHost.applyTrial: 参数 missing after the change");
    const year = plan.preview.result?.params.year ?? new Date().getFullYear();
    const replaced = await replaceSheets(opened.bytes.slice(0), [paramsSheetOut(params.rows, year)], keptSheetName);
    const bytes = replaced.bytes.slice().buffer;
    // The 试算 lives in memory only: the file's own content stays in `source` (fresh() keeps this while the file is unchanged).
    const updated: OpenedWorkbook = { name: opened.name, bytes, grids: await readWorkbookGrids(bytes.slice(0)), source: opened.source };
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
    return runQuarter((await this.fresh()).grids, q);
  }

  /** 季度点评 as a download: a copy of the opened file with the sheet added or replaced; the file itself is not changed. */
  async exportQuarter(q: number): Promise<QuarterOutcome> {
    const opened = await this.fresh();
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
    const opened = await this.fresh();
    const existing = indicatorRowCount(opened.grids);
    if (existing > 0 && !options.replace) throw new Error("FileHost.importIndicators: 考核指标 has rows and replace was not confirmed");
    const written = await replaceSheets(opened.bytes.slice(0), [planIndicatorsSheet(rows)], existing > 0 ? keptSheetName : undefined);
    this.deps.saveBytes(written.bytes, importedFileName(opened.name));
    return { kept: written.kept[SHEET.indicators] ?? null };
  }

  /** 分发评分表: every form of the open workbook in one .zip download; the workbook itself is not changed. */
  async distributeForms(): Promise<DistributeOutcome> {
    const opened = await this.fresh();
    const read = await readMaster(opened.grids, webDigest);
    if (read.master === null) return { issues: read.issues, forms: 0 };
    const forms = makeForms(read.master, localTime(new Date()).slice(0, 10));
    this.deps.saveBytes(zipForms(await writeForms(forms)), formsZipName(opened.name));
    return { issues: [], forms: forms.length };
  }

  /** 回收: the returned forms read against the open workbook; nothing is written until applyCollect. */
  async previewCollect(files: readonly ReturnedFile[], replaceFrom: readonly string[]): Promise<CollectPreview> {
    this.collected = null;
    const opened = await this.fresh();
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
    return layoutSheets((await this.fresh()).grids);
  }

  /**
   * 生成评分表, confirmed: downloads a copy of the open workbook with the sheets that change rebuilt and the old ones
   * kept as 评分（原）…; the file opened stays as it was. Nothing when the preview no longer holds.
   */
  async writeLayout(confirmed: readonly string[]): Promise<LayoutWritten> {
    const opened = await this.fresh();
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
    const scored = this.scored;
    const name = this.scoredFileName();
    if (scored === null || name === null) {
      // Not scored here: the file as it is now, like every other action.
      const opened = await this.fresh();
      return { grids: opened.grids, name: opened.name, scoredHere: false };
    }
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
    return planCarryOver(last, (await this.fresh()).grids);
  }

  /**
   * 从上年结果导入, confirmed: downloads a copy of the open workbook with 考核对象 filled (the old one kept as 考核对象（原）)
   * and an empty 单位更名 when planned; the file opened stays as it was. Nothing when the preview no longer holds.
   */
  async writeCarryOver(last: WorkbookGrids, confirmed: readonly string[]): Promise<CarryOverWritten> {
    const opened = await this.fresh();
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

  /**
   * The open workbook as its file is now: the file read again (through the handle when there is one, which gives the
   * file as saved since), parsed again only when its bytes changed. While the file is unchanged the workbook in memory
   * is kept, with a 试算 applied if one was.
   * @throws FileChangedError when the browser can no longer read the file, or when it changed on disk after a 试算 was
   * applied in memory (re-reading would silently drop the 试算): the page then asks to open it again.
   */
  private async fresh(): Promise<OpenedWorkbook> {
    const opened = this.requireOpen();
    const source = opened.source;
    if (source.stale) throw new FileChangedError(opened.name);
    let file = source.file;
    let bytes: ArrayBuffer;
    try {
      if (source.handle !== null) file = await source.handle.getFile();
      bytes = await file.arrayBuffer();
    } catch (error) {
      this.markStale(opened);
      throw new FileChangedError(opened.name, { cause: error });
    }
    if (sameBytes(bytes, source.diskBytes)) return opened;
    if (opened.bytes !== source.diskBytes) {
      this.markStale(opened);
      throw new FileChangedError(opened.name);
    }
    // A file saved half-way or as another format is refused here, as at opening (NotAWorkbookError): the last read stays.
    const grids = await readWorkbookGrids(bytes.slice(0));
    const updated: OpenedWorkbook = { name: opened.name, bytes, grids, source };
    if (this.opened === opened) {
      source.diskBytes = bytes;
      source.modified = modifiedOf(file) ?? source.modified;
      this.opened = updated;
      this.changed();
    }
    return updated;
  }

  private markStale(opened: OpenedWorkbook): void {
    if (this.opened?.source !== opened.source) return;
    opened.source.stale = true;
    // The copy scored from the old content is no longer offered (nor used for 通报 or 核验).
    this.scored = null;
    this.changed();
  }

  private changed(): void {
    const opened = this.opened;
    this.state = opened === null ? null : { name: opened.name, modified: opened.source.modified, stale: opened.source.stale };
    for (const listener of this.listeners) listener();
  }
}

function modifiedOf(file: FileLike): Date | null {
  return typeof file.lastModified === "number" && Number.isFinite(file.lastModified) && file.lastModified > 0 ? new Date(file.lastModified) : null;
}

function sameBytes(a: ArrayBuffer, b: ArrayBuffer): boolean {
  if (a === b) return true;
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  for (let i = 0; i < x.length; i += 1) if (x[i] !== y[i]) return false;
  return true;
}

function isEmptySheet(sheet: SheetGrid): boolean {
  return sheet.rows.every((row) => row.every((cell) => cell === null || cell === ""));
}
