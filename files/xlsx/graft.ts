/**
 * The output sheets grafted onto the user's own package: the parts the user made stay as they were, byte for byte
 * (charts, pivot tables, pictures and whatever else this code does not know about included). Only the parts that
 * list sheets or styles are edited: [Content_Types].xml, the workbook part and its relationships, the styles part
 * (appended to), the shared strings (appended to, only for a text that needs an escape), and the calculation chain
 * (dropped when it names a replaced sheet; Excel rebuilds it), and docProps/app.xml's list of sheets (appProperties.ts).
 */
import type { SheetOut } from "../../lib/format";
import { appPropertiesWithSheets } from "./appProperties";
import { printTitlesFormula } from "../../lib/output/print";
import { LookTable, sheetLooks, type FormulaLikeTexts } from "./cellLooks";
import type { GraftPackage } from "./graftPackage";
import { relsPathOf, resolveTarget, textOf, type XlsxPackage } from "./package";
import { SharedStringsAppender } from "./sharedStrings";
import type { PartPieces } from "./deflate";
import { escapeText } from "./escape";
import { needsEscape, sheetXmlPieces } from "./sheetWriter";
import { emptyStylesPart, mergeStyles, MAIN_NAMESPACE } from "./styles";
import { applySplices, elementEnd, prefixFor, rootNamespace, startTags, withAttribute, xmlAttribute, xmlText, type Splice, type TagFound } from "./xmlEdit";
import { attributeByLocalName, elementsNamed } from "./xmlScan";

/** A new or edited part: its bytes, or its XML made piece by piece when the zip asks for it. */
export type PartContent = Uint8Array | (() => PartPieces);

/** What the graft changes in the package. */
export interface Graft {
  /** New or edited parts by path (no leading slash). */
  written: Map<string, PartContent>;
  /** Parts of the original that are left out: the replaced sheets and whatever only they used. */
  removed: Set<string>;
}

const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/** The defined name of the rows and columns printed on every page. */
const PRINT_TITLES = "_xlnm.Print_Titles";
const TYPE_BASE = `${RELATIONSHIPS}/`;
const CONTENT_TYPES = "[Content_Types].xml";
const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
  sharedStrings: "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml",
} as const;
const EMPTY_RELS = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

const encoder = new TextEncoder();

/**
 * Removes the sheets named like an output (each run replaces them whole) and appends the outputs after the
 * remaining sheets, in order. The active tab stays on the sheet it was on; when that was a replaced output sheet,
 * on its replacement.
 */
