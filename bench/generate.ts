/**
 * A deterministic generator of assessment workbooks for the benchmarks: N units × 100 indicators, satisfaction (a
 * mix of percentages and ballots), 30 peer ratings per unit and an adjustments register of about N/5 records.
 * The same seed and size always give the same workbook, so runs on different days measure the same work.
 */
import type { SheetOut } from "../lib/format";
import type { CellValue, WorkbookGrids } from "../lib/grid";
import { CATEGORIES, HEADERS, PARAM, PARAM_ROWS, SHEET } from "../lib/layout";

export const INDICATOR_COUNT = 100;
/** Rater columns of 上下互评: units 1–32; each unit is rated by 30 of them (never by itself). */
export const RATER_COUNT = 32;
export const RATINGS_PER_UNIT = 30;

/** One indicator as the generator writes it into 考核指标. */
export interface BenchIndicator {
  code: string;
  maxPoints: number;
  /** null: 全部. */
  categories: readonly string[] | null;
}

// 60 common indicators (alternately 0.5 and 1 point: 45) and four 分类职责 sets of 10 × 4 points, each for some
// categories, so units have 应得分 85 or 125 before the survey and peer items and 换算 always has work to do.
const SETS: readonly (readonly string[])[] = [
  ["乡镇", "政府部门", "驻县单位"],
  ["党委机关", "人大政协"],
  ["法院检察院", "群团机关"],
  ["乡镇", "群团机关", "人大政协"],
];

/** The 100 indicators of every generated workbook. */
export function benchIndicators(): BenchIndicator[] {
  const list: BenchIndicator[] = [];
  for (let i = 0; i < INDICATOR_COUNT; i += 1) {
    const code = `${Math.floor(i / 10) + 1}.${(i % 10) + 1}`;
    if (i < 60) list.push({ code, maxPoints: i % 2 === 0 ? 0.5 : 1, categories: null });
    else list.push({ code, maxPoints: 4, categories: SETS[Math.floor((i - 60) / 10)] ?? null });
  }
  return list;
}

/** mulberry32: a tiny seeded generator; the bench needs repeatable numbers, not good randomness. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random: () => number, from: number, to: number) => from + Math.floor(random() * (to - from + 1));

export function unitName(index: number): string {
  return `第${index + 1}考核单位`;
}

export function unitCategory(index: number): string {
  return CATEGORIES[index % CATEGORIES.length]?.name ?? "乡镇";
}

function applies(indicator: BenchIndicator, category: string): boolean {
  return indicator.categories === null || indicator.categories.includes(category);
}

function paramsRows(): CellValue[][] {
  return [
    [...HEADERS.params],
    ...PARAM_ROWS.map((row): CellValue[] => {
      if (row.name === PARAM.year) return [row.name, 2025, row.explanation];
      // A quota makes the 优秀比例上限 rule run as well.
      if (row.name === PARAM.excellentQuota) return [row.name, "30%", row.explanation];
      return [row.name, row.value, row.explanation];
    }),
  ];
}

function unitsRows(count: number, random: () => number): CellValue[][] {
  const rows: CellValue[][] = [[...HEADERS.units]];
  const grades = ["优秀", "良好", "合格", null];
  for (let i = 0; i < count; i += 1) {
    const lastRank = random() < 0.7 ? pick(random, 1, Math.max(1, Math.ceil(count / 2))) : null;
    rows.push([i + 1, unitName(i), unitCategory(i), null, lastRank, grades[pick(random, 0, 3)] ?? null]);
  }
  return rows;
}

function indicatorsRows(indicators: readonly BenchIndicator[]): CellValue[][] {
  return [
    [...HEADERS.indicators],
    ...indicators.map((indicator, i): CellValue[] => [
      indicator.code,
      i < 60 ? "共同职责" : "分类职责",
      `指标${indicator.code}`,
      `考核内容${indicator.code}`,
      indicator.maxPoints,
      "日常评价",
      "县委依法治县办",
      indicator.categories === null ? "全部" : indicator.categories.join("、"),
    ]),
  ];
}

/** A score between 60% and 100% of the points in half points; now and then the user's 不适用 mark "/". */
function scoreCell(indicator: BenchIndicator, random: () => number): CellValue {
  if (random() < 0.01) return "/";
  const halves = indicator.maxPoints * 2;
  return pick(random, Math.ceil(halves * 0.6), halves) / 2;
}

