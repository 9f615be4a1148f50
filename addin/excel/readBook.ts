import { cellAddress, sameSheetName, type CellValue, type SheetGrid, type WorkbookGrids } from "../../lib/grid";
import type { Issue } from "../../lib/issue";
import { INPUT_SHEETS } from "../../lib/layout";
import { blockAddress } from "./address";
import { runInBatches } from "./batches";
import { gridBytes, OPERATION_BYTES, READ_BLOCK_CELLS, READ_BUDGET, READ_CELL_LIMIT, READ_SYNC_CELLS } from "./budget";
import { placeGrid } from "./cells";
import { EXCEL_TEXT } from "./messages";
import { isCellEdit, isTooLarge } from "./officeErrors";

/**
 * How the input sheets are read: "whole" asks for every used range in one sync; "blocks" asks for the sizes first,
 * then for blocks of rows, so that no response goes over Excel on the web's 5 MB limit.
 */
export type ReadMode = "whole" | "blocks";

/** A worksheet of the workbook as the names sync reports it. */
export interface SheetInfo {
  name: string;
  /** "Visible", "Hidden" or "VeryHidden". */
  visibility: string;
}

/** What the last read taught about this workbook and this Excel: pass it to the next readInputSheets. */
export interface ReadPlan {
  mode: ReadMode;
  /**
   * Whether to read in one sync by asking for each input sheet's used range through getItemOrNullObject. Nothing
   * documents that Excel answers a missing sheet's range with a null object rather than an error: when Excel refuses
   * that read, the names are read first, then the sheets found (a missing sheet is our message either way), and the
   * next read asks only for the sheets found. False: names first always (tests of the read in blocks).
   */
  chain: boolean;
  /**
   * The input sheets the last read found: the one-sync read asks only for these (an input sheet a workbook lacks, such
   * as 平时考核 in one made before it existed, costs a refused sync only on the first read of a task pane). A sheet added
   * since is seen in the names read in that sync and read next; undefined on the first read: every input sheet.
   */
  present?: readonly string[];
  /**
   * Estimated bytes of the values the last read received (counted up to a little over READ_BUDGET): what else may
   * share the one-sync read without taking its response near the limit. Undefined before the first read.
   */
  bytes?: number;
}

/**
 * Other loads to carry in the one-sync read (the previous 结果 and 核验 rows for "what changed", issue 14): queued with
 * the input sheets, collected once that sync has succeeded. Never queued when the read goes another way (names first,
 * blocks): then `collect` is not called and the caller reads them itself.
 */
export interface Alongside {
  queue(context: Excel.RequestContext): void;
  collect(): void;
}

export const FIRST_READ: ReadPlan = { mode: "whole", chain: true };

/** The input sheets as grids, and what the workbook holds. */
export interface BookRead {
  book: WorkbookGrids;
  /** Every worksheet name, in workbook order. */
  sheetNames: string[];
  /** Every worksheet with its visibility, in workbook order. */
  sheets: SheetInfo[];
  /** Input sheet name → the sheet's real name, where they differ (a name typed with a trailing space). */
  realNames: Map<string, string>;
  /** How to read this workbook next time, learnt from this read. */
  next: ReadPlan;
  /** The mode of `next`. */
  nextRead: ReadMode;
  /** Problems that stop the run before any rule: a sheet whose used range is too large to read, named by its far cell. */
  issues: Issue[];
}

/** An input sheet to read: the name the rules know it by, and the name it has in the workbook. */
interface SheetRef {
  name: string;
  realName: string;
}

/** One sheet's read: its cells as values (errors still text until their types are known), or null when missing. */
interface RawSheet {
  ref: SheetRef;
  rows: CellValue[][] | null;
}

const NAME_PROPS = "items/name,items/visibility";
// Values only: asking for valueTypes as well doubled the response (issue 14). Error cells are found afterwards.
const VALUE_PROPS = "values,rowIndex,columnIndex";
const SIZE_PROPS = "rowIndex,columnIndex,rowCount,columnCount";

/**
 * Reads the input sheets, in the way `plan` says (the previous read's `next`; FIRST_READ when there was none).
 * The usual read is one context.sync: the sheet names and every input sheet's values. Then only when needed: the
 * cells whose value is text beginning with "#" are asked for their type (an error value or a text?); a sheet whose
 * real name has stray spaces is read once its name is known; a read Excel refuses as too large is read again in blocks.
 */
