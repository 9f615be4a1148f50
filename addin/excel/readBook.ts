import { sameSheetName, type SheetGrid, type WorkbookGrids } from "../../lib/grid";
import { INPUT_SHEETS } from "../../lib/layout";
import { blockAddress } from "./address";
import { gridBytes, READ_BLOCK_CELLS, READ_BUDGET, READ_SYNC_CELLS } from "./budget";
import { placeGrid } from "./cells";
import { isTooLarge } from "./officeErrors";

/**
 * How the input sheets are read: "whole" asks for every used range in one sync; "blocks" asks for the sizes first,
 * then for blocks of rows, so that no response goes over Excel on the web's 5 MB limit.
 */
export type ReadMode = "whole" | "blocks";

/** The input sheets as grids, and what the workbook holds. */
export interface BookRead {
  book: WorkbookGrids;
  /** Every worksheet name, in workbook order. */
  sheetNames: string[];
  /** Input sheet name → the sheet's real name, where they differ (a name typed with a trailing space). */
  realNames: Map<string, string>;
  /** How to read this workbook next time, learnt from this read: pass it to the next readInputSheets. */
  nextRead: ReadMode;
}

/** An input sheet to read: the name the rules know it by, and the name it has in the workbook. */
interface SheetRef {
  name: string;
  realName: string;
}