function scoresRows(count: number, indicators: readonly BenchIndicator[], random: () => number): CellValue[][] {
  const rows: CellValue[][] = [
    [...HEADERS.scores, ...indicators.map((indicator) => `${indicator.code} 指标${indicator.code}`)],
    ["分值", null, ...indicators.map((indicator) => indicator.maxPoints)],
  ];
  for (let i = 0; i < count; i += 1) {
    const category = unitCategory(i);
    rows.push([unitName(i), category, ...indicators.map((indicator) => (applies(indicator, category) ? scoreCell(indicator, random) : "不适用"))]);
  }
  return rows;
}

// Every tenth unit is not surveyed; the others alternate a typed percentage (one decimal) and ballot counts.
function satisfactionRows(count: number, random: () => number): CellValue[][] {
  const rows: CellValue[][] = [[...HEADERS.satisfaction]];
  for (let i = 0; i < count; i += 1) {
    if (i % 10 === 9) continue;
    if (i % 2 === 0) rows.push([unitName(i), pick(random, 700, 1000) / 10, null, null, null, null]);
    else rows.push([unitName(i), null, pick(random, 20, 60), pick(random, 0, 15), pick(random, 0, 5), pick(random, 0, 5)]);
  }
  return rows;
}

const RATING_WORDS = ["好", "较好", "一般", "差"] as const;

function rating(random: () => number): CellValue {
  return random() < 0.2 ? (RATING_WORDS[pick(random, 0, 3)] ?? "好") : pick(random, 60, 100);
}

/** Rater columns: the first min(32, N) units. Unit i leaves out raters i and i+1 (mod raters): never itself. */
function peerRows(count: number, random: () => number): CellValue[][] {
  const raters = Math.min(RATER_COUNT, count);
  const rows: CellValue[][] = [["被评单位", ...Array.from({ length: raters }, (_, j) => unitName(j))]];
  for (let i = 0; i < count; i += 1) {
    const skipped = new Set([i % raters, (i + 1) % raters]);
    rows.push([unitName(i), ...Array.from({ length: raters }, (_, j) => (skipped.has(j) ? null : rating(random)))]);
  }
  return rows;
}

/** The number of adjustment records for N units. */
export function adjustmentCount(count: number): number {
  return Math.floor(count / 5);
}

function adjustmentsRows(count: number, random: () => number): CellValue[][] {
  const rows: CellValue[][] = [[...HEADERS.adjustments]];
  for (let k = 0; k < adjustmentCount(count); k += 1) {
    const unit = unitName((k * 7919) % count);
    const bonus = k % 2 === 0;
    const serious = !bonus && random() < 0.1 ? "是" : "否";
    rows.push([unit, bonus ? "加分" : "扣分", pick(random, 1, 8) / 2, bonus ? "获评示范单位" : "行政诉讼败诉", "考核通报", serious, "否"]);
  }
  return rows;
}

/** The workbook as plain sheets (name → rows), input sheets in order. */
export function generateSheets(count: number, seed = 20251123): { name: string; rows: CellValue[][] }[] {
  if (!Number.isInteger(count) || count < 3) throw new RangeError(`generateSheets: need at least 3 units, got ${count}`);
  const random = seeded(seed);
  const indicators = benchIndicators();
  return [
    { name: SHEET.guide, rows: [["基准测试生成的考核数据"]] },
    { name: SHEET.params, rows: paramsRows() },
    { name: SHEET.units, rows: unitsRows(count, random) },
    { name: SHEET.indicators, rows: indicatorsRows(indicators) },
    { name: SHEET.scores, rows: scoresRows(count, indicators, random) },
    { name: SHEET.satisfaction, rows: satisfactionRows(count, random) },
    { name: SHEET.peer, rows: peerRows(count, random) },
    { name: SHEET.adjustments, rows: adjustmentsRows(count, random) },
    // As the template makes it: 平时考核 with its header only (blank = not used), so the sheets are the template's.
    { name: SHEET.daily, rows: [[...HEADERS.daily]] },
    // Before 审定: the header only, as in a new template.
    { name: SHEET.review, rows: [[...HEADERS.review]] },
  ];
}

/** The generated workbook as the grids a host hands to lib/. */
export function generateBook(count: number, seed?: number): WorkbookGrids {
  return { sheets: generateSheets(count, seed) };
}

const PLAIN_FORMAT = { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] };

/** The generated workbook as SheetOut, for buildWorkbook (the .xlsx the command line reads). */
export function generateSheetOuts(count: number, seed?: number): SheetOut[] {
  return generateSheets(count, seed).map((sheet) => ({
    name: sheet.name,
    rows: sheet.rows.map((row) => row.map((cell) => (cell instanceof Date || (typeof cell === "object" && cell !== null) ? null : cell))),
    format: PLAIN_FORMAT,
  }));
}
