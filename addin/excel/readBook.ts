import type { SheetGrid, WorkbookGrids } from "../../lib/grid";
import { INPUT_SHEETS } from "../../lib/layout";
import { blockAddress } from "./address";
import { READ_BLOCK_CELLS } from "./budget";
import { placeGrid } from "./cells";
import { isTooLarge } from "./officeErrors";

/** The input sheets as grids, and what the workbook holds. */
export interface BookRead {
  book: WorkbookGrids;
  /** Every worksheet name, in workbook order. */
  sheetNames: string[];
  /** Input sheet name → the sheet's real name, where they differ (a name typed with a trailing space). */
  realNames: Map<string, string>;
}

/** Compares sheet names as people see them: spaces (also full-width) around a name do not count. */
export function sameName(a: string, b: string): boolean {
  return a.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "") === b.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

interface Pending {
  name: string;
  sheet: Excel.Worksheet;
  used: Excel.Range;
}

function queueSheet(context: Excel.RequestContext, name: string, realName: string, props: string): Pending {
  const sheet = context.workbook.worksheets.getItemOrNullObject(realName);
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(props);
  return { name, sheet, used };
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
 * Reads every input sheet in one context.sync: the sheet names and, for each input sheet, its used range's values and
 * value types. Two cases cost more: a sheet whose real name has stray spaces is read in a second sync, and when Excel
 * on the web refuses the response as too large the sheets are read again in blocks of rows.
 */
export async function readInputSheets(context: Excel.RequestContext, names: readonly string[] = INPUT_SHEETS): Promise<BookRead> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  let pending = names.map((name) => queueSheet(context, name, name, "values,valueTypes,rowIndex,columnIndex"));
  let grids: (SheetGrid | null)[];
  try {
    await context.sync();
    grids = pending.map(gridOf);
  } catch (error) {
    if (!isTooLarge(error)) throw error;
    worksheets.load("items/name");
    grids = await readInBlocks(context, names.map((name) => ({ name, realName: name })));
  }
  const sheetNames = worksheets.items.map((sheet) => sheet.name);
  const realNames = new Map<string, string>();
  const strays = names.filter((name, i) => grids[i] === null && !sheetNames.includes(name));
  const found = strays
    .map((name) => ({ name, realName: sheetNames.find((real) => sameName(real, name)) }))
    .filter((pair): pair is { name: string; realName: string } => pair.realName !== undefined);
  if (found.length > 0) {
    pending = found.map(({ name, realName }) => queueSheet(context, name, realName, "values,valueTypes,rowIndex,columnIndex"));
    await context.sync();
    found.forEach(({ name, realName }, i) => {
      const at = names.indexOf(name);
      const item = pending[i];
      if (item) grids[at] = gridOf(item);
      realNames.set(name, realName);
    });
  }
  const sheets = grids.filter((grid): grid is SheetGrid => grid !== null);
  return { book: { sheets: orderBySheets(sheets, sheetNames, realNames) }, sheetNames, realNames };
}

/** WorkbookGrids are in the workbook's sheet order. */
function orderBySheets(sheets: SheetGrid[], sheetNames: string[], realNames: Map<string, string>): SheetGrid[] {
  const position = (grid: SheetGrid) => sheetNames.indexOf(realNames.get(grid.name) ?? grid.name);
  return [...sheets].sort((a, b) => position(a) - position(b));
}

/** The slow path for huge sheets: one sync for the sizes, then blocks of rows, several blocks per sync. */
async function readInBlocks(context: Excel.RequestContext, sheets: { name: string; realName: string }[]): Promise<(SheetGrid | null)[]> {
  const sized = sheets.map(({ name, realName }) => queueSheet(context, name, realName, "rowIndex,columnIndex,rowCount,columnCount"));
  await context.sync();
  const grids: (SheetGrid | null)[] = [];
  for (const item of sized) {
    if (item.sheet.isNullObject) {
      grids.push(null);
      continue;
    }
    if (item.used.isNullObject) {
      grids.push({ name: item.name, rows: [] });
      continue;
    }
    const { rowIndex, columnIndex, rowCount, columnCount } = item.used;
    const rowsPerBlock = Math.max(1, Math.floor(READ_BLOCK_CELLS / Math.max(columnCount, 1)));
    const values: unknown[][] = [];
    const types: string[][] = [];
    const blocksPerSync = 2;
    const blocks: Excel.Range[] = [];
    for (let start = 0; start < rowCount; start += rowsPerBlock) {
      const range = item.sheet.getRange(blockAddress(rowIndex + start, columnIndex, Math.min(rowsPerBlock, rowCount - start), columnCount));
      range.load("values,valueTypes");
      blocks.push(range);
      if (blocks.length === blocksPerSync) await flush(context, blocks, values, types);
    }
    await flush(context, blocks, values, types);
    grids.push({ name: item.name, rows: placeGrid(values, types, rowIndex, columnIndex) });
  }
  return grids;
}

async function flush(context: Excel.RequestContext, blocks: Excel.Range[], values: unknown[][], types: string[][]): Promise<void> {
  if (blocks.length === 0) return;
  await context.sync();
  for (const range of blocks) {
    values.push(...range.values);
    types.push(...(range.valueTypes as unknown as string[][]));
  }
  blocks.length = 0;
}
