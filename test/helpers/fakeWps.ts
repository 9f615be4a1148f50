/* eslint-disable @typescript-eslint/no-this-alias -- the fake's objects are closures over the one fake they belong to */
/**
 * A fake of WPS 表格's object model (the members addin/wps/model.ts lists, nothing else): sheets of cells, VBA-style
 * collections, Value2 read and written as a scalar or as rows. Every object is a Proxy that throws on a member the real
 * model's subset here does not have, so the host cannot depend on one unseen. It counts calls, records writes, and can
 * throw at the n-th use of a member (`failAt`), as WPS does when a sheet is protected or a call is refused.
 */
import { cellAddress, parseA1Range, type CellValue } from "../../lib/grid";
import type { WpsApplication, WpsFont, WpsInterior, WpsRange, WpsSheets, WpsWorkbook, WpsWorksheet } from "../../addin/wps/model";

export class WpsRefused extends Error {}

interface FakeSheet {
  name: string;
  visible: number;
  cells: unknown[][];
  formats: Map<string, unknown>;
}

function strict<T extends object>(label: string, target: T, members: readonly string[]): T {
  const allowed = new Set(members);
  return new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === "symbol" || key === "then" || key === "toJSON") return Reflect.get(object, key, receiver);
      if (!allowed.has(key)) throw new Error(`fake WPS: ${label}.${key} is not a member the host may use`);
      return Reflect.get(object, key, receiver);
    },
    set(object, key, value, receiver) {
      if (typeof key === "symbol" || !allowed.has(key)) throw new Error(`fake WPS: ${label}.${String(key)} cannot be set`);
      return Reflect.set(object, key, value, receiver);
    },
  });
}

export class FakeWps {
  readonly sheets: FakeSheet[];
  readonly calls = new Map<string, number>();
  /** Every Value2 assignment: sheet and address. */
  readonly writes: { sheet: string; address: string }[] = [];
  displayAlerts = true;
  private failures = new Map<string, number>();

  constructor(sheets: Record<string, CellValue[][]>) {
    this.sheets = Object.entries(sheets).map(([name, rows]) => ({
      name,
      visible: -1,
      cells: rows.map((row) => row.map((cell) => (cell !== null && typeof cell === "object" && "error" in cell ? cell.error : cell))),
      formats: new Map(),
    }));
  }

  /** Throw at the n-th (1-based) use of `member` from now, e.g. failAt("Value2=", 2), failAt("Delete", 1). */
  failAt(member: string, n: number): void {
    this.failures.set(member, (this.calls.get(member) ?? 0) + n);
  }

  private count(member: string): void {
    const n = (this.calls.get(member) ?? 0) + 1;
    this.calls.set(member, n);
    if (this.failures.get(member) === n) throw new WpsRefused(`fake WPS refused ${member}`);
  }

  /** The values of a sheet as rows (null for empty cells), trailing empties dropped. */
  grid(name: string): unknown[][] {
    const sheet = this.sheets.find((s) => s.name === name);
    if (sheet === undefined) throw new Error(`no sheet ${name}`);
    return sheet.cells.map((row) => row.map((cell) => (cell === undefined || cell === "" ? null : cell)));
  }

  readonly app: WpsApplication = (() => {
    const fake = this;
    const workbook: WpsWorkbook = strict("Workbook", { get Sheets() { return fake.sheetsCollection(); } }, ["Sheets"]);
    return strict(
      "Application",
      {
        get ActiveWorkbook() {
          return workbook;
        },
        get DisplayAlerts() {
          return fake.displayAlerts;
        },
        set DisplayAlerts(value: boolean) {
          fake.displayAlerts = value;
        },
      },
      ["ActiveWorkbook", "DisplayAlerts"],
    );
  })();

  private sheetsCollection(): WpsSheets {
    const fake = this;
    return strict(
      "Sheets",
      {
        get Count() {
          return fake.sheets.length;
        },
        Item(index: number | string): WpsWorksheet {
          fake.count("Item");
          const sheet = typeof index === "number" ? fake.sheets[index - 1] : fake.sheets.find((s) => s.name === index);
          if (sheet === undefined) throw new Error(`fake WPS: no sheet ${String(index)}`);
          return fake.worksheet(sheet);
        },
        Add(_before?: WpsWorksheet, after?: WpsWorksheet): WpsWorksheet {
          fake.count("Add");
          const sheet: FakeSheet = { name: `Sheet${fake.sheets.length + 1}`, visible: -1, cells: [], formats: new Map() };
          const at = after === undefined ? fake.sheets.length : fake.sheets.findIndex((s) => s.name === after.Name) + 1;
          fake.sheets.splice(at, 0, sheet);
          return fake.worksheet(sheet);
        },
      },
      ["Count", "Item", "Add"],
    );
  }

