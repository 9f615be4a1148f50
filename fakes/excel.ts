/**
 * A fake of the Excel objects the add-in uses, with Office.js's deferred model: calls are queued and run at
 * context.sync(). It counts syncs, records every write (sheet, address, what) and every sheet change, and estimates
 * each sync's request and response bytes independently of the add-in's own estimate.
 *
 * It is as strict as real Excel where the add-in's safety depends on it (issue 21), never kinder:
 * - a request or response over `limit` bytes fails (Excel on the web: 5 MB), a read of more than 5,000,000 cells fails
 *   with RangeExceedsLimit (every platform);
 * - while the user edits a cell (`cellEditMode`), every sync fails with InvalidOperationInCellEditMode, unless the batch
 *   was started through `excel.run({ delayForCellEdit: true }, …)`: then it waits until `endCellEdit()`;
 * - deleting a VeryHidden sheet, or the last visible one, fails with InvalidOperation;
 * - deleting a sheet turns every formula and defined name that points at it into #REF!; renaming one follows the rename;
 * - a method called on a null object (from getItemOrNullObject) fails the sync with ItemNotFound (`strictNullObjects`);
 * - a request fails part-way as Excel's does: the operations before the failing one stay applied;
 * - only codes Excel sends (Excel.ErrorCodes, plus OfficeExtension's PropertyNotLoaded and the documented
 *   RequestPayloadSizeLimitExceeded); a write to a protected sheet is AccessDenied;
 * - APIs above the workbook's requirement set (`api`, e.g. "1.8") fail with ApiNotFound: copyFrom needs 1.9.
 */
import { Buffer } from "node:buffer";
import { columnName, parseA1Range } from "../lib/grid";

type Stored = number | string | boolean | { error: string } | { formula: string };

export interface FakeChart {
  name: string;
  title: string;
  /** The chart's source range on its sheet, and the category range set by setCategoryNames. */
  source: string;
  categories?: string;
}

export interface FakeSheetData {
  name: string;
  cells: (Stored | undefined)[][];
  activated: number;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  charts: FakeChart[];
  /** A protected sheet refuses writes with AccessDenied. */
  protected: boolean;
}

export interface WriteRecord {
  sync: number;
  sheet: string;
  address: string;
  kind: "values" | "numberFormat" | "format" | "validation" | "freeze" | "tabColor" | "columnWidth" | "chart" | "clear" | "copy" | "pageLayout" | "pageBreak";
  values?: unknown[][];
}

export interface StructureRecord {
  sync: number;
  kind: "add" | "delete" | "rename" | "activate" | "select" | "visibility" | "move";
  sheet: string;
  to?: string;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  /** The error code the sync failed with, if it failed. */
  failed?: string;
}

interface Op {
  bytes: number;
  run: () => number | void;
  write?: boolean;
}

export class OfficeError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(message);
  }
}

const OP_BYTES = 100;
/** Excel's cap on the cells of one read, on every platform. */
export const FAKE_READ_CELL_LIMIT = 5_000_000;
const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");


/** "B2:D4" → 0-based bounds; whole columns ("C:C") span rows 0..1048575; "" is the whole sheet. */
export function parseAddress(address: string): { row: number; column: number; rows: number; columns: number } {
  if (address === "") return { row: 0, column: 0, rows: 1048576, columns: 16384 };
  const range = parseA1Range(address);
  if (range === null) throw new OfficeError("InvalidArgument", `bad address ${address}`);
  const { from, to } = range;
  const row = from.row ?? 0;
  const lastRow = to.row ?? 1048575;
  return { row, column: from.column, rows: lastRow - row + 1, columns: to.column - from.column + 1 };
}

/** "1.9" ≤ "1.10": requirement sets compared as numbers part by part. */
function versionAtMost(version: string, api: string): boolean {
  const [a1 = 0, a2 = 0] = version.split(".").map(Number);
  const [b1 = 0, b2 = 0] = api.split(".").map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}

