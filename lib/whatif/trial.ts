/**
 * The 试算 panel of the pane and the page (issue 16 §2): its fields, the changes typed into them, and what 应用 does —
 * the 参数 cells to write (checked against the preview the user saw), the rows 计算说明 keeps of the values replaced,
 * and the "what changed since the last run" lines of a 计算等次. Hosts only move these cells.
 */
import type { SheetOut } from "../format";
import { sameSheetName, type CellValue, type SheetGrid, type WorkbookGrids } from "../grid";
import { hasErrors, type Issue } from "../issue";
import { HEADERS, PARAM, PARAM_ROWS, RANK_RULE_WORDS, SHEET } from "../layout";
import type { AssessmentResult, Params } from "../model";
import { paramsSheet } from "../template/paramsSheet";
import { plain, percentOf } from "../rules/numbers";
import { trimSpaces } from "../reader/cells";
import { cellAddress } from "../grid";
import { prepareWhatIf, withParamChanges, type WhatIfPreview } from "./index";
import { typedValue, type ParamChange, type ParamEdit } from "./params";
import { changesSince, notePreviousRun, previousRun, previousRunLines, type PreviousRun } from "./previous";
import { TRIAL_TEXT } from "./messages";

/** One input of the 试算 panel: the 参数 name it writes, the value in force (as text), and the words it may take. */
export interface TrialField {
  name: string;
  /** The value in force now, as the clerk would type it ("90", "30%", "" for none). */
  value: string;
  /** The 排名分组 of a per-group field, else null. */
  group: string | null;
  /** For 名次规则: the words it takes. */
  choices?: string[];
}

/**
 * The panel's fields: the four lines and 优秀比例上限 for every 排名分组 at once (the plain 参数 row), then, with more
 * than one group, each group's own ("优秀分数线-乡镇": a row of its own in 参数, added when missing), then 名次规则,
 * the caps and 退步较大名次.
 */
export function trialFields(params: Params, groups: readonly string[]): TrialField[] {
  const lines = (t: Params["thresholds"]["base"]) => [plain(t.excellent), plain(t.good), plain(t.pass)];
  const quota = (q: Params["excellentQuota"]["base"]) => (q === null ? "" : percentOf(q));
  const names = [PARAM.excellentLine, PARAM.goodLine, PARAM.passLine, PARAM.excellentQuota];
  const valuesOf = (group: string | null) => {
    const t = group === null ? params.thresholds.base : (params.thresholds.byGroup.get(group) ?? params.thresholds.base);
    const q = group === null ? params.excellentQuota.base : params.excellentQuota.byGroup.has(group) ? (params.excellentQuota.byGroup.get(group) ?? null) : params.excellentQuota.base;
    return [...lines(t), quota(q)];
  };
  const fields: TrialField[] = [];
  const plainValues = valuesOf(null);
  names.forEach((name, i) => fields.push({ name, value: plainValues[i] ?? "", group: null }));
  if (groups.length > 1) {
    for (const group of groups) {
      const values = valuesOf(group);
      names.forEach((name, i) => fields.push({ name: `${name}-${group}`, value: values[i] ?? "", group }));
    }
  }
  const cap = (value: Params["bonusCap"]) => (value === null ? "" : plain(value));
  fields.push({ name: PARAM.rankRule, value: RANK_RULE_WORDS[params.rankRule], group: null, choices: Object.values(RANK_RULE_WORDS) });
  fields.push({ name: PARAM.bonusCap, value: cap(params.bonusCap), group: null });
  fields.push({ name: PARAM.penaltyCap, value: cap(params.penaltyCap), group: null });
  fields.push({ name: PARAM.totalCap, value: cap(params.totalCap), group: null });
  fields.push({ name: PARAM.bigDropPlaces, value: String(params.bigDropPlaces), group: null });
  return fields;
}

/**
 * The changes the panel's inputs make: every field whose typed text differs from the value in force (spaces around it
 * ignored), as 参数 would hold it. A field left as it was is no change, so 应用 writes only what the clerk changed.
 */
export function trialChanges(fields: readonly TrialField[], typed: Readonly<Record<string, string>>): ParamChange[] {
  const changes: ParamChange[] = [];
  for (const field of fields) {
    const text = typed[field.name];
    if (text === undefined || trimSpaces(text) === field.value) continue;
    changes.push({ name: field.name, value: typedValue(text) });
  }
  return changes;
}

/** One cell 应用 writes. */
export interface CellWrite {
  sheet: string;
  cell: string;
  value: CellValue;
}

/** What 应用 may do now: write these cells (and score `book`), or nothing, because of errors or a changed 参数. */
export type TrialApplyPlan =
  | { kind: "write"; book: WorkbookGrids; edits: ParamEdit[]; writes: CellWrite[]; preview: WhatIfPreview }
  | { kind: "issues"; issues: Issue[] }
  | { kind: "stale"; preview: WhatIfPreview };

function sameEdits(a: readonly ParamEdit[], b: readonly ParamEdit[]): boolean {
  const key = (edits: readonly ParamEdit[]) => JSON.stringify(edits.map((e) => [e.sheet, e.cell, e.nameCell, e.name, e.before, e.after, e.added]));
  return key(a) === key(b);
}

/**
 * 应用 over the workbook as it is now: the preview again, and the 参数 cells to write only when it has no error and
 * writes exactly the cells, old values and new values the user saw (`previewed`); a 参数 changed meanwhile gives the
 * new preview to look at instead. The cells are those of 参数 that differ after the change: a 值, or a whole new row.
 */
