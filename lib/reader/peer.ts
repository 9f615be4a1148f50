/**
 * 上下互评: column A names the 被评单位 (one row each), every other column is headed by a rater's 单位名称.
 * A rating is a number 0–100 or a word of 互评等级分; blank (or 不适用) means no rating. Self-ratings are passed
 * through: the rules leave them out with a warning.
 */
import type { D } from "../decimal";
import { cellAddress, type CellValue, type SheetGrid } from "../grid";
import { error, type Issue } from "../issue";
import { HEADERS } from "../layout";
import type { CellRef, PeerRating, Unit } from "../model";
import { errorAt, isBlank, isNotApplicable, normalizeText, ReadCell, readNumber, textToPoints, warnAt, withContext, type At } from "./cells";
import { MSG } from "./messages";
import { hasColumns, readTable, type Table } from "./sheets";
import { unitRows } from "./unitRows";

const [RATEE] = HEADERS.peer;
const ROW_CODES = { missing: "peer.nameMissing", unknown: "peer.unknownRatee", duplicate: "peer.duplicateRatee" };

export interface PeerRead {
  ratings: PeerRating[];
  /** 排名分组 of the raters who gave at least one rating, for the 互评权重 check. */
  raterGroups: Set<string>;
  /** The cell of each 被评单位's name. */
  rows: Map<string, CellRef>;
}

/** Rater columns by name; a header that is not a unit, or repeats a rater, is an error and its column is not read. */
function raterColumns(table: Table, unitNames: ReadonlySet<string>, issues: Issue[]): Map<number, string> {
  const raters = new Map<number, string>();
  const firstColumn = new Map<string, number>();
  for (const { column, text } of table.extras) {
    const cell = cellAddress(0, column);
    if (!unitNames.has(text)) {
      issues.push(error("peer.unknownRater", table.sheet, cell, MSG.unknownRater(text)));
      continue;
    }
    const first = firstColumn.get(text);
    if (first !== undefined) {
      issues.push(error("peer.duplicateRater", table.sheet, cell, MSG.duplicateRater(text, cellAddress(0, first))));
      continue;
    }
    firstColumn.set(text, column);
    raters.set(column, text);
  }
  return raters;
}

/** One rating cell: the points and the word typed (null for a number); null when blank; undefined when wrong. */
function readRating(at: At, value: CellValue, words: Map<string, D>): { value: D; word: string | null } | null | undefined {
  if (isBlank(value) || isNotApplicable(value)) return null;
  let points: D;
  if (typeof value === "string") {
    const word = normalizeText(value);
    const mapped = words.get(word);
    if (mapped !== undefined) return { value: mapped, word };
    const number = textToPoints(value);
    if (number === null) {
      errorAt(at, "peer.notRating", MSG.notRating(value, [...words.keys()].join("、")));
      return undefined;
    }
    warnAt(at, "cell.textNumber", MSG.textAsNumber(value, number.toString()));
    points = number;
  } else {
    const read = readNumber(at, value);
    if (read.kind !== "number") return undefined;
    points = read.value;
  }
  if (points.isNegative() || points.gt(100)) {
    errorAt(at, "peer.range", MSG.ratingRange(points.toString()));
    return undefined;
  }
  return { value: points, word: null };
}

/** 上下互评 → ratings (words mapped to points by 互评等级分). */
export function readPeer(grid: SheetGrid, units: readonly Unit[], unitNames: ReadonlySet<string>, words: Map<string, D>, issues: Issue[]): PeerRead {
  const result: PeerRead = { ratings: [], raterGroups: new Set(), rows: new Map() };
  const table = readTable(grid, { layout: HEADERS.peer, required: [RATEE], warnExtras: false }, issues);
  if (!hasColumns(table, [RATEE])) return result;
  const rateeColumn = table.columns.get(RATEE) ?? 0;
  const raters = raterColumns(table, unitNames, issues);
  const groupOf = new Map(units.map((unit) => [unit.name, unit.rankGroup]));
  const good = new Map<number | string, { value: D; word: string | null }>();
  // The rater columns as two lists (a province's sheet has a million cells: no entry pair per cell), and whether each
  // rater's 排名分组 is noted already (once per column, not per rating).
  const raterColumnList = [...raters.keys()];
  const raterList = [...raters.values()];
  const groupNoted = raterList.map(() => false);
  for (const { row, name: ratee } of unitRows(table, 1, rateeColumn, unitNames, ROW_CODES, issues)) {
    result.rows.set(ratee, { sheet: table.sheet, cell: cellAddress(row, rateeColumn) });
    const cells = table.rows[row] ?? [];
    for (let r = 0; r < raterList.length; r += 1) {
      const column = raterColumnList[r] as number;
      const rater = raterList[r] as string;
      const value = cells[column] ?? null;
      if (value === null) continue;
      // A number or word already found good in this sheet is good again: read and checked once, one shared Decimal.
      const cacheable = typeof value === "number" || typeof value === "string";
      let rating = cacheable ? good.get(value) : undefined;
      if (rating === undefined) {
        const before = issues.length;
        const read = readRating({ sheet: table.sheet, row, column, issues }, value, words);
        if (issues.length > before) withContext(issues, before, MSG.ratingContext(ratee, rater), { unit: ratee });
        if (read === null || read === undefined) continue;
        rating = read;
        if (cacheable && issues.length === before) good.set(value, read);
      }
      result.ratings.push(new RatingCell(rater, ratee, rating.value, rating.word, table.sheet, row, column));
      if (groupNoted[r] === true) continue;
      groupNoted[r] = true;
      const group = groupOf.get(rater);
      if (group !== undefined) result.raterGroups.add(group);
    }
  }
  return result;
}

/** A rating as read: who rated whom, the points, the word typed, and its cell's address made when asked for. */
class RatingCell extends ReadCell implements PeerRating {
  constructor(
    readonly rater: string,
    readonly ratee: string,
    readonly value: D,
    readonly word: string | null,
    sheet: string,
    row: number,
    column: number,
  ) {
    super(sheet, row, column);
  }
}
