/**
 * The 考核结果通报 as a Word document in the layout of GB/T 9704 (style.ts): 发文字号, title, 主送机关, body with its
 * headings, 发文机关署名 and 成文日期, and the 版记 (抄送, 印发) between thin rules. All text is text, editable in Word.
 */
import { AlignmentType, BorderStyle, Document, Footer, LineRuleType, Packer, Paragraph, type ISectionOptions } from "docx";
import type { Notice } from "../../lib/report";
import { withFontTable } from "./fontTable";
import { TextRun } from "docx";
import { CHAR, CHAR_SPACING, fontRun, GRID, LINE_PITCH, PAGE, pageNumberRun, SIZE } from "./style";
import { blankLine, paragraph, type Measure } from "./text";

/** Odd pages: number on the right, one character in; even pages: on the left. */
export function pageFooters(): NonNullable<ISectionOptions["footers"]> {
  return {
    default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: CHAR }, children: [new TextRun(pageNumberRun())] })] }),
    even: new Footer({ children: [new Paragraph({ alignment: AlignmentType.LEFT, indent: { left: CHAR }, children: [new TextRun(pageNumberRun())] })] }),
  };
}

/** A4 with the 版心 of GB/T 9704; a line grid only on request (the 通报 keeps its 22 lines by exact line heights). */
export function pageProperties(withGrid: boolean): ISectionOptions["properties"] {
  return {
    page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin },
    ...(withGrid ? { grid: GRID } : {}),
  };
}

/** The title's line height: 35 pt for 2号 (22 pt), in twips. */
const TITLE_LINE_HEIGHT = 700;
/** The 版记 in 4号. */
const SMALL_MEASURE: Measure = { size: SIZE.small, line: LINE_PITCH, indent: CHAR };

const RULE = { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } as const;

/** Characters of 2号 on one line of the 版心 (156 mm ÷ 22 pt ≈ 20), less two so the title keeps some margin. */
const TITLE_LINE = 18;

/** Width in characters of 2号: a digit or Latin letter is half a Chinese character. */
function titleWidth(text: string): number {
  return [...text].reduce((width, char) => width + (char.charCodeAt(0) < 0x2e80 ? 0.5 : 1), 0);
}

/**
 * The title's lines. GB/T 9704 7.2.4: a title that wraps is broken where the sense allows, not wherever the line
 * happens to end (which left "通报" alone on the second line): before "考核结果的通报" when the whole does not fit.
 */
export function titleLines(title: string): string[] {
  const tail = "考核结果的通报";
  if (titleWidth(title) <= TITLE_LINE || !title.endsWith(tail) || title.length === tail.length) return [title];
  return [title.slice(0, -tail.length), tail];
}

/** The title: one paragraph, its lines broken where titleLines says, on 35 pt lines off the line grid (one title). */
function titleParagraph(title: string): Paragraph {
  const lines = titleLines(title);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: TITLE_LINE_HEIGHT, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: lines.map((line, index) => new TextRun({ text: line, ...fontRun("title", SIZE.title), snapToGrid: false, ...(index > 0 ? { break: 1 } : {}) })),
  });
}

/** The body paragraphs of the 通报, in order. */
function noticeParagraphs(notice: Notice): Paragraph[] {
  const children: Paragraph[] = [
    paragraph(notice.docNumber, "body", { alignment: AlignmentType.CENTER }),
    blankLine(),
    titleParagraph(notice.title),
    blankLine(),
    paragraph(notice.mainTo),
  ];
  notice.body.forEach((block, index) => {
    const role = block.kind === "paragraph" ? "body" : block.kind;
    // The last paragraph keeps with the 署名 below it: no page holds only the 署名 and 成文日期 (GB/T 9704 7.3.5.4).
    const keepNext = index === notice.body.length - 1;
    children.push(paragraph(block.text, role, { indent: { firstLine: CHAR * 2 }, alignment: AlignmentType.JUSTIFIED, keepNext }));
  });
  // 署名 under the body after one blank line, 成文日期 below it, both set in from the right (GB/T 9704 7.3.5.2), kept
  // together on one page.
  children.push(paragraph("", "body", { keepNext: true }), paragraph("", "body", { keepNext: true }));
  for (const issuer of notice.issuers) children.push(paragraph(issuer, "body", { alignment: AlignmentType.RIGHT, indent: { right: CHAR * 4 }, keepNext: true }));
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
    // 3号 仿宋 is the document's default (what a clerk types in Word continues the body), every character 0.25 pt
    // closer so that 28 go on a line (style.ts).
    styles: { default: { document: { run: { ...fontRun("body", SIZE.body), characterSpacing: CHAR_SPACING } } } },
    sections: [{ properties: pageProperties(false), footers: pageFooters(), children: noticeParagraphs(notice) }],
  });
  return withFontTable(new Uint8Array(await Packer.toArrayBuffer(document)));
}
