/**
 * The quote prefix for files ExcelJS writes (the template, 导入工作安排's copy, the fallback writer). ExcelJS writes
 * text as text but knows nothing of Excel's quotePrefix, so a cell holding "=HYPERLINK(…)", "+86" or "@SUM(A1)"
 * turns into a formula as soon as the user edits it and presses Enter. Here, after ExcelJS has saved, each such text
 * cell gets a copy of its cell format with quotePrefix="1" (the leading apostrophe Excel shows in the formula bar).
 * Only ExcelJS's own output comes here: shared strings, cells written `<c r=… s=… t="s"><v>…</v></c>`.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { looksLikeFormula } from "../../lib/format";
import { parseSharedStrings } from "./partsXml";
import { applySplices, startTags, withAttribute, type Splice } from "./xmlEdit";

const SHEET = /^xl\/worksheets\/[^/]+\.xml$/;
// A shared-string cell as ExcelJS writes it: reference, optional style, type s, then the string's index.
const SHARED_STRING_CELL = /<c r="([A-Z]+\d+)"(?: s="(\d+)")? t="s"><v>(\d+)<\/v>/g;

/** The saved workbook with the quote prefix on every text cell that looks like a formula; the same bytes when there is none. */
export function quoteFormulaTexts(saved: Uint8Array): Uint8Array {
  const files = unzipSync(saved);
  const stringsPart = files["xl/sharedStrings.xml"];
  const stylesPart = files["xl/styles.xml"];
  if (stringsPart === undefined || stylesPart === undefined) return saved;
  const formulaLike = new Set<number>();
  parseSharedStrings(strFromU8(stringsPart)).forEach((text, index) => {
    if (text !== null && looksLikeFormula(text)) formulaLike.add(index);
  });
  if (formulaLike.size === 0) return saved;

  const styles = new QuotedFormats(strFromU8(stylesPart));
  let changed = false;
  for (const [path, content] of Object.entries(files)) {
    if (!SHEET.test(path)) continue;
    const xml = strFromU8(content);
    const edited = xml.replace(SHARED_STRING_CELL, (cell: string, ref: string, style: string | undefined, index: string) =>
      formulaLike.has(Number(index)) ? `<c r="${ref}" s="${styles.quoted(Number(style ?? "0"))}" t="s"><v>${index}</v>` : cell,
    );
    if (edited !== xml) {
      files[path] = strToU8(edited);
      changed = true;
    }
  }
  if (!changed) return saved;
  files["xl/styles.xml"] = strToU8(styles.toXml());
  return zipSync(files as Zippable, { level: 6 });
}

/** The cell formats (cellXfs) of a styles part, each with a quoted twin appended when first asked for. */
class QuotedFormats {
  private readonly twins = new Map<number, number>();
  private readonly added: string[] = [];
  private readonly formats: string[];

  constructor(private readonly xml: string) {
    const container = startTags(xml, "cellXfs")[0];
    const end = container === undefined || container.selfClosing ? -1 : xml.indexOf("</cellXfs>", container.end);
    const inner = end === -1 || container === undefined ? "" : xml.slice(container.end, end);
    // ExcelJS writes each <xf> on its own, either self-closing or with an <alignment>/<protection> child.
    this.formats = inner.match(/<xf\b[^>]*?\/>|<xf\b[^>]*>[\s\S]*?<\/xf>/g) ?? [];
  }

  /** The index of format `index` with the quote prefix. */
  quoted(index: number): number {
    const known = this.twins.get(index);
    if (known !== undefined) return known;
    const original = this.formats[index] ?? '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>';
    const tag = startTags(original, "xf")[0];
    const twin = tag === undefined ? original : applySplices(original, [{ start: tag.start, end: tag.end, text: withAttribute(original, tag, "quotePrefix", "1") }]);
    const id = this.formats.length + this.added.length;
    this.added.push(twin);
    this.twins.set(index, id);
    return id;
  }

  toXml(): string {
    const container = startTags(this.xml, "cellXfs")[0];
    const close = container === undefined ? -1 : this.xml.indexOf("</cellXfs>", container.end);
    if (container === undefined || close === -1 || this.added.length === 0) return this.xml;
    const splices: Splice[] = [
      { start: container.start, end: container.end, text: withAttribute(this.xml, container, "count", String(this.formats.length + this.added.length)) },
      { start: close, end: close, text: this.added.join("") },
    ];
    return applySplices(this.xml, splices);
  }
}
