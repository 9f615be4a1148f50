import type { AssessmentResult } from "../../lib/model";
import type { QuarterOutcome } from "../../lib/quarter";
import type { Issue } from "../../lib/issue";
import type { PlanContext, PlanIndicator } from "../../lib/plan";
import type { LogRow } from "../../lib/forms";
import type { ParamChange, ParamEdit, WhatIfPreview, WhatIfSession } from "../../lib/whatif";
import type { TrialField } from "../../lib/whatif/trial";
import type { FeedbackBook, Notice } from "../../lib/report";

/** A returned form as the user chose it: its file name, bytes and modified time (File.lastModified). */
export interface ReturnedFile {
  name: string;
  bytes: Uint8Array;
  modified: Date | null;
}

/** 回收 before anything is written: the 回收记录 it would write, every problem, whether it may be written. */
export interface CollectPreview {
  /** False on a conflict: nothing may be written. */
  ok: boolean;
  log: LogRow[];
  issues: Issue[];
  /** Places that get a new value. */
  filled: number;
  /** Values --replace-from (以此表为准) would replace, in words. */
  replaced: string[];
  /** Files whose values would replace the master's different ones. */
  replaceFrom: string[];
}

/** 分发评分表: the forms made (0 with errors in 参数, 考核对象 or 考核指标, which are then listed). */
export interface DistributeOutcome {
  issues: Issue[];
  forms: number;
}
import type { LayoutOutcome } from "../../lib/template/layoutSheets";
import type { CarryOverPlan } from "../../lib/carryover";
import type { WorkbookGrids } from "../../lib/grid";

/**
 * What 从上年结果导入 wrote: the sheets written (考核对象, and 单位更名 when one was added), the names the old ones are now
 * kept under, and the file downloaded (file hosts); or, when the workbook changed since the preview the user confirmed,
 * nothing written and the new plan to confirm instead.
 */
export type CarryOverWritten = { written: string[]; kept: string[]; file: string | null } | { stale: CarryOverPlan };

/**
 * What 生成评分表 wrote: the new sheets and the names the old ones are now kept under; or, when the workbook changed
 * since the preview the user confirmed, nothing written and the new preview to confirm instead.
 */
export type LayoutWritten = { written: string[]; kept: string[] } | { stale: LayoutOutcome };

/** 加载考核模板 as chosen in the pane. */
export interface TemplateRequest {
  year: number;
  /** Fill with the built-in example county. */
  example: boolean;
  /** Add only the input sheets that are missing; a host never overwrites an existing sheet either way. */
  onlyMissing: boolean;
}

/** What 加载考核模板 did: sheets created, and existing sheets left untouched. */
export interface TemplateOutcome {
  created: string[];
  kept: string[];
}

/** The stages of 计算等次, in order: 读取 → 计算 → 写入. */
export type ComputeStage = "read" | "compute" | "write";
export const COMPUTE_STAGES: readonly ComputeStage[] = ["read", "compute", "write"];

export interface ComputeOutcome {
  issues: Issue[];
  /** null when any error was found: nothing was written. */
  result: AssessmentResult | null;
  /**
   * When this 计算等次 replaced results computed before: what changed against them ("县财政局 总分 85.29 → 86.10，名次
   * 14 → 12"), then the unchanged count (lib/whatif's previousRunLines). Absent on a first run.
   */
  sinceLast?: string[];
}

/** 试算: the workbook read once (its 参数 as fields, a preview that writes nothing), or the errors that stop scoring. */
export type TrialStart = { session: WhatIfSession; fields: TrialField[] } | { issues: Issue[] };

/** What 应用 of a 试算 did: the 参数 cells written and the new 计算等次; or nothing, with the reason. */
export type TrialApplied =
  | { kind: "applied"; edits: ParamEdit[]; outcome: ComputeOutcome; message: string }
  | { kind: "issues"; issues: Issue[] }
  /** 参数 changed since the preview: nothing written; this is the new preview to look at. */
  | { kind: "stale"; preview: WhatIfPreview };

