/**
 * The output sheets' cell styles appended to the workbook's own styles part. Existing entries are never changed, so
 * the input sheets keep their look; new number formats, fonts, fills and cell formats (xf) go after the existing
 * ones, and each distinct look gets one xf that every cell of that look shares.
 */
import type { CellLook } from "./cellLooks";
import { applySplices, elementEnd, openedTag, prefixOf, startTags, withAttribute, xmlAttribute, type Splice, type TagFound } from "./xmlEdit";

export const MAIN_NAMESPACE = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** The styles part with the looks appended, and the xf index of each look (by look id; look 0 is xf 0). */
export interface MergedStyles {
  xml: string;
  xfOf: number[];
}

// Number formats Excel knows by id without a <numFmt> entry.
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};
/** Custom number formats are numbered from here on. */
const FIRST_CUSTOM_FORMAT = 164;

// The containers every styles part needs, in schema order, with the child each holds and what a part without one gets.
const CONTAINERS = [
  { name: "fonts", child: "font", first: '<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' },
  { name: "fills", child: "fill", first: '<fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' },
  { name: "borders", child: "border", first: "<border><left/><right/><top/><bottom/><diagonal/></border>" },
  { name: "cellStyleXfs", child: "xf", first: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>' },
  { name: "cellXfs", child: "xf", first: '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' },
] as const;
type ContainerName = (typeof CONTAINERS)[number]["name"];
const LATER_ELEMENTS = ["cellStyles", "dxfs", "tableStyles", "colors", "extLst"];

/** A styles part for a package that has none. */
export function emptyStylesPart(): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${MAIN_NAMESPACE}"></styleSheet>`;
}

/**
 * Appends one xf per look (and the fonts, fills and number formats they need) to a styles part. An entry the part
 * already holds, written the same way, is used as it is: scoring a scored workbook again adds nothing.
 * @throws Error when the part has no styleSheet element (the caller passes emptyStylesPart() for a package without one).
 */
export function mergeStyles(stylesXml: string, looks: readonly CellLook[]): MergedStyles {
  const xml = withAllContainers(stylesXml);
  const containers = locateContainers(xml);
  const p = prefixOf(containers.cellXfs.tag.qualifiedName);
  const numFmts = startTags(xml, "numFmts")[0];
  const numFmtsInner = numFmts === undefined || numFmts.selfClosing ? "" : xml.slice(numFmts.end, elementEnd(xml, numFmts));
  const addedFormats: string[] = [];
  const formats = new NumberFormats(numFmtsInner, p, addedFormats);
  const fonts = new Entries(containers.fonts.children);
  const fills = new Entries(containers.fills.children);
  const xfs = new Entries(containers.cellXfs.children);
  const baseFont = firstFontInner(containers.fonts.children[0] ?? "", p);
  const xfOf = looks.map((look, id) => {
    if (id === 0) return 0;
    const numFmtId = look.numberFormat === undefined ? 0 : formats.idOf(look.numberFormat);
    const fontId = look.bold === undefined && look.fontColor === undefined ? 0 : fonts.idOf(fontXml(baseFont, look, p));
    const fillId = look.fill === undefined ? 0 : fills.idOf(fillXml(look.fill, p));
    return xfs.idOf(xfXml(look, { numFmtId, fontId, fillId }, p));
  });
  const splices: Splice[] = [];
  const appended: [Container, Entries][] = [
    [containers.fonts, fonts],
    [containers.fills, fills],
    [containers.cellXfs, xfs],
  ];
  for (const [container, entries] of appended) {
    if (entries.added.length === 0) continue;
    splices.push({ start: container.tag.start, end: container.tag.end, text: withAttribute(xml, container.tag, "count", String(container.children.length + entries.added.length)) });
    splices.push({ start: container.innerEnd, end: container.innerEnd, text: entries.added.join("") });
  }
  if (addedFormats.length > 0) splices.push(...formatSplices(xml, numFmts, containers.fonts.tag.start, addedFormats, p));
  return { xml: applySplices(xml, splices), xfOf };
}