export function graftOutputSheets(pkg: GraftPackage, outputs: readonly SheetOut[], options: { escapes?: "assumeNone" | "found"; formulaLike?: FormulaLikeTexts } = {}): Graft {
  const workbook = new WorkbookPart(pkg, outputs.map((out) => out.name));
  const rels = new RelationshipsPart(textOf(pkg, relsPathOf(pkg.workbookPath)) ?? EMPTY_RELS);
  for (const relId of workbook.removedRelIds) rels.remove(relId);
  if (calcChainNamesRemovedSheet(pkg, rels, workbook.removedSheetIds)) rels.removeOfType("calcChain");

  const written = new Map<string, PartContent>();
  const newContentTypes: { path: string; type: string }[] = [];
  const table = new LookTable();
  // Texts that look like a formula are as rare, and looking for them before the sheets are written costs a pass that
  // touches every text of the outputs (650,000 of them, all over memory, for 10,000 units). With "assumeNone" the
  // writer refuses any it meets (FormulaLikeFound), and the caller grafts again looking for them first.
  const formulaLikeTexts = options.formulaLike ?? "quote";
  const looks = outputs.map((out) => sheetLooks(out, table, formulaLikeTexts));

  const stylesPath = partOfType(pkg, rels, "styles") ?? newPart(pkg, rels, "styles", `${folderOf(pkg.workbookPath)}styles.xml`, CONTENT_TYPE.styles, newContentTypes);
  const styles = mergeStyles(textOf(pkg, stylesPath) ?? emptyStylesPart(), table.looks);
  const stringsPath = partOfType(pkg, rels, "sharedStrings");
  // Texts that need an escape are almost never there, and looking for them costs a pass over every character of the
  // outputs (50 million for 10,000 units). So the sheets are first written assuming none: the sheet writer meets
  // any such text anyway, and then throws EscapesFound, and the caller grafts again having looked for them first.
  const escaped = options.escapes === "found" ? textsNeedingEscape(outputs) : new Map<string, number>();
  const strings = escaped.size === 0 ? null : new SharedStringsAppender(stringsPath === null ? null : textOf(pkg, stringsPath));
  const sharedIndex = new Map<string, number>();
  for (const [text, references] of escaped) sharedIndex.set(text, strings?.indexOf(escapeText(text), references) ?? 0);
  const namespace = rootNamespace(textOf(pkg, pkg.workbookPath) ?? "") ?? MAIN_NAMESPACE;

  const sheetsFolder = worksheetFolder(pkg);
  const taken = new Set(pkg.names);
  const sheetParts = outputs.map((out, index) => {
    const path = freshPath(taken, sheetsFolder, "sheet", ".xml");
    const options = {
      xfOf: styles.xfOf,
      sharedIndex: (text: string) => {
        const index = sharedIndex.get(text);
        if (index === undefined) throw new EscapesFound();
        return index;
      },
      namespace,
      tabSelected: workbook.selectedOutput === index,
      formulaLikeFound:
        formulaLikeTexts === "quote"
          ? undefined
          : () => {
              throw new FormulaLikeFound();
            },
    };
    written.set(path, () => sheetXmlPieces(out, looks[index] ?? { rows: 0, columns: 0, ids: new Uint32Array(0) }, options));
    newContentTypes.push({ path, type: CONTENT_TYPE.worksheet });
    return { name: out.name, relId: rels.add(rels.typeLike("worksheet"), relativeTarget(pkg.workbookPath, path)) };
  });

  if (strings?.used === true) {
    const path = stringsPath ?? newPart(pkg, rels, "sharedStrings", `${folderOf(pkg.workbookPath)}sharedStrings.xml`, CONTENT_TYPE.sharedStrings, newContentTypes);
    written.set(path, encoder.encode(strings.toXml()));
  }
  written.set(stylesPath, encoder.encode(styles.xml));
  // Rows and columns repeated on every printed page: a name local to the output sheet.
  const printTitles = outputs.flatMap((out, index) => {
    const formula = out.format.print === undefined ? null : printTitlesFormula(out.name, out.format.print);
    return formula === null ? [] : [{ output: index, formula }];
  });
  written.set(pkg.workbookPath, encoder.encode(workbook.toXml(sheetParts, prefixFor(textOf(pkg, pkg.workbookPath) ?? "", RELATIONSHIPS), printTitles)));
  const relsXml = rels.toXml();
  written.set(relsPathOf(pkg.workbookPath), encoder.encode(relsXml));

  const removed = unreachableAfter(pkg, relsPathOf(pkg.workbookPath), relsXml);
  const app = appPropertiesPart(pkg);
  if (app !== null) {
    const edited = appPropertiesWithSheets(app.xml, workbook.sheetNames, (name) => workbook.isReplaced(name), outputs.map((out) => out.name));
    if (edited !== null && edited !== app.xml) written.set(app.path, encoder.encode(edited));
  }
  written.set(CONTENT_TYPES, encoder.encode(contentTypesXml(textOf(pkg, CONTENT_TYPES) ?? "", removed, newContentTypes)));
  return { written, removed };
}

/** Thrown while the sheets are written when a text looks like a formula and the graft did not look for those (see graftOutputSheets). */
export class FormulaLikeFound extends Error {
  constructor() {
    super('graftOutputSheets: a text looks like a formula; graft again with formulaLike: "quote"');
    this.name = "FormulaLikeFound";
  }
}

/** Thrown while the sheets are written when a text needs an escape that the graft did not look for (see graftOutputSheets). */
export class EscapesFound extends Error {
  constructor() {
    super("graftOutputSheets: a text needs an escape; graft again with escapes: \"found\"");
    this.name = "EscapesFound";
  }
}

/** Each text of the outputs that needs a file-format escape, with how many cells hold it; almost always none. */
function textsNeedingEscape(outputs: readonly SheetOut[]): Map<string, number> {
  const found = new Map<string, number>();
  for (const out of outputs) {
    for (const row of out.rows) {
      for (const value of row) if (typeof value === "string" && needsEscape(value)) found.set(value, (found.get(value) ?? 0) + 1);
    }
  }
  return found;
}

