import type { SheetOut } from "../format";
import { SHEET } from "../layout";
import { EXAMPLE_NOTE, GUIDE_PARAGRAPHS, guideTitle } from "./messages";
import { inputSheetFormat } from "./sheetFormat";

const GUIDE_WIDTH = 110;
const EXAMPLE_NOTE_COLOR = "#C00000";

/** 说明: the title, then one paragraph per row in column A, wrapped; section headings in bold. The example says it is one. */
export function guideSheet(year: number, county: string | null): SheetOut {
  const paragraphs = county === null ? GUIDE_PARAGRAPHS : [EXAMPLE_NOTE, ...GUIDE_PARAGRAPHS];
  const rows = [[guideTitle(year, county)], ...paragraphs.map((paragraph) => [paragraph])];
  const headings = paragraphs.flatMap((paragraph, index) => (isHeading(paragraph) ? [index + 2] : []));
  return {
    name: SHEET.guide,
    rows,
    format: inputSheetFormat({
      columnWidths: [GUIDE_WIDTH],
      headerColumns: 1,
      styles: [
        { range: `A2:A${rows.length}`, wrap: true, horizontal: "left" },
        ...(county === null ? [] : [{ range: "A2", bold: true, fontColor: EXAMPLE_NOTE_COLOR }]),
        ...headings.map((row) => ({ range: `A${row}`, bold: true })),
      ],
    }),
  };
}

// Headings are the numbered sections: 一、二、… at the start.
function isHeading(paragraph: string): boolean {
  return /^[一二三四五六七八九十]、/.test(paragraph);
}