/** The new number formats: appended to the part's numFmts, or a numFmts of their own before the fonts. */
function formatSplices(xml: string, numFmts: TagFound | undefined, fontsStart: number, added: readonly string[], p: string): Splice[] {
  if (numFmts === undefined) return [{ start: fontsStart, end: fontsStart, text: `<${p}numFmts count="${added.length}">${added.join("")}</${p}numFmts>` }];
  const existing = startTags(numFmts.selfClosing ? "" : xml.slice(numFmts.end, elementEnd(xml, numFmts)), "numFmt").length;
  const tag = withAttribute(xml, numFmts, "count", String(existing + added.length));
  if (numFmts.selfClosing) {
    return [{ start: numFmts.start, end: numFmts.end, text: `${tag.slice(0, tag.lastIndexOf("/")).trimEnd()}>${added.join("")}</${numFmts.qualifiedName}>` }];
  }
  const innerEnd = elementEnd(xml, numFmts) - `</${numFmts.qualifiedName}>`.length;
  return [
    { start: numFmts.start, end: numFmts.end, text: tag },
    { start: innerEnd, end: innerEnd, text: added.join("") },
  ];
}

/** A container's entries: existing ones found by their XML, new ones appended and numbered after them. */
class Entries {
  readonly added: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly existing: number;

  constructor(children: readonly string[]) {
    this.existing = children.length;
    children.forEach((child, index) => {
      if (!this.ids.has(child)) this.ids.set(child, index);
    });
  }

  idOf(entry: string): number {
    let id = this.ids.get(entry);
    if (id === undefined) {
      id = this.existing + this.added.length;
      this.added.push(entry);
      this.ids.set(entry, id);
    }
    return id;
  }
}

/** Number format ids: built-in ones, the workbook's own custom ones reused as they are, new ones after the highest. */
class NumberFormats {
  private readonly ids = new Map<string, number>();
  private next: number;
  constructor(
    inner: string,
    private readonly prefix: string,
    private readonly added: string[],
  ) {
    let highest = FIRST_CUSTOM_FORMAT - 1;
    for (const tag of startTags(inner, "numFmt")) {
      const id = Number(tag.attributes.get("numFmtId"));
      const code = tag.attributes.get("formatCode");
      if (!Number.isInteger(id)) continue;
      highest = Math.max(highest, id);
      if (code !== undefined && !this.ids.has(code)) this.ids.set(code, id);
    }
    this.next = highest + 1;
  }

  idOf(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    let id = this.ids.get(code);
    if (id === undefined) {
      id = this.next;
      this.next += 1;
      this.ids.set(code, id);
      this.added.push(`<${this.prefix}numFmt numFmtId="${id}" formatCode="${xmlAttribute(code)}"/>`);
    }
    return id;
  }
}

/** The workbook's default font (font 0) without bold or colour, which each new font sets itself. */
function firstFontInner(fontXml: string, p: string): string {
  const first = startTags(fontXml, "font")[0];
  if (first === undefined || first.selfClosing) return "";
  const end = elementEnd(fontXml, first);
  const inner = fontXml.slice(first.end, end === -1 ? first.end : end - `</${first.qualifiedName}>`.length);
  const own = new RegExp(`<${escapePrefix(p)}(?:b|color)(?=[\\s/>])(?:"[^"]*"|'[^']*'|[^>])*?/>`, "g");
  return inner.replace(own, "");
}

function fontXml(baseInner: string, look: CellLook, p: string): string {
  const bold = look.bold === true ? `<${p}b/>` : "";
  const colour = look.fontColor === undefined ? "" : `<${p}color rgb="${argb(look.fontColor)}"/>`;
  return `<${p}font>${bold}${baseInner}${colour}</${p}font>`;
}

function fillXml(fill: string, p: string): string {
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(fill)}"/></${p}patternFill></${p}fill>`;
}