/** A sheet name as a formula writes it: quoted when it is not a plain word. */
function referenceName(name: string): string {
  return /^[A-Za-z_\u4e00-\u9fff][\w\u4e00-\u9fff]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export class FakeWorkbook {
  sheets: FakeSheetData[] = [];
  syncs: SyncRecord[] = [];
  writes: WriteRecord[] = [];
  structure: StructureRecord[] = [];
  /** Defined names: name → reference as Excel shows it ("结果!$A$1:$E$21"); "#REF!…" once its sheet is deleted. */
  names = new Map<string, string>();
  /** Bytes above which a request or response fails (Excel on the web: 5 MB); Infinity for desktop. */
  limit = 5 * 1024 * 1024;
  /** The requirement set this Excel supports (ExcelApi): Microsoft 365 today is 1.20; Excel 2016 is 1.2, 2019 1.8. */
  api = "1.20";
  /** Whether this Excel honours RunOptions.delayForCellEdit (older builds ignore the option). */
  delayForCellEditSupported = true;
  /** The user is typing in a cell: every sync fails, or waits when the batch asked to be delayed. */
  cellEditMode = false;
  /** Whether a method on a null object fails the sync (the safe assumption: no documentation says it returns null). */
  strictNullObjects = true;
  /** Fails the next sync whose request holds a values write with this error code. */
  failNextWrite: string | null = null;
  /** Makes every write of a kind fail with an error code (e.g. { chart: "GeneralException" }). */
  refuse: Partial<Record<WriteRecord["kind"], string>> = {};
  /** What a cell shows where it differs from its value ("参数!B3" → "####" in a narrow column, "30%" for 0.3). */
  displayed = new Map<string, string>();
  private queue: Op[] = [];
  private delaying = false;
  private editEnded: (() => void) | null = null;
  private editOver: Promise<void> | null = null;
  readonly context: FakeContext;

  constructor(sheets: Record<string, unknown[][]> = {}) {
    for (const [name, rows] of Object.entries(sheets)) this.sheets.push(newSheet(name, rows.map((row) => row.map(toStored))));
    this.context = new FakeContext(this);
  }

  /** Excel.run without options (a batch in cell-edit mode fails). */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context as unknown as Excel.RequestContext);

  /** The `Excel` namespace's run with options, as the host calls it in Office. */
  readonly excel = {
    run: async <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
      this.delaying = options.delayForCellEdit === true && this.delayForCellEditSupported;
      try {
        return await batch(this.context as unknown as Excel.RequestContext);
      } finally {
        this.delaying = false;
      }
    },
  };

  /** Office's isSetSupported("ExcelApi", version) for this workbook's `api`. */
  supports = (version: string): boolean => versionAtMost(version, this.api);

  /** The user starts typing in a cell. */
  startCellEdit(): void {
    this.cellEditMode = true;
    this.editOver = new Promise<void>((resolve) => (this.editEnded = resolve));
  }

  /** The user presses Enter: delayed batches go on. */
  endCellEdit(): void {
    this.cellEditMode = false;
    this.editEnded?.();
    this.editEnded = null;
    this.editOver = null;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  enqueue(bytes: number, run: () => number | void): void {
    this.queue.push({ bytes: bytes + OP_BYTES, run });
  }

  /** An API of requirement set `version`: refused with ApiNotFound at sync where this Excel lacks it. */
  requireApi(version: string, what: string): void {
    if (!this.supports(version)) this.enqueue(0, () => {
      throw new OfficeError("ApiNotFound", `${what} needs ExcelApi ${version}`);
    });
  }

  find(name: string): FakeSheetData | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  /** Cell values of a sheet as Excel would show them (a quote-prefixed text is just the text). */
  grid(name: string): unknown[][] {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return Array.from(sheet.cells, (row) => Array.from(row ?? [], (cell) => (cell === undefined ? null : cell)));
  }

  /** A formula as Excel now shows it in a cell ("=结果!E2", or "=#REF!E2" after 结果 was deleted). */
  formula(sheet: string, address: string): string | undefined {
    const { row, column } = parseAddress(address);
    const cell = this.find(sheet)?.cells[row]?.[column];
    return typeof cell === "object" && cell !== null && "formula" in cell ? cell.formula : undefined;
  }

  async sync(): Promise<void> {
    if (this.cellEditMode && this.delaying && this.editOver !== null) await this.editOver;
    const ops = this.queue;
    this.queue = [];
    const requestBytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, operations: ops.length };
    this.syncs.push(record);
    const fail = (code: string, message: string): never => {
      record.failed = code;
      throw new OfficeError(code, message);
    };
    if (this.cellEditMode) fail("InvalidOperationInCellEditMode", "Excel is in cell-editing mode.");
    if (requestBytes > this.limit) fail("RequestPayloadSizeLimitExceeded", "request too large");
    if (this.failNextWrite !== null && ops.some((op) => op.write)) {
      const code = this.failNextWrite;
      this.failNextWrite = null;
      fail(code, "simulated failure");
    }
    // Excel runs a request's operations in order and stops at the first failure: those before it stay applied.
    for (const op of ops) {
      try {
        record.responseBytes += op.run() ?? 0;
      } catch (error) {
        record.failed = (error as { code?: string }).code ?? "GeneralException";
        throw error;
      }
    }
    if (record.responseBytes > this.limit) fail("ResponsePayloadSizeLimitExceeded", "response too large");
  }

  markWrite(): void {
    const last = this.queue[this.queue.length - 1];
    if (last) last.write = true;
  }

  /** Deletes a sheet as Excel does: refused for a VeryHidden or the last visible sheet; references to it become #REF!. */
  deleteSheet(data: FakeSheetData): void {
    if (data.visibility === "VeryHidden") throw new OfficeError("InvalidOperation", `cannot delete very hidden sheet ${data.name}`);
    if (data.visibility === "Visible" && this.sheets.filter((sheet) => sheet.visibility === "Visible").length === 1) {
      throw new OfficeError("InvalidOperation", "cannot delete the last visible sheet");
    }
    this.structure.push({ sync: this.syncCount, kind: "delete", sheet: data.name });
    this.sheets = this.sheets.filter((sheet) => sheet !== data);
    this.rewriteReferences(data.name, "#REF!");
  }

  /** Renames a sheet: formulas and names that point at it follow (Excel keeps references to the sheet itself). */
  renameSheet(data: FakeSheetData, to: string): void {
    if (this.sheets.some((sheet) => sheet !== data && sheet.name === to)) throw new OfficeError("ItemAlreadyExists", to);
    this.structure.push({ sync: this.syncCount, kind: "rename", sheet: data.name, to });
    const from = data.name;
    data.name = to;
    this.rewriteReferences(from, `${referenceName(to)}!`);
  }

  private rewriteReferences(sheetName: string, replacement: string): void {
    const source = `${referenceName(sheetName).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}!`;
    const points = new RegExp(source);
    const every = new RegExp(source, "g");
    for (const sheet of this.sheets) {
      for (const row of sheet.cells) {
        row?.forEach((cell, c) => {
          if (typeof cell === "object" && cell !== null && "formula" in cell && points.test(cell.formula)) {
            row[c] = { formula: cell.formula.replace(every, replacement) };
          }
        });
      }
    }
    for (const [name, reference] of this.names) this.names.set(name, reference.replace(every, replacement));
  }
}