export async function readInputSheets(
  context: Excel.RequestContext,
  names: readonly string[] = INPUT_SHEETS,
  plan: ReadPlan | ReadMode = FIRST_READ,
  alongside?: Alongside,
): Promise<BookRead> {
  const given: ReadPlan = typeof plan === "string" ? { mode: plan, chain: true } : plan;
  let mode = given.mode;
  const chain = given.chain;
  const present = given.present;
  const worksheets = context.workbook.worksheets;
  let refused = false;
  let raws: RawSheet[] | null = null;
  let bytes = 0;
  const issues: Issue[] = [];
  if (chain && mode === "whole") {
    worksheets.load(NAME_PROPS);
    const pending = names.map((name) => {
      if (present !== undefined && !present.includes(name)) return null;
      const sheet = worksheets.getItemOrNullObject(name);
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(VALUE_PROPS);
      return { ref: { name, realName: name }, sheet, used };
    });
    alongside?.queue(context);
    try {
      await context.sync();
      raws = pending.map((item, i) => {
        if (item === null) return { ref: { name: names[i] ?? "", realName: names[i] ?? "" }, rows: null };
        const { ref, sheet, used } = item;
        if (sheet.isNullObject) return { ref, rows: null };
        if (used.isNullObject) return { ref, rows: [] };
        bytes += budgetBytes(used.values, bytes);
        return { ref, rows: placeGrid(used.values, undefined, used.rowIndex, used.columnIndex) };
      });
      alongside?.collect();
    } catch (error) {
      if (isCellEdit(error)) throw error;
      // Objects of a failed sync cannot be used: everything is asked for again, names first.
      // Refused otherwise (a missing sheet in an Excel that refuses a call on a null object, or any other failure):
      // the names first now; the next read asks in one sync only for the sheets found now.
      if (isTooLarge(error)) {
        refused = true;
        mode = "blocks";
      }
    }
  }
  if (raws === null) {
    worksheets.load(NAME_PROPS);
    await context.sync();
  }
  const sheets: SheetInfo[] = worksheets.items.map((sheet) => ({ name: sheet.name, visibility: sheet.visibility }));
  const sheetNames = sheets.map((sheet) => sheet.name);
  const refs = names.map((name): SheetRef | null => {
    const realName = sheetNames.includes(name) ? name : sheetNames.find((real) => sameSheetName(real, name));
    return realName === undefined ? null : { name, realName };
  });
  // Sheets still to read: all present ones after the names; else those the one-sync read did not ask for, or found
  // only under a name with stray spaces.
  const toRead = refs.filter((ref, i): ref is SheetRef => ref !== null && (raws === null || (raws[i]?.rows === null && (ref.realName !== ref.name || pendingSkipped(present, ref.name)))));
  const read = await readKnown(context, toRead, mode);
  refused ||= read.refused;
  bytes += read.bytes;
  issues.push(...read.issues);
  const found = new Map(read.sheets.map((raw) => [raw.ref.name, raw]));
  const all: RawSheet[] = refs.flatMap((ref, i) => {
    const raw = found.get(names[i] ?? "") ?? raws?.[i];
    return ref === null || raw === undefined || raw.rows === null ? [] : [{ ref, rows: raw.rows }];
  });
  await markErrors(context, all);
  const realNames = new Map(all.filter(({ ref }) => ref.realName !== ref.name).map(({ ref }) => [ref.name, ref.realName]));
  const grids = all.map(({ ref, rows }): SheetGrid => ({ name: ref.name, rows: rows ?? [] }));
  const nextMode: ReadMode = refused || (read.mode === "blocks" && bytes > READ_BUDGET) ? "blocks" : "whole";
  return {
    book: { sheets: orderBySheets(grids, sheetNames, realNames) },
    sheetNames,
    sheets,
    realNames,
    // Found under their own names: a sheet found only with stray spaces would be asked for in vain by its own name.
    next: { mode: nextMode, chain, present: all.filter(({ ref }) => ref.realName === ref.name).map(({ ref }) => ref.name), bytes },
    nextRead: nextMode,
    issues,
  };
}

/** Whether the one-sync read left a sheet out (it was missing last time). */
function pendingSkipped(present: readonly string[] | undefined, name: string): boolean {
  return present !== undefined && !present.includes(name);
}

/** What reading some sheets of known names gave. */
interface KnownRead {
  sheets: RawSheet[];
  mode: ReadMode;
  refused: boolean;
  bytes: number;
  issues: Issue[];
}

