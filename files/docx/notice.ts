/**
 * The 考核结果通报 as a Word document in the layout of GB/T 9704 (style.ts): 发文字号, title, 主送机关, body with its
 * headings, 发文机关署名 and 成文日期, and the 版记 (抄送, 印发) between thin rules. All text is text, editable in Word.
 */
import { AlignmentType, BorderStyle, Document, Footer, Packer, Paragraph, type ISectionOptions } from "docx";
import type { Notice } from "../../lib/report";
import { withFontTable } from "./fontTable";
import { TextRun } from "docx";
import { CHAR, GRID, LINE_PITCH, PAGE, pageNumberRun, SIZE } from "./style";
import { blankLine, bodyParagraph, paragraph, type Measure } from "./text";

/** Odd pages: number on the right, one character in; even pages: on the left. */
export function pageFooters(): NonNullable<ISectionOptions["footers"]> {
  return {
    default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: CHAR }, children: [new TextRun(pageNumberRun())] })] }),
    even: new Footer({ children: [new Paragraph({ alignment: AlignmentType.LEFT, indent: { left: CHAR }, children: [new TextRun(pageNumberRun())] })] }),
  };
}

/** A4 with the 版心 of GB/T 9704; the 22 × 28 document grid for the 通报 only (the 反馈单 sets a smaller face). */
export function pageProperties(withGrid: boolean): ISectionOptions["properties"] {
  return {
    page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin },
    ...(withGrid ? { grid: GRID } : {}),
  };
}

/** The title in 2号 on two grid lines' height, so a long title wraps without crowding. */
const TITLE_MEASURE: Measure = { size: SIZE.title, line: LINE_PITCH, indent: 0 };
/** The 版记 in 4号. */
const SMALL_MEASURE: Measure = { size: SIZE.small, line: LINE_PITCH, indent: CHAR };

const RULE = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } as const;

/** The body paragraphs of the 通报, in order. */
function noticeParagraphs(notice: Notice): Paragraph[] {
  const children: Paragraph[] = [
    paragraph(notice.docNumber, "body", { alignment: AlignmentType.CENTER }),
    blankLine(),
    paragraph(notice.title, "title", { alignment: AlignmentType.CENTER }, TITLE_MEASURE),
    blankLine(),
    paragraph(notice.mainTo),
  ];
  for (const block of notice.body) {
    if (block.kind === "heading1") children.push(bodyParagraph(block.text, "heading1"));
    else if (block.kind === "heading2") children.push(bodyParagraph(block.text, "heading2"));
    else children.push(bodyParagraph(block.text));
  }
  // 署名 under the body after one blank line, 成文日期 below it, both set in from the right (GB/T 9704 7.3.5.2).
  children.push(blankLine(), blankLine());
  for (const issuer of notice.issuers) children.push(paragraph(issuer, "body", { alignment: AlignmentType.RIGHT, indent: { right: CHAR * 4 } }));
  children.push(paragraph(notice.date, "body", { alignment: AlignmentType.RIGHT, indent: { right: CHAR * 4 } }));
  // 版记: 抄送 in 4号 between thin rules, then the 印发 line (印发机关 left, 印发日期 right).
  children.push(blankLine(), blankLine());
  if (notice.copyTo !== null) {
    children.push(
      paragraph(notice.copyTo, "body", { indent: { left: CHAR, right: CHAR }, border: { top: RULE, bottom: RULE } }, SMALL_MEASURE),
    );
  }
  const printer = notice.issuers[0] ?? "";
  children.push(
    paragraph(`${printer}\u3000\u3000\u3000\u3000${notice.date}印发`, "body", { indent: { left: CHAR, right: CHAR }, border: { bottom: RULE } }, SMALL_MEASURE),
  );
  return children;
}

/** The .docx bytes of a 通报. */
export async function writeNoticeDocx(notice: Notice): Promise<Uint8Array> {
  const document = new Document({
    creator: "kaohe",
    title: notice.title,
    evenAndOddHeaderAndFooters: true,
    sections: [{ properties: pageProperties(true), footers: pageFooters(), children: noticeParagraphs(notice) }],
  });
  return withFontTable(new Uint8Array(await Packer.toArrayBuffer(document)));
}
