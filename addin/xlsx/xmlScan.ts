/**
 * The little XML the .xlsx package layer and the fast sheet reader need: entities, attributes, elements by local name.
 * Hand-written rather than a DOM so that a 50 MB sheet is read in one forward pass, in the browser and in Node alike.
 */

/** A part holds XML this module cannot read with certainty; the caller falls back to the full library reader. */
export class UnsupportedXmlError extends Error {
  override readonly name = "UnsupportedXmlError";
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

/**
 * Decodes the five XML entities and numeric character references (&#65; &#x41;).
 * @throws UnsupportedXmlError on any other entity: a well-formed part has none, and guessing would change a text.
 */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  let out = "";
  let from = 0;
  for (let amp = text.indexOf("&"); amp !== -1; amp = text.indexOf("&", from)) {
    const semi = text.indexOf(";", amp);
    if (semi === -1) throw new UnsupportedXmlError(`unterminated entity at ${amp}`);
    out += text.slice(from, amp) + entityText(text.slice(amp + 1, semi));
    from = semi + 1;
  }
  return out + text.slice(from);
}

function entityText(name: string): string {
  const named = NAMED_ENTITIES[name];
  if (named !== undefined) return named;
  const code = name.startsWith("#x") ? parseInt(name.slice(2), 16) : name.startsWith("#") ? parseInt(name.slice(1), 10) : NaN;
  if (!Number.isInteger(code) || code < 0 || code > 0x10ffff || !/^#(x[0-9A-Fa-f]+|[0-9]+)$/.test(name)) {
    throw new UnsupportedXmlError(`unknown entity &${name};`);
  }
  return String.fromCodePoint(code);
}

/** The part of a qualified name after its prefix: "x:sheet" → "sheet". */
export function localName(qualifiedName: string): string {
  const colon = qualifiedName.indexOf(":");
  return colon === -1 ? qualifiedName : qualifiedName.slice(colon + 1);
}

// An attribute inside a start tag: name = "value" or name = 'value'.
const ATTRIBUTE = /([^\s=/<>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Attributes of one start tag's text (what lies between the element name and ">"), by qualified name, entities decoded.
 * White space characters in a value read as spaces, as an XML parser normalises them.
 */
export function parseAttributes(tagText: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of tagText.matchAll(ATTRIBUTE)) {
    const raw = match[2] ?? match[3] ?? "";
    attributes.set(match[1] ?? "", decodeEntities(raw.replace(/\r\n|[\t\n\r]/g, " ")));
  }
  return attributes;
}

/** An attribute by local name, whatever its prefix ("r:id", "ns1:id" → "id"); an unprefixed name wins. */
export function attributeByLocalName(attributes: ReadonlyMap<string, string>, name: string): string | undefined {
  const plain = attributes.get(name);
  if (plain !== undefined) return plain;
  for (const [key, value] of attributes) if (localName(key) === name) return value;
  return undefined;
}

/** One element found by {@link elementsNamed}: its attributes and, for a non-empty element, its inner XML. */
export interface ElementFound {
  attributes: Map<string, string>;
  inner: string;
}

/**
 * Every element with the given local name (any prefix), in document order. Meant for the small parts
 * (workbook, relationships, styles); the sheet reader has its own scanner. Nested elements of the same name are not expected.
 */
export function elementsNamed(xml: string, name: string): ElementFound[] {
  const found: ElementFound[] = [];
  const pattern = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?${name})(?=[\\s/>])([^>]*)>`, "g");
  for (let match = pattern.exec(xml); match !== null; match = pattern.exec(xml)) {
    const tagText = match[2] ?? "";
    const selfClosing = tagText.endsWith("/");
    const attributes = parseAttributes(selfClosing ? tagText.slice(0, -1) : tagText);
    if (selfClosing) {
      found.push({ attributes, inner: "" });
      continue;
    }
    const close = `</${match[1] ?? name}>`;
    const end = xml.indexOf(close, pattern.lastIndex);
    if (end === -1) throw new UnsupportedXmlError(`<${match[1] ?? name}> is not closed`);
    found.push({ attributes, inner: xml.slice(pattern.lastIndex, end) });
    pattern.lastIndex = end + close.length;
  }
  return found;
}
