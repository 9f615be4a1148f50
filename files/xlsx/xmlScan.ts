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
    attributes.set(match[1] ?? "", attributeValue(raw));
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

const GT = 62; // >
const SLASH = 47; // /
const BANG = 33; // !
const QUESTION = 63; // ?
const QUOTE = 34; // "
const APOSTROPHE = 39; // '

/**
 * A forward-only tag scanner over one XML string: {@link XmlTokenizer.next} moves to the next tag and exposes its
 * local name, kind and span in fields (no object per tag, for sheets with millions of cells).
 * Comments and CDATA sections are refused (UnsupportedXmlError): the library reader treats their text differently
 * from plain text, so a caller falls back to it. Processing instructions are skipped.
 */
export class XmlTokenizer {
  /** Local name of the current tag ("c" for <x:c>). */
  name = "";
  /** The current tag is an end tag (</c>). */
  closing = false;
  /** The current tag ends with "/>". */
  selfClosing = false;
  /** Where the current tag's attributes begin and end (a start tag's text after its name, before ">" or "/>"). */
  attributesStart = 0;
  attributesEnd = 0;
  /** Index just after the current tag's ">": where its text content starts. */
  end = 0;

  constructor(readonly xml: string) {}

  /** Moves to the next tag; false at the end of the string. */
  next(): boolean {
    const xml = this.xml;
    const start = xml.indexOf("<", this.end);
    if (start === -1) return false;
    const first = xml.charCodeAt(start + 1);
    if (first === QUESTION) {
      const close = xml.indexOf("?>", start);
      if (close === -1) throw new UnsupportedXmlError("unterminated processing instruction");
      this.end = close + 2;
      return this.next();
    }
    if (first === BANG) throw new UnsupportedXmlError("comment, CDATA or declaration in content");
    this.closing = first === SLASH;
    const nameStart = this.closing ? start + 2 : start + 1;
    let index = nameStart;
    let colon = -1;
    for (;;) {
      const code = xml.charCodeAt(index);
      if (code === GT || code === SLASH || code === 32 || code === 9 || code === 10 || code === 13) break;
      if (Number.isNaN(code)) throw new UnsupportedXmlError("unterminated tag");
      if (code === 58) colon = index;
      index += 1;
    }
    this.name = xml.slice(colon === -1 ? nameStart : colon + 1, index);
    this.attributesStart = index;
    const close = this.closing ? xml.indexOf(">", index) : this.tagEnd(index);
    if (close === -1) throw new UnsupportedXmlError("unterminated tag");
    this.selfClosing = !this.closing && xml.charCodeAt(close - 1) === SLASH;
    this.attributesEnd = this.selfClosing ? close - 1 : close;
    this.end = close + 1;
    return true;
  }

  /** The text from the end of the current tag to the next "<", entities decoded and line ends normalised as XML does. */
  text(): string {
    const next = this.xml.indexOf("<", this.end);
    return this.textAt(this.end, next === -1 ? this.xml.length : next);
  }

  /** The text between two indices (no markup in between), decoded as {@link XmlTokenizer.text}. */
  textAt(start: number, end: number): string {
    const raw = this.xml.slice(start, end);
    return decodeEntities(raw.includes("\r") ? raw.replace(/\r\n?/g, "\n") : raw);
  }

  /** The current start tag's attributes, by qualified name (as the library reader keys them). */
  attributes(): Record<string, string> {
    // No prototype: an attribute named "constructor" or "__proto__" is just a name.
    const out = Object.create(null) as Record<string, string>;
    const xml = this.xml;
    let index = this.attributesStart;
    const stop = this.attributesEnd;
    while (index < stop) {
      const equals = xml.indexOf("=", index);
      if (equals === -1 || equals >= stop) break;
      const name = xml.slice(index, equals).trim();
      let quoteAt = equals + 1;
      while (xml.charCodeAt(quoteAt) !== QUOTE && xml.charCodeAt(quoteAt) !== APOSTROPHE) {
        if (quoteAt >= stop) throw new UnsupportedXmlError("attribute without quotes");
        quoteAt += 1;
      }
      const valueEnd = xml.indexOf(xml.charAt(quoteAt), quoteAt + 1);
      if (valueEnd === -1 || valueEnd > stop) throw new UnsupportedXmlError("unterminated attribute");
      out[name] = attributeValue(xml.slice(quoteAt + 1, valueEnd));
      index = valueEnd + 1;
    }
    return out;
  }

  /**
   * The current start tag's values of the given attributes (qualified names), written into `out` by position
   * (undefined when absent); no object per tag, for the millions of cells of a big sheet.
   */
  attributeValues(names: readonly string[], out: (string | undefined)[]): void {
    out.fill(undefined, 0, names.length);
    const xml = this.xml;
    let index = this.attributesStart;
    const stop = this.attributesEnd;
    while (index < stop) {
      const equals = xml.indexOf("=", index);
      if (equals === -1 || equals >= stop) return;
      let nameStart = index;
      while (isSpace(xml.charCodeAt(nameStart))) nameStart += 1;
      let nameEnd = equals;
      while (nameEnd > nameStart && isSpace(xml.charCodeAt(nameEnd - 1))) nameEnd -= 1;
      let quoteAt = equals + 1;
      while (isSpace(xml.charCodeAt(quoteAt))) quoteAt += 1;
      const quote = xml.charCodeAt(quoteAt);
      if (quote !== QUOTE && quote !== APOSTROPHE) throw new UnsupportedXmlError("attribute without quotes");
      const valueEnd = xml.indexOf(quote === QUOTE ? '"' : "'", quoteAt + 1);
      if (valueEnd === -1 || valueEnd > stop) throw new UnsupportedXmlError("unterminated attribute");
      for (let slot = 0; slot < names.length; slot += 1) {
        const name = names[slot] as string;
        if (name.length === nameEnd - nameStart && xml.startsWith(name, nameStart)) {
          out[slot] = attributeValue(xml.slice(quoteAt + 1, valueEnd));
          break;
        }
      }
      index = valueEnd + 1;
    }
  }

  /** Index of the ">" closing a start tag, skipping quoted attribute values (they may hold ">"). */
  private tagEnd(from: number): number {
    const xml = this.xml;
    let index = from;
    for (;;) {
      const code = xml.charCodeAt(index);
      if (code === GT) return index;
      if (Number.isNaN(code)) return -1;
      if (code === QUOTE || code === APOSTROPHE) {
        index = xml.indexOf(code === QUOTE ? '"' : "'", index + 1);
        if (index === -1) return -1;
      }
      index += 1;
    }
  }
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

function attributeValue(raw: string): string {
  for (let index = 0; index < raw.length; index += 1) {
    const code = raw.charCodeAt(index);
    // Tab, line feed or carriage return, and "&": the value needs normalising or decoding.
    if (code === 9 || code === 10 || code === 13 || code === 38) return decodeEntities(raw.replace(/\r\n|[\t\n\r]/g, " "));
  }
  return raw;
}