function xfXml(look: CellLook, ids: { numFmtId: number; fontId: number; fillId: number }, p: string): string {
  const apply = [ids.numFmtId !== 0 ? ' applyNumberFormat="1"' : "", ids.fontId !== 0 ? ' applyFont="1"' : "", ids.fillId !== 0 ? ' applyFill="1"' : ""];
  const quote = look.quotePrefix === true ? ' quotePrefix="1"' : "";
  const head = `<${p}xf numFmtId="${ids.numFmtId}" fontId="${ids.fontId}" fillId="${ids.fillId}" borderId="0" xfId="0"${apply.join("")}${quote}`;
  if (look.verticalCentre !== true) return `${head}/>`;
  const horizontal = look.horizontal === undefined ? "" : ` horizontal="${look.horizontal}"`;
  const wrap = look.wrap === true ? ' wrapText="1"' : "";
  return `${head} applyAlignment="1"><${p}alignment${horizontal} vertical="center"${wrap}/></${p}xf>`;
}

/** "#rrggbb" → "FFRRGGBB" (opaque), as the ExcelJS path writes colours. */
export function argb(colour: string): string {
  return `FF${colour.replace(/^#/, "").toUpperCase()}`;
}

interface Container {
  tag: TagFound;
  /** Each existing child element as written. */
  children: string[];
  innerEnd: number;
}

/** Every container present and open (not an empty-element tag), created in schema order where missing. */
function withAllContainers(xml: string): string {
  const root = startTags(xml, "styleSheet")[0];
  if (root === undefined) throw new Error("mergeStyles: the styles part has no styleSheet element");
  const p = prefixOf(root.qualifiedName);
  let text = root.selfClosing ? `${xml.slice(0, root.start)}${openedTag(xml, root)}</${root.qualifiedName}>${xml.slice(root.end)}` : xml;
  CONTAINERS.forEach(({ name, child, first }, index) => {
    const tag = startTags(text, name)[0];
    if (tag !== undefined) {
      if (tag.selfClosing) text = `${text.slice(0, tag.start)}${openedTag(text, tag)}</${tag.qualifiedName}>${text.slice(tag.end)}`;
      return;
    }
    const entries = first.replace(/<(\/?)(?=[a-z])/g, `<$1${p}`);
    const count = (entries.match(new RegExp(`<${escapePrefix(p)}${child}(?=[\\s/>])`, "g")) ?? []).length;
    const at = insertionPoint(text, [...CONTAINERS.slice(index + 1).map((later) => later.name), ...LATER_ELEMENTS], root.qualifiedName);
    text = `${text.slice(0, at)}<${p}${name} count="${count}">${entries}</${p}${name}>${text.slice(at)}`;
  });
  return text;
}

/** Before the first of the later elements present, else before the root's end tag. */
function insertionPoint(xml: string, later: readonly string[], rootName: string): number {
  for (const name of later) {
    const tag = startTags(xml, name)[0];
    if (tag !== undefined) return tag.start;
  }
  const close = xml.lastIndexOf(`</${rootName}>`);
  if (close === -1) throw new Error("mergeStyles: the styleSheet element is not closed");
  return close;
}

function locateContainers(xml: string): Record<ContainerName, Container> {
  const found = {} as Record<ContainerName, Container>;
  for (const { name, child } of CONTAINERS) {
    const tag = startTags(xml, name)[0];
    if (tag === undefined) throw new Error(`mergeStyles: no ${name}`);
    const end = elementEnd(xml, tag);
    if (end === -1) throw new Error(`mergeStyles: ${name} is not closed`);
    const innerEnd = end - `</${tag.qualifiedName}>`.length;
    const inner = xml.slice(tag.end, innerEnd);
    const children = startTags(inner, child).map((childTag) => inner.slice(childTag.start, elementEnd(inner, childTag)));
    found[name] = { tag, children, innerEnd };
  }
  return found;
}

function escapePrefix(prefix: string): string {
  return prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
