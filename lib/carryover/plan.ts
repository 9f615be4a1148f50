/**
 * 从上年结果导入, planned before anything is written: what 考核对象's 上年名次 and 上年等次 become, said unit by unit in
 * Chinese (the preview), and the sheets a host writes at the user's request. The rules, in words:
 * - last year's 名次 and final 等次 (审定等次) come from last year's 结果; a unit is matched by its name after cleaning,
 *   or through a row of 单位更名 (上年名称 → 本年名称) the user typed; nothing is matched by a similar name;
 * - a unit matched gets both values, replacing what its cells held (the preview names each value replaced, and the
 *   host keeps the old sheet as 考核对象（原）); a unit not matched keeps what its cells hold (blank for a new unit);
 * - last year's units not matched (gone, merged or renamed) and this year's (new or renamed) are listed by name;
 *   when both lists have names and the workbook has no 单位更名, an empty one is added for the user to fill;
 * - errors in 单位更名 (a name missing, a name in neither year, one old name twice, two old names for one new name)
 *   or a last year's workbook without 结果 plan nothing: nothing may be written.
 * Pure: grids in, preview and SheetOut out; the CLI, the page and the pane show the preview and write only on request.
 */
import type { SheetOut } from "../format";
import { cellAddress, isCellError, type CellValue, type WorkbookGrids } from "../grid";
import { error, hasErrors, type Issue } from "../issue";
import { HEADERS, SHEET } from "../layout";
import { REVIEW_MSG } from "../reader/messages";
import { findSheet } from "../reader/sheets";
import { shownValue } from "../reader/cells";
import { unitsRowsSheet } from "../template/unitsSheet";
import { columnRange, inputSheetFormat } from "../template/sheetFormat";
import { carryOver, lastYearLines, textOf, type LastYearLine } from "./match";
import { CARRY_MSG } from "./messages";

export interface CarryOverPlan {
  /** Problems that stop the import (nothing may be written when any is an error). */
  issues: Issue[];
  /** What would change, in Chinese, one line each. */
  preview: string[];
  /** 考核对象 to write (when a value changes), and an empty 单位更名 when one is added; empty: nothing to write. */
  sheets: SheetOut[];
  /** Units whose 上年名次 or 上年等次 would change. */
  changed: number;
  /** This year's unit → last year's name, for every unit matched. */
  matched: Map<string, string>;
  lastOnly: string[];
  currentOnly: string[];
}

/** A cell as a SheetOut holds it: a date or an Excel error value as the text it shows (the old sheet keeps the original). */
function outValue(value: CellValue | undefined): string | number | boolean | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date || isCellError(value)) return shownValue(value);
  return value;
}

function shown(value: CellValue | undefined): string {
  return value === undefined || value === null ? "" : shownValue(value).trim();
}

/** An empty 单位更名 (上年名称 · 本年名称), for the user to match renamed and merged units by hand. */
export function renamesSheet(): SheetOut {
  return {
    name: SHEET.renames,
    rows: [[...HEADERS.renames]],
    format: inputSheetFormat({
      columnWidths: [30, 30],
      headerColumns: HEADERS.renames.length,
      styles: [{ range: columnRange(0, 2, 2), horizontal: "left" }],
    }),
  };
}

/**
 * 单位更名 checked against last year's and this year's names: each row names a unit of last year's 结果 and a unit of
 * this year's 考核对象; one old name once; one new name once (a merged unit takes one predecessor's place, chosen by the
 * user, never by the software).
 */
export function checkRenames(current: WorkbookGrids, lastNames: ReadonlySet<string>, currentNames: ReadonlySet<string>): Issue[] {
  const issues: Issue[] = [];
  const grid = findSheet(current, SHEET.renames, "silent", issues);
  if (grid === null) return issues;
  const header = (grid.rows[0] ?? []).map((cell) => textOf(cell));
  const [fromColumn, toColumn] = [header.indexOf(HEADERS.renames[0]), header.indexOf(HEADERS.renames[1])];
  // A 单位更名 whose header is not 上年名称 · 本年名称 would be ignored unseen: said at its first cell instead.
  if (fromColumn < 0 || toColumn < 0) {
    if (grid.rows.some((row) => row.some((cell) => textOf(cell) !== null))) issues.push(error("rename.header", grid.name, "A1", CARRY_MSG.renameHeader()));
    return issues;
  }
  const seenFrom = new Map<string, string>();
  const seenTo = new Map<string, string>();
  grid.rows.forEach((row, index) => {
    if (index === 0) return;
    const [from, to] = [textOf(row[fromColumn]), textOf(row[toColumn])];
    const [fromCell, toCell] = [cellAddress(index, fromColumn), cellAddress(index, toColumn)];
    const fail = (code: string, cell: string, message: string) => issues.push(error(`rename.${code}`, grid.name, cell, message));
    if (from === null && to === null) return;
    if (from === null) return fail("fromMissing", fromCell, REVIEW_MSG.renameFromMissing());
    if (to === null) return fail("toMissing", toCell, REVIEW_MSG.renameToMissing(from));
    if (!lastNames.has(from)) fail("unknownFrom", fromCell, CARRY_MSG.renameUnknownFrom(from));
    if (!currentNames.has(to)) fail("unknownTo", toCell, REVIEW_MSG.renameUnknownTo(to));
    const firstFrom = seenFrom.get(from);
    if (firstFrom !== undefined) fail("duplicate", fromCell, REVIEW_MSG.renameDuplicate(from, firstFrom));
    else seenFrom.set(from, `${grid.name}!${fromCell}`);
    const firstTo = seenTo.get(to);
    if (firstTo !== undefined) fail("merged", toCell, CARRY_MSG.renameMerged(to, firstTo));
    else seenTo.set(to, `${grid.name}!${toCell}`);
  });
  return issues;
}

