import type { SheetOut } from "../format";
import { columnName } from "../grid";
import { HEADERS, SHEET } from "../layout";
import { inputSheetFormat, styledRows } from "./sheetFormat";
import type { TemplateData } from "./templateData";

const RATER_WIDTH = 12;

/** 上下互评: 被评单位 in column A, one column per rater unit headed by its name; a crossing cell holds a rating or a word. */
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
      styles: [{ range: `B2:${lastColumn}${styledRows(rows)}`, horizontal: "center" }],
    }),
  };
}
