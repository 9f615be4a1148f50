/**
 * The original package as the graft needs it: every entry's name, but only the small parts inflated (workbook,
 * relationships, content types, styles, shared strings). The sheets' XML, pictures and pivot caches are copied
 * as they are stored and never read, so inflating them (45 MB for 10,000 units) would be wasted.
 * Beside package.ts, whose openPackage inflates every part; the workbook and its sheets are found by package.ts's own functions.
 */
import { unzipSync } from "fflate";
import type { Bytes } from "./library";
import { findWorkbookPath, openPackage, readSheetList, stripSlash, type XlsxPackage } from "./package";

/** An opened package whose `files` hold only the parts the graft reads. */
export interface GraftPackage extends XlsxPackage {
  /** Every part's path (folders left out), inflated or not. */
  names: Set<string>;
  /** Every part inflated: for rebuilding a zip that cannot be copied entry by entry (rare). */
  allFiles: () => Record<string, Uint8Array>;
}

// Parts the graft never reads: sheets, pictures, embedded files, pivot caches (their relationships are read).
const NOT_READ = /(^|\/)(worksheets|chartsheets|media|embeddings|pivotCache)\/[^/]+$/;

/**
 * Opens the package for grafting.
 * @throws NotAWorkbookError for what openPackage refuses (an empty file, an old .xls, a zip without a workbook …).
 */
export function openForGraft(data: Bytes): GraftPackage {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const names = new Set<string>();
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        const path = stripSlash(file.name);
        if (!path.endsWith("/")) names.add(path);
        return !path.endsWith("/") && (path.endsWith(".rels") || !NOT_READ.test(path));
      },
    });
  } catch {
    return whole(openPackage(bytes));
  }
  // No prototype: a part named "constructor" or "__proto__" in a crafted file must be looked up as any other name.
  const inflated = Object.create(null) as Record<string, Uint8Array>;
  for (const [name, content] of Object.entries(files)) inflated[stripSlash(name)] = content;
  const workbookPath = findWorkbookPath(inflated);
  if (workbookPath === null) return whole(openPackage(bytes));
  const pkg: GraftPackage = { files: inflated, workbookPath, sheets: [], names, allFiles: () => openPackage(bytes).files };
  // A sheet whose part is not in the zip cannot be copied: it is left out, and openPackage decides below.
  pkg.sheets = readSheetList(pkg).filter((sheet) => names.has(sheet.path));
  // Anything unusual (no sheets): openPackage says what is wrong with the file, or opens it after all.
  return pkg.sheets.length > 0 ? pkg : whole(openPackage(bytes));
}

function whole(pkg: XlsxPackage): GraftPackage {
  return { ...pkg, names: new Set(Object.keys(pkg.files)), allFiles: () => pkg.files };
}
