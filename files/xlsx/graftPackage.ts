/**
 * The original package as the graft needs it. Parts are inflated only when the graft reads them (the workbook,
 * relationships, content types, styles, shared strings): the sheets' XML, pictures and pivot caches are copied as
 * they are stored and never inflated (45 MB for 10,000 units, or a zip bomb's gigabytes, would be wasted).
 */
import type { Bytes } from "./library";
import { openPackage, type XlsxPackage } from "./package";

/** An opened package for grafting. */
export interface GraftPackage extends XlsxPackage {
  /** Every part inflated (within the limits of zip.ts): for rebuilding a zip that cannot be copied entry by entry (rare). */
  allFiles: () => Record<string, Uint8Array>;
}

/**
 * Opens the package for grafting.
 * @throws NotAWorkbookError for what openPackage refuses (an empty file, an old .xls, a zip without a workbook,
 * unsafe entry names, a part too large …).
 */
export function openForGraft(data: Bytes): GraftPackage {
  const pkg = openPackage(data);
  return {
    ...pkg,
    // A sheet whose part is not in the zip cannot be copied: it is left out.
    sheets: pkg.sheets.filter((sheet) => pkg.names.has(sheet.path)),
    allFiles: () => {
      const files = Object.create(null) as Record<string, Uint8Array>;
      for (const name of pkg.names) files[name] = pkg.part(name) ?? new Uint8Array();
      return files;
    },
  };
}