/** One row of the 参数 sheet as displayed (the cell's text as the user sees it). */
export interface ParamRow {
  name: string;
  value: string;
}

/**
 * Everything the task pane asks of the place the workbook lives: Excel through Office.js, or a file in the browser.
 * Components get a host through props, so they render and test without Office.
 * Actions a host cannot do are left out (a file has no cell to select), and the pane hides them.
 */
/** What 平时考核's 季度点评 gives a host: the problems found, the overview, the sheet (null on any error). */
export type { QuarterOutcome } from "../../lib/quarter";

export interface AssessmentHost extends ReportHost {
  /** The input sheets of the template that already exist in the workbook. */
  listExistingInputSheets(): Promise<string[]>;
  /** 加载考核模板: creates the missing input sheets; never overwrites one. */
  createTemplate(request: TemplateRequest): Promise<TemplateOutcome>;
  /** 检查数据: every problem, without writing anything. */
  check(): Promise<Issue[]>;
  /** 计算等次: reads, scores and writes the output sheets, reporting each stage as it starts. */
  compute(onStage: (stage: ComputeStage) => void): Promise<ComputeOutcome>;
  /** 参数 at a glance. */
  readParams(): Promise<ParamRow[]>;
  /** Selects a cell (clicking a problem). Absent for hosts without a live workbook. */
  selectCell?(sheet: string, cell: string): Promise<void>;
  /** Shows a sheet (the link to 参数). */
  showSheet?(sheet: string): Promise<void>;
  /** File hosts: open a workbook from the user's computer; returns its file name, or null when cancelled. */
  openFile?(): Promise<string | null>;
  /** File hosts: save the workbook (with the outputs) to the user's computer. */
  saveFile?(): Promise<void>;
  /** 导入工作安排: the 考核对象 (for warnings) and how many indicator rows 考核指标 holds now. */
  readPlanContext?(): Promise<PlanContext>;
  /**
   * 导入工作安排: writes the rows as 考核指标 (the one time a host writes an input sheet: the user asked for it).
   * An existing 考核指标 is never overwritten but kept renamed (考核指标（原）…); resolves with that name, or null.
   */
  /** 导入工作安排: the text of a 工作安排 file the user opened (.docx or plain text), decoded by the file layer. */
  readPlanFile?(name: string, bytes: Uint8Array): Promise<string>;
  importIndicators?(rows: readonly PlanIndicator[], options: { replace: boolean }): Promise<{ kept: string | null }>;
  /** 生成评分表: what rebuilding 评分, 满意度 and 上下互评 from 考核对象 and 考核指标 would do; writes nothing. */
  previewLayout?(): Promise<LayoutOutcome>;
  /**
   * 生成评分表, after the user confirmed the preview `confirmed` (its lines): writes the sheets that change, keeping the
   * old ones as 评分（原）… (Excel: in the open workbook; a file host: a downloaded copy). Nothing when the workbook
   * changed since the preview: then the new preview comes back to be confirmed.
   */
  writeLayout?(confirmed: readonly string[]): Promise<LayoutWritten>;
  /** 平时考核: the 季度点评 overview of quarter q (1–4), from 参数, 考核对象 and 平时考核 only; writes nothing. */
  quarter?(q: number): Promise<QuarterOutcome>;
  /**
   * 平时考核: the print-ready 季度点评 sheet put where the user gets it: an output sheet of the open workbook in Excel
   * (replaced whole, input sheets untouched), a download of the workbook with it on the page. Nothing on any error.
   */
  exportQuarter?(q: number): Promise<QuarterOutcome>;
  /**
   * 从上年结果导入: last year's scored workbook, a file the user chose, read into grids by the file layer (the task pane's
   * entry injects it, as it does readPlanFile: addin/excel may not import files/).
   */
  readLastYearFile?(name: string, bytes: Uint8Array): Promise<WorkbookGrids>;
  /** 从上年结果导入: what filling 考核对象's 上年名次 and 上年等次 from last year's grids would do; writes nothing. */
  previewCarryOver?(last: WorkbookGrids): Promise<CarryOverPlan>;
  /**
   * 从上年结果导入, after the user confirmed the preview `confirmed` (its lines): writes 考核对象 keeping the old one as
   * 考核对象（原） (Excel: in the open workbook; a file host: a downloaded copy). Nothing when the workbook changed since.
   */
  writeCarryOver?(last: WorkbookGrids, confirmed: readonly string[]): Promise<CarryOverWritten>;
  /** 分发评分表: every form of the open workbook, as one .zip download. */
  distributeForms?(): Promise<DistributeOutcome>;
  /** 回收: reads the returned forms against the open workbook and says what would be merged; writes nothing. */
  previewCollect?(files: readonly ReturnedFile[], replaceFrom: readonly string[]): Promise<CollectPreview>;
  /**
   * 回收, after the preview: the merged cells and 回收记录 written (Excel: into the open workbook; the page: a download
   * of a merged copy). Resolves with a sentence saying where; or, when the workbook changed since the preview (Excel),
   * nothing written and the new preview to look at instead.
   */
  applyCollect?(): Promise<string | { stale: CollectPreview }>;
  /** 试算: reads the workbook once for the panel; each preview is then computed in the pane, writing nothing. */
  prepareTrial?(): Promise<TrialStart>;
  /**
   * 试算's 应用, after the preview whose 参数 cells were `previewed`: writes the changed 参数 cells (Excel: into the open
   * workbook; the page: into the workbook in memory and its download) and scores again. Nothing when 参数 changed since.
   */
  applyTrial?(changes: readonly ParamChange[], previewed: readonly ParamEdit[]): Promise<TrialApplied>;
}

