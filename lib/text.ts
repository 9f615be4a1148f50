/**
 * How a typed text is cleaned before it is compared: one set of functions for every reader, every host and the
 * 工作安排 importer, so that two places never disagree about whether "城关镇 " and "城关镇" are the same name.
 */

// String.prototype.trim already removes full-width spaces (U+3000) and NBSP; zero-width spaces are added
// because text pasted from web pages often carries them invisibly.
const EDGE_SPACES = /^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g;

/** Trims spaces of every kind (full-width U+3000, NBSP, zero-width) from both ends; names are compared this way. */
export function trimSpaces(text: string): string {
  // Nearly every cell has nothing to trim: two character checks spare the regular expression.
  if (text.length > 0 && !mayBeSpace(text.charCodeAt(0)) && !mayBeSpace(text.charCodeAt(text.length - 1))) return text;
  return text.replace(EDGE_SPACES, "");
}

/** Whether a character might be one of EDGE_SPACES (a superset: every control character counts, to stay simple). */
function mayBeSpace(code: number): boolean {
  return code <= 0x20 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200b) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

// Control characters (U+0000–U+001F except tab and line feed, and U+007F) are invisible in a cell, make two names that
// look the same differ, and some cannot be stored in an .xlsx file at all; they come from pasting out of other systems.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
// The same class without the g flag, for a test that keeps no state between calls. CR is in it, so a text it does not
// match has no CR LF either.
const HAS_CONTROL_CHARACTER = new RegExp(CONTROL_CHARACTERS.source);

/** Whether a text holds a control character that stripControls removes (CR included). */
export function hasControlCharacters(text: string): boolean {
  return HAS_CONTROL_CHARACTER.test(text);
}

/** The text without control characters (tab and line feed are kept: Alt+Enter in a cell is a line feed; CR LF becomes LF). */
export function stripControls(text: string): string {
  // Nearly every cell has none: one test instead of two replacements.
  if (!HAS_CONTROL_CHARACTER.test(text)) return text;
  return text.replace(/\r\n/g, "\n").replace(CONTROL_CHARACTERS, "");
}

/**
 * A name as the readers compare it: control characters removed, spaces of every kind trimmed. Unit names, rater
 * names and 类别 are cleaned this way (not NFKC: a full-width letter in a name is the name's own).
 */
export function cleanText(text: string): string {
  return trimSpaces(stripControls(text));
}

/** NFKC then trim: full-width digits, letters and punctuation become half-width (８５．５ → 85.5). */
export function normalizeText(text: string): string {
  const clean = stripControls(text);
  // Most typed numbers and words (85, 是, 加分, 较好) need no NFKC: the Unicode tables are used only for the others.
  return trimSpaces(isNfkcAlready(clean) ? clean : clean.normalize("NFKC"));
}

/**
 * Whether NFKC leaves a text as it is because every character is ASCII or a CJK Unified Ideograph (U+3400–U+4DBF,
 * U+4E00–U+9FFF): none of them has a compatibility form or combines with its neighbour (the compatibility ideographs,
 * U+F900 on, and full-width forms, U+FF00 on, do change and are outside).
 */
function isNfkcAlready(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code >= 0x80 && (code < 0x3400 || code > 0x9fff || (code > 0x4dbf && code < 0x4e00))) return false;
  }
  return true;
}
