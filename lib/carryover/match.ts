/**
 * 从上年结果导入: 上年名次 and 上年等次 of this year's 考核对象 from last year's scored workbook (its 结果: 名次 and the
 * final, 审定 等次), matched by unit name after the usual trimming. A unit renamed or merged is matched only through the
 * 单位更名 sheet (上年名称 → 本年名称) the user fills; nothing is guessed: names that match nothing are listed.
 */
import type { CellValue, Grid, WorkbookGrids } from "../grid";
import { HEADERS, SHEET } from "../layout";
import { cleanText, normalizeText } from "../reader/cells";

/** Last year's place and final 等次 of one unit, by its name then. */
export interface LastYearLine {
  name: string;
  rank: number;
  grade: string;
}

export interface CarryOver {
  /** 考核对象 with 上年名次 and 上年等次 filled for every matched unit (other cells as they were). */
  rows: Grid;
  /** This year's unit → the name it had last year, for every unit filled. */
  matched: Map<string, string>;
  /** Last year's units not matched: gone, or renamed without a 单位更名 row. */
  lastOnly: string[];
  /** This year's units not matched: new, or renamed without a 单位更名 row (left blank). */
  currentOnly: string[];
}

function gridOf(book: WorkbookGrids, name: string): Grid | null {
  return book.sheets.find((sheet) => cleanText(sheet.name) === name)?.rows ?? null;
}

/** A name or 等次 as the readers compare it (cleanText: control characters out, spaces trimmed); null when blank. */
export function textOf(value: CellValue | undefined): string | null {
  if (typeof value === "string") return cleanText(value) === "" ? null : cleanText(value);
  if (typeof value === "number") return String(value);
  return null;
}

function columns(header: readonly CellValue[] | undefined): (name: string) => number {
  const texts = (header ?? []).map((cell) => (typeof cell === "string" ? normalizeText(cell) : ""));
  return (name) => texts.indexOf(name);
}

/** Last year's 结果: 名次 and 审定等次 (等次 for a 结果 made before 审定等次 existed); null without a 结果 sheet. */
export function lastYearLines(book: WorkbookGrids): LastYearLine[] | null {
  const rows = gridOf(book, SHEET.results);
  if (rows === null) return null;
  const at = columns(rows[0]);
  const [rank, name] = [at("名次"), at("单位名称")];
  const grade = at("审定等次") >= 0 ? at("审定等次") : at("等次");
  if (rank < 0 || name < 0 || grade < 0) return null;
  const lines: LastYearLine[] = [];
  for (const row of rows.slice(1)) {
    const unit = textOf(row[name]);
    const place = row[rank];
    const final = textOf(row[grade]);
    if (unit !== null && typeof place === "number" && Number.isInteger(place) && final !== null) lines.push({ name: unit, rank: place, grade: final });
  }
  return lines;
}

/** 单位更名 of a workbook: 本年名称 → 上年名称 (rows with both names). */
export function renamesOf(book: WorkbookGrids): Map<string, string> {
  const rows = gridOf(book, SHEET.renames) ?? [];
  const at = columns(rows[0]);
  const [from, to] = [at(HEADERS.renames[0]), at(HEADERS.renames[1])];
  const renames = new Map<string, string>();
  if (from < 0 || to < 0) return renames;
  for (const row of rows.slice(1)) {
    const old = textOf(row[from]);
    const now = textOf(row[to]);
    if (old !== null && now !== null && !renames.has(now)) renames.set(now, old);
  }
  return renames;
}

/** This year's 考核对象 with last year's 名次 and 等次 filled in, and the names that matched nothing. */
export function carryOver(last: readonly LastYearLine[], current: WorkbookGrids): CarryOver {
  const rows = (gridOf(current, SHEET.units) ?? [[...HEADERS.units]]).map((row) => [...row]);
  // A 考核对象 made before 上年名次 and 上年等次 existed gets the two columns at its end (they are optional there).
  const header = rows[0] ?? [];
  rows[0] = header;
  for (const wanted of ["上年名次", "上年等次"]) if (columns(header)(wanted) < 0) header.push(wanted);
  const at = columns(header);
  const [name, lastRank, lastGrade] = [at("单位名称"), at("上年名次"), at("上年等次")];
  const byName = new Map(last.map((line) => [line.name, line]));
  const renames = renamesOf(current);
  const matched = new Map<string, string>();
  const currentOnly: string[] = [];
  for (const row of rows.slice(1)) {
    const unit = textOf(row[name]);
    if (unit === null) continue;
    const oldName = renames.get(unit) ?? unit;
    const line = byName.get(oldName);
    if (line === undefined || lastRank < 0 || lastGrade < 0) {
      currentOnly.push(unit);
      continue;
    }
    while (row.length <= Math.max(lastRank, lastGrade)) row.push(null);
    row[lastRank] = line.rank;
    row[lastGrade] = line.grade;
    matched.set(unit, oldName);
  }
  const used = new Set(matched.values());
  return { rows, matched, lastOnly: last.filter((line) => !used.has(line.name)).map((line) => line.name), currentOnly };
}
