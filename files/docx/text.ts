import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions } from "docx";
import { CHAR, fontRun, LINE_PITCH, SIZE, type FontRole } from "./style";

/** A type size and the exact line it sits on: the 通报's 3号 on the 22-line grid, or the 反馈单's smaller face. */
export interface Measure {
  size: number;
  /** Exact line height in twips. */
  line: number;
  /** Two characters of indent, in twips. */
  indent: number;
}

export const NOTICE_MEASURE: Measure = { size: SIZE.body, line: LINE_PITCH, indent: CHAR * 2 };

/** A paragraph of one run in a font role, on exact lines (so a page holds a fixed number of them). */
export function paragraph(text: string, role: FontRole = "body", options: Omit<IParagraphOptions, "children"> = {}, measure: Measure = NOTICE_MEASURE): Paragraph {
  return new Paragraph({
    spacing: { line: measure.line, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    ...options,
    children: [new TextRun({ text, ...fontRun(role, measure.size) })],
  });
}

/** A body paragraph: indented two characters, justified, as 公文 are set. */
export function bodyParagraph(text: string, role: FontRole = "body", measure: Measure = NOTICE_MEASURE): Paragraph {
  return paragraph(text, role, { indent: { firstLine: measure.indent }, alignment: AlignmentType.JUSTIFIED }, measure);
}

export function blankLine(measure: Measure = NOTICE_MEASURE): Paragraph {
  return paragraph("", "body", {}, measure);
}