/** The workbook part's sheet list, defined names and views, with the replaced sheets taken out. */
class WorkbookPart {
  readonly removedRelIds: string[] = [];
  readonly removedSheetIds = new Set<number>();
  /** Index (among the outputs) of the output that becomes the selected tab, if the selected tab was replaced. */
  readonly selectedOutput: number | null = null;
  private readonly xml: string;
  private readonly sheetTags: TagFound[];
  private readonly removed: boolean[];
  private readonly outputIndex: Map<string, number>;

  constructor(pkg: XlsxPackage, outputNames: readonly string[]) {
    this.xml = textOf(pkg, pkg.workbookPath) ?? "";
    this.outputIndex = new Map(outputNames.map((name, index) => [foldName(name), index]));
    this.sheetTags = startTags(this.xml, "sheet");
    this.removed = this.sheetTags.map((tag) => this.outputIndex.has(foldName(tag.attributes.get("name") ?? "")));
    this.sheetTags.forEach((tag, index) => {
      if (!this.removed[index]) return;
      const relId = attributeByLocalName(tag.attributes, "id");
      if (relId !== undefined) this.removedRelIds.push(relId);
      this.removedSheetIds.add(Number(tag.attributes.get("sheetId")));
    });
    const active = this.activeTab();
    if (active !== null && this.removed[active] === true) {
      this.selectedOutput = this.outputIndex.get(foldName(this.sheetTags[active]?.attributes.get("name") ?? "")) ?? null;
    }
  }

  /** The sheets' names before the graft, in tab order. */
  get sheetNames(): string[] {
    return this.sheetTags.map((tag) => tag.attributes.get("name") ?? "");
  }

  /** Whether a sheet of this name is replaced by an output. */
  isReplaced(name: string): boolean {
    return this.outputIndex.has(foldName(name));
  }

  /**
   * The part with the new sheet list; `relPrefix` is the prefix bound to the relationships namespace, if any;
   * `printTitles` the _xlnm.Print_Titles names of the appended sheets (by index among them).
   */
  toXml(added: readonly { name: string; relId: string }[], relPrefix: string | null, printTitles: readonly { output: number; formula: string }[] = []): string {
    const splices: Splice[] = [];
    this.sheetTags.forEach((tag, index) => {
      if (this.removed[index]) splices.push({ start: tag.start, end: elementEnd(this.xml, tag), text: "" });
    });
    splices.push(this.sheetsAppended(added, relPrefix));
    splices.push(...this.definedNameEdits(printTitles));
    for (const view of startTags(this.xml, "workbookView")) splices.push(this.viewEdit(view));
    return applySplices(this.xml, splices);
  }

  private sheetsAppended(added: readonly { name: string; relId: string }[], relPrefix: string | null): Splice {
    const sheets = startTags(this.xml, "sheets")[0];
    if (sheets === undefined) throw new Error("graftOutputSheets: the workbook part has no sheets element");
    const p = sheets.qualifiedName.includes(":") ? sheets.qualifiedName.slice(0, sheets.qualifiedName.indexOf(":") + 1) : "";
    let nextId = Math.max(0, ...this.sheetTags.map((tag) => Number(tag.attributes.get("sheetId")) || 0)) + 1;
    const relAttribute = relPrefix === null ? `xmlns:r="${RELATIONSHIPS}" r:id` : `${relPrefix}:id`;
    const tags = added.map(({ name, relId }) => `<${p}sheet name="${xmlAttribute(name)}" sheetId="${nextId++}" ${relAttribute}="${xmlAttribute(relId)}"/>`).join("");
    if (sheets.selfClosing) {
      const open = this.xml.slice(sheets.start, sheets.end).replace(/\s*\/>$/, ">");
      return { start: sheets.start, end: sheets.end, text: `${open}${tags}</${sheets.qualifiedName}>` };
    }
    const close = elementEnd(this.xml, sheets) - `</${sheets.qualifiedName}>`.length;
    return { start: close, end: close, text: tags };
  }

