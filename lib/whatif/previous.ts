/**
 * What changed since the last run: when the workbook already holds 结果 (and the 核验 rows of 计算说明), the new
 * figures are compared with them, and 计算说明 records when the replaced results were computed and their fingerprint.
 */
import { D } from "../decimal";
import type { CellValue, Grid, WorkbookGrids } from "../grid";
import { HEADERS, SHEET } from "../layout";
import type { SheetOut } from "../format";
import { readStamp } from "../integrity/stamp";
import { figureText } from "../output/figures";
import { normalizeText, trimSpaces } from "../reader/cells";
import type { AssessmentResult } from "../model";
import { compareResults, describeChanges, resultLines, type ResultChanges, type ResultLine } from "./compare";
import { PREVIOUS_TEXT } from "./messages";

/** The results a workbook already holds: its 结果 lines, and the time and fingerprint 计算说明 recorded (null if none). */
export interface PreviousRun {
  lines: ResultLine[];
  time: string | null;
  fingerprint: string | null;
}

function gridOf(book: WorkbookGrids, name: string): Grid | null {
  return book.sheets.find((sheet) => trimSpaces(sheet.name) === name)?.rows ?? null;
}

function textOf(value: CellValue | undefined): string | null {
  if (typeof value === "string") return trimSpaces(value) === "" ? null : trimSpaces(value);
  if (typeof value === "number") return String(value);
  return null;
}

/**
 * The 结果 a workbook holds, read by its headers (a 结果 from before 审定等次 existed is read by 等次); rows without a
 * unit name or a whole 名次 (the footnote under the table) are not units. Null when there is no 结果 with units.
 */
export function previousRun(book: WorkbookGrids, places: number): PreviousRun | null {
  const rows = gridOf(book, SHEET.results);
  if (rows === null || rows.length < 2) return null;
  const header = (rows[0] ?? []).map((cell) => (typeof cell === "string" ? normalizeText(cell) : ""));
  const column = (name: string) => header.indexOf(name);
  const [group, rank, name, total] = [column("排名分组"), column("名次"), column("单位名称"), column("总分")];
  const grade = column("审定等次") >= 0 ? column("审定等次") : column("等次");
  if ([group, rank, name, total, grade].some((index) => index < 0)) return null;
  const lines: ResultLine[] = [];
  for (const row of rows.slice(1)) {
    const unit = textOf(row[name]);
    const place = row[rank];
    const figure = row[total];
    if (unit === null || typeof place !== "number" || !Number.isInteger(place) || typeof figure !== "number") continue;
    lines.push({ name: unit, rankGroup: textOf(row[group]) ?? "", total: figureText(new D(figure), places), rank: place, grade: textOf(row[grade]) ?? "" });
  }
  if (lines.length === 0) return null;
  const audit = gridOf(book, SHEET.audit);
  const stamp = audit === null ? null : readStamp(audit);
  return { lines, time: stamp?.time ?? null, fingerprint: stamp?.fingerprint ?? null };
}

/** The new result against the previous run. */
export function changesSince(previous: PreviousRun, result: AssessmentResult): ResultChanges {
  return compareResults(previous.lines, resultLines(result));
}

/** What a summary says: when the replaced results were computed, then each change and the unchanged count. */
export function previousRunLines(previous: PreviousRun, changes: ResultChanges): string[] {
  return [PREVIOUS_TEXT.heading(previous.time), ...describeChanges(changes)];
}

/**
 * 计算说明 with rows, at its very end (after the 核验 rows, so that a 核验 reads its figures as before), saying which run
 * these results replace: its time and fingerprint, and how many units changed.
 */
export function notePreviousRun(outputs: readonly SheetOut[], previous: PreviousRun, changes: ResultChanges): SheetOut[] {
  return outputs.map((sheet) => {
    if (sheet.name !== SHEET.audit) return sheet;
    const rows = sheet.rows.map((row) => [...row]);
    const width = HEADERS.audit.length;
    const line = (item: string, value: string, explanation: string) => [PREVIOUS_TEXT.group, null, item, value, explanation].slice(0, width);
    rows.push([null, null, null, null, null]);
    rows.push(line(PREVIOUS_TEXT.timeItem, previous.time ?? PREVIOUS_TEXT.unknown, PREVIOUS_TEXT.timeExplain));
    rows.push(line(PREVIOUS_TEXT.fingerprintItem, previous.fingerprint ?? PREVIOUS_TEXT.unknown, PREVIOUS_TEXT.fingerprintExplain));
    rows.push(line(PREVIOUS_TEXT.changesItem, String(changes.changed.length + changes.added.length + changes.removed.length), describeChanges(changes).join("；")));
    return { ...sheet, rows };
  });
}
