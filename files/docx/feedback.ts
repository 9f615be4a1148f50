/**
 * The 反馈单 as a Word document: one page per unit (a page break before each but the first), in the layout of the
 * 通报 (style.ts); the comparison with the group as a table. All text is text, editable in Word.
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { FeedbackBook, UnitFeedback } from "../../lib/report";
import { FEEDBACK } from "../../lib/report";
import { withFontTable } from "./fontTable";
import { pageFooters, pageProperties } from "./notice";
import { fontRun } from "./style";
import { blankLine, bodyParagraph, paragraph, type Measure } from "./text";

/**
 * A unit's page must hold its table, records and losses: 小四 (12 pt) on 18 pt lines (about 35 lines of 37
 * characters in the 版心), the title in 小二 (18 pt).
 */
const BODY: Measure = { size: 24, line: 360, indent: 480 };
const TITLE: Measure = { size: 36, line: 560, indent: 0 };
const TABLE_SIZE = 21;

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" } as const;
/** Column widths of the table in twips, over the 156 mm 版心 (8844 twips). */
const WIDTHS = [2844, 1500, 1500, 1500, 1500];

function cell(text: string, bold: boolean, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: CELL_BORDER, bottom: CELL_BORDER, left: CELL_BORDER, right: CELL_BORDER },
    children: [new Paragraph({ alignment, children: [new TextRun({ text, bold, ...fontRun("body", TABLE_SIZE) })] })],
  });
}

function comparisonTable(unit: UnitFeedback): Table {
  const header = new TableRow({ tableHeader: true, children: FEEDBACK.tableHeaders.map((text, index) => cell(text, true, AlignmentType.CENTER, WIDTHS[index] ?? 1500)) });
  const rows = unit.rows.map(
    (row) =>
      new TableRow({
        children: [row.item, row.earned, row.possible, row.groupMean, row.groupBest].map((text, index) =>
          cell(text, false, index === 0 ? AlignmentType.LEFT : AlignmentType.RIGHT, WIDTHS[index] ?? 1500),
        ),
      }),
  );
  return new Table({ width: { size: WIDTHS.reduce((a, b) => a + b, 0), type: WidthType.DXA }, columnWidths: WIDTHS, rows: [header, ...rows] });
}

/** One unit's page. */
function unitPage(book: FeedbackBook, unit: UnitFeedback, first: boolean): (Paragraph | Table)[] {
  const body = (text: string) => bodyParagraph(text, "body", BODY);
  const heading = (text: string) => paragraph(text, "heading1", {}, BODY);
  // Each note without its own full stop: they are joined with "；" and end with one "。" (not "。；" or "。。").
  const notes = [...unit.notes, ...unit.measures].map((note) => note.replace(/[。；;.\s]+$/u, "")).filter((note) => note !== "");
  const children: (Paragraph | Table)[] = [
    paragraph(book.title, "title", { alignment: AlignmentType.CENTER, pageBreakBefore: !first }, TITLE),
    paragraph(FEEDBACK.unitLine(unit.name, unit.category, unit.rankGroup), "heading2", { alignment: AlignmentType.CENTER }, BODY),
    ...unit.standing.map(body),
    heading(FEEDBACK.scoresHeading),
    comparisonTable(unit),
    heading(FEEDBACK.adjustmentsHeading),
    ...(unit.adjustments.length === 0 ? [body(FEEDBACK.noAdjustments)] : unit.adjustments.map(body)),
    heading(FEEDBACK.lossesHeading),
    ...(unit.losses.length === 0 ? [body(FEEDBACK.noLosses)] : unit.losses.map(body)),
    heading(FEEDBACK.notesHeading),
    body(notes.length === 0 ? FEEDBACK.noNotes : notes.join("；") + "。"),
  ];
  if (unit.advice !== null) {
    children.push(paragraph(FEEDBACK.adviceHeading, "heading1", { alignment: AlignmentType.CENTER }, BODY), body(unit.advice));
  }
  children.push(blankLine(BODY));
  const signed = (text: string) => paragraph(text, "body", { alignment: AlignmentType.RIGHT, indent: { right: BODY.indent } }, BODY);
  children.push(...book.issuers.map(signed));
  if (book.date !== null) children.push(signed(book.date));
  return children;
}

/** The .docx bytes of the 反馈单 of the book's units, a page each. */
export async function writeFeedbackDocx(book: FeedbackBook): Promise<Uint8Array> {
  const document = new Document({
    creator: "kaohe",
    title: book.title,
    evenAndOddHeaderAndFooters: true,
    sections: [{ properties: pageProperties(false), footers: pageFooters(), children: book.units.flatMap((unit, index) => unitPage(book, unit, index === 0)) }],
  });
  return withFontTable(new Uint8Array(await Packer.toArrayBuffer(document)));
}