/**
 * What 生成通报 / 生成反馈单 did: the file put where the user gets it, or why nothing was made (a workbook that fails 核验
 * or cannot be scored: the lines say what to do, the issues are the cells to fix).
 */
export interface ReportMade {
  /** The file name given to the document (.docx) or the 反馈单 (.zip); null when nothing was made. */
  file: string | null;
  /** Chinese sentences: a note (scored in memory), or why nothing was made and what to do (重新计算等次). */
  lines: string[];
  /** The cells to fix: input errors, or the cells 核验 found different. */
  issues: Issue[];
}

/** 核验 as the pane shows it: the verdict, the differing cells (to click), then the notes (changed input sheets, the stamp). */
export interface VerifyReport {
  ok: boolean;
  /** "核验通过：输入与结果一致（指纹 …）" or "核验未通过：…". */
  verdict: string;
  /** Every differing cell (结果!L12 为 95.00，按输入应为 93.50 · unit and column), or the input errors. */
  issues: Issue[];
  /** Which input sheets changed since 计算等次, what the stamp recorded, which workbook was checked. */
  notes: string[];
}

/**
 * The Word writer (files/docx), for hosts that may not import the file layer (the Excel pane gets it from its entry,
 * which loads it on first use).
 */
export interface ReportWriter {
  notice(notice: Notice): Promise<Uint8Array>;
  /** Every unit's 反馈单 as its own .docx (named as the command line names them), in one .zip. */
  feedbackZip(book: FeedbackBook): Promise<Uint8Array>;
}

/** 通报、反馈单、核验: optional, as every action beyond 计算等次; a host has all three or none. */
export interface ReportHost {
  /** 生成通报: the 考核结果通报 draft as a .docx for the user; nothing when the workbook fails 核验. Writes no sheet. */
  makeNotice?(): Promise<ReportMade>;
  /** 生成反馈单: every unit's 反馈单 (.docx each, in one .zip) for the user; nothing when the workbook fails 核验. */
  makeFeedback?(): Promise<ReportMade>;
  /** 核验: the workbook's 结果, 计算说明 and 汇总 against its inputs scored again; writes nothing. */
  verify?(): Promise<VerifyReport>;
}
