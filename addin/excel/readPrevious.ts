import type { SheetOut } from "../../lib/format";
import { sameSheetName, type CellValue, type WorkbookGrids } from "../../lib/grid";
import { readStamp } from "../../lib/integrity";
import { SHEET } from "../../lib/layout";
import { previousRun, type PreviousRun } from "../../lib/whatif";
import { blockAddress } from "./address";
import { gridBytes, READ_BUDGET, READ_SYNC_BYTES } from "./budget";
import { placeGrid } from "./cells";
import { isCellEdit, isTooLarge } from "./officeErrors";
import { readInputSheets, type Alongside, type BookRead, type ReadPlan } from "./readBook";

/**
 * "What changed since the last run" needs the 结果 a workbook holds and the 核验 rows at the end of its 计算说明 (the
 * time and fingerprint of that run), never the whole 计算说明: at 10,000 units that sheet is 120,000 rows and tens of
 * megabytes, far over one response, while its 核验 rows and the notes after them (上次计算, 试算应用) are a few dozen.
 *
 * Two ways, fewest syncs first (issue 14):
 * - folded into the one-sync read of the input sheets, when this task pane wrote the outputs itself: it knows the
 *   rows of its 核验 block and the bytes of its 结果, and carries them only when the whole read stays under READ_BUDGET
 *   (in a read in blocks, with the names and sizes, when they fit in one block sync);
 * - otherwise one sync of its own: 结果 whole and the last AUDIT_TAIL_ROWS rows of 计算说明 (Range.getLastRow,
 *   getOffsetRange, getResizedRange: ExcelApi 1.2), with one more only when that tail does not hold the whole 核验
 *   block, or when 计算说明 is too short for it (then both are read whole, being small).
 * A refused or failed read leaves "what changed" out and never stops the scoring the user asked for.
 */

const VALUE_PROPS = "values,rowIndex,columnIndex";

/** Rows at the end of 计算说明 read for its 核验 rows: one per input sheet and three more, then a few dozen notes at most. */
export const AUDIT_TAIL_ROWS = 64;
/** Rows read when the first tail did not reach back to the start of the 核验 block (many 试算 notes, or no 核验 at all). */
export const AUDIT_LONG_TAIL_ROWS = 1024;

/** The outputs this task pane wrote last: where its 核验 block is, and what reading them back costs. */
export interface WrittenRun {
  /** 0-based first and last rows of 计算说明 to read back: the blank row before the 核验 block, through the last row. */
  tailFirst: number;
  tailLast: number;
  columns: number;
  /** Estimated bytes of 结果's values and of those rows. */
  bytes: number;
}

/** What the next 计算等次 reads back of outputs just written (null when they hold no 核验 block to find again). */
export function writtenRun(outputs: readonly SheetOut[]): WrittenRun | null {
  const results = outputs.find((sheet) => sheet.name === SHEET.results);
  const audit = outputs.find((sheet) => sheet.name === SHEET.audit);
  if (results === undefined || audit === undefined) return null;
  const stamp = readStamp(audit.rows);
  if (stamp === null || stamp.firstRow < 1) return null;
  const tail = audit.rows.slice(stamp.firstRow - 1);
  // Not Math.max(...rows): 120,000 arguments overflow the stack.
  const columns = audit.rows.reduce((widest, row) => Math.max(widest, row.length), 1);
  return { tailFirst: stamp.firstRow - 1, tailLast: audit.rows.length - 1, columns, bytes: gridBytes(results.rows) + gridBytes(tail) };
}

/** The previous run, once its grids are in: `places` comes from this run's 参数. */
export type PreviousGrids = (places: number) => PreviousRun | null;

/** The folded read: pass `alongside` to readInputSheets; `taken()` is undefined when it was not read or does not hold. */
export interface FoldedPrevious {
  alongside: Alongside;
  taken(): PreviousGrids | undefined;
}

