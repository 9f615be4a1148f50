/**
 * The baseline: the same rules as lib/ (spec §4, rules 1–10) in plain JavaScript numbers, from the same grids to the
 * same 结果 rows. It exists only to price decimal arithmetic; it must never move into lib/, where scores are decimal.
 * It assumes a valid workbook (the generator's) and reports nothing: error checking is part of lib/'s cost, not this.
 */
import type { CellValue, WorkbookGrids } from "../lib/grid";
import { SHEET } from "../lib/layout";

export interface FloatUnitResult {
  name: string;
  rankGroup: string;
  total: number;
  rank: number;
  grade: string;
}

const RATING_WORDS: Record<string, number> = { 好: 100, 较好: 85, 一般: 70, 差: 55 };
const BALLOT_VALUES = [100, 80, 30];

/** Half-up to 2 places the way float code usually does it (EPSILON nudges 1.005 up). */
function round2(x: number): number {
  return Math.round((x + Number.EPSILON) * 100) / 100;
}

function rowsOf(book: WorkbookGrids, name: string): CellValue[][] {
  return book.sheets.find((sheet) => sheet.name === name)?.rows ?? [];
}

function num(cell: CellValue | undefined): number | null {
  if (typeof cell === "number") return cell;
  if (typeof cell === "string" && cell.trim() !== "" && !Number.isNaN(Number(cell))) return Number(cell);
  return null;
}

function text(cell: CellValue | undefined): string {
  return typeof cell === "string" ? cell.trim() : cell === null || cell === undefined ? "" : String(cell);
}

function trimmedMean(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const kept = sorted.length >= 6 ? sorted.slice(1, -1) : sorted;
  return round2(kept.reduce((a, b) => a + b, 0) / kept.length);
}

interface Working {
  name: string;
  group: string;
  total: number;
  serious: boolean;
}

function readUnits(book: WorkbookGrids): { name: string; category: string; group: string }[] {
  return rowsOf(book, SHEET.units)
    .slice(1)
    .map((row) => {
      const category = text(row[2]);
      const group = text(row[3]) || (category === "乡镇" ? "乡镇" : "县直单位");
      return { name: text(row[1]), category, group };
    });
}

function indicatorFigures(book: WorkbookGrids): Map<string, { earned: number; possible: number }> {
  const rows = rowsOf(book, SHEET.scores);
  const max = rows[1] ?? [];
  const figures = new Map<string, { earned: number; possible: number }>();
  for (const row of rows.slice(2)) {
    let earned = 0;
    let possible = 0;
    for (let c = 2; c < row.length; c += 1) {
      const score = num(row[c]);
      if (score === null) continue; // 不适用 or /
      earned += score;
      possible += num(max[c]) ?? 0;
    }
    figures.set(text(row[0]), { earned: round2(earned), possible: round2(possible) });
  }
  return figures;
}

function satisfactionScores(book: WorkbookGrids): Map<string, number> {
  const scores = new Map<string, number>();
  for (const row of rowsOf(book, SHEET.satisfaction).slice(1)) {
    let percent = num(row[1]);
    if (percent === null) {
      const ballots = [num(row[2]) ?? 0, num(row[3]) ?? 0, num(row[4]) ?? 0];
      const counted = ballots[0]! + ballots[1]! + ballots[2]!;
      if (counted === 0) continue;
      percent = round2(ballots.reduce((s, b, i) => s + b * BALLOT_VALUES[i]!, 0) / counted);
    }
    scores.set(text(row[0]), round2((percent / 100) * 10));
  }
  return scores;
}

