import type { ListValidation, RangeStyle, SheetOut } from "../../lib/format";
import { becomesValueIfWritten } from "../../lib/format";
import { cellAddress, columnName, sameSheetName, type CellValue, type SheetGrid, type WorkbookGrids } from "../../lib/grid";
import type { Issue } from "../../lib/issue";
import { INPUT_SHEETS, OUTPUT_SHEETS, SHEET } from "../../lib/layout";
import { runQuarter } from "../../lib/quarter";
import { checkAssessment, runAssessment, type RunOutcome } from "../../lib/run";
import { buildTemplate, type TemplateOptions } from "../../lib/template";
import type { AssessmentHost, ComputeOutcome, ComputeStage, TemplateOutcome, TemplateRequest } from "../ui/host";
import { paramRows } from "../ui/paramRows";
import { prepareWhatIf, previousRun, type PreviousRun } from "../../lib/whatif";
import { appliedEditLines, noteTrialApplied, planTrialApply, sinceLastRun, trialFields, type CellWrite } from "../../lib/whatif/trial";
import { stampTime } from "../../lib/integrity";
import type { TrialApplied, TrialStart } from "../ui/host";
import { TRIAL_UI_TEXT } from "../ui/trialMessages";
import { XL, type WpsApplication, type WpsRange, type WpsWorkbook, type WpsWorksheet } from "./model";

/** What the WPS host needs from outside; tests pass a fake application. */
export interface WpsHostOptions {
  /** WPS 表格's Application (`wps.EtApplication()` inside WPS). */
  app: () => WpsApplication;
  assess?: (book: WorkbookGrids) => RunOutcome;
  check?: (book: WorkbookGrids) => Issue[];
  template?: (options: TemplateOptions) => SheetOut[];
  /** The time 试算's 应用 records in 计算说明 (now by default). */
  now?: () => Date;
}

export const WPS_TEXT = {
  noWorkbook: "WPS 表格中没有打开的工作簿。请先打开考核工作簿，再点击按钮。",
  refused: (said: string) =>
    `WPS 没有完成这一步${said === "" ? "" : `（WPS 提示：${said}）`}。若工作表或工作簿受保护，请在“审阅”选项卡撤销保护后再试；` +
    "否则请关闭 WPS 中打开的对话框、结束正在编辑的单元格，再点一次按钮。",
} as const;

/** No workbook is open: its message says so in Chinese, and the pane shows it as it is (addin/ui/errors.ts). */
export class NoWorkbookError extends Error {
  override name = "NoWorkbookError";
}

/**
 * Anything else WPS threw (a protected sheet, a name it refuses, a member this version lacks), said in Chinese with
 * what to do, WPS's own words kept: WPS's exceptions carry no codes the pane could map (unlike Office.js).
 */
export class WpsRefusedError extends Error {
  override name = "WpsRefusedError";
}

/** A failure as the pane should show it. */
export function inWords(error: unknown): Error {
  if (error instanceof NoWorkbookError || error instanceof WpsRefusedError) return error;
  const said = error instanceof Error ? error.message : typeof error === "string" ? error : "";
  return new WpsRefusedError(WPS_TEXT.refused(said));
}

/** The host with every method's failure put in words (inWords). */
function sayingWhy(host: AssessmentHost): AssessmentHost {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(host)) {
    if (typeof method !== "function") continue;
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (method as (...a: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        throw inWords(error);
      }
    };
  }
  return wrapped as unknown as AssessmentHost;
}

/** The mark of a sheet this host writes before swapping it in: 结果（新）. A run that died leaves it; the next removes it. */
const TEMPORARY = /（新\d*）$/;

/**
 * VBA error values as WPS's JSAPI may return them from Value2 (CVErr as HRESULT numbers), and the error texts: both are
 * read as Excel error values so the reader names the cell. Which of the two forms WPS gives is not verified in a real WPS.
 */
const ERROR_CODES = new Map<number, string>([
  [-2146826288, "#NULL!"],
  [-2146826281, "#DIV/0!"],
  [-2146826273, "#VALUE!"],
  [-2146826265, "#REF!"],
  [-2146826259, "#NAME?"],
  [-2146826252, "#NUM!"],
  [-2146826246, "#N/A"],
]);
const ERROR_TEXTS = new Set(ERROR_CODES.values());

