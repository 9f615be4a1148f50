import { HEADER_FILL, OUTPUT_TAB, type RangeStyle, type RowHeight, type SheetOut } from "../format";
import { HEADERS, SHEET } from "../layout";
import type { AssessmentResult, AuditLine } from "../model";
import { PARAMS_GROUP_LABEL } from "./messages";
import { describeParams } from "./parameters";
import { knownExplanationWidth } from "../rules/audit";
import { a4Print, blockBreaks, fittedWidths, heightOfLines, ONE_LINE_ROW, printTitle, scaleToWidth, wrappedLines, wrappedLinesOfWidth, wrappedRowHeights } from "./print";
import { rangeOf } from "./ranges";

type Cell = string | null;

const LAST_COLUMN = HEADERS.audit.length - 1;
/** Least widths; 结果 and 计算过程 wrap beyond their maximum, the other columns widen to their longest text. */
const WIDTHS = [10, 24, 16, 14, 100];
const MAXIMUM_WIDTHS = [null, null, null, 36, 100];
/** 结果 and 计算过程: the value and the explanation of each line, which wrap. */
const VALUE_COLUMN = 3;
const EXPLANATION_COLUMN = 4;
const WRAPPED_COLUMNS = [VALUE_COLUMN, EXPLANATION_COLUMN];
const ORIENTATION = "landscape";
/** Every other unit is shaded, so that where one unit's lines end is seen at a glance. */
const BAND_FILL = "#F2F2F2";
const PARAMS_FILL = "#FFF2CC";

/** A block of consecutive rows (0-based, inclusive) and the lines it holds. */
interface Block {
  first: number;
  last: number;
}

/**
 * 计算说明: header row 1 as HEADERS.audit; then every unit's 计算说明 lines in 结果 order;
 * then, after one blank row, the parameters used, with 排名分组 "参数".
 */
export function renderAudit(result: AssessmentResult): SheetOut {
  const rows: Cell[][] = [[...HEADERS.audit]];
  const unitBlocks: Block[] = [];
  for (const unit of result.units) {
    const first = rows.length;
    for (const line of unit.audit) rows.push(auditRow(unit.unit.rankGroup, unit.unit.name, line));
    if (rows.length > first) unitBlocks.push({ first, last: rows.length - 1 });
  }
  const unitsEnd = rows.length;
  if (rows.length > 1) rows.push([null, null, null, null, null]);
  const paramsFirst = rows.length;
  rows.push(...describeParams(result.params, result.groups).map((line) => auditRow(PARAMS_GROUP_LABEL, null, line)));
  const paramsBlock = { first: paramsFirst, last: rows.length - 1 };
  const widths = fittedWidths(rows, WIDTHS, MAXIMUM_WIDTHS);
  const rowHeights = unitRowHeights(result, widths);
  // The blank row and the parameters, measured as usual.
  rowHeights.push(...wrappedRowHeights(rows, WRAPPED_COLUMNS, widths, unitsEnd));
  // One page across; page breaks so that each unit's lines, and the parameters, print whole on one page. The breaks
  // are placed for the largest scale a program would print at (see scaleToWidth).
  const scale = scaleToWidth(widths, ORIENTATION);
  const blocks = paramsBlock.last >= paramsBlock.first ? [...unitBlocks, paramsBlock] : unitBlocks;
  return {
    name: SHEET.audit,
    rows,
    format: {
      columnWidths: widths,
      frozenRows: 1,
      frozenColumns: 2,
      styles: [
        { range: rangeOf(0, 0, 0, LAST_COLUMN), fill: HEADER_FILL, bold: true, horizontal: "center" },
        // Figures in 结果 (column D) are the texts of the rules, exactly: keep them text, never numbers or formulas.
        // Left and centred in the row (a unit's name beside its explanation of three lines, not below it).
        { range: rangeOf(1, 0, rows.length - 1, LAST_COLUMN), numberFormat: "@", horizontal: "left" },
        { range: rangeOf(1, WRAPPED_COLUMNS[0] ?? LAST_COLUMN, rows.length - 1, LAST_COLUMN), wrap: true },
        ...unitBlocks.flatMap(unitStyles),
        { range: rangeOf(paramsBlock.first, 0, paramsBlock.last, LAST_COLUMN), fill: PARAMS_FILL },
        { range: rangeOf(paramsBlock.first, 0, paramsBlock.last, 2), bold: true },
      ],
      validations: [],
      tabColor: OUTPUT_TAB,
      defaultRowHeight: ONE_LINE_ROW,
      rowHeights,
      print: a4Print({
        title: printTitle(result.params, "计算说明"),
        orientation: ORIENTATION,
        fit: { width: 1, height: 0 },
        repeatRows: 1,
        repeatColumns: 2,
        rowBreaks: blockBreaks(blocks, rowHeights, 1, scale, ORIENTATION),
      }),
    },
  };
}

/**
 * wrappedRowHeights of the units' rows (from row 1, one a line), from their lines: 结果 measured, 计算过程 from the
 * width auditLines knew when it did (every explanation without a line break), in one loop without a callback a cell.
 */
function unitRowHeights(result: AssessmentResult, widths: readonly number[]): RowHeight[] {
  const valueWidth = widths[VALUE_COLUMN] ?? WIDTHS[VALUE_COLUMN] ?? 1;
  const explanationWidth = widths[EXPLANATION_COLUMN] ?? WIDTHS[EXPLANATION_COLUMN] ?? 1;
  const heights: RowHeight[] = [];
  let row = 1;
  for (const unit of result.units) {
    for (const line of unit.audit) {
      const known = knownExplanationWidth(line);
      const explanation = line.explanation;
      let most = explanation === "" ? 1 : known === undefined ? wrappedLines(explanation, explanationWidth) : wrappedLinesOfWidth(known, explanationWidth);
      if (line.value !== "") most = Math.max(most, wrappedLines(line.value, valueWidth));
      if (most > 1) heights.push({ row, height: heightOfLines(most) });
      row += 1;
    }
  }
  return heights;
}

function auditRow(rankGroup: string, name: string | null, line: AuditLine): Cell[] {
  return [rankGroup, name, line.item, line.value, line.explanation];
}

/** The group, name and item of each unit's first line bold (long explanations stay plain); every second unit shaded. */
function unitStyles(block: Block, index: number): RangeStyle[] {
  const styles: RangeStyle[] = [{ range: rangeOf(block.first, 0, block.first, 2), bold: true }];
  if (index % 2 === 1) styles.push({ range: rangeOf(block.first, 0, block.last, LAST_COLUMN), fill: BAND_FILL });
  return styles;
}