interface Pending {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

/** What one read of some sheets found, and what it tells about the next read. */
interface SheetsRead {
  grids: (SheetGrid | null)[];
  /** How the sheets were read in the end. */
  mode: ReadMode;
  /** Excel refused the one-sync read as too large (the sheets were then read in blocks). */
  refused: boolean;
  /** Estimated bytes of the values and types read in blocks; counting stops once past READ_BUDGET. 0 for a whole read. */
  bytes: number;
}

const WHOLE_PROPS = "values,valueTypes,rowIndex,columnIndex";
const SIZE_PROPS = "rowIndex,columnIndex,rowCount,columnCount";

function queueSheet(context: Excel.RequestContext, ref: SheetRef, props: string): Pending {
  const sheet = context.workbook.worksheets.getItemOrNullObject(ref.realName);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(props);
  return { name: ref.name, sheet, used };
}

function gridOf(pending: Pending): SheetGrid | null {
  if (pending.sheet.isNullObject) return null;
  if (pending.used.isNullObject) return { name: pending.name, rows: [] };
  return {
    name: pending.name,
    rows: placeGrid(pending.used.values, pending.used.valueTypes as unknown as string[][], pending.used.rowIndex, pending.used.columnIndex),
  };
}

/**
 * Reads the input sheets, in the way `mode` says (the previous read's `nextRead`; "whole" when there was none).
 * A whole read is one context.sync for the sheet names and every used range's values and value types; a read in
 * blocks is one sync for the names and sizes, then blocks of rows. Two cases cost more: a sheet whose real name has
 * stray spaces is read afterwards, and a whole read that Excel on the web refuses as too large is read again in blocks.
 */
export async function readInputSheets(
  context: Excel.RequestContext,
  names: readonly string[] = INPUT_SHEETS,
  mode: ReadMode = "whole",
): Promise<BookRead> {
  const worksheets = context.workbook.worksheets;
  const first = await readSheets(context, names.map((name) => ({ name, realName: name })), mode, () => worksheets.load("items/name"));
  const grids = first.grids;
  const sheetNames = worksheets.items.map((sheet) => sheet.name);
  const strays = strayRefs(names, grids, sheetNames);
  const reads = [first];
  if (strays.length > 0) {
    const second = await readSheets(context, strays, first.mode);
    strays.forEach(({ name }, i) => {
      grids[names.indexOf(name)] = second.grids[i] ?? null;
    });
    reads.push(second);
  }
  const realNames = new Map(strays.map(({ name, realName }) => [name, realName]));
  const sheets = grids.filter((grid): grid is SheetGrid => grid !== null);
  return { book: { sheets: orderBySheets(sheets, sheetNames, realNames) }, sheetNames, realNames, nextRead: nextReadMode(reads) };
}

/** Input sheets not found under their own name, but present with stray spaces around it. */
function strayRefs(names: readonly string[], grids: readonly (SheetGrid | null)[], sheetNames: readonly string[]): SheetRef[] {
  return names
    .filter((name, i) => grids[i] === null && !sheetNames.includes(name))
    .map((name) => ({ name, realName: sheetNames.find((real) => sameSheetName(real, name)) }))
    .filter((ref): ref is SheetRef => ref.realName !== undefined);
}

/**
 * Blocks next time when Excel refused a whole read (it would refuse it again and waste a round trip), or when a read
 * in blocks came to more than the budget; otherwise one sync, the fewest. A whole read Excel accepted stays whole:
 * it fitted, and reading it in blocks would only add syncs.
 */
function nextReadMode(reads: readonly SheetsRead[]): ReadMode {
  if (reads.some((read) => read.refused)) return "blocks";
  const blockBytes = reads.filter((read) => read.mode === "blocks").reduce((sum, read) => sum + read.bytes, 0);
  return blockBytes > READ_BUDGET ? "blocks" : "whole";
}

/** Reads some sheets whole or in blocks; `alongside` queues what must travel in the first sync (the sheet names). */
async function readSheets(context: Excel.RequestContext, refs: SheetRef[], mode: ReadMode, alongside = () => {}): Promise<SheetsRead> {
  if (mode === "blocks") return readInBlocks(context, refs, alongside);
  alongside();
  const pending = refs.map((ref) => queueSheet(context, ref, WHOLE_PROPS));
  try {
    await context.sync();
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    // Objects of a failed sync cannot be used: everything is queued again.
    return { ...(await readInBlocks(context, refs, alongside)), refused: true };
  }
  return { grids: pending.map(gridOf), mode: "whole", refused: false, bytes: 0 };
}

/** A sheet being read in blocks: its used range's sizes, and the rows read so far. */
interface BlockSheet {
  item: Pending;
  values: unknown[][];
  types: string[][];
}

interface QueuedBlock {
  into: BlockSheet;
  range: Excel.Range;
}

/**
 * The path for big workbooks: one sync for the sizes, then blocks of rows of at most READ_BLOCK_CELLS cells, as many
 * per sync as fit in READ_SYNC_CELLS, small sheets sharing a sync with the next.
 */
async function readInBlocks(context: Excel.RequestContext, refs: SheetRef[], alongside: () => void): Promise<SheetsRead> {
  alongside();
  const sized = refs.map((ref) => queueSheet(context, ref, SIZE_PROPS));
  await context.sync();
  const sheets = sized
    .filter((item) => !item.sheet.isNullObject && !item.used.isNullObject)
    .map((item): BlockSheet => ({ item, values: [], types: [] }));
  const counter = { bytes: 0 };
  let queued: QueuedBlock[] = [];
  let queuedCells = 0;
  for (const into of sheets) {
    for (const block of sheetBlocks(into.item.used)) {
      if (queued.length > 0 && queuedCells + block.cells > READ_SYNC_CELLS) {
        await flush(context, queued, counter);
        queued = [];
        queuedCells = 0;
      }
      const range = into.item.sheet.getRange(block.address);
      range.load("values,valueTypes");
      queued.push({ into, range });
      queuedCells += block.cells;
    }
  }
  await flush(context, queued, counter);
  const grids = sized.map((item) => {
    const read = sheets.find((sheet) => sheet.item === item);
    if (read === undefined) return gridOf(item);
    return { name: item.name, rows: placeGrid(read.values, read.types, item.used.rowIndex, item.used.columnIndex) };
  });
  return { grids, mode: "blocks", refused: false, bytes: counter.bytes };
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
async function flush(context: Excel.RequestContext, queued: readonly QueuedBlock[], counter: { bytes: number }): Promise<void> {
  if (queued.length === 0) return;
  await context.sync();
  for (const { into, range } of queued) {
    const types = range.valueTypes as unknown as string[][];
    into.values.push(...range.values);
    into.types.push(...types);
    // Past the budget the answer (read in blocks next time) is known: the rest need not be counted.
    if (counter.bytes <= READ_BUDGET) counter.bytes += gridBytes(range.values) + gridBytes(types);
  }
}

/** WorkbookGrids are in the workbook's sheet order. */
function orderBySheets(sheets: SheetGrid[], sheetNames: string[], realNames: Map<string, string>): SheetGrid[] {
  const position = (grid: SheetGrid) => sheetNames.indexOf(realNames.get(grid.name) ?? grid.name);
  return [...sheets].sort((a, b) => position(a) - position(b));
}
