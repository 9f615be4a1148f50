/**
 * The few output texts that need a file-format escape ("_x000D_" typed as text, a control character) go to the
 * workbook's shared-string part, appended after the existing items, so that every index the input sheets use stays
 * valid. A text already there (from the previous run) is reused, so re-scoring does not grow the part.
 */
import { MAIN_NAMESPACE } from "./styles";
import { applySplices, elementEnd, prefixOf, startTags, withAttribute, xmlText, type Splice } from "./xmlEdit";

const EMPTY_PART = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NAMESPACE}" count="0" uniqueCount="0"></sst>`;

/** The existing items of a part: how many, and the index of each item's text by its plain XML. */
interface ExistingItems {
  count: number;
  byXml: Map<string, number>;
}

/** A shared-string part being appended to. */
export class SharedStringsAppender {
  private existing: ExistingItems | null = null;
  private readonly added: string[] = [];
  private readonly addedIndex = new Map<string, number>();
  private references = 0;

  /** @param xml the workbook's part, or null when it has none (one is then created). */
  constructor(private readonly xml: string | null) {}

  /** The index of an already escaped text (see escapeText), appended when new; `references`: how many cells hold it. */
  indexOf(escaped: string, references = 1): number {
    this.references += references;
    const existing = this.existingItems();
    const text = xmlText(escaped);
    const known = existing.byXml.get(`<t>${text}</t>`) ?? existing.byXml.get(`<t xml:space="preserve">${text}</t>`) ?? this.addedIndex.get(escaped);
    if (known !== undefined) return known;
    const index = existing.count + this.added.length;
    this.added.push(escaped);
    this.addedIndex.set(escaped, index);
    return index;
  }

  /** Whether any text was asked for: the part needs writing (or creating) only then. */
  get used(): boolean {
    return this.references > 0;
  }

  /** The part with the new items appended and its counts updated. */
  toXml(): string {
    const xml = this.xml ?? EMPTY_PART;
    const root = startTags(xml, "sst")[0];
    if (root === undefined) throw new Error("SharedStringsAppender: the shared-string part has no sst element");
    const p = prefixOf(root.qualifiedName);
    const items = this.added.map((escaped) => `<${p}si><${p}t xml:space="preserve">${xmlText(escaped)}</${p}t></${p}si>`).join("");
    let tag = withAttribute(xml, root, "uniqueCount", String(this.existingItems().count + this.added.length));
    const count = Number(root.attributes.get("count") ?? "NaN");
    if (Number.isInteger(count)) tag = withAttribute(tag, { ...root, start: 0, end: tag.length }, "count", String(count + this.references));
    if (root.selfClosing) {
      return applySplices(xml, [{ start: root.start, end: root.end, text: `${tag.slice(0, tag.lastIndexOf("/")).trimEnd()}>${items}</${root.qualifiedName}>` }]);
    }
    const innerEnd = elementEnd(xml, root) - `</${root.qualifiedName}>`.length;
    const splices: Splice[] = [
      { start: root.start, end: root.end, text: tag },
      { start: innerEnd, end: innerEnd, text: items },
    ];
    return applySplices(xml, splices);
  }

  /** Read only when an escaped text first needs one (rarely): a large part is not scanned otherwise. */
  private existingItems(): ExistingItems {
    if (this.existing !== null) return this.existing;
    const xml = this.xml ?? "";
    const byXml = new Map<string, number>();
    const tags = startTags(xml, "si");
    tags.forEach((tag, index) => {
      const end = elementEnd(xml, tag);
      if (end === -1) return;
      // Prefixes dropped, so that an item written as <x:t> is found too.
      const item = xml.slice(tag.end, end - `</${tag.qualifiedName}>`.length).replace(/<(\/?)[A-Za-z_][\w.-]*:/g, "<$1");
      if (!byXml.has(item)) byXml.set(item, index);
    });
    this.existing = { count: tags.length, byXml };
    return this.existing;
  }
}
