import type { SheetOut } from "../../lib/format";
import type { Issue } from "../../lib/issue";
import { INPUT_SHEETS } from "../../lib/layout";
import { blockAddress, rangeOrigin, rangeSize } from "./address";
import { OPERATION_BYTES } from "./budget";
import { runInBatches, small, type Operation } from "./batches";
import { CHART_NAME, chartName, columnWidthOperations, contentFormatOperations, decorationOperations } from "./formats";
import { pageLayoutOperations } from "./pageLayout";
import { EXCEL_TEXT, isTemporarySheet } from "./messages";
import { errorCode } from "../ui/errors";
import type { SheetInfo } from "./readBook";
import { COPY_SET, type Supports } from "./supports";
import { gridWidth, temporaryName, valueOperations } from "./writeSheets";

/** One output sheet being written: where its new content is built, and where it ends up. */
interface Target {
  out: SheetOut;
  /** The output sheet already in the workbook (it keeps its identity), or undefined for a new one. */
  existing: SheetInfo | undefined;
  /** The temporary sheet the new content is built in; null when it is written straight into the existing sheet. */
  temp: Excel.Worksheet | null;
  /** The sheet that holds the output afterwards. */
  final: Excel.Worksheet;
  /** Our charts on the existing sheet, loaded in the last sync, replaced with the decorations. */
  charts: Excel.ChartCollection | null;
}

/**
 * Writes the output sheets (结果, 计算说明, 汇总). An output sheet that exists keeps its identity: a user's formula,
 * defined name, chart or print area pointing at 结果 stays valid (deleting the sheet would turn them into #REF!, and
 * renaming a new sheet does not reconnect them).
 *
 * 1. Temporaries an earlier failed run left behind (ours by name) are removed.
 * 2. Each new output is built in a temporary sheet ("结果（计算中，可删除）"): values, then number formats, fills, fonts.
 * 3. The last operation, never split over two syncs: each existing output sheet is cleared and the new content copied
 *    in (Range.copyFrom, ExcelApi 1.9, with the column widths), the temporaries deleted; a new output's temporary
 *    sheet takes its name.
 * 4. In a sync of its own, after the outputs are in place, where there is something to do: a new output's row heights and page setup (ExcelApi 1.9 for the page setup; a kept output's are set in step 3), freeze
 *    panes, tab colour and chart; an existing 汇总's chart when it must draw other cells. Their failure is returned as a
 *    提示, never a failed run.
 *
 * Old or new outputs, never a mix — with two limits that Excel's requests set, not we: a request is not a transaction
 * (an operation that fails leaves those before it in the same request applied), so an Excel failure inside step 3's
 * request can leave some outputs new and some old or cleared; and where ExcelApi 1.9 is missing (Excel 2016, 2019) an
 * existing output is cleared and written directly, in several requests when it is over the request budget. In both
 * cases the pane reports the failure, the inputs are untouched, and the next 计算等次 writes every output again.
 * Input sheets are never touched. Resolves with the 提示 to show (none when all went well).
 */
export async function writeOutputs(
  context: Excel.RequestContext,
  outputs: readonly SheetOut[],
  sheets: readonly SheetInfo[] | readonly string[],
  supports: Supports,
): Promise<Issue[]> {
  for (const out of outputs) {
    if ((INPUT_SHEETS as readonly string[]).includes(out.name)) throw new Error(`refusing to replace input sheet ${out.name}`);
  }
  const infos: SheetInfo[] = sheets.map((sheet) => (typeof sheet === "string" ? { name: sheet, visibility: "Visible" } : sheet));
  const worksheets = context.workbook.worksheets;
  const copy = supports(COPY_SET);
  const taken = new Set(infos.map((sheet) => sheet.name));
  for (const leftover of infos.filter((sheet) => isTemporarySheet(sheet.name))) worksheets.getItem(leftover.name).delete();
  const targets: Target[] = outputs.map((out) => {
    const existing = infos.find((sheet) => sheet.name === out.name);
    const direct = existing !== undefined && !copy;
    let temp: Excel.Worksheet | null = null;
    if (!direct) {
      const name = temporaryName(out.name, taken);
      taken.add(name);
      temp = worksheets.add(name);
    }
    const final = existing === undefined ? (temp as Excel.Worksheet) : worksheets.getItem(existing.name);
    return { out, existing, temp, final, charts: null };
  });
  const built = targets.filter((target) => target.temp !== null);
  const direct = targets.filter((target) => target.temp === null);
  const operations: Operation[] = [
    ...built.flatMap(({ temp, out }) => [...valueOperations(temp as Excel.Worksheet, out), ...contentFormatOperations(temp as Excel.Worksheet, out.format)]),
    // Without copyFrom: the existing sheet is cleared and written in place, after every temporary sheet is built.
    ...direct.flatMap(({ final, out }) => [small(() => final.getRange().clear()), ...valueOperations(final, out), ...contentFormatOperations(final, out.format)]),
    swapOperation(targets),
    // A kept output sheet keeps its page setup, but this run's rows need their heights and page breaks: set with the
    // swap, so that clicking 计算等次 again still costs a read and a write (a new sheet gets them with its decorations).
    ...targets
      .filter((target) => target.existing !== undefined)
      .flatMap((target) => pageLayoutOperations(target.final, target.out.format, target.out.rows.length, supports, true)),
  ];
  try {
    await runInBatches(context, operations);
  } catch (error) {
    await removeQuietly(context, built.map((target) => target.temp as Excel.Worksheet));
    throw error;
  }
  return decorate(context, targets, supports);
}