/** Reads sheets that exist (their names were just read), whole or in blocks; a whole read refused as too large goes to blocks. */
async function readKnown(context: Excel.RequestContext, refs: readonly SheetRef[], mode: ReadMode): Promise<KnownRead> {
  if (refs.length === 0) return { sheets: [], mode, refused: false, bytes: 0, issues: [] };
  if (mode === "blocks") return readInBlocks(context, refs);
  const pending = refs.map((ref) => {
    const used = context.workbook.worksheets.getItem(ref.realName).getUsedRangeOrNullObject(true);
    used.load(VALUE_PROPS);
    return { ref, used };
  });
  try {
    await context.sync();
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    return { ...(await readInBlocks(context, refs)), refused: true };
  }
  let bytes = 0;
  const sheets = pending.map(({ ref, used }) => {
    if (used.isNullObject) return { ref, rows: [] };
    bytes += budgetBytes(used.values, bytes);
    return { ref, rows: placeGrid(used.values, undefined, used.rowIndex, used.columnIndex) };
  });
  return { sheets, mode: "whole", refused: false, bytes, issues: [] };
}

interface BlockSheet {
  ref: SheetRef;
  used: Excel.Range;
  values: unknown[][];
}

/**
 * The path for big workbooks: one sync for the sizes, then blocks of rows of at most READ_BLOCK_CELLS cells, as many
 * per sync as fit in READ_SYNC_CELLS, small sheets sharing a sync with the next. A used range of more cells than Excel
 * reads at all (a stray entry far down or far right) is not read: the issue names its far corner.
 */
async function readInBlocks(context: Excel.RequestContext, refs: readonly SheetRef[]): Promise<KnownRead> {
  const sized = refs.map((ref) => {
    const used = context.workbook.worksheets.getItem(ref.realName).getUsedRangeOrNullObject(true);
    used.load(SIZE_PROPS);
    return { ref, used };
  });
  await context.sync();
  const issues: Issue[] = [];
  const sheets: BlockSheet[] = [];
  const empty: RawSheet[] = [];
  for (const { ref, used } of sized) {
    if (used.isNullObject) empty.push({ ref, rows: [] });
    else if (used.rowCount * used.columnCount > READ_CELL_LIMIT) issues.push(tooLargeIssue(ref, used));
    else sheets.push({ ref, used, values: [] });
  }
  // A sheet Excel cannot read is the one thing to fix first: the others are not read for nothing.
  if (issues.length > 0) return { sheets: [], mode: "blocks", refused: false, bytes: 0, issues };
  const counter = { bytes: 0 };
  let queued: { into: BlockSheet; range: Excel.Range }[] = [];
  let queuedCells = 0;
  for (const into of sheets) {
    for (const block of sheetBlocks(into.used)) {
      if (queued.length > 0 && queuedCells + block.cells > READ_SYNC_CELLS) {
        await flush(context, queued, counter);
        queued = [];
        queuedCells = 0;
      }
      const range = context.workbook.worksheets.getItem(into.ref.realName).getRange(block.address);
      range.load("values");
      queued.push({ into, range });
      queuedCells += block.cells;
    }
  }
  await flush(context, queued, counter);
  const read = sheets.map(({ ref, used, values }): RawSheet => ({ ref, rows: placeGrid(values, undefined, used.rowIndex, used.columnIndex) }));
  return { sheets: [...read, ...empty], mode: "blocks", refused: false, bytes: counter.bytes, issues };
}

function tooLargeIssue(ref: SheetRef, used: Excel.Range): Issue {
  const far = cellAddress(used.rowIndex + used.rowCount - 1, used.columnIndex + used.columnCount - 1);
  return { level: "error", code: "excel.usedRangeTooLarge", sheet: ref.name, cell: far, message: EXCEL_TEXT.usedRangeTooLarge(ref.name, far, used.rowCount * used.columnCount) };
}

/** A used range cut into blocks of whole rows, each at most READ_BLOCK_CELLS cells (at least one row). */
function sheetBlocks(used: Excel.Range): { address: string; cells: number }[] {
  const { rowIndex, columnIndex, rowCount, columnCount } = used;
  const rowsPerBlock = Math.max(1, Math.floor(READ_BLOCK_CELLS / Math.max(columnCount, 1)));
  const blocks: { address: string; cells: number }[] = [];
  for (let start = 0; start < rowCount; start += rowsPerBlock) {
    const rows = Math.min(rowsPerBlock, rowCount - start);
    blocks.push({ address: blockAddress(rowIndex + start, columnIndex, rows, columnCount), cells: rows * columnCount });
  }
  return blocks;
}