function peerScores(book: WorkbookGrids, groupOf: Map<string, string>): Map<string, number> {
  const rows = rowsOf(book, SHEET.peer);
  const raters = (rows[0] ?? []).slice(1).map(text);
  const scores = new Map<string, number>();
  for (const row of rows.slice(1)) {
    const ratee = text(row[0]);
    const byGroup = new Map<string, number[]>();
    raters.forEach((rater, j) => {
      const cell = row[j + 1];
      const value = typeof cell === "string" ? RATING_WORDS[cell.trim()] : num(cell);
      if (value === null || value === undefined || rater === ratee) return;
      const group = groupOf.get(rater);
      if (group === undefined) return;
      const list = byGroup.get(group) ?? [];
      list.push(value);
      byGroup.set(group, list);
    });
    if (byGroup.size === 0) continue;
    // Default weights: 50% each group; absent groups share out by dividing by the weights present.
    let weighted = 0;
    let weights = 0;
    for (const values of byGroup.values()) {
      weighted += 0.5 * trimmedMean(values);
      weights += 0.5;
    }
    scores.set(ratee, round2((round2(weighted / weights) / 100) * 10));
  }
  return scores;
}

function adjustmentsOf(book: WorkbookGrids): Map<string, { bonus: number; penalty: number; serious: boolean }> {
  const map = new Map<string, { bonus: number; penalty: number; serious: boolean }>();
  for (const row of rowsOf(book, SHEET.adjustments).slice(1)) {
    const name = text(row[0]);
    const entry = map.get(name) ?? { bonus: 0, penalty: 0, serious: false };
    const points = num(row[2]) ?? 0;
    if (text(row[1]) === "加分") entry.bonus += points;
    else entry.penalty += points;
    if (text(row[5]) === "是") entry.serious = true;
    map.set(name, entry);
  }
  return map;
}

function gradeOf(total: number, serious: boolean): string {
  const grade = total >= 90 ? "优秀" : total >= 80 ? "良好" : total >= 60 ? "合格" : "不合格";
  return serious && grade === "优秀" ? "良好" : grade;
}

function rankGroup(members: Working[], quota: number): FloatUnitResult[] {
  const sorted = [...members].sort((a, b) => b.total - a.total);
  let place = 0;
  let previous: number | null = null;
  const ranked = sorted.map((w) => {
    if (w.total !== previous) place += 1;
    previous = w.total;
    return { name: w.name, rankGroup: w.group, total: w.total, rank: place, grade: gradeOf(w.total, w.serious) };
  });
  const limit = Math.floor(members.length * quota);
  const excellent = ranked.filter((r) => r.grade === "优秀");
  const lastIn = excellent[limit - 1];
  for (const r of excellent.slice(limit)) if (lastIn === undefined || r.rank !== lastIn.rank) r.grade = "良好";
  return ranked;
}

/** Rules 1–10 in float for the generator's parameters (defaults, 优秀比例上限 30%): 结果 figures per unit, grouped and ranked. */
export function floatAssessment(book: WorkbookGrids): { units: FloatUnitResult[]; rows: (string | number)[][] } {
  const units = readUnits(book);
  const groupOf = new Map(units.map((u) => [u.name, u.group]));
  const indicators = indicatorFigures(book);
  const satisfaction = satisfactionScores(book);
  const peer = peerScores(book, groupOf);
  const adjustments = adjustmentsOf(book);
  const byGroup = new Map<string, Working[]>();
  for (const unit of units) {
    const figures = indicators.get(unit.name) ?? { earned: 0, possible: 0 };
    const s = satisfaction.get(unit.name);
    const p = peer.get(unit.name);
    const possible = figures.possible + (s === undefined ? 0 : 10) + (p === undefined ? 0 : 10);
    const normalised = round2(((figures.earned + (s ?? 0) + (p ?? 0)) / possible) * 100);
    const a = adjustments.get(unit.name) ?? { bonus: 0, penalty: 0, serious: false };
    const total = Math.max(0, round2(normalised + Math.min(round2(a.bonus), 5) - Math.min(round2(a.penalty), 10)));
    const list = byGroup.get(unit.group) ?? [];
    list.push({ name: unit.name, group: unit.group, total, serious: a.serious });
    byGroup.set(unit.group, list);
  }
  const results = [...byGroup.values()].flatMap((members) => rankGroup(members, 0.3));
  const rows = results.map((r) => [r.rankGroup, r.rank, r.name, r.total.toFixed(2), r.grade]);
  return { units: results, rows };
}
