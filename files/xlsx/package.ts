/**
 * The .xlsx package (a zip of XML parts) as the fast reader and writer see it: every part's path, each part's bytes
 * when asked for (inflated then, within the limits of zip.ts, and only then: a part nobody reads stays compressed),
 * the workbook part, and the sheets in tab order with the part each one lives in. Isomorphic: no Node modules.
 */
import { NotAWorkbookError } from "./errors";
import type { Bytes } from "./library";
import { XLSX_MESSAGES } from "./messages";
import { attributeByLocalName, elementsNamed, UnsupportedXmlError } from "./xmlScan";
import { InflateBudget, inflateEntry, inflateEntryAsync, zipEntries, type ZipEntry } from "./zip";

/** One sheet of the workbook, as workbook.xml lists it. */
export interface PackageSheet {
  name: string;
  sheetId: number;
  relId: string;
  /** The part's path in the zip, without a leading slash: "xl/worksheets/sheet1.xml" (a chartsheet's path for a chartsheet). */
  path: string;
  state: "visible" | "hidden" | "veryHidden";
}

/** An opened .xlsx package. */
export interface XlsxPackage {
  /** Every zip entry's path; folders are left out. */
  names: ReadonlySet<string>;
  /**
   * A part's bytes, inflated on first use and kept, or null when the package has no such part.
   * @throws PartTooLargeError past the limits of zip.ts; NotAWorkbookError for a part that cannot be inflated.
   */
  part(path: string): Uint8Array | null;
  /** Inflates the given parts now, several at once and off the main thread where the platform can; `part` then has them. */
  prefetch(paths: readonly string[]): Promise<void>;
  /** Usually "xl/workbook.xml". */
  workbookPath: string;
  /** In tab order (the order of workbook.xml); a sheet whose relationship is missing is left out. */
  sheets: PackageSheet[];
}

const OFFICE_DOCUMENT = "/officeDocument";
const DEFAULT_WORKBOOK = "xl/workbook.xml";

/**
 * Unzips the bytes and finds the workbook part and its sheets.
 * @throws NotAWorkbookError for an empty file, an OLE compound file (old .xls, .et, password-protected .xlsx),
 * bytes that are not a zip, a zip without a workbook part (a .docx) or a workbook without sheets.
 */
export function openPackage(data: Bytes): XlsxPackage {
  if (data.byteLength === 0) throw new NotAWorkbookError(XLSX_MESSAGES.emptyFile);
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (isCompoundFile(bytes)) throw new NotAWorkbookError(XLSX_MESSAGES.oldOrEncrypted);
  const { names, part, prefetch } = lazyParts(bytes);
  try {
    const workbookPath = findWorkbookPath(part);
    if (workbookPath === null) throw new NotAWorkbookError(XLSX_MESSAGES.notAWorkbook);
    const pkg: XlsxPackage = { names, part, prefetch, workbookPath, sheets: [] };
    pkg.sheets = readSheetList(pkg);
    if (pkg.sheets.length === 0) throw new NotAWorkbookError(XLSX_MESSAGES.notAWorkbook);
    return pkg;
  } catch (cause) {
    // Relationships or a workbook part that are not well-formed XML: no workbook we can open.
    if (cause instanceof UnsupportedXmlError) throw new NotAWorkbookError(XLSX_MESSAGES.notAWorkbook, { cause });
    throw cause;
  }
}

/** A part as text (UTF-8, a byte order mark dropped), or null when the package has no such part. */
export function textOf(pkg: XlsxPackage, path: string): string | null {
  const bytes = pkg.part(path);
  return bytes === null ? null : decoder.decode(bytes);
}

