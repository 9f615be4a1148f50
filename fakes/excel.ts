/**
 * A small fake of the Excel objects the add-in uses, with Office.js's deferred model: calls are queued and run at
 * context.sync(). It counts syncs, records every write (sheet, address, what) and every sheet change, and estimates
 * each sync's request and response bytes independently of the add-in's own estimate. Over `limit` bytes it fails the
 * sync with the error codes Excel on the web uses.
 */
import { Buffer } from "node:buffer";
import { columnName } from "../lib/grid";

type Stored = number | string | boolean | { error: string } | { formula: string };

export interface FakeSheetData {
  name: string;
  cells: (Stored | undefined)[][];
  activated: number;
}

export interface WriteRecord {
  sync: number;
  sheet: string;
  address: string;
  kind: "values" | "numberFormat" | "format" | "validation" | "freeze" | "tabColor" | "columnWidth" | "chart" | "pageLayout" | "pageBreak";
  values?: unknown[][];
}

export interface StructureRecord {
  sync: number;
  kind: "add" | "delete" | "rename" | "activate" | "select";
  sheet: string;
  to?: string;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
}

interface Op {
  bytes: number;
  run: () => number | void;
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
const bytesOf = (value: unknown) => Buffer.byteLength(JSON.stringify(value) ?? "", "utf8");

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** "B2:D4" → 0-based bounds; whole columns ("C:C") span rows 0..1048575. */
export function parseAddress(address: string): { row: number; column: number; rows: number; columns: number } {
  const [from = "", to = from] = address.split(":");
  const a = /^([A-Z]+)(\d*)$/.exec(from);
  const b = /^([A-Z]+)(\d*)$/.exec(to);
  if (!a || !b) throw new OfficeError("InvalidArgument", `bad address ${address}`);
  const column = columnIndex(a[1] ?? "A");
  const row = a[2] ? Number(a[2]) - 1 : 0;
  const lastRow = b[2] ? Number(b[2]) - 1 : 1048575;
  return { row, column, rows: lastRow - row + 1, columns: columnIndex(b[1] ?? "A") - column + 1 };
}

export class FakeWorkbook {
  sheets: FakeSheetData[] = [];
  syncs: SyncRecord[] = [];
  writes: WriteRecord[] = [];
  structure: StructureRecord[] = [];
  /** Bytes above which a request or response fails (Excel on the web: 5 MB); Infinity for desktop. */
  limit = 5 * 1024 * 1024;
  /** Fails the next sync whose request holds a values write with this error code. */
  failNextWrite: string | null = null;
  private queue: Op[] = [];
  readonly context: FakeContext;

  constructor(sheets: Record<string, unknown[][]> = {}) {
    for (const [name, rows] of Object.entries(sheets)) this.sheets.push({ name, cells: rows.map((row) => row.map(toStored)), activated: 0 });
    this.context = new FakeContext(this);
  }

  /** Excel.run. */
  run = <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(this.context as unknown as Excel.RequestContext);

  get syncCount(): number {
    return this.syncs.length;
  }

  enqueue(bytes: number, run: () => number | void): void {
    this.queue.push({ bytes: bytes + OP_BYTES, run });
  }

