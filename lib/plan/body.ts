/** A sentence or clause has ended at the end of this text: the next line starts a new paragraph. */
const PARAGRAPH_END = /[。！？!?；;：:][”’」』"]?$/;

/**
 * Adds one line of a task's text to what came before. Lines are joined without a space (a line break
 * inside a Chinese sentence is only layout), except after a full stop, where a new paragraph starts.
 */
export function appendLine(body: string, line: string, newParagraph = false): string {
  if (body === "") return line;
  if (line === "") return body;
  return newParagraph || PARAGRAPH_END.test(body) ? `${body}\n${line}` : `${body}${line}`;
}

/** A title longer than this is cut at its first comma: 二级指标 is a heading, not a paragraph. */
const LONG_TITLE = 40;

/**
 * 二级指标 and 考核内容 of a task: the title is the first sentence, up to 。 (without it);
 * the content is the rest. A very long first sentence is cut at its first ， or ； instead.
 * Only the one mark where the text is cut is left out.
 */
export function splitTitle(body: string): { level2: string; content: string } {
  const firstBreak = body.indexOf("\n");
  const firstParagraph = firstBreak === -1 ? body : body.slice(0, firstBreak);
  let cut = firstParagraph.indexOf("。");
  if (cut === -1 || cut > LONG_TITLE) {
    const comma = firstParagraph.search(/[，,；;]/);
    if (comma !== -1 && comma <= LONG_TITLE && (cut === -1 || comma < cut)) cut = comma;
  }
  if (cut === -1) {
    return { level2: firstParagraph.trim(), content: firstBreak === -1 ? "" : body.slice(firstBreak + 1).trim() };
  }
  return { level2: body.slice(0, cut).trim(), content: body.slice(cut + 1).trim() };
}
