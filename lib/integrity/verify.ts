/**
 * 核验: a received workbook is read again, scored again from its own input sheets, and compared with the 结果,
 * 计算说明 and 汇总 it holds, cell by cell; the fingerprint recorded at 计算等次 says which sheets changed since.
 * It proves the workbook is consistent with itself, not who made it: anyone can score a workbook again.
 */
import { fixed, D } from "../decimal";
import type { SheetOut } from "../format";
import { cellAddress, qualified, type CellValue, type Grid, type SheetGrid, type WorkbookGrids } from "../grid";
import { describeIssue, hasErrors, type Issue } from "../issue";
import { SHEET } from "../layout";
import { runAssessment } from "../run";
import type { Digest } from "./digest";
import { combine } from "./fingerprint";
import { VERIFY } from "./messages";
import { assessmentFingerprint, programName } from "./seal";
import { inputSections, OUTPUT_SECTION_SHEETS } from "./sections";
import { readStamp, type RecordedStamp } from "./stamp";
import { changedScores, type ChangedScore } from "./changedScores";

/** One cell whose value is not what the inputs give. */
export interface CellDifference {
  sheet: string;
  cell: string;
  /** As people read it: "95.00", "空白", "“良好”". */
  found: string;
  expected: string;
  /** The unit (or group) and the column or item: "城关镇 · 总分". */
  context: string;
}

export interface VerifyOutcome {
  /** true when the outputs are exactly what the inputs give. */
  ok: boolean;
  /** Chinese lines for people, the verdict first. */
  lines: string[];
  differences: CellDifference[];
  /** Input sheets whose values differ from those fingerprinted at 计算等次. */
  changedInputs: string[];
  /** 评分 cells whose value is not the score 计算说明 recorded at 计算等次 (the cells typed over since). */
  changedCells: ChangedScore[];
  /** Output sheets (结果, 汇总) whose figures differ from those fingerprinted at 计算等次. */
  editedOutputs: string[];
  /** The fingerprint of the workbook as it is now (inputs now, outputs as stored); null when it cannot be scored. */
  fingerprint: string | null;
  recorded: RecordedStamp | null;
  /** Problems of the input sheets as they are now (errors make the outputs unverifiable). */
  issues: Issue[];
}

/** How many differences the lines list; all are in `differences`. */
export const LISTED_DIFFERENCES = 20;

/** Verifies a scored workbook's grids (every sheet, outputs included). */
export async function verifyWorkbook(book: WorkbookGrids, digest: Digest): Promise<VerifyOutcome> {
  const stored = (name: string): SheetGrid | undefined => book.sheets.find((sheet) => sheet.name === name) ?? book.sheets.find((sheet) => sheet.name.trim() === name);
  const base = { differences: [], changedInputs: [], changedCells: [], editedOutputs: [], fingerprint: null, issues: [] };
  const results = stored(SHEET.results);
  const auditGrid = stored(SHEET.audit);
  const recorded = auditGrid === undefined ? null : readStamp(auditGrid.rows);
  if (results === undefined) return { ...base, ok: false, lines: [VERIFY.noResults], recorded };

  const outcome = runAssessment(book);
  if (outcome.outputs === null || outcome.input === null || hasErrors(outcome.issues)) {
    const errors = outcome.issues.filter((issue) => issue.level === "error");
    const lines = [VERIFY.failedInputs, VERIFY.errorsHeading(errors.length), ...errors.slice(0, LISTED_DIFFERENCES).map(describeIssue)];
    if (errors.length > LISTED_DIFFERENCES) lines.push(VERIFY.more(errors.length - LISTED_DIFFERENCES));
    return { ...base, ok: false, lines, recorded, issues: outcome.issues };
  }

  const differences: CellDifference[] = [];
  for (const expected of outcome.outputs) {
    const grid = stored(expected.name);
    let rows: Grid = grid?.rows ?? [];
    // The stamp rows (and the blank row above them) are not figures: the recomputed sheet has none.
    if (expected.name === SHEET.audit && recorded !== null) rows = rows.slice(0, Math.max(0, recorded.firstRow - 1));
    differences.push(...compareSheet(expected, rows, grid === undefined));
  }

  const storedOutputs = new Map(OUTPUT_SECTION_SHEETS.map((name) => [name, stored(name)?.rows ?? []] as const));
  const now = await assessmentFingerprint(outcome.input, storedOutputs, digest);
  const changedInputs: string[] = [];
  const editedOutputs: string[] = [];
  let stampIntact = true;
  if (recorded !== null) {
    const inputSheets = new Set(inputSections(outcome.input).map((section) => section.sheet));
    for (const entry of now.sheets) {
      if (recorded.sheets.get(entry.sheet) === entry.digest) continue;
      (inputSheets.has(entry.sheet) ? changedInputs : editedOutputs).push(entry.sheet);
    }
    const recordedSheets = now.sheets.map((entry) => ({ sheet: entry.sheet, digest: recorded.sheets.get(entry.sheet) ?? "" }));
    stampIntact = recorded.fingerprint !== null && (await combine(recordedSheets, digest)) === recorded.fingerprint;
  }

  // The 评分 cells typed over since: 计算说明 recorded each unit's score of each indicator.
  const changedCells = auditGrid === undefined ? [] : changedScores(outcome.input, auditGrid.rows);
  const ok = differences.length === 0;
  const lines: string[] = [];
  if (ok) lines.push(recorded === null ? VERIFY.passedNoStamp(now.value) : VERIFY.passed(now.value));
  else {
    lines.push(VERIFY.failed(differences.length));
    for (const difference of differences.slice(0, LISTED_DIFFERENCES)) lines.push(differenceLine(difference));
    if (differences.length > LISTED_DIFFERENCES) lines.push(VERIFY.more(differences.length - LISTED_DIFFERENCES));
  }
  if (recorded !== null) {
    if (changedInputs.length > 0) lines.push(ok ? VERIFY.inputsChangedHarmless(changedInputs.join("、")) : VERIFY.inputsChanged(changedInputs.join("、")));
    else if (!ok) lines.push(VERIFY.inputsUnchanged);
    for (const cell of changedCells.slice(0, LISTED_DIFFERENCES)) lines.push(changedScoreLine(cell));
    if (changedCells.length > LISTED_DIFFERENCES) lines.push(VERIFY.moreChangedScores(changedCells.length - LISTED_DIFFERENCES));
    if (editedOutputs.length > 0) lines.push(VERIFY.outputsEdited(editedOutputs.join("、")));
    if (!stampIntact) lines.push(VERIFY.stampDamaged);
    lines.push(VERIFY.recordedAt(recorded.program ?? "?", recorded.time ?? "?", recorded.fingerprint ?? "?"));
    if (!ok && recorded.program !== null && recorded.program !== programName()) lines.push(VERIFY.otherVersion(recorded.program, programName()));
  }
  return { ok, lines, differences, changedInputs, changedCells, editedOutputs, fingerprint: now.value, recorded, issues: outcome.issues };
}