/** Drops trailing empty cells and rows, as a cleared area holds nothing. */
function trimSheet(data: FakeSheetData): void {
  for (const line of data.cells) {
    if (!line) continue;
    while (line.length > 0 && line[line.length - 1] === undefined) line.pop();
  }
  while (data.cells.length > 0 && (data.cells[data.cells.length - 1]?.length ?? 0) === 0) data.cells.pop();
}

function newSheet(name: string, cells: (Stored | undefined)[][] = []): FakeSheetData {
  return { name, cells, activated: 0, visibility: "Visible", charts: [], protected: false };
}

function toStored(value: unknown): Stored | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "object" && value !== null && ("error" in value || "formula" in value)) return value as Stored;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/** What Excel stores when a value is written: = starts a formula, a leading apostrophe makes text. */
function written(value: unknown): Stored | undefined {
  if (typeof value === "string") {
    if (value.startsWith("'")) return value.slice(1) === "" ? undefined : value.slice(1);
    if (/^[=+\-@]/.test(value) && value.length > 1 && !/^[+-]?\d+(\.\d+)?$/.test(value)) return { formula: value };
  }
  return toStored(value);
}

/** A cell as Office reports it: value, value type and displayed text. A formula shows #REF! once its sheet is gone. */
function readCell(cell: Stored | undefined): { value: unknown; type: string; text: string } {
  if (cell === undefined) return { value: "", type: "Empty", text: "" };
  if (typeof cell === "object" && "error" in cell) return { value: cell.error, type: "Error", text: cell.error };
  if (typeof cell === "object") {
    if (cell.formula.includes("#REF!")) return { value: "#REF!", type: "Error", text: "#REF!" };
    return { value: 0, type: "Double", text: "0" };
  }
  const type = typeof cell === "number" ? "Double" : typeof cell === "boolean" ? "Boolean" : "String";
  return { value: cell, type, text: typeof cell === "boolean" ? String(cell).toUpperCase() : String(cell) };
}

