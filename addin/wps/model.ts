/**
 * The part of WPS 表格's JavaScript object model (WPS 加载项 JSAPI, `wps.EtApplication()`) that the host uses. It is
 * VBA's model, synchronous: collections are read with Item(…) (1-based or by name), methods need their parentheses,
 * and a property assigned is written at once. Only documented members are listed; a fake in fakes/wps.ts refuses any
 * other, so the host cannot come to depend on one by accident.
 */
export interface WpsFont {
  Bold: boolean;
}

export interface WpsInterior {
  /** Colour as VBA's RGB(): red + green × 256 + blue × 65536. */
  Color: number;
}

export interface WpsValidation {
  Add(Type: number, AlertStyle?: number, Operator?: number, Formula1?: string): void;
  Delete(): void;
}

export interface WpsRange {
  /** A single cell's value, or rows of values for a block (Value2: dates as serial numbers, no currency type). */
  Value2: unknown;
  NumberFormat: unknown;
  ColumnWidth: unknown;
  WrapText: unknown;
  HorizontalAlignment: unknown;
  /** 1-based row and column of the range's top-left cell. */
  readonly Row: number;
  readonly Column: number;
  readonly Font: WpsFont;
  readonly Interior: WpsInterior;
  readonly Validation: WpsValidation;
  Select(): unknown;
}

export interface WpsWorksheet {
  Name: string;
  /** xlSheetVisible −1, xlSheetHidden 0, xlSheetVeryHidden 2. */
  Visible: number;
  readonly UsedRange: WpsRange;
  Range(address: string): WpsRange;
  Activate(): unknown;
  Delete(): unknown;
}

export interface WpsSheets {
  readonly Count: number;
  Item(index: number | string): WpsWorksheet;
  /** Sheets.Add(Before, After, Count, Type): the new sheet goes after `After` when given. */
  Add(Before?: WpsWorksheet, After?: WpsWorksheet, Count?: number, Type?: number): WpsWorksheet;
}

export interface WpsWorkbook {
  readonly Sheets: WpsSheets;
}

export interface WpsApplication {
  /** null when no workbook is open. */
  readonly ActiveWorkbook: WpsWorkbook | null;
  /** false: deleting a sheet asks nothing (restored after). */
  DisplayAlerts: boolean;
}

/** VBA's constants the host writes (XlHAlign, XlDVType, XlDVAlertStyle). */
export const XL = {
  center: -4108,
  left: -4131,
  validateList: 3,
  alertStop: 1,
  sheetVisible: -1,
} as const;
