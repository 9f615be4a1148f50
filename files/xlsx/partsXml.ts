/**
 * The workbook-wide parts the fast sheet reader needs: shared strings, which cell styles show dates, the 1904 date system.
 * Each rule follows what ExcelJS does when it loads the same part, so that both readers give the same grids.
 */
import { UnsupportedXmlError, XmlTokenizer } from "./xmlScan";

/**
 * Shared strings as cells show them: a plain or rich text (runs joined, phonetic runs left out), or null for an
 * item with no text at all (ExcelJS reads `<si/>` as an empty object, which is an empty cell).
 */
export function parseSharedStrings(xml: string): (string | null)[] {
  const strings: (string | null)[] = [];
  const tokens = new XmlTokenizer(xml);
  while (tokens.next()) {
    if (tokens.closing || tokens.name === "sst") continue;
    if (tokens.name !== "si") throw new UnsupportedXmlError(`<${tokens.name}> in the shared strings`);
    strings.push(tokens.selfClosing ? null : readItem(tokens));
  }
  return strings;
}

/**
 * One <si>: a <t> directly inside gives the text (the last one wins, even over runs before it), else the runs <r>
 * joined; <rPh> (phonetic guide) is skipped. Unknown elements are ignored, as ExcelJS ignores them.
 */
function readItem(tokens: XmlTokenizer): string | null {
  let plain: string | undefined;
  let runs: string[] | undefined;
  while (tokens.next()) {
    const { name } = tokens;
    if (tokens.closing) {
      if (name === "si") break;
      continue;
    }
    if (name === "rPh") skipElement(tokens, "rPh");
    else if (name === "t") plain = readTextElement(tokens);
    else if (name === "r") {
      // ExcelJS fails on a run after a plain text (it tries to add runs to the string); let it say so.
      if (plain !== undefined) throw new UnsupportedXmlError("a rich text run after a plain text");
      (runs ??= []).push(readRun(tokens) ?? "");
    }
  }
  if (plain !== undefined) return plain;
  return runs === undefined ? null : runs.join("");
}

/** A rich text run <r>: its last <t>, escapes decoded; undefined when it has none. The tokenizer ends on </r>. */
export function readRun(tokens: XmlTokenizer): string | undefined {
  let text: string | undefined;
  if (tokens.selfClosing) return text;
  while (tokens.next()) {
    if (tokens.closing) {
      if (tokens.name === "r") break;
      continue;
    }
    if (tokens.name === "t") text = readTextElement(tokens);
  }
  return text;
}

/** The text of a <t> element with _xHHHH_ escapes decoded; the tokenizer ends on </t>. */
function readTextElement(tokens: XmlTokenizer): string {
  if (tokens.selfClosing) return "";
  let text = "";
  for (;;) {
    text += tokens.text();
    if (!tokens.next()) throw new UnsupportedXmlError("<t> is not closed");
    if (tokens.closing && tokens.name === "t") break;
    // Only text belongs in <t>; ExcelJS would keep the text around a stray element, and so do we.
  }
  return decodeEscapes(text);
}

/** Moves the tokenizer past the end of the current element (same local name, nesting counted). */
export function skipElement(tokens: XmlTokenizer, name: string): void {
  if (tokens.selfClosing) return;
  let depth = 1;
  while (tokens.next()) {
    if (tokens.name !== name || tokens.selfClosing) continue;
    depth += tokens.closing ? -1 : 1;
    if (depth === 0) return;
  }
  throw new UnsupportedXmlError(`<${name}> is not closed`);
}

// ExcelJS decodes _xHHHH_ with upper-case hex digits only, in shared strings and rich text runs (not in inline <t>).
const ESCAPE = /_x([0-9A-F]{4})_/g;

/** _x000D_ → carriage return, as ExcelJS reads shared strings. */
export function decodeEscapes(text: string): string {
  return text.includes("_x") ? text.replace(ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

/** For each cell style (index of cellXfs), whether a number in that style is a date. */
export function parseDateStyles(xml: string): boolean[] {
  const customFormats = new Map<number, string>();
  const styleFormats: number[] = [];
  const tokens = new XmlTokenizer(xml);
  let section = "";
  while (tokens.next()) {
    const { name } = tokens;
    if (name === "numFmts" || name === "cellXfs" || name === "cellStyleXfs" || name === "dxfs") {
      section = tokens.closing || tokens.selfClosing ? "" : name;
      continue;
    }
    if (tokens.closing) continue;
    if (section === "numFmts" && name === "numFmt") {
      const attributes = tokens.attributes();
      customFormats.set(parseInt(attributes.numFmtId ?? "", 10), (attributes.formatCode ?? "").replace(/[\\](.)/g, "$1"));
    } else if (section === "cellXfs" && name === "xf") {
      styleFormats.push(parseInt(tokens.attributes().numFmtId ?? "", 10));
    }
  }
  return styleFormats.map((id) => isDateStyle(id, customFormats));
}

function isDateStyle(numFmtId: number, customFormats: ReadonlyMap<number, string>): boolean {
  // ExcelJS: a style with numFmtId 0 (or none) has no format; a custom format of the same id wins over the built-in one.
  if (!numFmtId) return false;
  const format = customFormats.get(numFmtId) || BUILT_IN_FORMATS[numFmtId];
  return isDateFormat(format);
}

/** ExcelJS's rule (utils.isDateFmt): outside "quoted" and [bracketed] parts, any of y m d h M s b makes a date format. */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "");
  return /[ymdhMsb]+/.test(bare);
}

// The built-in number formats ExcelJS knows by a single code (defaultnumformats.js entries with an `f`);
// the locale-dependent ones (27–36, 50–58) have none there, so ExcelJS does not treat them as dates.
const BUILT_IN_FORMATS: Readonly<Record<number, string>> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** Whether the workbook counts dates from 1904 (ExcelJS: workbookPr date1904="1" exactly). */
export function usesDate1904(workbookXml: string): boolean {
  const tokens = new XmlTokenizer(workbookXml);
  while (tokens.next()) {
    if (!tokens.closing && tokens.name === "workbookPr") return tokens.attributes().date1904 === "1";
  }
  return false;
}