class FakeContext {
  readonly workbook: { worksheets: FakeWorksheets };
  constructor(private book: FakeWorkbook) {
    this.workbook = { worksheets: new FakeWorksheets(book) };
  }
  sync(): Promise<void> {
    return this.book.sync();
  }
}

interface LoadedSheet {
  name: string;
  visibility: string;
}

class FakeWorksheets {
  private loaded: LoadedSheet[] | null = null;
  constructor(private book: FakeWorkbook) {}
  load(_props: string): this {
    this.book.enqueue(20, () => {
      this.loaded = this.book.sheets.map((sheet) => ({ name: sheet.name, visibility: sheet.visibility }));
      return bytesOf(this.loaded);
    });
    return this;
  }
  get items(): LoadedSheet[] {
    if (this.loaded === null) throw new OfficeError("PropertyNotLoaded", "items not loaded");
    return this.loaded;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.book, true);
    this.book.enqueue(bytesOf(name), () => {
      sheet.data = this.book.find(name) ?? null;
      sheet.resolved = true;
    });
    return sheet;
  }
  getItem(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.book, false);
    this.book.enqueue(bytesOf(name), () => {
      const found = this.book.find(name);
      if (!found) throw new OfficeError("ItemNotFound", `no sheet ${name}`);
      sheet.data = found;
      sheet.resolved = true;
    });
    return sheet;
  }
  add(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.book, false);
    this.book.enqueue(bytesOf(name), () => {
      if (this.book.find(name)) throw new OfficeError("ItemAlreadyExists", `sheet ${name} exists`);
      const data = newSheet(name);
      this.book.sheets.push(data);
      this.book.structure.push({ sync: this.book.syncCount, kind: "add", sheet: name });
      sheet.data = data;
      sheet.resolved = true;
    });
    return sheet;
  }
}