  /**
   * Every defined name is kept. A replaced sheet comes back under the same name, so a name that refers to it
   * (结果区 = 结果!$A$1:$N$64) still means the same cells; a name local to it (localSheetId) follows it to its new
   * position, and one local to a kept sheet gets that sheet's new position (localSheetId counts sheets in tab order).
   */
  private definedNameEdits(printTitles: readonly { output: number; formula: string }[]): Splice[] {
    const edits: Splice[] = [];
    // An output's print titles are ours: the one the sheet had (an earlier run's, or the user's) gives way to the new.
    const titled = new Set(printTitles.map(({ output }) => this.keptCount() + output));
    for (const tag of startTags(this.xml, "definedName")) {
      const local = tag.attributes.get("localSheetId");
      if (local === undefined) continue;
      const index = Number(local);
      const renumbered = this.removed[index] === true ? this.replacementIndex(index) : this.newIndex(index);
      if (renumbered !== null && titled.has(renumbered) && tag.attributes.get("name") === PRINT_TITLES) {
        edits.push({ start: tag.start, end: elementEnd(this.xml, tag), text: "" });
        continue;
      }
      if (renumbered !== null && renumbered !== index) edits.push({ start: tag.start, end: tag.end, text: withAttribute(this.xml, tag, "localSheetId", String(renumbered)) });
    }
    if (printTitles.length === 0) return edits;
    const p = this.elementPrefix();
    const names = printTitles
      .map(({ output, formula }) => `<${p}definedName name="${PRINT_TITLES}" localSheetId="${this.keptCount() + output}">${xmlText(formula)}</${p}definedName>`)
      .join("");
    const container = startTags(this.xml, "definedNames")[0];
    if (container === undefined) return [...edits, this.definedNamesAdded(`<${p}definedNames>${names}</${p}definedNames>`)];
    if (container.selfClosing) {
      const open = this.xml.slice(container.start, container.end).replace(/\s*\/>$/, ">");
      return [...edits, { start: container.start, end: container.end, text: `${open}${names}</${container.qualifiedName}>` }];
    }
    const close = elementEnd(this.xml, container) - `</${container.qualifiedName}>`.length;
    return [...edits, { start: close, end: close, text: names }];
  }

  /** "x:" when the workbook part's elements carry a prefix (as its <sheets> does), else "". */
  private elementPrefix(): string {
    const name = startTags(this.xml, "sheets")[0]?.qualifiedName ?? "";
    return name.includes(":") ? name.slice(0, name.indexOf(":") + 1) : "";
  }

  /** A new <definedNames> where the schema puts it: after <sheets>, <functionGroups> and <externalReferences>. */
  private definedNamesAdded(text: string): Splice {
    for (const name of ["externalReferences", "functionGroups", "sheets"]) {
      const tag = startTags(this.xml, name)[0];
      if (tag === undefined) continue;
      const end = tag.selfClosing ? tag.end : elementEnd(this.xml, tag);
      return { start: end, end, text };
    }
    throw new Error("graftOutputSheets: the workbook part has no sheets element");
  }

  /** The tab position of the output that replaces the sheet at `index` (outputs follow the kept sheets, in order). */
  private replacementIndex(index: number): number | null {
    const output = this.outputIndex.get(foldName(this.sheetTags[index]?.attributes.get("name") ?? ""));
    return output === undefined ? null : this.keptCount() + output;
  }

  private viewEdit(view: TagFound): Splice {
    let text = this.xml.slice(view.start, view.end);
    const shifted = (attribute: string, value: number | null) => {
      if (value === null) return;
      text = withAttribute(text, { ...view, start: 0, end: text.length }, attribute, String(value));
    };
    const active = Number(view.attributes.get("activeTab") ?? "0");
    if (this.removed[active] === true) {
      shifted("activeTab", this.selectedOutput === null ? 0 : this.keptCount() + this.selectedOutput);
    } else if (view.attributes.has("activeTab")) {
      shifted("activeTab", this.newIndex(active));
    }
    if (view.attributes.has("firstSheet")) {
      const first = Number(view.attributes.get("firstSheet"));
      shifted("firstSheet", Number.isInteger(first) ? Math.min(this.keptBefore(first), Math.max(this.keptCount() - 1, 0)) : null);
    }
    return { start: view.start, end: view.end, text };
  }

  private activeTab(): number | null {
    const view = startTags(this.xml, "workbookView")[0];
    const active = Number(view?.attributes.get("activeTab") ?? "0");
    return Number.isInteger(active) && active >= 0 && active < this.sheetTags.length ? active : null;
  }

  /** A kept sheet's position after the removal, or null for a position that is not a sheet's. */
  private newIndex(index: number): number | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.sheetTags.length) return null;
    return this.keptBefore(index);
  }

  private keptBefore(index: number): number {
    let kept = 0;
    for (let at = 0; at < index && at < this.removed.length; at += 1) if (!this.removed[at]) kept += 1;
    return kept;
  }

  private keptCount(): number {
    return this.keptBefore(this.removed.length);
  }
}

