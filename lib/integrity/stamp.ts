/**
 * The fingerprint's rows at the end of 计算说明: after the parameters and one blank row, rows with 排名分组 "核验":
 * the fingerprint, one digest per sheet, the program version and the time. A receiver reads them back from the grid.
 */
import { HEADERS, SHEET } from "../layout";
import type { CellValue, Grid } from "../grid";
import type { RangeStyle, SheetOut } from "../format";
import { rangeOf } from "../output/ranges";
import type { Fingerprint } from "./fingerprint";
import { STAMP_EXPLAIN, STAMP_GROUP, STAMP_ITEM } from "./messages";

/** What 计算等次 records. */
export interface Stamp {
  fingerprint: Fingerprint;
  /** "kaohe 0.1.0". */
  program: string;
  /** The local time as people read it: "2026-12-02 08:46:20（UTC+08:00）". */
  time: string;
}

/** What a received workbook says it recorded (any part may be missing or damaged). */
export interface RecordedStamp {
  fingerprint: string | null;
  /** Sheet → digest. */
  sheets: Map<string, string>;
  program: string | null;
  time: string | null;
  /** 0-based row of 计算说明 where the stamp block begins (its first 核验 row); rows from here on are not figures. */
  firstRow: number;
}

const STAMP_FILL = "#E2EFDA";
const LAST_COLUMN = HEADERS.audit.length - 1;

/**
 * 计算说明 with the stamp rows added at the end (after one blank row). The sheet given is not changed: the copy has a
 * list of rows of its own and shares the rows of figures, which no one changes once rendered (copying each of 10,000
 * units' 12 rows cost a collection of 120,000 live arrays at the end of 计算等次, issue 14).
 */
export function stampAudit(audit: SheetOut, stamp: Stamp): SheetOut {
  const rows = [...audit.rows];
  rows.push([null, null, null, null, null]);
  const first = rows.length;
  const line = (item: string, value: string, explanation: string) => [STAMP_GROUP, null, item, value, explanation];
  rows.push(line(STAMP_ITEM.fingerprint, stamp.fingerprint.value, STAMP_EXPLAIN.fingerprint));
  for (const entry of stamp.fingerprint.sheets) rows.push(line(STAMP_ITEM.sheet(entry.sheet), entry.digest, STAMP_EXPLAIN.sheet(entry.sheet)));
  rows.push(line(STAMP_ITEM.version, stamp.program, STAMP_EXPLAIN.version));
  rows.push(line(STAMP_ITEM.time, stamp.time, STAMP_EXPLAIN.time));
  const last = rows.length - 1;
  const styles: RangeStyle[] = [
    ...audit.format.styles,
    // Digests are text: 64 hex digits must never be read as a number (one of all digits would lose its tail).
    { range: rangeOf(first, 0, last, LAST_COLUMN), numberFormat: "@", fill: STAMP_FILL },
    { range: rangeOf(first, 0, last, 2), bold: true },
    { range: rangeOf(first, LAST_COLUMN, last, LAST_COLUMN), wrap: true },
  ];
  return { ...audit, rows, format: { ...audit.format, styles } };
}

/** Replaces 计算说明 in a list of output sheets by its stamped copy. */
export function stampOutputs(outputs: readonly SheetOut[], stamp: Stamp): SheetOut[] {
  return outputs.map((sheet) => (sheet.name === SHEET.audit ? stampAudit(sheet, stamp) : sheet));
}

function text(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** Reads the stamp rows of a 计算说明 grid (column A 核验); null when there are none. */
export function readStamp(rows: Grid): RecordedStamp | null {
  let firstRow = -1;
  const stamp: RecordedStamp = { fingerprint: null, sheets: new Map(), program: null, time: null, firstRow: 0 };
  rows.forEach((row, index) => {
    if (text(row[0]) !== STAMP_GROUP) return;
    if (firstRow < 0) firstRow = index;
    const item = text(row[2]);
    const value = text(row[3]);
    if (item === null || value === null) return;
    if (item === STAMP_ITEM.fingerprint) stamp.fingerprint = value.toLowerCase();
    else if (item === STAMP_ITEM.version) stamp.program = value;
    else if (item === STAMP_ITEM.time) stamp.time = value;
    else if (item.startsWith(STAMP_ITEM.sheetPrefix)) stamp.sheets.set(item.slice(STAMP_ITEM.sheetPrefix.length), value.toLowerCase());
  });
  if (firstRow < 0) return null;
  return { ...stamp, firstRow };
}

const two = (n: number): string => String(n).padStart(2, "0");

/** A time as clerks read it, in the clock of the machine that scored: "2026-12-02 08:46:20（UTC+08:00）". */
export function stampTime(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset < 0 ? "-" : "+";
  const zone = `UTC${sign}${two(Math.trunc(Math.abs(offset) / 60))}:${two(Math.abs(offset) % 60)}`;
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`;
  return `${day} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}（${zone}）`;
}