/** The relationships part that belongs to a part: "xl/workbook.xml" → "xl/_rels/workbook.xml.rels". */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf("/");
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** A relationship's Target as a package path: relative to the source part's folder, or absolute from the root. */
export function resolveTarget(sourcePath: string, target: string): string {
  const trimmed = target.trim();
  const base = trimmed.startsWith("/") ? [] : sourcePath.split("/").slice(0, -1);
  for (const segment of trimmed.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

/** Relationships of a part (internal ones only), by Id. Empty when the part has none. */
export function relationshipsOf(pkg: XlsxPackage, partPath: string): Map<string, { type: string; target: string }> {
  const relationships = new Map<string, { type: string; target: string }>();
  const xml = textOf(pkg, relsPathOf(partPath));
  if (xml === null) return relationships;
  for (const { attributes } of elementsNamed(xml, "Relationship")) {
    const id = attributes.get("Id");
    const target = attributes.get("Target");
    if (id === undefined || target === undefined || attributes.get("TargetMode") === "External") continue;
    relationships.set(id, { type: attributes.get("Type") ?? "", target: resolveTarget(partPath, target) });
  }
  return relationships;
}

const decoder = new TextDecoder("utf-8");

// An OLE compound file: an old .xls or .et, or an .xlsx with an opening password (Office wraps the encrypted package in one).
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function isCompoundFile(bytes: Uint8Array): boolean {
  return COMPOUND_FILE.every((byte, index) => bytes[index] === byte);
}

/** The directory read (names checked), and each part inflated when first asked for, all within one budget. */
function lazyParts(bytes: Uint8Array): Pick<XlsxPackage, "names" | "part" | "prefetch"> {
  // Maps, not objects: a part named "constructor" or "__proto__" in a crafted file is looked up as any other name.
  const entries = new Map<string, ZipEntry>();
  for (const entry of zipEntries(bytes)) if (!entry.name.endsWith("/")) entries.set(entry.name, entry);
  const inflated = new Map<string, Uint8Array>();
  const budget = new InflateBudget();
  const part = (path: string): Uint8Array | null => {
    const name = stripSlash(path);
    const done = inflated.get(name);
    if (done !== undefined) return done;
    const entry = entries.get(name);
    if (entry === undefined) return null;
    const content = inflateEntry(bytes, entry, budget);
    inflated.set(name, content);
    return content;
  };
  const prefetch = async (paths: readonly string[]): Promise<void> => {
    const wanted = [...new Set(paths.map(stripSlash))].filter((name) => !inflated.has(name) && entries.has(name));
    const contents = await Promise.all(wanted.map((name) => inflateEntryAsync(bytes, entries.get(name) as ZipEntry, budget)));
    wanted.forEach((name, index) => inflated.set(name, contents[index] as Uint8Array));
  };
  return { names: new Set(entries.keys()), part, prefetch };
}

/** The officeDocument relationship of _rels/.rels; without one, the usual path if the package has it. */
export function findWorkbookPath(part: (path: string) => Uint8Array | null): string | null {
  const rootRels = part("_rels/.rels");
  if (rootRels !== null) {
    for (const { attributes } of elementsNamed(decoder.decode(rootRels), "Relationship")) {
      const target = attributes.get("Target");
      if (target === undefined || !(attributes.get("Type") ?? "").endsWith(OFFICE_DOCUMENT)) continue;
      const path = resolveTarget("", target);
      if (part(path) !== null) return path;
    }
  }
  return part(DEFAULT_WORKBOOK) !== null ? DEFAULT_WORKBOOK : null;
}

/** The sheets workbook.xml lists, in tab order; a sheet whose relationship is missing is left out. */
export function readSheetList(pkg: XlsxPackage): PackageSheet[] {
  const xml = textOf(pkg, pkg.workbookPath) ?? "";
  const relationships = relationshipsOf(pkg, pkg.workbookPath);
  const sheets: PackageSheet[] = [];
  for (const { attributes } of elementsNamed(xml, "sheet")) {
    const relId = attributeByLocalName(attributes, "id") ?? "";
    const relationship = relationships.get(relId);
    if (relationship === undefined) continue;
    sheets.push({
      name: attributes.get("name") ?? "",
      sheetId: Number(attributes.get("sheetId") ?? "0"),
      relId,
      path: relationship.target,
      state: sheetState(attributes.get("state")),
    });
  }
  return sheets;
}

function sheetState(value: string | undefined): PackageSheet["state"] {
  return value === "hidden" || value === "veryHidden" ? value : "visible";
}

/** A zip entry's name as a package path: without a leading slash. */
export function stripSlash(path: string): string {
  return path.startsWith("/") ? path.slice(1) : path;
}