/** The workbook's relationships part, edited as text. */
class RelationshipsPart {
  private readonly removedIds = new Set<string>();
  private readonly added: string[] = [];
  private readonly tags: TagFound[];
  private readonly ids: Set<string>;

  constructor(private readonly xml: string) {
    this.tags = startTags(xml, "Relationship");
    this.ids = new Set(this.tags.map((tag) => tag.attributes.get("Id") ?? ""));
  }

  remove(id: string): void {
    this.removedIds.add(id);
  }

  removeOfType(kind: string): void {
    for (const tag of this.tags) if (isType(tag.attributes.get("Type"), kind)) this.removedIds.add(tag.attributes.get("Id") ?? "");
  }

  /** The target of the first kept relationship of a kind ("styles"), as written. */
  targetOf(kind: string): string | null {
    const tag = this.tags.find((found) => isType(found.attributes.get("Type"), kind) && !this.removedIds.has(found.attributes.get("Id") ?? ""));
    return tag?.attributes.get("Target") ?? null;
  }

  /** The relationship type URI the workbook uses for a kind (Strict workbooks use other URIs). */
  typeLike(kind: string): string {
    return this.tags.map((tag) => tag.attributes.get("Type") ?? "").find((type) => isType(type, kind)) ?? `${TYPE_BASE}${kind}`;
  }

  /** Adds a relationship; returns its new Id. */
  add(type: string, target: string): string {
    let number = this.ids.size + 1;
    while (this.ids.has(`rId${number}`)) number += 1;
    const id = `rId${number}`;
    this.ids.add(id);
    this.added.push(`<Relationship Id="${id}" Type="${xmlAttribute(type)}" Target="${xmlAttribute(target)}"/>`);
    return id;
  }

  toXml(): string {
    const splices: Splice[] = this.tags.filter((tag) => this.removedIds.has(tag.attributes.get("Id") ?? "")).map((tag) => ({ start: tag.start, end: elementEnd(this.xml, tag), text: "" }));
    const root = startTags(this.xml, "Relationships")[0];
    if (root === undefined) throw new Error("graftOutputSheets: the workbook relationships part has no Relationships element");
    if (root.selfClosing) {
      const open = this.xml.slice(root.start, root.end).replace(/\s*\/>$/, ">");
      splices.push({ start: root.start, end: root.end, text: `${open}${this.added.join("")}</${root.qualifiedName}>` });
    } else {
      const close = elementEnd(this.xml, root) - `</${root.qualifiedName}>`.length;
      splices.push({ start: close, end: close, text: this.added.join("") });
    }
    return applySplices(this.xml, splices);
  }
}

function isType(type: string | undefined, kind: string): boolean {
  return type !== undefined && type.endsWith(`/${kind}`);
}

/** The package path of the workbook's part of a kind, or null when it has none. */
function partOfType(pkg: GraftPackage, rels: RelationshipsPart, kind: string): string | null {
  const target = rels.targetOf(kind);
  if (target === null) return null;
  const path = resolveTarget(pkg.workbookPath, target);
  return pkg.names.has(path) ? path : null;
}

/** A part the package lacks, added with its relationship and content type; returns its path. */
function newPart(pkg: GraftPackage, rels: RelationshipsPart, kind: string, path: string, type: string, contentTypes: { path: string; type: string }[]): string {
  rels.add(rels.typeLike(kind), relativeTarget(pkg.workbookPath, path));
  contentTypes.push({ path, type });
  return path;
}

/** Whether the calculation chain lists a cell of a removed sheet (by sheetId; an entry without i is on the previous entry's sheet). */
function calcChainNamesRemovedSheet(pkg: GraftPackage, rels: RelationshipsPart, removedSheetIds: ReadonlySet<number>): boolean {
  if (removedSheetIds.size === 0) return false;
  const path = partOfType(pkg, rels, "calcChain");
  if (path === null) return false;
  let sheetId = 0;
  for (const tag of startTags(textOf(pkg, path) ?? "", "c")) {
    const i = tag.attributes.get("i");
    if (i !== undefined) sheetId = Number(i);
    if (removedSheetIds.has(sheetId)) return true;
  }
  return false;
}

/**
 * The parts that the edited workbook relationships no longer lead to, though the original ones did: a replaced
 * sheet, its relationships, and its drawings, comments or tables unless a kept part uses them too. A part nothing
 * led to in the original is not ours to judge and stays.
 */
