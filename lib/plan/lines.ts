import { chineseNumeral } from "./numerals";

/**
 * The numbering levels of Chinese official documents, outermost first:
 * 一、 (section) > （一） (paren) > 1. or 1、 (arabic) > （1） (arabicParen) > ① (circled).
 */
export type MarkerKind = "section" | "paren" | "arabic" | "arabicParen" | "circled";

export const MARKER_RANK: Readonly<Record<MarkerKind, number>> = { section: 0, paren: 1, arabic: 2, arabicParen: 3, circled: 4 };

/** One meaningful piece of a line: a numbered item, 牵头单位/责任单位 labels, or plain text. */
export type PlanEntry =
  | { kind: "item"; line: number; marker: MarkerKind; number: number; raw: string; text: string }
  | { kind: "labels"; line: number; lead: string | null; responsible: string | null }
  | { kind: "text"; line: number; text: string; indented: boolean };

const CN = "[一二三四五六七八九十百零〇两]+";
const SECTION = new RegExp(`^(${CN})\\s*[、．.]\\s*`);
const PAREN = new RegExp(`^[（(]\\s*(${CN})\\s*[）)]\\s*[、．.]?\\s*`);
// "3.5亿元" and "2024.1" are not item numbers: the mark must not be followed by another digit.
const ARABIC = /^(\d{1,3})\s*[.．、](?![\d.．])\s*/;
const ARABIC_PAREN = /^[（(]\s*(\d{1,3})\s*[）)]\s*/;
const CIRCLED = /^([①-⑳])\s*/;

// Page numbers as they survive a copy from Word or PDF: "- 30 -", "—30—", "第 3 页", "3/12".
const PAGE_NUMBER = /^[-—–－―~～\s]*(第\s*)?\d{1,4}(\s*页)?([\s/／]*(共\s*)?\d{1,4}\s*页?)?[-—–－―~～\s]*$/;

const LABEL_KEY = /(牵头单位|牵头部门|责任单位|责任部门)\s*[:：]/g;
const LABEL_LINE = /^[（(【[]?\s*(牵头单位|牵头部门|责任单位|责任部门)\s*[:：]/;
// A task may end with its labels in brackets: "……。（牵头单位：县司法局；责任单位：各乡镇）".
const INLINE_LABELS = /[（(]\s*((?:牵头单位|牵头部门|责任单位|责任部门)\s*[:：][^（）()]*)[）)]\s*[。；;]?\s*$/;

/** Full-width digits as ASCII, one character for one, so that offsets into the original line stay valid. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

// Trailing separators stay: when the list goes on in the next line, they still separate two names.
function cleanValue(value: string): string {
  return value.replace(/^[\s:：]+/, "").replace(/[\s。）)\]】]+$/, "");
}

/** The 牵头单位 and 责任单位 values in a piece of text made only of labels (several may share one line). */
export function readLabels(text: string): { lead: string | null; responsible: string | null } {
  const matches = [...text.matchAll(LABEL_KEY)];
  let lead: string | null = null;
  let responsible: string | null = null;
  matches.forEach((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[i + 1]?.index ?? text.length;
    const next = matches[i + 1];
    // Before another label on the same line, the separator belongs to neither list.
    const value = next === undefined ? cleanValue(text.slice(start, end)) : cleanValue(text.slice(start, end)).replace(/[；;，,、\s]+$/, "");
    if (match[1]?.startsWith("牵头")) lead = lead === null ? value : `${lead}、${value}`;
    else responsible = responsible === null ? value : `${responsible}、${value}`;
  });
  return { lead, responsible };
}

function matchMarker(line: string): { marker: MarkerKind; number: number; length: number } | null {
  const probe = asciiDigits(line);
  const cn = SECTION.exec(probe) ?? null;
  if (cn?.[1] !== undefined) {
    const n = chineseNumeral(cn[1]);
    if (n !== null) return { marker: "section", number: n, length: cn[0].length };
  }
  const paren = PAREN.exec(probe);
  if (paren?.[1] !== undefined) {
    const n = chineseNumeral(paren[1]);
    if (n !== null) return { marker: "paren", number: n, length: paren[0].length };
  }
  const arabic = ARABIC.exec(probe);
  if (arabic?.[1] !== undefined) return { marker: "arabic", number: Number.parseInt(arabic[1], 10), length: arabic[0].length };
  const arabicParen = ARABIC_PAREN.exec(probe);
  if (arabicParen?.[1] !== undefined) return { marker: "arabicParen", number: Number.parseInt(arabicParen[1], 10), length: arabicParen[0].length };
  const circled = CIRCLED.exec(probe);
  if (circled?.[1] !== undefined) return { marker: "circled", number: circled[1].charCodeAt(0) - 0x2460 + 1, length: circled[0].length };
  return null;
}

/** A line with its inline labels split off: the text before them, and the labels (null if none). */
function splitInlineLabels(text: string): { text: string; labels: string | null } {
  const inline = INLINE_LABELS.exec(text);
  if (inline === null || inline[1] === undefined) return { text, labels: null };
  return { text: text.slice(0, inline.index).trim(), labels: inline[1] };
}

/** The entries of one line (1-based number): none for a blank or page-number line, two when a task ends with its labels. */
export function classifyLine(rawLine: string, line: number): PlanEntry[] {
  const trimmed = rawLine.trim();
  if (trimmed === "" || PAGE_NUMBER.test(asciiDigits(trimmed))) return [];
  if (LABEL_LINE.test(trimmed)) return [{ kind: "labels", line, ...readLabels(trimmed) }];
  const split = splitInlineLabels(trimmed);
  const entries: PlanEntry[] = [];
  const found = matchMarker(split.text);
  if (found !== null) {
    entries.push({
      kind: "item",
      line,
      marker: found.marker,
      number: found.number,
      raw: split.text,
      text: split.text.slice(found.length).trim(),
    });
  } else if (split.text !== "") {
    // A first line indented by spaces (two half-width, or one full-width) starts a paragraph, as typeset.
    entries.push({ kind: "text", line, text: split.text, indented: /^( {2}|\u3000|\t)/.test(rawLine) });
  }
  if (split.labels !== null) entries.push({ kind: "labels", line, ...readLabels(split.labels) });
  return entries;
}

/** Every entry of a pasted text, in order, with 1-based line numbers (\r\n, \r and \n all end a line). */
export function planEntries(text: string): PlanEntry[] {
  return text.split(/\r\n|\r|\n/).flatMap((rawLine, i) => classifyLine(rawLine, i + 1));
}