export function planTrialApply(book: WorkbookGrids, changes: readonly ParamChange[], previewed: readonly ParamEdit[]): TrialApplyPlan {
  const session = prepareWhatIf(book);
  if (!("preview" in session)) return { kind: "issues", issues: session.issues };
  const preview = session.preview(changes);
  if (preview.result === null || hasErrors(preview.issues)) return { kind: "issues", issues: preview.issues };
  if (!sameEdits(preview.edits, previewed)) return { kind: "stale", preview };
  const applied = withParamChanges(book, changes);
  const before = book.sheets.find((sheet) => sameSheetName(sheet.name, SHEET.params)) ?? null;
  const after = applied.book.sheets.find((sheet) => sameSheetName(sheet.name, SHEET.params));
  const writes = after === undefined ? [] : cellWrites(before, after);
  return { kind: "write", book: applied.book, edits: applied.edits, writes, preview };
}

/** The cells of `after` that differ from `before` (a sheet absent before: every filled cell). */
function cellWrites(before: SheetGrid | null, after: SheetGrid): CellWrite[] {
  const writes: CellWrite[] = [];
  after.rows.forEach((row, r) => {
    row.forEach((value, c) => {
      const old = before?.rows[r]?.[c] ?? null;
      if (!sameValue(old, value ?? null)) writes.push({ sheet: before?.name ?? after.name, cell: cellAddress(r, c), value: value ?? null });
    });
  });
  return writes;
}

function sameValue(a: CellValue, b: CellValue): boolean {
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a === "object" && a !== null) return typeof b === "object" && b !== null && !(b instanceof Date) && a.error === b.error;
  return a === b;
}

/** A cell as 参数 shows it in a message: blank as （空）. */
function shown(value: CellValue): string {
  if (value === null || value === "") return TRIAL_TEXT.blank;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return typeof value === "object" ? value.error : String(value);
}

/** "参数!B16 优秀分数线 90 → 88" for each cell 应用 wrote, the old value kept in words. */
export function appliedEditLines(edits: readonly ParamEdit[]): string[] {
  return edits.map((e) => (e.added ? TRIAL_TEXT.addedLine(`${e.sheet}!${e.cell}`, e.name, shown(e.after)) : TRIAL_TEXT.editLine(`${e.sheet}!${e.cell}`, e.name, shown(e.before), shown(e.after))));
}

/**
 * 计算说明 with rows, at its very end (after the 核验 rows, which a 核验 reads as before), recording each 参数 cell the
 * 试算's 应用 wrote: what it held before (so that nothing typed is lost), what it holds now, and when.
 */
export function noteTrialApplied(outputs: readonly SheetOut[], edits: readonly ParamEdit[], time: string): SheetOut[] {
  return outputs.map((sheet) => {
    if (sheet.name !== SHEET.audit || edits.length === 0) return sheet;
    const width = HEADERS.audit.length;
    const rows = sheet.rows.map((row) => [...row]);
    rows.push(new Array<null>(width).fill(null));
    for (const e of edits) {
      const item = `${e.sheet}!${e.cell} ${e.name}`;
      rows.push([TRIAL_TEXT.auditGroup, null, item, shown(e.after), e.added ? TRIAL_TEXT.auditAdded(time) : TRIAL_TEXT.auditExplain(shown(e.before), time)].slice(0, width));
    }
    return { ...sheet, rows };
  });
}

/**
 * A 计算等次's outputs with the previous run recorded in 计算说明, and the lines saying what changed against it (null
 * when there was no previous run). The previous run is what the workbook's 结果 holds, or `last`, a run made since.
 */
export function sinceLastRun(outputs: readonly SheetOut[], result: AssessmentResult, previous: PreviousRun | null): { outputs: SheetOut[]; lines: string[] | null } {
  if (previous === null) return { outputs: [...outputs], lines: null };
  const changes = changesSince(previous, result);
  return { outputs: notePreviousRun(outputs, previous, changes), lines: previousRunLines(previous, changes) };
}

/** The run a host just wrote, as the previous run of its next 计算等次 (its 结果 and the 核验 rows of its 计算说明). */
export function runOfOutputs(outputs: readonly SheetOut[], places: number): PreviousRun | null {
  return previousRun({ sheets: outputs.map((sheet) => ({ name: sheet.name, rows: sheet.rows })) }, places);
}

/**
 * 参数 as a sheet to write whole (a file host, the command line's -o): its cells as they are, with the template's look
 * and its drop-downs on the rows that hold those parameters (wherever they stand in this workbook's 参数).
 */
export function paramsSheetOut(rows: readonly CellValue[][], year: number): SheetOut {
  const cell = (value: CellValue): string | number | boolean | null =>
    value === null || typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : value instanceof Date ? value.toISOString().slice(0, 10) : value.error;
  const template = paramsSheet(year);
  const rowOf = (name: string) => rows.findIndex((row, i) => i > 0 && typeof row[0] === "string" && trimSpaces(row[0]) === name);
  const validations = template.format.validations.flatMap((validation) => {
    const match = /^B(\d+)$/.exec(validation.range);
    const name = match === null ? undefined : PARAM_ROWS[Number(match[1]) - 2]?.name;
    const row = name === undefined ? -1 : rowOf(name);
    return row < 0 ? [] : [{ ...validation, range: `B${row + 1}` }];
  });
  return { ...template, rows: rows.map((row) => row.map(cell)), format: { ...template.format, validations } };
}