/** One cell read through WPS's Value2 → the library's CellValue. */
export function fromWps(value: unknown): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") return ERROR_CODES.has(value) ? { error: ERROR_CODES.get(value) ?? "#N/A" } : value;
  if (typeof value === "string") return ERROR_TEXTS.has(value) ? { error: value } : value;
  if (typeof value === "boolean") return value;
  return String(value);
}

/** One value to write through Value2: text WPS would turn into a formula, number, date or truth value gets an apostrophe. */
export function toWps(value: string | number | boolean | null): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string" && becomesValueIfWritten(value)) return `'${value}`;
  return value;
}

/** A used range's values placed back on the sheet's grid: row 0 is row 1, column 0 is column A. */
export function gridOf(range: Pick<WpsRange, "Value2" | "Row" | "Column">): CellValue[][] {
  const raw = range.Value2;
  const rows: unknown[][] = Array.isArray(raw) ? (raw as unknown[]).map((row) => (Array.isArray(row) ? (row as unknown[]) : [row])) : [[raw]];
  const grid: CellValue[][] = [];
  for (let r = 1; r < range.Row; r += 1) grid.push([]);
  for (const row of rows) grid.push([...new Array<CellValue>(range.Column - 1).fill(null), ...row.map(fromWps)]);
  // An empty sheet's used range is A1 holding nothing.
  return grid.every((row) => row.every((cell) => cell === null)) ? [] : grid;
}

function sheetsOf(book: WpsWorkbook): WpsWorksheet[] {
  const list: WpsWorksheet[] = [];
  for (let i = 1; i <= book.Sheets.Count; i += 1) list.push(book.Sheets.Item(i));
  return list;
}

function find(list: readonly WpsWorksheet[], name: string): WpsWorksheet | undefined {
  return list.find((sheet) => sheet.Name === name) ?? list.find((sheet) => sameSheetName(sheet.Name, name));
}

/** "#RRGGBB" → VBA's colour number (red + green × 256 + blue × 65536). */
export function vbaColor(hex: string): number {
  const n = Number.parseInt(hex.replace("#", ""), 16);
  return ((n >> 16) & 0xff) + ((n >> 8) & 0xff) * 256 + (n & 0xff) * 65536;
}

/** Values of a sheet as one block (rows padded to one width), written in one assignment. */
function writeValues(sheet: WpsWorksheet, out: SheetOut): void {
  const width = out.rows.reduce((widest, row) => Math.max(widest, row.length), 0);
  if (out.rows.length === 0 || width === 0) return;
  const block = out.rows.map((row) => Array.from({ length: width }, (_, c) => toWps(row[c] ?? null)));
  sheet.Range(`A1:${cellAddress(out.rows.length - 1, width - 1)}`).Value2 = block;
}

function applyStyle(sheet: WpsWorksheet, style: RangeStyle): void {
  const range = sheet.Range(style.range);
  if (style.numberFormat !== undefined) range.NumberFormat = style.numberFormat;
  if (style.fill !== undefined) range.Interior.Color = vbaColor(style.fill);
  if (style.bold === true) range.Font.Bold = true;
  if (style.wrap === true) range.WrapText = true;
  if (style.horizontal === "center") range.HorizontalAlignment = XL.center;
  if (style.horizontal === "left") range.HorizontalAlignment = XL.left;
}

function applyValidation(sheet: WpsWorksheet, validation: ListValidation): void {
  const range = sheet.Range(validation.range);
  range.Validation.Delete();
  range.Validation.Add(XL.validateList, XL.alertStop, 1, validation.list.join(","));
}

/**
 * Widths, styles and drop-downs. Each is cosmetic: one that WPS refuses (a version without the member, a list it
 * cannot hold) is counted and skipped, never a failed 计算等次.
 */
function applyFormats(sheet: WpsWorksheet, out: SheetOut): number {
  let skipped = 0;
  const attempt = (step: () => void) => {
    try {
      step();
    } catch {
      skipped += 1;
    }
  };
  out.format.columnWidths.forEach((width, column) => attempt(() => (sheet.Range(`${columnName(column)}:${columnName(column)}`).ColumnWidth = width)));
  for (const style of out.format.styles) attempt(() => applyStyle(sheet, style));
  for (const validation of out.format.validations) attempt(() => applyValidation(sheet, validation));
  return skipped;
}

function temporaryName(name: string, taken: readonly string[]): string {
  for (let n = 1; ; n += 1) {
    const candidate = `${name}（新${n === 1 ? "" : String(n)}）`;
    if (!taken.some((other) => sameSheetName(other, candidate))) return candidate;
  }
}

