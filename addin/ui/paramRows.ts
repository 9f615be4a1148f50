import { isCellError, type CellValue } from "../../lib/grid";
import type { ParamRow } from "./host";

/** 参数 rows below the header as the pane lists them: name in A, value in B, each as text; empty names are skipped. */
export function paramRows(rows: readonly (readonly CellValue[])[]): ParamRow[] {
  return rows
    .slice(1)
    .map((row) => ({ name: cellText(row[0] ?? null), value: cellText(row[1] ?? null) }))
    .filter((row) => row.name !== "");
}

/** A cell's value as text for 参数 at a glance: the same in Excel, WPS and the page. */
function cellText(value: CellValue): string {
  if (value === null) return "";
  if (isCellError(value)) return value.error;
  if (value instanceof Date) return value.toLocaleDateString("zh-CN");
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return String(value).trim();
}