/**
 * The rows and columns an output covers: its values and every style with bounded rows (a whole-column style counts
 * for its columns). This block is what copyFrom carries into the existing sheet.
 */
export function outputBlock(out: SheetOut): string {
  let rows = out.rows.length;
  let columns = gridWidth(out.rows);
  for (const style of out.format.styles) {
    const origin = rangeOrigin(style.range);
    const size = rangeSize(style.range);
    columns = Math.max(columns, origin.column + size.columns);
    if (size.rows !== null) rows = Math.max(rows, origin.row + size.rows);
  }
  return blockAddress(0, 0, Math.max(rows, 1), Math.max(columns, 1));
}

/** Puts every new output in place, as one operation so that it never spans two syncs; shows the first output. */
function swapOperation(targets: Target[]): Operation {
  const copies = targets.filter((target) => target.existing !== undefined && target.temp !== null);
  const widths = copies.map(({ final, out }) => columnWidthOperations(final, out.format));
  const shown = targets.find((target) => (target.existing?.visibility ?? "Visible") === "Visible");
  return {
    bytes: OPERATION_BYTES * (4 * targets.length + widths.reduce((sum, list) => sum + list.length, 0)),
    queue: () => {
      copies.forEach(({ final, temp, out }, i) => {
        final.getRange().clear();
        final.getRange("A1").copyFrom((temp as Excel.Worksheet).getRange(outputBlock(out)), "All");
        for (const width of widths[i] ?? []) width.queue();
      });
      for (const { temp } of copies) temp?.delete();
      for (const target of targets) {
        if (target.existing === undefined) target.final.name = target.out.name;
        else if (target.out.format.chart !== undefined) {
          target.charts = target.final.charts;
          target.charts.load("items/name,items/title/text");
        }
      }
      // A sheet the user hid stays hidden (Excel refuses to activate it).
      shown?.final.activate();
    },
  };
}

/**
 * Decorations after the outputs are in place, in one more sync only when there is something to do: a new output
 * sheet gets its freeze panes, tab colour and chart; an existing one keeps those it has (they belong to the sheet, not
 * to its cells), and only its chart is replaced when it must draw other cells. A failure is a 提示: the outputs are
 * complete without them.
 */
async function decorate(context: Excel.RequestContext, targets: Target[], supports: Supports): Promise<Issue[]> {
  try {
    const operations: Operation[] = [];
    for (const target of targets) {
      if (target.existing === undefined) {
        operations.push(...pageLayoutOperations(target.final, target.out.format, target.out.rows.length, supports));
        operations.push(...decorationOperations(target.final, target.out.format, supports));
        continue;
      }
      const chart = target.out.format.chart;
      const charts = target.charts;
      if (chart === undefined || charts === null) continue;
      const wanted = chartName(chart);
      if (charts.items.some((item) => item.name === wanted)) continue;
      // Ours from an earlier run: by name, or by title for a chart an earlier version drew before charts were named.
      const ours = charts.items.map((item, index) => ({ item, index })).filter(({ item }) => item.name.startsWith(CHART_NAME) || item.title.text === chart.title);
      for (const { index } of ours.reverse()) operations.push(small(() => charts.getItemAt(index).delete()));
      operations.push(...decorationOperations(target.final, { ...target.out.format, frozenRows: 0, frozenColumns: 0, tabColor: undefined, validations: [] }, supports));
    }
    if (operations.length > 0) await runInBatches(context, operations);
    return [];
  } catch (error) {
    const first = targets[0]?.out.name ?? "";
    return [{ level: "warning", code: "excel.decorations", sheet: first, cell: "A1", message: EXCEL_TEXT.decorationsFailed(EXCEL_TEXT.decorationWhat, errorCode(error)) }];
  }
}

/** After a failure, the half-built temporary sheets go; if Excel refuses even that, the next run removes them. */
async function removeQuietly(context: Excel.RequestContext, sheets: Excel.Worksheet[]): Promise<void> {
  try {
    for (const sheet of sheets) sheet.delete();
    await context.sync();
  } catch {
    // The original failure is what the user needs to see; a sheet that could not be added needs no removal.
  }
}