/**
 * Carries the previous 结果 and 核验 rows in the one-sync read of the input sheets, when this pane wrote them and the
 * read, as the last one measured it, stays under READ_BUDGET with them; in a read in blocks, in the sync of the names
 * and sizes, when they alone fit in one block sync (READ_SYNC_BYTES: 结果 of 10,000 units is 1.5 MB). Null otherwise
 * (read apart, after the inputs).
 */
export function foldPrevious(written: WrittenRun | null, plan: ReadPlan): FoldedPrevious | null {
  if (written === null || !plan.chain || plan.bytes === undefined) return null;
  if (plan.mode === "whole" ? plan.bytes + written.bytes > READ_BUDGET : written.bytes > READ_SYNC_BYTES) return null;
  let results: Excel.Range | null = null;
  let used: Excel.Range | null = null;
  let tail: Excel.Range | null = null;
  let grids: PreviousGrids | undefined;
  return {
    alongside: {
      queue(context) {
        const sheets = context.workbook.worksheets;
        results = sheets.getItemOrNullObject(SHEET.results).getUsedRangeOrNullObject(true);
        results.load(VALUE_PROPS);
        const audit = sheets.getItemOrNullObject(SHEET.audit);
        used = audit.getUsedRangeOrNullObject(true);
        used.load("rowIndex,rowCount");
        tail = audit.getRange(blockAddress(written.tailFirst, 0, written.tailLast - written.tailFirst + 1, written.columns));
        tail.load("values");
      },
      collect() {
        if (results === null || used === null || tail === null || results.isNullObject || used.isNullObject) return;
        // The 核验 block where this pane wrote it, and 计算说明 ending where it ended: else it was changed since, and
        // is read afresh from its own last rows.
        if (used.rowIndex + used.rowCount - 1 !== written.tailLast) return;
        const rows = placeGrid(tail.values, undefined, 0, 0);
        const stamp = readStamp(rows);
        if (stamp === null || stamp.firstRow !== 1) return;
        const resultRows = placeGrid(results.values, undefined, results.rowIndex, results.columnIndex);
        grids = previousOf(resultRows, rows);
      },
    },
    taken: () => grids,
  };
}

/**
 * The previous run read after the input sheets, in a sync of its own (one or two more only for a 计算说明 whose 核验
 * block is not within its last AUDIT_TAIL_ROWS rows, or a 结果 too large for one response). Null when the workbook
 * holds no 结果, or when Excel refused the read.
 */
export async function readPreviousApart(context: Excel.RequestContext, read: BookRead, plan: ReadPlan): Promise<PreviousGrids | null> {
  const realName = (name: string) => read.sheetNames.find((sheet) => sheet === name) ?? read.sheetNames.find((sheet) => sameSheetName(sheet, name));
  const resultsName = realName(SHEET.results);
  if (resultsName === undefined) return null;
  const auditName = realName(SHEET.audit);
  try {
    return await readBoth(context, resultsName, auditName, plan);
  } catch (error) {
    if (isCellEdit(error)) throw error;
    return null;
  }
}

async function readBoth(context: Excel.RequestContext, resultsName: string, auditName: string | undefined, plan: ReadPlan): Promise<PreviousGrids | null> {
  const sheets = context.workbook.worksheets;
  const results = sheets.getItem(resultsName).getUsedRangeOrNullObject(true);
  results.load(VALUE_PROPS);
  let tail: { used: Excel.Range; rows: Excel.Range } | null = null;
  if (auditName !== undefined) {
    const used = sheets.getItem(auditName).getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount,columnIndex,columnCount");
    // Fails the sync where 计算说明 is empty or ends above row AUDIT_TAIL_ROWS (the range would leave the grid).
    const rows = used.getLastRow().getOffsetRange(-(AUDIT_TAIL_ROWS - 1), 0).getResizedRange(AUDIT_TAIL_ROWS - 1, 0);
    rows.load(VALUE_PROPS);
    tail = { used, rows };
  }
  try {
    await context.sync();
  } catch (error) {
    if (isCellEdit(error)) throw error;
    return isTooLarge(error) ? readLarge(context, auditName, plan) : readShort(context, resultsName, auditName);
  }
  const resultRows = gridOf(results);
  if (tail === null) return previousOf(resultRows, []);
  const { used, rows } = tail;
  const tailRows = placeGrid(rows.values, undefined, 0, rows.columnIndex);
  if (holdsStamp(tailRows, rows.rowIndex, used.rowIndex)) return previousOf(resultRows, tailRows);
  const longer = await readTail(context, auditName ?? "", used, AUDIT_LONG_TAIL_ROWS);
  return previousOf(resultRows, longer);
}

