import { NOT_APPLICABLE_FILL, type RangeStyle, type SheetOut } from "../format";
import { cellAddress, columnName } from "../grid";
import { HEADERS, SHEET } from "../layout";
import { inputSheetFormat, styledRows } from "./sheetFormat";
import type { TemplateData } from "./templateData";

const RATER_WIDTH = 12;

/**
 * 上下互评: 被评单位 in column A, one column per rater unit headed by its name; a crossing cell holds a rating or a
 * word. A unit's own cell (its row under its own column) is grey: the rules leave a self-rating out.
 */
export function peerSheet(peer: TemplateData["peer"]): SheetOut {
  const header = [...HEADERS.peer, ...peer.raters];
  const rows = [header, ...peer.rows.map((row) => [row.ratee, ...row.ratings])];
  const lastColumn = columnName(Math.max(header.length, 2) - 1);
  return {
    name: SHEET.peer,
    rows,
    format: inputSheetFormat({
      columnWidths: [26, ...peer.raters.map(() => RATER_WIDTH)],
      headerColumns: header.length,
      frozenColumns: 1,
      styles: [{ range: `B2:${lastColumn}${styledRows(rows)}`, horizontal: "center" }, ...ownCells(peer)],
    }),
  };
}

/** The grey of each unit's own cell, where the unit is both a row and a rater. */
function ownCells(peer: TemplateData["peer"]): RangeStyle[] {
  const columnOf = new Map(peer.raters.map((rater, index) => [rater, index + HEADERS.peer.length]));
  return peer.rows.flatMap((row, index): RangeStyle[] => {
    const column = columnOf.get(row.ratee);
    return column === undefined ? [] : [{ range: cellAddress(index + 1, column), fill: NOT_APPLICABLE_FILL }];
  });
}