/**
 * Writes output sheets so that the workbook shows the old ones or the new ones, never a mix: each new sheet is written
 * whole under a temporary name; only then are the old ones deleted and the new ones renamed. If anything fails before
 * the swap, the temporaries go and the old outputs stay. Input sheets are never touched.
 */
export function writeOutputSheets(app: WpsApplication, book: WpsWorkbook, outputs: readonly SheetOut[]): void {
  for (const out of outputs) {
    if ((INPUT_SHEETS as readonly string[]).includes(out.name)) throw new Error(`refusing to replace input sheet ${out.name}`);
  }
  removeLeftovers(app, book);
  const built: { out: SheetOut; sheet: WpsWorksheet }[] = [];
  try {
    for (const out of outputs) {
      const list = sheetsOf(book);
      const sheet = book.Sheets.Add(undefined, list[list.length - 1]);
      // Ours from the moment it exists: a failure from here on removes it.
      built.push({ out, sheet });
      sheet.Name = temporaryName(out.name, list.map((s) => s.Name));
      writeValues(sheet, out);
    }
  } catch (error) {
    withoutAlerts(app, () => built.forEach(({ sheet }) => quietly(() => sheet.Delete())));
    throw error;
  }
  withoutAlerts(app, () => {
    for (const { out } of built) {
      const old = find(sheetsOf(book), out.name);
      if (old === undefined) continue;
      // A sheet made very hidden cannot be deleted as it is.
      if (old.Visible !== XL.sheetVisible) old.Visible = XL.sheetVisible;
      old.Delete();
    }
  });
  for (const { out, sheet } of built) sheet.Name = out.name;
  for (const { out, sheet } of built) applyFormats(sheet, out);
  built[0]?.sheet.Activate();
}

/** Temporaries a run that died left behind (ours only: an output's name with （新…）). */
function removeLeftovers(app: WpsApplication, book: WpsWorkbook): void {
  const outputs: readonly string[] = [...OUTPUT_SHEETS, SHEET.quarterReview];
  const left = sheetsOf(book).filter((sheet) => TEMPORARY.test(sheet.Name) && outputs.includes(sheet.Name.replace(TEMPORARY, "")));
  if (left.length > 0) withoutAlerts(app, () => left.forEach((sheet) => quietly(() => sheet.Delete())));
}

function withoutAlerts(app: WpsApplication, step: () => void): void {
  const before = app.DisplayAlerts;
  app.DisplayAlerts = false;
  try {
    step();
  } finally {
    app.DisplayAlerts = before;
  }
}

function quietly(step: () => unknown): void {
  try {
    step();
  } catch {
    // Cleaning up after a failure: the failure itself is what the user needs to see.
  }
}