function unreachableAfter(pkg: GraftPackage, editedRelsPath: string, editedRelsXml: string): Set<string> {
  const before = reachable(pkg, new Map());
  const after = reachable(pkg, new Map([[editedRelsPath, editedRelsXml]]));
  return new Set([...before].filter((path) => !after.has(path)));
}

function reachable(pkg: GraftPackage, relsOverride: ReadonlyMap<string, string>): Set<string> {
  const seen = new Set<string>();
  const queue = [""];
  while (queue.length > 0) {
    const part = queue.pop() ?? "";
    const relsPath = part === "" ? "_rels/.rels" : relsPathOf(part);
    const xml = relsOverride.get(relsPath) ?? textOf(pkg, relsPath);
    if (xml === null) continue;
    seen.add(relsPath);
    for (const { attributes } of elementsNamed(xml, "Relationship")) {
      const target = attributes.get("Target");
      if (target === undefined || attributes.get("TargetMode") === "External") continue;
      const path = resolveTarget(part, safeDecode(target));
      if (seen.has(path) || !pkg.names.has(path)) continue;
      seen.add(path);
      queue.push(path);
    }
  }
  return seen;
}

function safeDecode(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

/** docProps/app.xml (the package's extended-properties part), when it has one. */
function appPropertiesPart(pkg: GraftPackage): { path: string; xml: string } | null {
  for (const { attributes } of elementsNamed(textOf(pkg, "_rels/.rels") ?? "", "Relationship")) {
    if (!isType(attributes.get("Type"), "extended-properties") || attributes.get("TargetMode") === "External") continue;
    const path = resolveTarget("", attributes.get("Target") ?? "");
    const xml = pkg.names.has(path) ? textOf(pkg, path) : null;
    return xml === null ? null : { path, xml };
  }
  return null;
}

/** [Content_Types].xml without the overrides of removed parts, and with those of new parts. */
function contentTypesXml(xml: string, removed: ReadonlySet<string>, added: readonly { path: string; type: string }[]): string {
  const splices: Splice[] = [];
  for (const tag of startTags(xml, "Override")) {
    const part = safeDecode(tag.attributes.get("PartName") ?? "").replace(/^\//, "");
    if (removed.has(part)) splices.push({ start: tag.start, end: elementEnd(xml, tag), text: "" });
  }
  const root = startTags(xml, "Types")[0];
  if (root === undefined) throw new Error("graftOutputSheets: [Content_Types].xml has no Types element");
  const overrides = added.map(({ path, type }) => `<Override PartName="/${xmlAttribute(path)}" ContentType="${type}"/>`).join("");
  if (root.selfClosing) {
    const open = xml.slice(root.start, root.end).replace(/\s*\/>$/, ">");
    splices.push({ start: root.start, end: root.end, text: `${open}${overrides}</${root.qualifiedName}>` });
  } else {
    const close = elementEnd(xml, root) - `</${root.qualifiedName}>`.length;
    splices.push({ start: close, end: close, text: overrides });
  }
  return applySplices(xml, splices);
}

/** Excel compares sheet names without regard to case: two names that differ only so cannot both exist. */
function foldName(name: string): string {
  return name.toUpperCase();
}

function folderOf(path: string): string {
  return path.slice(0, path.lastIndexOf("/") + 1);
}

/** Where the workbook keeps its worksheets (usually xl/worksheets/). */
function worksheetFolder(pkg: XlsxPackage): string {
  const sheet = pkg.sheets.find((candidate) => /\/worksheets\//.test(candidate.path));
  return sheet === undefined ? `${folderOf(pkg.workbookPath)}worksheets/` : folderOf(sheet.path);
}

/** A part path not used by the original package (nor by an earlier new part): sheet12.xml after sheet11.xml. */
function freshPath(taken: Set<string>, folder: string, stem: string, extension: string): string {
  let number = 1;
  while (taken.has(`${folder}${stem}${number}${extension}`)) number += 1;
  const path = `${folder}${stem}${number}${extension}`;
  taken.add(path);
  return path;
}

/** A relationship target for a part, relative to the workbook part's folder where it lies below it. */
function relativeTarget(workbookPath: string, path: string): string {
  const folder = folderOf(workbookPath);
  return path.startsWith(folder) ? path.slice(folder.length) : `/${path}`;
}