/** Nothing to write, only problems. */
function refused(issues: Issue[]): CarryOverPlan {
  return { issues, preview: [], sheets: [], changed: 0, matched: new Map(), lastOnly: [], currentOnly: [] };
}

/** 从上年结果导入 of `last` (last year's scored workbook) into `current` (this year's): the preview and what to write. */
export function planCarryOver(last: WorkbookGrids, current: WorkbookGrids): CarryOverPlan {
  const issues: Issue[] = [];
  const lines = lastYearLines(last);
  if (lines === null) return refused([error("carry.noResults", SHEET.results, "A1", CARRY_MSG.noResults())]);
  if (lines.length === 0) return refused([error("carry.emptyResults", SHEET.results, "A1", CARRY_MSG.emptyResults())]);
  const unitsGrid = findSheet(current, SHEET.units, "silent", issues);
  if (unitsGrid === null) return refused([error("carry.noUnits", SHEET.units, "A1", CARRY_MSG.noUnits())]);
  const before = unitsGrid.rows;
  const nameColumn = (before[0] ?? []).findIndex((cell) => textOf(cell) === "单位名称");
  if (nameColumn < 0) return refused([error("carry.noNameColumn", unitsGrid.name, "B1", CARRY_MSG.noNameColumn())]);
  const currentNames = new Set(before.slice(1).map((row) => textOf(row[nameColumn])).filter((name): name is string => name !== null));
  issues.push(...checkRenames(current, new Set(lines.map((line) => line.name)), currentNames));
  if (hasErrors(issues)) return refused(issues);

  const outcome = carryOver(lines, { sheets: [{ name: SHEET.units, rows: before }, ...current.sheets.filter((sheet) => sheet !== unitsGrid)] });
  const after = outcome.rows;
  const header = (after[0] ?? []).map((cell) => textOf(cell));
  const [rankColumn, gradeColumn] = [header.indexOf("上年名次"), header.indexOf("上年等次")];
  const byName = new Map<string, LastYearLine>(lines.map((line) => [line.name, line]));
  const preview = [CARRY_MSG.title(lines.length, currentNames.size)];
  const filled: string[] = [];
  const kept: string[] = [];
  let same = 0;
  after.forEach((row, index) => {
    if (index === 0) return;
    const unit = textOf(row[nameColumn]);
    if (unit === null) return;
    const old = before[index] ?? [];
    const [oldRank, oldGrade] = [shown(old[rankColumn]), shown(old[gradeColumn])];
    const oldName = outcome.matched.get(unit);
    if (oldName === undefined) {
      if (oldRank !== "" || oldGrade !== "") kept.push(CARRY_MSG.currentOnlyKept(unit, CARRY_MSG.shownBefore(oldRank, oldGrade)));
      return;
    }
    const line = byName.get(oldName);
    if (line === undefined) return;
    if (oldRank === String(line.rank) && oldGrade === line.grade) {
      same += 1;
      return;
    }
    const replaced = oldRank === "" && oldGrade === "" ? null : CARRY_MSG.shownBefore(oldRank, oldGrade);
    filled.push(CARRY_MSG.filledLine(unit, oldName === unit ? null : oldName, line.rank, line.grade, replaced));
  });
  if (filled.length > 0) preview.push(CARRY_MSG.filledTitle(filled.length), ...filled);
  if (same > 0) preview.push(CARRY_MSG.sameTitle(same));
  if (outcome.currentOnly.length > 0) preview.push(CARRY_MSG.currentOnly(outcome.currentOnly), ...kept);
  if (outcome.lastOnly.length > 0) preview.push(CARRY_MSG.lastOnly(outcome.lastOnly));
  const sheets: SheetOut[] = [];
  const unmatchedBoth = outcome.currentOnly.length > 0 && outcome.lastOnly.length > 0;
  if (unmatchedBoth) preview.push(CARRY_MSG.renameHint(`${outcome.lastOnly[0] ?? ""} → ${outcome.currentOnly[0] ?? ""}`));
  if (filled.length > 0) sheets.push(unitsRowsSheet(after.map((row) => row.map(outValue))));
  else preview.push(CARRY_MSG.nothingToDo());
  if (unmatchedBoth && findSheet(current, SHEET.renames, "silent", []) === null) {
    sheets.push(renamesSheet());
    preview.push(CARRY_MSG.renameSheetAdded());
  }
  return { issues, preview, sheets, changed: filled.length, matched: outcome.matched, lastOnly: outcome.lastOnly, currentOnly: outcome.currentOnly };
}

/** Whether a plan made now is the one the user confirmed (its preview lines, no error): only then is it written. */
export function carryOverStillHolds(now: CarryOverPlan, confirmed: readonly string[]): boolean {
  return !hasErrors(now.issues) && now.preview.length === confirmed.length && now.preview.every((line, index) => line === confirmed[index]);
}