/** The task pane's host inside WPS 表格: the only code that touches the `wps` object model. Everything is synchronous there. */
export function createWpsHost(options: WpsHostOptions): AssessmentHost {
  const assess = options.assess ?? runAssessment;
  const checkBook = options.check ?? checkAssessment;
  const template = options.template ?? buildTemplate;
  let realNames = new Map<string, string>();

  const workbook = (): WpsWorkbook => {
    const book = options.app().ActiveWorkbook;
    if (book === null || book === undefined) throw new NoWorkbookError(WPS_TEXT.noWorkbook);
    return book;
  };

  /** The named sheets as grids, in the workbook's order, found by name as people see it (stray spaces forgiven). */
  const read = (names: readonly string[]): WorkbookGrids => {
    const list = sheetsOf(workbook());
    realNames = new Map();
    const sheets: SheetGrid[] = [];
    for (const sheet of list) {
      const name = names.find((wanted) => sameSheetName(sheet.Name, wanted));
      if (name === undefined) continue;
      if (sheet.Name !== name) realNames.set(name, sheet.Name);
      sheets.push({ name: sheet.Name, rows: gridOf(sheet.UsedRange) });
    }
    return { sheets };
  };

  /**
   * The results the workbook already holds (结果 and 计算说明), for "what changed since the last run": read before the
   * input sheets, since `read` forgets the real names of the sheets read before.
   */
  const readOutputs = (): WorkbookGrids => read([SHEET.results, SHEET.audit]);
  const previousOf = (outputs: WorkbookGrids, places: number): PreviousRun | null => (outputs.sheets.length === 0 ? null : previousRun(outputs, places));

  /** 试算's 参数 cells, one Value2 each, text that WPS would take for a formula or number kept as text. */
  const writeCells = (writes: readonly CellWrite[]): boolean => {
    const sheet = find(sheetsOf(workbook()), realNames.get(SHEET.params) ?? SHEET.params);
    if (sheet === undefined) return false;
    for (const write of writes) {
      const value = write.value;
      const plain = value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : value instanceof Date ? value.toISOString().slice(0, 10) : value.error;
      sheet.Range(write.cell).Value2 = toWps(plain);
    }
    return true;
  };

  return sayingWhy({
    prepareTrial: async (): Promise<TrialStart> => {
      const session = prepareWhatIf(read(INPUT_SHEETS));
      if (!("preview" in session)) return { issues: session.issues };
      return { session, fields: trialFields(session.base.params, session.base.groups.map((g) => g.rankGroup)) };
    },

    // Only at the user's click after the preview: exactly the 参数 cells previewed, the old values kept in 计算说明.
    applyTrial: async (changes, previewed): Promise<TrialApplied> => {
      const old = readOutputs();
      const plan = planTrialApply(read(INPUT_SHEETS), changes, previewed);
      if (plan.kind !== "write") return plan;
      const outcome = assess(plan.book);
      if (outcome.outputs === null || outcome.result === null) return { kind: "issues", issues: outcome.issues };
      const last = previousOf(old, outcome.result.params.decimals);
      if (!writeCells(plan.writes)) return { kind: "issues", issues: [{ level: "error", code: "trial.noParams", sheet: SHEET.params, cell: "A1", message: TRIAL_UI_TEXT.noParams }] };
      const since = sinceLastRun(noteTrialApplied(outcome.outputs, plan.edits, stampTime((options.now ?? (() => new Date()))())), outcome.result, last);
      writeOutputSheets(options.app(), workbook(), since.outputs);
      const done = { issues: outcome.issues, result: outcome.result, ...(since.lines === null ? {} : { sinceLast: since.lines }) };
      return { kind: "applied", edits: plan.edits, outcome: done, message: TRIAL_UI_TEXT.appliedInWorkbook(appliedEditLines(plan.edits)) };
    },

    listExistingInputSheets: async () => {
      const names = sheetsOf(workbook()).map((sheet) => sheet.Name);
      return INPUT_SHEETS.filter((name) => names.some((other) => sameSheetName(other, name)));
    },

    createTemplate: async (request: TemplateRequest): Promise<TemplateOutcome> => {
      const book = workbook();
      const created: string[] = [];
      const kept: string[] = [];
      for (const out of template({ year: request.year, example: request.example })) {
        const list = sheetsOf(book);
        if (find(list, out.name) !== undefined) {
          kept.push(out.name);
          continue;
        }
        const sheet = book.Sheets.Add(undefined, list[list.length - 1]);
        sheet.Name = out.name;
        writeValues(sheet, out);
        applyFormats(sheet, out);
        created.push(out.name);
      }
      return { created, kept };
    },

    check: async () => checkBook(read(INPUT_SHEETS)),

    compute: async (onStage: (stage: ComputeStage) => void): Promise<ComputeOutcome> => {
      onStage("read");
      const old = readOutputs();
      const book = read(INPUT_SHEETS);
      onStage("compute");
      const outcome = assess(book);
      if (outcome.outputs === null || outcome.result === null) return { issues: outcome.issues, result: null };
      const since = sinceLastRun(outcome.outputs, outcome.result, previousOf(old, outcome.result.params.decimals));
      onStage("write");
      writeOutputSheets(options.app(), workbook(), since.outputs);
      return { issues: outcome.issues, result: outcome.result, ...(since.lines === null ? {} : { sinceLast: since.lines }) };
    },

    readParams: async () => paramRows(read([SHEET.params]).sheets[0]?.rows ?? []),

    selectCell: async (sheet: string, cell: string) => {
      const found = find(sheetsOf(workbook()), realNames.get(sheet) ?? sheet);
      if (found === undefined) return;
      found.Activate();
      found.Range(cell).Select();
    },

    showSheet: async (sheet: string) => {
      find(sheetsOf(workbook()), sheet)?.Activate();
    },

    quarter: async (q: number) => runQuarter(read([SHEET.params, SHEET.units, SHEET.daily]), q),

    exportQuarter: async (q: number) => {
      const outcome = runQuarter(read([SHEET.params, SHEET.units, SHEET.daily]), q);
      if (outcome.sheet !== null) writeOutputSheets(options.app(), workbook(), [outcome.sheet]);
      return outcome;
    },
  });
}
