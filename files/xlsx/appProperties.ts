/**
 * docProps/app.xml after the graft: its list of worksheets (TitlesOfParts, counted in HeadingPairs) without the
 * replaced sheets and with the outputs at the end, as the workbook part now has them. Excel and LibreOffice rebuild
 * the list when they save; until then Windows Explorer's details pane and document managers show it.
 *
 * The list is found by content, not by its heading, which Excel writes in the user's language ("Worksheets",
 * "工作表"): it is the group of titles that are all names of the workbook's sheets. A part whose groups do not add up,
 * or without such a group, is left as it was.
 */
import { decodeEntities } from "./xmlScan";
import { xmlText } from "./xmlEdit";

const VARIANT = /<((?:[\w.-]+:)?variant)>([\s\S]*?)<\/\1>/g;
const LPSTR = /<((?:[\w.-]+:)?lpstr)>([\s\S]*?)<\/\1>|<((?:[\w.-]+:)?lpstr)\/>/g;
const COUNT = /<((?:[\w.-]+:)?i4)>\s*(\d+)\s*<\/\1>/;

/**
 * The edited part, or null to leave it as it was.
 * @param sheetNames the workbook's sheets before the graft, in tab order
 * @param removed whether a sheet name is one the graft removes (Excel's case-insensitive comparison)
 * @param added the outputs' names, in order
 */
export function appPropertiesWithSheets(xml: string, sheetNames: readonly string[], removed: (name: string) => boolean, added: readonly string[]): string | null {
  const headings = element(xml, "HeadingPairs");
  const titles = element(xml, "TitlesOfParts");
  if (headings === null || titles === null || headings.start > titles.start) return null;
  const titleVector = element(xml, "vector", titles.innerStart, titles.innerEnd);
  const headingVector = element(xml, "vector", headings.innerStart, headings.innerEnd);
  if (titleVector === null || headingVector === null) return null;

  const items = [...xml.slice(titleVector.innerStart, titleVector.innerEnd).matchAll(LPSTR)].map((match) => ({
    tag: match[1] ?? match[3] ?? "vt:lpstr",
    text: decodeEntities(match[2] ?? ""),
  }));
  const groups: { countAt: number; countLength: number; count: number }[] = [];
  const headingInner = xml.slice(headingVector.innerStart, headingVector.innerEnd);
  for (const match of headingInner.matchAll(VARIANT)) {
    const count = COUNT.exec(match[2] ?? "");
    if (count === null) continue;
    const at = headingVector.innerStart + (match.index ?? 0) + match[0].indexOf(count[0]);
    groups.push({ countAt: at, countLength: count[0].length, count: Number(count[2]) });
  }
  if (groups.reduce((sum, group) => sum + group.count, 0) !== items.length) return null;

  const known = new Set(sheetNames);
  let first = 0;
  for (const group of groups) {
    const mine = items.slice(first, first + group.count);
    if (mine.length > 0 && mine.every((item) => known.has(item.text))) {
      const tag = mine[0]?.tag ?? "vt:lpstr";
      const kept = mine.filter((item) => !removed(item.text));
      const listed = [...kept.map((item) => item.text), ...added];
      const before = items.slice(0, first).map((item) => lpstr(item.tag, item.text));
      const after = items.slice(first + group.count).map((item) => lpstr(item.tag, item.text));
      const vectorInner = [...before, ...listed.map((name) => lpstr(tag, name)), ...after].join("");
      const size = items.length - group.count + listed.length;
      const countTag = COUNT.exec(xml.slice(group.countAt, group.countAt + group.countLength));
      const countName = countTag?.[1] ?? "vt:i4";
      // Later offsets first, so that earlier ones stay valid.
      let out = xml.slice(0, titleVector.innerStart) + vectorInner + xml.slice(titleVector.innerEnd);
      out = withSize(out, titleVector.start, size);
      out = out.slice(0, group.countAt) + `<${countName}>${listed.length}</${countName}>` + out.slice(group.countAt + group.countLength);
      return out;
    }
    first += group.count;
  }
  return null;
}

function lpstr(tag: string, text: string): string {
  return `<${tag}>${xmlText(text)}</${tag}>`;
}

/** The vector's size attribute set (the vector's start tag begins at `start`). */
function withSize(xml: string, start: number, size: number): string {
  const end = xml.indexOf(">", start);
  const tag = xml.slice(start, end);
  const sized = /\ssize="\d+"/.test(tag) ? tag.replace(/\ssize="\d+"/, ` size="${size}"`) : `${tag} size="${size}"`;
  return xml.slice(0, start) + sized + xml.slice(end);
}

/** An element by local name (any prefix) within a range: where its start tag begins, and its content. */
function element(xml: string, name: string, from = 0, to = xml.length): { start: number; innerStart: number; innerEnd: number } | null {
  const open = new RegExp(`<((?:[\\w.-]+:)?${name})(\\s[^>]*)?>`, "g");
  open.lastIndex = from;
  const match = open.exec(xml);
  if (match === null || match.index >= to || match[0].endsWith("/>")) return null;
  const close = xml.indexOf(`</${match[1] ?? name}>`, match.index + match[0].length);
  if (close === -1 || close > to) return null;
  return { start: match.index, innerStart: match.index + match[0].length, innerEnd: close };
}
