import type { SheetOut } from "../format";
import { SHEET } from "../layout";
import { GUIDE_PARAGRAPHS, guideTitle } from "./messages";
import { inputSheetFormat } from "./sheetFormat";

const GUIDE_WIDTH = 110;

/** 说明: the title, then one paragraph per row in column A, wrapped; section headings in bold. */
export function guideSheet(year: number, county: string | null): SheetOut {
  const rows = [[guideTitle(year, county)], ...GUIDE_PARAGRAPHS.map((paragraph) => [paragraph])];
  const headings = GUIDE_PARAGRAPHS.flatMap((paragraph, index) => (isHeading(paragraph) ? [index + 2] : []));
  return {
    name: SHEET.guide,
    rows,
    format: inputSheetFormat({
      columnWidths: [GUIDE_WIDTH],
      headerColumns: 1,
      styles: [
        { range: `A2:A${rows.length}`, wrap: true, horizontal: "left" },
        ...headings.map((row) => ({ range: `A${row}`, bold: true })),
      ],
    }),
  };
}

// Headings are the numbered sections: 一、二、… at the start.
function isHeading(paragraph: string): boolean {
  return /^[一二三四五六七八九十]、/.test(paragraph);
}