class FakeWorksheet {
  data: FakeSheetData | null = null;
  resolved = false;
  constructor(
    private book: FakeWorkbook,
    /** Made by getItemOrNullObject: a method on it fails when it turns out null (strictNullObjects). */
    readonly nullable: boolean,
  ) {}
  get isNullObject(): boolean {
    if (!this.resolved) throw new OfficeError("PropertyNotLoaded", "sync first");
    return this.data === null;
  }
  /** The sheet, when an operation on it runs; a null object refuses every call. */
  need(): FakeSheetData {
    if (!this.data) throw new OfficeError("ItemNotFound", "the worksheet is a null object");
    return this.data;
  }
  /** For ranges: the sheet, or null when a null object may be read as null (not strict). */
  dataForRead(): FakeSheetData | null {
    if (this.data === null && (!this.nullable || this.book.strictNullObjects)) throw new OfficeError("ItemNotFound", "the worksheet is a null object");
    return this.data;
  }
  get name(): string {
    return this.need().name;
  }
  set name(to: string) {
    this.book.enqueue(bytesOf(to), () => this.book.renameSheet(this.need(), to));
  }
  /** Moves the sheet to a 0-based place among all sheets, the others shifting, as Excel's Worksheet.position. */
  set position(to: number) {
    this.book.enqueue(bytesOf(to), () => {
      const data = this.need();
      const sheets = this.book.sheets;
      if (!Number.isInteger(to) || to < 0 || to >= sheets.length) throw new OfficeError("InvalidArgument", `no position ${to}`);
      sheets.splice(sheets.indexOf(data), 1);
      sheets.splice(to, 0, data);
      this.book.structure.push({ sync: this.book.syncCount, kind: "move", sheet: data.name, to: String(to) });
    });
  }
  set visibility(to: "Visible" | "Hidden" | "VeryHidden") {
    this.book.enqueue(bytesOf(to), () => {
      const data = this.need();
      data.visibility = to;
      this.book.structure.push({ sync: this.book.syncCount, kind: "visibility", sheet: data.name, to });
    });
  }
  set tabColor(color: string) {
    this.book.enqueue(bytesOf(color), () => {
      this.book.writes.push({ sync: this.book.syncCount, sheet: this.need().name, address: "", kind: "tabColor" });
    });
  }
  delete(): void {
    this.book.enqueue(0, () => this.book.deleteSheet(this.need()));
  }
  activate(): void {
    this.book.enqueue(0, () => {
      const data = this.need();
      if (data.visibility !== "Visible") throw new OfficeError("InvalidOperation", `cannot activate hidden sheet ${data.name}`);
      data.activated += 1;
      this.book.structure.push({ sync: this.book.syncCount, kind: "activate", sheet: data.name });
    });
  }
  get freezePanes() {
    const record = (address: string) =>
      this.book.enqueue(bytesOf(address), () => {
        const refused = this.book.refuse.freeze;
        if (refused !== undefined) throw new OfficeError(refused, "simulated failure of freeze panes");
        this.book.writes.push({ sync: this.book.syncCount, sheet: this.need().name, address, kind: "freeze" });
      });
    return {
      freezeRows: (n: number) => record(`rows:${n}`),
      freezeColumns: (n: number) => record(`columns:${n}`),
      freezeAt: (address: string) => record(address),
    };
  }
  /** A range by A1 address; no address is the whole sheet. */
  getRange(address = ""): FakeRange {
    return new FakeRange(this.book, this, () => address);
  }
  /** Page setup (ExcelApi 1.9): every property set and print-title call is recorded as a "pageLayout" write of [name, value]. */
  get pageLayout() {
    const record = (name: string, value: unknown) =>
      this.book.enqueue(bytesOf(value), () => {
        this.book.writes.push({ sync: this.book.syncCount, sheet: this.need().name, address: "", kind: "pageLayout", values: [[name, value]] });
      });
    const section = (prefix: string) =>
      new Proxy({}, { set: (_target, key, value) => (record(`${prefix}.${String(key)}`, value), true) });
    return new Proxy(
      {
        headersFooters: { defaultForAllPages: section("defaultForAllPages") },
        setPrintTitleRows: (address: string) => record("printTitleRows", address),
        setPrintTitleColumns: (address: string) => record("printTitleColumns", address),
      },
      { set: (_target, key, value) => (record(String(key), value), true) },
    );
  }
  get horizontalPageBreaks() {
    return {
      removePageBreaks: () =>
        this.book.enqueue(0, () => {
          this.book.writes.push({ sync: this.book.syncCount, sheet: this.need().name, address: "", kind: "pageBreak", values: [["removeAll"]] });
        }),
      add: (address: string) =>
        this.book.enqueue(bytesOf(address), () => {
          this.book.writes.push({ sync: this.book.syncCount, sheet: this.need().name, address, kind: "pageBreak" });
        }),
    };
  }
  /** Charts: each add is recorded as a "chart" write whose values are [type, seriesBy, then the calls made on it]. */
  get charts() {
    const book = this.book;
    let loaded: { name: string; title: { text: string } }[] | null = null;
    return {
      load: (_props: string) => {
        book.enqueue(20, () => {
          loaded = this.need().charts.map((chart) => ({ name: chart.name, title: { text: chart.title } }));
          return bytesOf(loaded);
        });
      },
      get items() {
        if (loaded === null) throw new OfficeError("PropertyNotLoaded", "charts not loaded");
        return loaded;
      },
      getItemAt: (index: number) => ({
        delete: () =>
          book.enqueue(8, () => {
            const data = this.need();
            if (index >= data.charts.length) throw new OfficeError("ItemNotFound", `no chart at ${index}`);
            data.charts.splice(index, 1);
          }),
      }),
      getItem: (name: string) => ({
        delete: () =>
          book.enqueue(bytesOf(name), () => {
            const data = this.need();
            const index = data.charts.findIndex((chart) => chart.name === name);
            if (index < 0) throw new OfficeError("ItemNotFound", `no chart ${name}`);
            data.charts.splice(index, 1);
          }),
      }),
      add: (type: string, source: FakeRange, seriesBy: string) => {
        const chart: FakeChart = { name: "", title: "", source: source.requested() ?? "" };
        const record: WriteRecord = { sync: -1, sheet: "", address: source.requested() ?? "", kind: "chart", values: [[type, seriesBy]] };
        const details = record.values as unknown[][];
        book.enqueue(bytesOf(type), () => {
          const data = this.need();
          const refused = book.refuse.chart;
          if (refused !== undefined) throw new OfficeError(refused, "simulated failure of a chart");
          record.sync = book.syncCount;
          record.sheet = data.name;
          book.writes.push(record);
          chart.name ||= `图表 ${data.charts.length + 1}`;
          data.charts.push(chart);
        });
        // Property sets on the chart are queued after the add, as Office queues them.
        const later = (what: unknown[], apply: () => void) =>
          book.enqueue(bytesOf(what), () => {
            details.push(what);
            apply();
          });
        return {
          set name(name: string) {
            later(["name", name], () => (chart.name = name));
          },
          title: {
            set text(text: string) {
              later(["title", text], () => (chart.title = text));
            },
          },
          axes: {
            categoryAxis: {
              setCategoryNames: (range: FakeRange) => later(["categoryNames", range.requested()], () => (chart.categories = range.requested() ?? "")),
            },
          },
          series: {
            getItemAt: (index: number) => ({
              setXAxisValues: (range: FakeRange) => later(["xAxis", index, range.requested()], () => undefined),
            }),
          },
          setPosition: (start: string) => later(["position", start], () => undefined),
        };
      },
    };
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.book, this, () => {
      const data = this.dataForRead();
      if (!data) return null;
      let lastRow = -1;
      let firstRow = Infinity;
      let firstColumn = Infinity;
      let lastColumn = -1;
      data.cells.forEach((row, r) =>
        row?.forEach((cell, c) => {
          if (cell === undefined) return;
          firstRow = Math.min(firstRow, r);
          lastRow = Math.max(lastRow, r);
          firstColumn = Math.min(firstColumn, c);
          lastColumn = Math.max(lastColumn, c);
        }),
      );
      if (lastRow < 0) return null;
      return `${columnName(firstColumn)}${firstRow + 1}:${columnName(lastColumn)}${lastRow + 1}`;
    });
  }
}

