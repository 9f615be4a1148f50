/**
 * 考核指标: one row per indicator. 编号 is text; 适用类别 is 全部 or names joined by 、 — each a 类别 or a unit.
 */
import { D } from "../decimal";
import { cellAddress, isCellError, type CellValue, type SheetGrid } from "../grid";
import type { Issue } from "../issue";
import { ALL_CATEGORIES, CATEGORIES, HEADERS } from "../layout";
import type { Indicator, Unit } from "../model";
import { errorAt, normalizeText, readPlainNumber, readText, reportCellError, warnAt, type At } from "./cells";
import { MSG } from "./messages";
import { dataRowIndexes, hasColumns, placeIn, readTable, valueIn, type Table } from "./sheets";

const [CODE, LEVEL1, LEVEL2, CONTENT, MAX_POINTS, METHOD, ASSESSOR, APPLIES] = HEADERS.indicators;
const REQUIRED = [CODE, MAX_POINTS, APPLIES];

export interface IndicatorsRead {
  /** Indicators read without error, in sheet order. */
  indicators: Indicator[];
  /** Every 编号 found (also of rows with errors), so that 评分 does not repeat "unknown indicator". */
  codes: Set<string>;
}

/**
 * 编号 as text. A number cell gives its shortest decimal text (1.1); since Excel drops trailing zeros
 * (1.10 shows as 1.1), a fractional number is read with a warning when `warn` is set.
 */
export function readCode(at: At, value: CellValue | undefined, warn: boolean): string | null | undefined {
  if (typeof value === "number" && Number.isFinite(value)) {
    const code = new D(value).toString();
    if (warn && !new D(value).isInteger()) warnAt(at, "indicator.codeFromNumber", MSG.codeFromNumber(code));
    return code;
  }
  if (isCellError(value)) {
    reportCellError(at, value);
    return undefined;
  }
  const text = readText(at, value);
  return text === null || text === undefined ? text : normalizeText(text);
}

/** 全部, or names split at 、 , ， ; each must be a category of the scheme or of 考核对象, or a unit name. */
function readApplies(at: At, text: string, allowed: Set<string>): Indicator["categories"] | undefined {
  if (normalizeText(text) === ALL_CATEGORIES) return "all";
  const names = text.split(/[、,，;；]/).map((name) => name.trim()).filter((name) => name !== "");
  let ok = true;
  for (const name of names) {
    if (!allowed.has(name)) {
      errorAt(at, "indicator.unknownApplies", MSG.unknownApplies(name));
      ok = false;
    }
  }
  return ok ? names : undefined;
}

function textIn(table: Table, row: number, header: string, issues: Issue[]): string {
  return readText(placeIn(table, row, header, issues), valueIn(table, row, header)) ?? "";
}

function readRow(table: Table, row: number, allowed: Set<string>, seen: Map<string, number>, codes: Set<string>, issues: Issue[]): Indicator | null {
  const codeAt = placeIn(table, row, CODE, issues);
  const code = readCode(codeAt, valueIn(table, row, CODE), true);
  if (code === null) errorAt(codeAt, "indicator.codeMissing", MSG.codeMissing());
  if (code === null || code === undefined) return null;
  const first = seen.get(code);
  if (first !== undefined) {
    errorAt(codeAt, "indicator.duplicateCode", MSG.duplicateCode(code, cellAddress(first, codeAt.column)));
    return null;
  }
  seen.set(code, row);
  codes.add(code);
  const maxAt = placeIn(table, row, MAX_POINTS, issues);
  const maxPoints = readPlainNumber(maxAt, valueIn(table, row, MAX_POINTS), undefined, true);
  if (maxPoints === null) errorAt(maxAt, "indicator.maxPointsMissing", MSG.maxPointsMissing(code));
  if (maxPoints !== null && maxPoints !== undefined && !maxPoints.gt(0)) {
    errorAt(maxAt, "indicator.maxPointsNotPositive", MSG.maxPointsNotPositive(maxPoints.toString()));
  }
  const appliesAt = placeIn(table, row, APPLIES, issues);
  const appliesText = readText(appliesAt, valueIn(table, row, APPLIES));
  if (appliesText === null) errorAt(appliesAt, "indicator.categoriesMissing", MSG.categoriesMissing(code));
  const categories = appliesText === null || appliesText === undefined ? undefined : readApplies(appliesAt, appliesText, allowed);
  const texts = [LEVEL1, LEVEL2, CONTENT, METHOD, ASSESSOR].map((header) => textIn(table, row, header, issues));
  if (maxPoints === null || maxPoints === undefined || !maxPoints.gt(0) || categories === undefined) return null;
  const [level1 = "", level2 = "", content = "", method = "", assessor = ""] = texts;
  return { code, level1, level2, content, maxPoints, method, assessor, categories, row: row + 1 };
}

/** 考核指标 → indicators; 适用类别 is checked against the scheme's categories and the units read. */
export function readIndicators(grid: SheetGrid, units: readonly Unit[], unitNames: ReadonlySet<string>, issues: Issue[]): IndicatorsRead {
  const table = readTable(grid, { layout: HEADERS.indicators, required: REQUIRED, warnExtras: true }, issues);
  const indicators: Indicator[] = [];
  const codes = new Set<string>();
  if (!hasColumns(table, REQUIRED)) return { indicators, codes };
  const allowed = new Set<string>([...CATEGORIES.map((category) => category.name), ...units.map((unit) => unit.category), ...unitNames]);
  const seen = new Map<string, number>();
  // Equal 分值 share one Decimal, so that a unit's 应得分 (a sum over ~100 indicators of a few distinct 分值) is
  // added up by counting (rules/numbers.ts sumByCount).
  const points = new Map<string, D>();
  for (const row of dataRowIndexes(table.rows, 1)) {
    const indicator = readRow(table, row, allowed, seen, codes, issues);
    if (indicator === null) continue;
    const key = indicator.maxPoints.toString();
    const shared = points.get(key);
    if (shared === undefined) points.set(key, indicator.maxPoints);
    indicators.push(shared === undefined ? indicator : { ...indicator, maxPoints: shared });
  }
  return { indicators, codes };
}