/** "评分!F7（八公桥镇 · 1.4 …）计算等次时为 4，现为 0。". */
export function changedScoreLine(cell: ChangedScore): string {
  return VERIFY.changedScore(qualified(cell.sheet, cell.cell), `${cell.unit} · ${cell.indicator}`, cell.was, cell.now);
}

/** "结果!L12 为 95.00，按输入应为 93.50（城关镇 · 总分）". */
export function differenceLine(difference: CellDifference): string {
  return VERIFY.difference(qualified(difference.sheet, difference.cell), difference.found, difference.expected, difference.context);
}

type Cell = CellValue | undefined;

function blank(value: Cell): boolean {
  return value === null || value === undefined || (typeof value === "string" && value === "");
}

function sameCell(found: Cell, expected: Cell): boolean {
  if (blank(found) || blank(expected)) return blank(found) && blank(expected);
  if (typeof found === "number" && typeof expected === "number") return found === expected;
  return found === expected;
}

/** Every cell of the recomputed sheet against the stored one, over the larger of the two. */
function compareSheet(expected: SheetOut, rows: Grid, missing: boolean): CellDifference[] {
  const differences: CellDifference[] = [];
  const height = Math.max(expected.rows.length, rows.length);
  for (let row = 0; row < height; row += 1) {
    const want = expected.rows[row] ?? [];
    const have = rows[row] ?? [];
    const width = Math.max(want.length, have.length);
    for (let column = 0; column < width; column += 1) {
      const found = have[column];
      const wanted = want[column];
      if (sameCell(found, wanted)) continue;
      const places = placesAt(expected, row, column);
      differences.push({
        sheet: expected.name,
        cell: cellAddress(row, column),
        found: missing ? `${VERIFY.empty}${VERIFY.missingSheet(expected.name)}` : shown(found, places),
        expected: shown(wanted, places),
        context: contextOf(expected, row, column),
      });
    }
  }
  return differences;
}

/** A cell's value as people read it, numbers with the decimals the sheet shows them with. */
function shown(value: Cell, places: number | null): string {
  if (blank(value)) return VERIFY.empty;
  if (typeof value === "number") return places === null || !Number.isFinite(value) ? String(value) : fixed(new D(value), places);
  if (typeof value === "string") return VERIFY.text(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString();
  return value === null ? VERIFY.empty : (value as { error: string }).error;
}

const A1_RANGE = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/;

function columnIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + (letter.charCodeAt(0) - 64);
  return index - 1;
}

/** Decimal places of the number format "0.00"/"0" the sheet gives this cell (the last style that covers it wins). */
function placesAt(sheet: SheetOut, row: number, column: number): number | null {
  let places: number | null = null;
  for (const style of sheet.format.styles) {
    if (style.numberFormat === undefined || !/^0(\.0+)?$/.test(style.numberFormat)) continue;
    const match = A1_RANGE.exec(style.range);
    if (match === null) continue;
    const top = Number(match[2]) - 1;
    const left = columnIndex(match[1] ?? "A");
    const bottom = match[4] === undefined ? top : Number(match[4]) - 1;
    const right = match[3] === undefined ? left : columnIndex(match[3]);
    if (row < top || row > bottom || column < left || column > right) continue;
    const point = style.numberFormat.indexOf(".");
    places = point < 0 ? 0 : style.numberFormat.length - point - 1;
  }
  return places;
}

function textOf(value: Cell): string {
  return typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
}

/** Whose cell it is: on 结果 the unit and the column; on 计算说明 the unit and the item; on 汇总 the group and column. */
function contextOf(sheet: SheetOut, row: number, column: number): string {
  const header = textOf(sheet.rows[0]?.[column]);
  const line = sheet.rows[row] ?? [];
  if (row >= sheet.rows.length) return VERIFY.extraRow;
  if (row === 0) return "";
  const parts =
    sheet.name === SHEET.results ? [textOf(line[2]), header]
    : sheet.name === SHEET.audit ? [textOf(line[1]) || textOf(line[0]), textOf(line[2])]
    : [textOf(line[0]), header];
  return parts.filter((part) => part !== "").join(" · ");
}