interface Loaded {
  values: unknown[][];
  valueTypes: string[][];
  text: string[][];
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  address: string;
}

class FakeRange {
  private loaded: Partial<Loaded> = {};
  private nullObject: boolean | null = null;
  constructor(
    private book: FakeWorkbook,
    private sheet: FakeWorksheet,
    private address: () => string | null,
  ) {}

  get isNullObject(): boolean {
    if (this.nullObject === null) throw new OfficeError("PropertyNotLoaded", "sync first");
    return this.nullObject;
  }

  /** The A1 address this range was asked for (a fake's helper, not an Office property). */
  requested(): string | null {
    return this.address();
  }

  load(props: string): this {
    const wanted = props.split(",").map((p) => p.trim());
    this.book.enqueue(bytesOf(props), () => {
      const data = this.sheet.dataForRead();
      const address = data ? this.address() : null;
      this.nullObject = address === null;
      if (address === null || !data) return 0;
      const { row, column, rows, columns } = parseAddress(address);
      const all: Partial<Loaded> = { rowIndex: row, columnIndex: column, rowCount: rows, columnCount: columns, address: `${data.name}!${address}` };
      if (wanted.some((p) => p === "values" || p === "valueTypes" || p === "text")) {
        if (rows * columns > FAKE_READ_CELL_LIMIT) throw new OfficeError("RangeExceedsLimit", `${rows * columns} cells`);
        all.values = [];
        all.valueTypes = [];
        all.text = [];
        for (let r = row; r < row + rows; r += 1) {
          const values: unknown[] = [];
          const types: string[] = [];
          const text: string[] = [];
          const line = data.cells[r];
          for (let c = column; c < column + columns; c += 1) {
            const cell = readCell(line?.[c]);
            values.push(cell.value);
            types.push(cell.type);
            text.push(this.book.displayed.get(`${data.name}!${columnName(c)}${r + 1}`) ?? cell.text);
          }
          all.values.push(values);
          all.valueTypes.push(types);
          all.text.push(text);
        }
      }
      let bytes = 0;
      for (const p of wanted) {
        const key = p as keyof Loaded;
        (this.loaded as Record<string, unknown>)[key] = all[key];
        bytes += bytesOf(all[key]);
      }
      return bytes;
    });
    return this;
  }

