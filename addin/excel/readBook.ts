import { cellAddress, sameSheetName, type CellValue, type SheetGrid, type WorkbookGrids } from "../../lib/grid";
import type { Issue } from "../../lib/issue";
import { INPUT_SHEETS } from "../../lib/layout";
import { blockAddress } from "./address";
import { runInBatches } from "./batches";
import { gridBytes, OPERATION_BYTES, READ_BLOCK_CELLS, READ_BUDGET, READ_CELL_LIMIT, READ_FIRST_CELL_BYTES, READ_SYNC_BYTES } from "./budget";
import { placeGrid } from "./cells";
import { EXCEL_TEXT } from "./messages";
import { isCellEdit, isResponseTooLarge, isTooLarge } from "./officeErrors";

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
 * the input sheets, or in blocks with the names and sizes, collected once that sync has succeeded. Never queued when
 * the read goes another way (names first): then `collect` is not called and the caller reads them itself.
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
  // Whether the input sheets asked for by name are known to be there (or not asked for): the last read found them, or
  // the one-sync read ran to its end. Then the names and sizes are asked for in one sync too.
  let known = present !== undefined;
  let raws: RawSheet[] | null = null;
  let bytes = 0;
  const issues: Issue[] = [];
  if (chain && mode === "whole") {
    const pending = queueByName(worksheets, names, present, VALUE_PROPS);
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
      // Objects of a failed sync cannot be used: everything is asked for again, names first (in blocks, with the
      // sizes, when the refusal says every call ran). Refused otherwise (a missing sheet in an Excel that refuses a
      // call on a null object, or any other failure): the names first now; the next read asks in one sync only for
      // the sheets found now.
      if (isTooLarge(error)) {
        refused = true;
        mode = "blocks";
        known ||= isResponseTooLarge(error);
      }
    }
  }
  // In blocks, the names and the sizes in one sync, as the one-sync read asks (and falls back to names first).
  let presized: SizedSheet[] = [];
  if (chain && known && mode === "blocks" && raws === null) {
    const chained = await chainSizes(context, names, present, alongside);
    if (chained !== null) ({ raws, sized: presized } = chained);
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
  const read = await readKnown(context, toRead, mode, presized);
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

/**
 * Queues the sheet names, and each input sheet by name with its used range loaded with `props` (values for the
 * one-sync read, sizes before a read in blocks); null for a sheet left out because it was missing last time.
 */
function queueByName(worksheets: Excel.WorksheetCollection, names: readonly string[], present: readonly string[] | undefined, props: string) {
  worksheets.load(NAME_PROPS);
  return names.map((name) => {
    if (pendingSkipped(present, name)) return null;
    const sheet = worksheets.getItemOrNullObject(name);
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load(props);
    return { ref: { name, realName: name }, sheet, used };
  });
}

/** Whether the one-sync read left a sheet out (it was missing last time). */
function pendingSkipped(present: readonly string[] | undefined, name: string): boolean {
  return present !== undefined && !present.includes(name);
}

/** An input sheet to read in blocks, with its used range's size loaded (a null object when the sheet is empty). */
interface SizedSheet {
  ref: SheetRef;
  used: Excel.Range;
}

/**
 * The names and the input sheets' sizes in one sync, through getItemOrNullObject as the one-sync read asks for their
 * values: a read in blocks then costs no sync of its own for the names. Null when Excel refused it (read the names
 * first); else each sheet as the one-sync read gives it (rows null when not found or not asked for, [] until read)
 * and the sheets to read in blocks.
 */
async function chainSizes(context: Excel.RequestContext, names: readonly string[], present: readonly string[] | undefined, alongside: Alongside | undefined): Promise<{ raws: RawSheet[]; sized: SizedSheet[] } | null> {
  const worksheets = context.workbook.worksheets;
  const pending = queueByName(worksheets, names, present, SIZE_PROPS);
  // The sizes are a few bytes: what is carried alongside has the whole response.
  alongside?.queue(context);
  try {
    await context.sync();
  } catch (error) {
    if (isCellEdit(error)) throw error;
    return null;
  }
  alongside?.collect();
  const sized: SizedSheet[] = [];
  const raws = pending.map((item, i): RawSheet => {
    if (item === null) return { ref: { name: names[i] ?? "", realName: names[i] ?? "" }, rows: null };
    const { ref, sheet, used } = item;
    if (sheet.isNullObject) return { ref, rows: null };
    if (!used.isNullObject) sized.push({ ref, used });
    return { ref, rows: [] };
  });
  return { raws, sized };
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
async function readKnown(context: Excel.RequestContext, refs: readonly SheetRef[], mode: ReadMode, presized: readonly SizedSheet[] = []): Promise<KnownRead> {
  if (refs.length === 0 && presized.length === 0) return { sheets: [], mode, refused: false, bytes: 0, issues: [] };
  if (mode === "blocks") return readInBlocks(context, refs, presized);
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

/** A sheet read in blocks: the rows received so far, and the bytes per cell of the last block received. */
interface BlockSheet {
  ref: SheetRef;
  used: Excel.Range;
  values: unknown[][];
  /** Estimated bytes of a cell as measured in the last block received; undefined before any. */
  cellBytes: number | undefined;
}

/** Rows of a sheet asked for in one sync: `rows` rows from `start` (0-based within the used range). */
interface Block {
  into: BlockSheet;
  start: number;
  rows: number;
}

/**
 * The path for big workbooks: the sizes (`presized` came with the names; `refs` are asked for in a sync of their own),
 * then as few syncs of blocks of rows as keep each response under READ_SYNC_BYTES, sized from the bytes actually
 * received (issue 14): the first sync asks for the first rows of every sheet at READ_FIRST_CELL_BYTES a cell, the next
 * ones at each sheet's measured bytes per cell. A response Excel refuses all the same (rows much longer than those
 * measured) is asked for again in halves. A used range of more cells than Excel reads at all (a stray entry far down
 * or far right) is not read: the issue names its far corner.
 */
async function readInBlocks(context: Excel.RequestContext, refs: readonly SheetRef[], presized: readonly SizedSheet[] = []): Promise<KnownRead> {
  const sized = refs.map((ref): SizedSheet => {
    const used = context.workbook.worksheets.getItem(ref.realName).getUsedRangeOrNullObject(true);
    used.load(SIZE_PROPS);
    return { ref, used };
  });
  if (sized.length > 0) await context.sync();
  sized.unshift(...presized);
  const issues: Issue[] = [];
  const sheets: BlockSheet[] = [];
  const empty: RawSheet[] = [];
  for (const { ref, used } of sized) {
    if (used.isNullObject) empty.push({ ref, rows: [] });
    else if (used.rowCount * used.columnCount > READ_CELL_LIMIT) issues.push(tooLargeIssue(ref, used));
    else sheets.push({ ref, used, values: [], cellBytes: undefined });
  }
  // A sheet Excel cannot read is the one thing to fix first: the others are not read for nothing.
  if (issues.length > 0) return { sheets: [], mode: "blocks", refused: false, bytes: 0, issues };
  let bytes = 0;
  for (let blocks = nextBlocks(sheets); blocks.length > 0; blocks = nextBlocks(sheets)) bytes += await readBlocks(context, blocks);
  const read = sheets.map(({ ref, used, values }): RawSheet => ({ ref, rows: placeGrid(values, undefined, used.rowIndex, used.columnIndex) }));
  return { sheets: [...read, ...empty], mode: "blocks", refused: false, bytes, issues };
}

function tooLargeIssue(ref: SheetRef, used: Excel.Range): Issue {
  const far = cellAddress(used.rowIndex + used.rowCount - 1, used.columnIndex + used.columnCount - 1);
  return { level: "error", code: "excel.usedRangeTooLarge", sheet: ref.name, cell: far, message: EXCEL_TEXT.usedRangeTooLarge(ref.name, far, used.rowCount * used.columnCount) };
}

/**
 * Estimated bytes of one row of a sheet: its cells at the bytes measured last; before any was received, at
 * READ_FIRST_CELL_BYTES or at the most any other sheet measured, if more (a workbook of long texts).
 */
function rowBytes(sheet: BlockSheet, unmeasured: number): number {
  return Math.max(sheet.used.columnCount, 1) * (sheet.cellBytes ?? unmeasured);
}

/**
 * The blocks of the next sync: sheets not measured yet first get an equal share of it (so that after one sync every
 * sheet's bytes are known, not only the first sheet's), then the rows left are taken in order until READ_SYNC_BYTES.
 * At least one row, however large; never more cells in one block than Excel reads at once. Empty when all is read.
 */
function nextBlocks(sheets: readonly BlockSheet[]): Block[] {
  const blocks: Block[] = [];
  const next = new Map(sheets.map((sheet) => [sheet, sheet.values.length]));
  const assumed = sheets.reduce((most, sheet) => Math.max(most, sheet.cellBytes ?? 0), READ_FIRST_CELL_BYTES);
  let bytes = 0;
  const take = (sheet: BlockSheet, budget: number) => {
    const start = next.get(sheet) ?? 0;
    const left = sheet.used.rowCount - start;
    if (left <= 0) return;
    const fit = Math.floor(budget / rowBytes(sheet, assumed));
    const rows = Math.min(left, Math.floor(READ_CELL_LIMIT / Math.max(sheet.used.columnCount, 1)), blocks.length === 0 ? Math.max(fit, 1) : fit);
    if (rows <= 0) return;
    const last = blocks[blocks.length - 1];
    // The share and the rows after it, of the same sheet, are one block.
    if (last !== undefined && last.into === sheet && last.start + last.rows === start) last.rows += rows;
    else blocks.push({ into: sheet, start, rows });
    next.set(sheet, start + rows);
    bytes += rows * rowBytes(sheet, assumed);
  };
  const unmeasured = sheets.filter((sheet) => sheet.cellBytes === undefined && sheet.values.length < sheet.used.rowCount);
  for (const sheet of unmeasured) take(sheet, READ_SYNC_BYTES / unmeasured.length);
  for (const sheet of sheets) take(sheet, READ_SYNC_BYTES - bytes);
  return blocks;
}

/**
 * Asks for the blocks in one sync and appends their rows to their sheets, measuring each sheet's bytes per cell; a
 * response refused as too large is asked for again as its first half (the first half of the blocks, or of the rows of
 * one block): the rest is planned again from what that half measured. Returns the estimated bytes received.
 */
async function readBlocks(context: Excel.RequestContext, blocks: readonly Block[]): Promise<number> {
  const ranges = blocks.map(({ into, start, rows }) => {
    const { used } = into;
    const range = context.workbook.worksheets.getItem(into.ref.realName).getRange(blockAddress(used.rowIndex + start, used.columnIndex, rows, used.columnCount));
    range.load("values");
    return range;
  });
  try {
    await context.sync();
  } catch (error) {
    const half = isTooLarge(error) ? firstHalf(blocks) : null;
    if (half === null) throw error;
    return readBlocks(context, half);
  }
  let bytes = 0;
  blocks.forEach(({ into, rows }, i) => {
    const values = ranges[i]?.values ?? [];
    for (const row of values) into.values.push(row);
    const received = gridBytes(values);
    into.cellBytes = received / Math.max(rows * into.used.columnCount, 1);
    bytes += received;
  });
  return bytes;
}

/** The first half of a refused sync's blocks; null when it is a single row (nothing smaller to ask for). */
function firstHalf(blocks: readonly Block[]): Block[] | null {
  if (blocks.length > 1) return blocks.slice(0, Math.ceil(blocks.length / 2));
  const [only] = blocks;
  if (only === undefined || only.rows <= 1) return null;
  return [{ ...only, rows: Math.ceil(only.rows / 2) }];
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