  find(name: string): FakeSheetData | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  /** Cell values of a sheet as Excel would show them (a quote-prefixed text is just the text). */
  grid(name: string): unknown[][] {
    const sheet = this.find(name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet.cells.map((row) => Array.from(row, (cell) => (cell === undefined ? null : cell)));
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    const requestBytes = ops.reduce((sum, op) => sum + op.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, operations: ops.length };
    this.syncs.push(record);
    if (requestBytes > this.limit) throw new OfficeError("RequestPayloadSizeLimitExceeded", "request too large");
    if (this.failNextWrite !== null && ops.some((op) => (op as Op & { write?: boolean }).write)) {
      const code = this.failNextWrite;
      this.failNextWrite = null;
      throw new OfficeError(code, "simulated failure");
    }
    // Excel runs a request as a whole: a failure (or an oversized response) undoes nothing here, as the tests only
    // check that nothing is written after such a failure.
    for (const op of ops) record.responseBytes += op.run() ?? 0;
    if (record.responseBytes > this.limit) throw new OfficeError("ResponsePayloadSizeLimitExceeded", "response too large");
  }

  markWrite(): void {
    const last = this.queue[this.queue.length - 1] as (Op & { write?: boolean }) | undefined;
    if (last) last.write = true;
  }
}

function toStored(value: unknown): Stored | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "object" && value !== null && "error" in value) return value as { error: string };
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

class FakeContext {
  readonly workbook: { worksheets: FakeWorksheets };
  constructor(private book: FakeWorkbook) {
    this.workbook = { worksheets: new FakeWorksheets(book) };
  }
  sync(): Promise<void> {
    return this.book.sync();
  }
}

class FakeWorksheets {
  private loaded: { name: string }[] | null = null;
  constructor(private book: FakeWorkbook) {}
  load(_props: string): this {
    this.book.enqueue(20, () => {
      this.loaded = this.book.sheets.map((sheet) => ({ name: sheet.name }));
      return bytesOf(this.loaded);
    });
    return this;
  }
  get items(): { name: string }[] {
    if (this.loaded === null) throw new OfficeError("PropertyNotLoaded", "items not loaded");
    return this.loaded;
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.book);
    this.book.enqueue(bytesOf(name), () => {
      sheet.data = this.book.find(name) ?? null;
      sheet.resolved = true;
    });
    return sheet;
  }
  getItem(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.book);
    this.book.enqueue(bytesOf(name), () => {
      const found = this.book.find(name);
      if (!found) throw new OfficeError("ItemNotFound", `no sheet ${name}`);
      sheet.data = found;
      sheet.resolved = true;
    });
    return sheet;
  }
  add(name: string): FakeWorksheet {
    const sheet = new FakeWorksheet(this.book);
    this.book.enqueue(bytesOf(name), () => {
      if (this.book.find(name)) throw new OfficeError("ItemAlreadyExists", `sheet ${name} exists`);
      const data: FakeSheetData = { name, cells: [], activated: 0 };
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
  constructor(private book: FakeWorkbook) {}
  get isNullObject(): boolean {
    if (!this.resolved) throw new OfficeError("PropertyNotLoaded", "sync first");
    return this.data === null;
  }
  private need(): FakeSheetData {
    if (!this.data) throw new OfficeError("ItemNotFound", "null worksheet");
    return this.data;
  }
  get name(): string {
    return this.need().name;
  }
  set name(to: string) {
    this.book.enqueue(bytesOf(to), () => {
      const data = this.need();
      if (this.book.sheets.some((sheet) => sheet !== data && sheet.name === to)) throw new OfficeError("ItemAlreadyExists", to);
      this.book.structure.push({ sync: this.book.syncCount, kind: "rename", sheet: data.name, to });
      data.name = to;
    });
  }
  set tabColor(color: string) {
    this.book.enqueue(bytesOf(color), () => {
      this.book.writes.push({ sync: this.book.syncCount, sheet: this.need().name, address: "", kind: "tabColor" });
    });
  }
  delete(): void {
    this.book.enqueue(0, () => {
      const data = this.need();
      this.book.structure.push({ sync: this.book.syncCount, kind: "delete", sheet: data.name });
      this.book.sheets = this.book.sheets.filter((sheet) => sheet !== data);
    });
  }
  activate(): void {
    this.book.enqueue(0, () => {
      const data = this.need();
      data.activated += 1;
      this.book.structure.push({ sync: this.book.syncCount, kind: "activate", sheet: data.name });
    });
  }
  get freezePanes() {
    const record = (address: string) =>
      this.book.enqueue(bytesOf(address), () => {
        this.book.writes.push({ sync: this.book.syncCount, sheet: this.need().name, address, kind: "freeze" });
      });
    return {
      freezeRows: (n: number) => record(`rows:${n}`),
      freezeColumns: (n: number) => record(`columns:${n}`),
      freezeAt: (address: string) => record(address),
    };
  }
  getRange(address: string): FakeRange {
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
      add: (address: string) =>
        this.book.enqueue(bytesOf(address), () => {
          this.book.writes.push({ sync: this.book.syncCount, sheet: this.need().name, address, kind: "pageBreak" });
        }),
    };
  }
  /** Charts: each add is recorded as a "chart" write whose values are [type, source, seriesBy, title, x-axis ranges…, position]. */
  get charts() {
    return {
      add: (type: string, source: FakeRange, seriesBy: string) => {
        const record: WriteRecord = { sync: -1, sheet: "", address: source.requested() ?? "", kind: "chart", values: [[type, seriesBy]] };
        this.book.enqueue(bytesOf(type), () => {
          record.sync = this.book.syncCount;
          record.sheet = this.need().name;
          this.book.writes.push(record);
        });
        const details = (record.values ?? []) as unknown[][];
        return {
          title: {
            set text(text: string) {
              details.push(["title", text]);
            },
          },
          series: {
            getItemAt: (index: number) => ({
              setXAxisValues: (range: FakeRange) => details.push(["xAxis", index, range.requested()]),
            }),
          },
          setPosition: (start: string) => details.push(["position", start]),
        };
      },
    };
  }
  getUsedRangeOrNullObject(_valuesOnly?: boolean): FakeRange {
    return new FakeRange(this.book, this, () => {
      if (!this.data) return null;
      let lastRow = -1;
      let firstRow = Infinity;
      let firstColumn = Infinity;
      let lastColumn = -1;
      this.data.cells.forEach((row, r) =>
        row.forEach((cell, c) => {
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
      const address = this.sheet.data ? this.address() : null;
      this.nullObject = address === null;
      if (address === null || !this.sheet.data) return 0;
      const { row, column, rows, columns } = parseAddress(address);
      const cells = this.sheet.data.cells;
      const all: Loaded = {
        rowIndex: row,
        columnIndex: column,
        rowCount: rows,
        columnCount: columns,
        values: [],
        valueTypes: [],
        text: [],
      };
      if (wanted.some((p) => p === "values" || p === "valueTypes" || p === "text")) {
        for (let r = row; r < row + rows; r += 1) {
          const values: unknown[] = [];
          const types: string[] = [];
          const text: string[] = [];
          for (let c = column; c < column + columns; c += 1) {
            const cell = cells[r]?.[c];
            if (cell === undefined) {
              values.push("");
              types.push("Empty");
              text.push("");
            } else if (typeof cell === "object" && "error" in cell) {
              values.push(cell.error);
              types.push("Error");
              text.push(cell.error);
            } else if (typeof cell === "object") {
              values.push(0);
              types.push("Double");
              text.push("0");
            } else {
              values.push(cell);
              types.push(typeof cell === "number" ? "Double" : typeof cell === "boolean" ? "Boolean" : "String");
              text.push(typeof cell === "boolean" ? String(cell).toUpperCase() : String(cell));
            }
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
      const data = this.sheetData();
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
  select(): void {
    this.book.enqueue(0, () => {
      this.book.structure.push({ sync: this.book.syncCount, kind: "select", sheet: this.sheetData().name, to: this.address() ?? "" });
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
  private sheetData(): FakeSheetData {
    if (!this.sheet.data) throw new OfficeError("ItemNotFound", "null worksheet");
    return this.sheet.data;
  }
  private record(kind: WriteRecord["kind"], what: unknown): void {
    this.book.enqueue(bytesOf(what), () => {
      this.book.writes.push({ sync: this.book.syncCount, sheet: this.sheetData().name, address: this.address() ?? "", kind, values: [[what]] });
    });
  }
}

/** A grid without trailing blanks, blanks as null: what a reader of the sheet sees (to compare written with expected grids). */
export function visible(rows: readonly (readonly unknown[])[]): unknown[][] {
  const cleaned = rows.map((row) => {
    const cells = Array.from(row, (cell) => (cell === "" || cell === undefined ? null : cell));
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  while (cleaned.length > 0 && (cleaned[cleaned.length - 1]?.length ?? 0) === 0) cleaned.pop();
  return cleaned;
}