  /**
   * A range relative to this one, resolved when Excel runs the request: on a null object (an empty used range) the call
   * fails with ItemNotFound; a range forced outside the grid fails with InvalidArgument, as Office documents for
   * getOffsetRange ("an error will be thrown").
   */
  private relative(change: (bounds: { row: number; column: number; rows: number; columns: number }) => { row: number; column: number; rows: number; columns: number }): FakeRange {
    return new FakeRange(this.book, this.sheet, () => {
      const address = this.address();
      if (address === null) throw new OfficeError("ItemNotFound", "the range is a null object");
      const { row, column, rows, columns } = change(parseAddress(address));
      if (row < 0 || column < 0 || rows < 1 || columns < 1 || row + rows > 1048576 || column + columns > 16384) {
        throw new OfficeError("InvalidArgument", `the range is outside the worksheet grid (${address})`);
      }
      return `${columnName(column)}${row + 1}:${columnName(column + columns - 1)}${row + rows}`;
    });
  }
  /** Range.getLastRow (ExcelApi 1.1). */
  getLastRow(): FakeRange {
    return this.relative((b) => ({ ...b, row: b.row + b.rows - 1, rows: 1 }));
  }
  /** Range.getOffsetRange (ExcelApi 1.1): the same size, moved. */
  getOffsetRange(rowOffset: number, columnOffset: number): FakeRange {
    return this.relative((b) => ({ ...b, row: b.row + rowOffset, column: b.column + columnOffset }));
  }
  /** Range.getResizedRange (ExcelApi 1.2): the bottom-right corner moved, the top-left kept. */
  getResizedRange(deltaRows: number, deltaColumns: number): FakeRange {
    return this.relative((b) => ({ ...b, rows: b.rows + deltaRows, columns: b.columns + deltaColumns }));
  }