/** Syncs the queued blocks and appends their rows to their sheets, in order, counting bytes up to the budget. */
async function flush(context: Excel.RequestContext, queued: readonly { into: BlockSheet; range: Excel.Range }[], counter: { bytes: number }): Promise<void> {
  if (queued.length === 0) return;
  await context.sync();
  for (const { into, range } of queued) {
    into.values.push(...range.values);
    counter.bytes += budgetBytes(range.values, counter.bytes);
  }
}

/** Bytes of a grid of values as counted against READ_BUDGET: past the budget the answer is known, the rest need not be counted. */
function budgetBytes(values: readonly (readonly unknown[])[], sofar: number): number {
  return sofar > READ_BUDGET ? 0 : gridBytes(values);
}

/** Cells whose type is asked for: a rectangle of one sheet, and where their values sit in the grid read. */
interface TypeQuery {
  rows: CellValue[][];
  realName: string;
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
  range: Excel.Range | null;
}

/** Estimated bytes of a type in Office's response ("String", "Error" …). */
const TYPE_BYTES = 10;

/**
 * Excel sends an error value (#N/A, #DIV/0! …) as its text, like a text cell reading "#N/A". Only cells whose value
 * is text beginning with "#" can be either; their types are asked for (usually there are none, so no sync at all),
 * and the errors become {error} so the reader names the cell. Per sheet, whichever asks less: a column's consecutive
 * such cells as one range each, or the rows holding them across the sheet's columns.
 */
async function markErrors(context: Excel.RequestContext, sheets: readonly RawSheet[]): Promise<void> {
  const queries: TypeQuery[] = [];
  for (const { ref, rows } of sheets) if (rows !== null) queries.push(...typeQueries(rows, ref.realName));
  if (queries.length === 0) return;
  await runInBatches(
    context,
    queries.map((query) => ({
      bytes: 2 * OPERATION_BYTES + TYPE_BYTES * query.rowCount * query.columnCount,
      queue: () => {
        query.range = context.workbook.worksheets.getItem(query.realName).getRange(blockAddress(query.row, query.column, query.rowCount, query.columnCount));
        query.range.load("valueTypes");
      },
    })),
  );
  for (const query of queries) {
    const types = query.range?.valueTypes ?? [];
    for (let r = 0; r < query.rowCount; r += 1) {
      const line = query.rows[query.row + r];
      for (let c = 0; c < query.columnCount; c += 1) {
        const value = line?.[query.column + c];
        if (line && types[r]?.[c] === "Error" && typeof value === "string") line[query.column + c] = { error: value };
      }
    }
  }
}

function typeQueries(rows: CellValue[][], realName: string): TypeQuery[] {
  const runs: TypeQuery[] = [];
  const open = new Map<number, TypeQuery>();
  const holding: number[] = [];
  let first = Infinity;
  let last = -1;
  rows.forEach((line, row) => {
    let found = false;
    line.forEach((value, column) => {
      if (typeof value !== "string" || !value.startsWith("#")) return;
      found = true;
      first = Math.min(first, column);
      last = Math.max(last, column);
      const run = open.get(column);
      if (run !== undefined && run.row + run.rowCount === row) run.rowCount += 1;
      else {
        const next: TypeQuery = { rows, realName, row, column, rowCount: 1, columnCount: 1, range: null };
        runs.push(next);
        open.set(column, next);
      }
    });
    if (found) holding.push(row);
  });
  if (runs.length === 0) return [];
  const width = last - first + 1;
  const rowsCost = holding.length * width * TYPE_BYTES;
  if (runs.length * 2 * OPERATION_BYTES <= rowsCost) return runs;
  // Consecutive rows holding such cells, across the columns that hold any, in blocks of at most READ_BLOCK_CELLS.
  const perBlock = Math.max(1, Math.floor(READ_BLOCK_CELLS / width));
  const blocks: TypeQuery[] = [];
  for (const row of holding) {
    const block = blocks[blocks.length - 1];
    if (block !== undefined && block.row + block.rowCount === row && block.rowCount < perBlock) block.rowCount += 1;
    else blocks.push({ rows, realName, row, column: first, rowCount: 1, columnCount: width, range: null });
  }
  return blocks;
}

/** WorkbookGrids are in the workbook's sheet order. */
function orderBySheets(sheets: SheetGrid[], sheetNames: string[], realNames: Map<string, string>): SheetGrid[] {
  const position = (grid: SheetGrid) => sheetNames.indexOf(realNames.get(grid.name) ?? grid.name);
  return [...sheets].sort((a, b) => position(a) - position(b));
}