  private worksheet(sheet: FakeSheet): WpsWorksheet {
    const fake = this;
    return strict(
      "Worksheet",
      {
        get Name() {
          return sheet.name;
        },
        set Name(value: string) {
          fake.count("Name=");
          if (fake.sheets.some((s) => s !== sheet && s.name.toLowerCase() === value.toLowerCase())) throw new WpsRefused(`name ${value} taken`);
          sheet.name = value;
        },
        get Visible() {
          return sheet.visible;
        },
        set Visible(value: number) {
          sheet.visible = value;
        },
        get UsedRange(): WpsRange {
          const rows = sheet.cells.length;
          const columns = sheet.cells.reduce((widest, row) => Math.max(widest, row.length), 0);
          return fake.range(sheet, rows === 0 || columns === 0 ? "A1" : `A1:${cellAddress(rows - 1, columns - 1)}`);
        },
        Range(address: string): WpsRange {
          return fake.range(sheet, address);
        },
        Activate() {
          fake.count("Activate");
        },
        Delete() {
          fake.count("Delete");
          if (sheet.visible === 2) throw new WpsRefused("a very hidden sheet cannot be deleted");
          if (!fake.displayAlerts) fake.sheets.splice(fake.sheets.indexOf(sheet), 1);
          else throw new Error("fake WPS: Delete with DisplayAlerts on would ask the user");
        },
      },
      ["Name", "Visible", "UsedRange", "Range", "Activate", "Delete"],
    );
  }

  private range(sheet: FakeSheet, address: string): WpsRange {
    const fake = this;
    const parsed = parseA1Range(address);
    if (parsed === null) throw new Error(`fake WPS: bad address ${address}`);
    const top = parsed.from.row ?? 0;
    const left = parsed.from.column;
    const bottom = parsed.to.row ?? top;
    const right = parsed.to.column;
    const format = (name: string) => ({
      get: () => sheet.formats.get(`${address}:${name}`),
      set: (value: unknown) => sheet.formats.set(`${address}:${name}`, value),
    });
    const holder = (label: string, members: string[]) =>
      strict(label, Object.fromEntries(members.map((m) => [m, undefined])) as Record<string, unknown>, [...members, "Add", "Delete"]);
    const validation = strict("Validation", { Add: () => fake.count("Validation.Add"), Delete: () => fake.count("Validation.Delete") }, ["Add", "Delete"]);
    return strict(
      "Range",
      {
        get Value2(): unknown {
          const block = [];
          for (let r = top; r <= bottom; r += 1) {
            const row = [];
            for (let c = left; c <= right; c += 1) row.push(sheet.cells[r]?.[c] ?? undefined);
            block.push(row);
          }
          return top === bottom && left === right ? block[0]?.[0] : block;
        },
        set Value2(value: unknown) {
          fake.count("Value2=");
          fake.writes.push({ sheet: sheet.name, address });
          const rows = Array.isArray(value) ? (value as unknown[][]) : [[value]];
          rows.forEach((row, r) => {
            const cells = (sheet.cells[top + r] ??= []);
            row.forEach((cell, c) => {
              // As in WPS, a leading apostrophe keeps text as text and is not part of the value.
              cells[left + c] = typeof cell === "string" && cell.startsWith("'") ? cell.slice(1) : cell === "" ? undefined : cell;
            });
          });
        },
        get NumberFormat() { return format("NumberFormat").get(); },
        set NumberFormat(value: unknown) { format("NumberFormat").set(value); },
        get ColumnWidth() { return format("ColumnWidth").get(); },
        set ColumnWidth(value: unknown) { format("ColumnWidth").set(value); },
        get WrapText() { return format("WrapText").get(); },
        set WrapText(value: unknown) { format("WrapText").set(value); },
        get HorizontalAlignment() { return format("HorizontalAlignment").get(); },
        set HorizontalAlignment(value: unknown) { format("HorizontalAlignment").set(value); },
        get Row() { return top + 1; },
        get Column() { return left + 1; },
        Font: holder("Font", ["Bold"]) as unknown as WpsFont,
        Interior: holder("Interior", ["Color"]) as unknown as WpsInterior,
        Validation: validation,
        Select() {
          fake.count("Select");
        },
      },
      ["Value2", "NumberFormat", "ColumnWidth", "WrapText", "HorizontalAlignment", "Row", "Column", "Font", "Interior", "Validation", "Select"],
    );
  }
}