  private get<K extends keyof Loaded>(key: K): Loaded[K] {
    const value = this.loaded[key];
    if (value === undefined) throw new OfficeError("PropertyNotLoaded", `${key} not loaded`);
    return value as Loaded[K];
  }
  get values(): unknown[][] {
    return this.get("values");
  }
  set values(values: unknown[][]) {
    this.book.enqueue(bytesOf(values), () => {
      const address = this.address() ?? "";
      const data = this.writable();
      const { row, column, rows, columns } = parseAddress(address);
      if (values.length !== rows || values.some((r) => r.length !== columns)) throw new OfficeError("InvalidArgument", `values do not fit ${address}`);
      this.book.writes.push({ sync: this.book.syncCount, sheet: data.name, address, kind: "values", values });
      values.forEach((line, r) => {
        const target = (data.cells[row + r] ??= []);
        line.forEach((value, c) => {
          target[column + c] = written(value);
        });
      });
    });
    this.book.markWrite();
  }
  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }
  get text(): string[][] {
    return this.get("text");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  set numberFormat(formats: unknown) {
    this.record("numberFormat", formats);
  }
  /** Clears values and formats of the range (the whole sheet for getRange()). */
  clear(applyTo = "All"): void {
    this.book.enqueue(bytesOf(applyTo), () => {
      const data = this.writable();
      const address = this.address() ?? "";
      const { row, column, rows, columns } = parseAddress(address);
      this.book.writes.push({ sync: this.book.syncCount, sheet: data.name, address, kind: "clear", values: [[applyTo]] });
      for (let r = row; r < Math.min(row + rows, data.cells.length); r += 1) {
        const line = data.cells[r];
        if (!line) continue;
        for (let c = column; c < Math.min(column + columns, line.length); c += 1) line[c] = undefined;
      }
      trimSheet(data);
    });
    this.book.markWrite();
  }
  /** Range.copyFrom (ExcelApi 1.9): the source's cells (values here; formats are recorded) to this range's top-left. */
  copyFrom(source: FakeRange, copyType = "All"): void {
    this.book.requireApi("1.9", "Range.copyFrom");
    this.book.enqueue(bytesOf(copyType), () => {
      const data = this.writable();
      const from = source.sheet.need();
      const at = parseAddress(this.address() ?? "A1");
      const src = parseAddress(source.requested() ?? "");
      this.book.writes.push({ sync: this.book.syncCount, sheet: data.name, address: this.address() ?? "", kind: "copy", values: [[from.name, source.requested(), copyType]] });
      for (let r = 0; r < src.rows && src.row + r < from.cells.length; r += 1) {
        const line = from.cells[src.row + r];
        const target = (data.cells[at.row + r] ??= []);
        for (let c = 0; c < src.columns; c += 1) {
          const cell = line?.[src.column + c];
          if (cell !== undefined || target[at.column + c] !== undefined) target[at.column + c] = cell;
        }
      }
    });
    this.book.markWrite();
  }
  select(): void {
    this.book.enqueue(0, () => {
      this.book.structure.push({ sync: this.book.syncCount, kind: "select", sheet: this.sheet.need().name, to: this.address() ?? "" });
    });
  }
  get format() {
    const record = (what: unknown) => this.record("format", what);
    return {
      fill: {
        set color(color: string) {
          record({ fill: color });
        },
      },
      font: {
        set color(color: string) {
          record({ fontColor: color });
        },
        set bold(bold: boolean) {
          record({ bold });
        },
      },
      set wrapText(wrap: boolean) {
        record({ wrap });
      },
      set horizontalAlignment(align: string) {
        record({ align });
      },
      set columnWidth(width: number) {
        record({ width });
      },
      set rowHeight(height: number) {
        record({ height });
      },
    };
  }
  get dataValidation() {
    const record = (what: unknown) => this.record("validation", what);
    return {
      set ignoreBlanks(value: boolean) {
        record({ ignoreBlanks: value });
      },
      set rule(rule: unknown) {
        record({ rule });
      },
      set errorAlert(alert: unknown) {
        record({ alert });
      },
    };
  }
  /** The sheet for a write: a protected sheet refuses it as Excel does (AccessDenied, office-js #664). */
  private writable(): FakeSheetData {
    const data = this.sheet.need();
    if (data.protected) throw new OfficeError("AccessDenied", "You don't have sufficient permissions for this action.");
    return data;
  }
  private record(kind: WriteRecord["kind"], what: unknown): void {
    this.book.enqueue(bytesOf(what), () => {
      const refused = this.book.refuse[kind];
      if (refused !== undefined) throw new OfficeError(refused, `simulated failure of ${kind}`);
      this.book.writes.push({ sync: this.book.syncCount, sheet: this.writable().name, address: this.address() ?? "", kind, values: [[what]] });
    });
  }
}

/** A grid without trailing blanks, blanks as null: what a reader of the sheet sees (to compare written with expected grids). */
export function visible(rows: readonly (readonly unknown[])[]): unknown[][] {
  const cleaned = Array.from(rows, (row) => {
    const cells = Array.from(row ?? [], (cell) => (cell === "" || cell === undefined ? null : cell));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (cleaned.length > 0 && (cleaned[cleaned.length - 1]?.length ?? 0) === 0) cleaned.pop();
  return cleaned;
}