/** After the tail could not be asked for (an empty 计算说明, or one shorter than AUDIT_TAIL_ROWS rows): both whole, in one sync. */
async function readShort(context: Excel.RequestContext, resultsName: string, auditName: string | undefined): Promise<PreviousGrids | null> {
  const sheets = context.workbook.worksheets;
  const results = sheets.getItem(resultsName).getUsedRangeOrNullObject(true);
  results.load(VALUE_PROPS);
  const audit = auditName === undefined ? null : sheets.getItem(auditName).getUsedRangeOrNullObject(true);
  audit?.load(VALUE_PROPS);
  await context.sync();
  return previousOf(gridOf(results), audit === null ? [] : gridOf(audit));
}

/**
 * 结果 alone over one response (tens of thousands of units): read as the input sheets are, in blocks, and 计算说明's
 * last rows by its size.
 */
async function readLarge(context: Excel.RequestContext, auditName: string | undefined, plan: ReadPlan): Promise<PreviousGrids | null> {
  const used = auditName === undefined ? null : context.workbook.worksheets.getItem(auditName).getUsedRangeOrNullObject(true);
  used?.load("rowIndex,rowCount,columnIndex,columnCount");
  const read = await readInputSheets(context, [SHEET.results], { mode: "blocks", chain: plan.chain });
  if (read.issues.length > 0) return null;
  const resultRows = read.book.sheets[0]?.rows ?? [];
  if (used === null || used.isNullObject || auditName === undefined) return previousOf(resultRows, []);
  return previousOf(resultRows, await readTail(context, auditName, used, AUDIT_LONG_TAIL_ROWS));
}

function gridOf(used: Excel.Range): CellValue[][] {
  return used.isNullObject ? [] : placeGrid(used.values, undefined, used.rowIndex, used.columnIndex);
}

/** The last `count` rows of a used range (all of it when shorter), by address. */
async function readTail(context: Excel.RequestContext, sheet: string, used: Excel.Range, count: number): Promise<CellValue[][]> {
  const last = used.rowIndex + used.rowCount - 1;
  const first = Math.max(used.rowIndex, last - count + 1);
  const range = context.workbook.worksheets.getItem(sheet).getRange(blockAddress(first, 0, last - first + 1, used.columnIndex + used.columnCount));
  range.load("values");
  await context.sync();
  return placeGrid(range.values, undefined, 0, 0);
}

/**
 * Whether rows read from the end of 计算说明 hold its whole 核验 block: the block starts after their first row (the
 * fingerprint is its first row, so a block cut at the top would lose it), or they reach back to the sheet's first row.
 */
function holdsStamp(rows: readonly (readonly CellValue[])[], firstRow: number, usedTop: number): boolean {
  if (firstRow <= usedTop) return true;
  const stamp = readStamp(rows as CellValue[][]);
  return stamp !== null && stamp.firstRow > 0;
}

function previousOf(results: CellValue[][], auditTail: CellValue[][]): PreviousGrids {
  const book: WorkbookGrids = {
    sheets: [
      { name: SHEET.results, rows: results },
      { name: SHEET.audit, rows: auditTail },
    ],
  };
  return (places) => previousRun(book, places);
}
