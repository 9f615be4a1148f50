/**
 * Small edits of the package's little XML parts (workbook, relationships, content types, styles) as text, so that
 * everything the writer does not mean to change stays byte for byte as the original had it.
 */
import { parseAttributes } from "./xmlScan";

/** Text as element content: the three characters XML reserves, and a carriage return, which a parser would turn into a line feed. */
export function xmlText(text: string): string {
  return text.replace(/[&<>\r]/g, (character) => TEXT_ENTITIES[character] ?? character);
}

/** Text as a double-quoted attribute value: tabs and line breaks as references, since a parser turns them into spaces. */
export function xmlAttribute(text: string): string {
  return text.replace(/[&<>"\t\n\r]/g, (character) => ATTRIBUTE_ENTITIES[character] ?? character);
}

const TEXT_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;" };
const ATTRIBUTE_ENTITIES: Readonly<Record<string, string>> = { ...TEXT_ENTITIES, '"': "&quot;", "\t": "&#9;", "\n": "&#10;" };

/** One start tag (or empty-element tag) found in a part, with where it is. */
export interface TagFound {
  /** Offset of "<". */
  start: number;
  /** Offset just after ">". */
  end: number;
  /** As written, with its prefix: "sheet" or "x:sheet". */
  qualifiedName: string;
  attributes: Map<string, string>;
  selfClosing: boolean;
}

/**
 * Every start tag with the given local name (any prefix), in document order. Quoted attribute values may hold ">".
 * Comments and CDATA sections are not expected in these parts (Office writes none there).
 */
export function startTags(xml: string, name: string): TagFound[] {
  const pattern = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${name})((?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`, "g");
  const found: TagFound[] = [];
  for (const match of xml.matchAll(pattern)) {
    const start = match.index;
    found.push({
      start,
      end: start + match[0].length,
      qualifiedName: match[1] ?? name,
      attributes: parseAttributes(match[2] ?? ""),
      selfClosing: match[3] === "/",
    });
  }
  return found;
}

/** Where a found element ends: after its end tag, or after the tag itself when it is empty. -1 when it is not closed. */
export function elementEnd(xml: string, tag: TagFound): number {
  if (tag.selfClosing) return tag.end;
  const close = xml.indexOf(`</${tag.qualifiedName}>`, tag.end);
  return close === -1 ? -1 : close + tag.qualifiedName.length + 3;
}

/** One replacement of the text between two offsets. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices (in any order) to a text. */
export function applySplices(xml: string, splices: readonly Splice[]): string {
  const ordered = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let from = 0;
  for (const splice of ordered) {
    if (splice.start < from) throw new Error("applySplices: overlapping edits");
    out += xml.slice(from, splice.start) + splice.text;
    from = splice.end;
  }
  return out + xml.slice(from);
}

/** A start tag with one attribute set to a new value (added at the end when absent); the rest of the tag is kept as written. */
export function withAttribute(xml: string, tag: TagFound, name: string, value: string): string {
  const text = xml.slice(tag.start, tag.end);
  const attribute = new RegExp(`(\\s${escapeRegExp(name)}\\s*=\\s*)(?:"[^"]*"|'[^']*')`);
  if (attribute.test(text)) return text.replace(attribute, (_all, head: string) => `${head}"${xmlAttribute(value)}"`);
  const close = tag.selfClosing ? text.lastIndexOf("/") : text.length - 1;
  return `${text.slice(0, close).trimEnd()} ${name}="${xmlAttribute(value)}"${text.slice(close)}`;
}

/** The tag opened as a container: `<x:fills count="0"/>` becomes `<x:fills count="0">` (its end tag is the caller's). */
export function openedTag(xml: string, tag: TagFound): string {
  const text = xml.slice(tag.start, tag.end);
  return tag.selfClosing ? `${text.slice(0, text.lastIndexOf("/")).trimEnd()}>` : text;
}

/** The namespace prefix of a qualified name with its colon ("x:"), or "" when it has none. */
export function prefixOf(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(":");
  return colon === -1 ? "" : qualifiedName.slice(0, colon + 1);
}

/** The prefix a part's root element binds to a namespace ("r"), or null when it binds none. */
export function prefixFor(xml: string, namespace: string): string | null {
  const root = /<(?![?!])[^>]*>/.exec(xml)?.[0] ?? "";
  for (const [name, value] of parseAttributes(root)) {
    if (name.startsWith("xmlns:") && value === namespace) return name.slice(6);
  }
  return null;
}

/** The namespace of a part's root element (its default namespace, or the one its prefix is bound to). */
export function rootNamespace(xml: string): string | null {
  const root = /<(?![?!])([^\s>/]+)([^>]*)>/.exec(xml);
  if (root === null) return null;
  const prefix = prefixOf(root[1] ?? "");
  const attributes = parseAttributes(root[2] ?? "");
  return attributes.get(prefix === "" ? "xmlns" : `xmlns:${prefix.slice(0, -1)}`) ?? null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
