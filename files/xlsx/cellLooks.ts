import { looksLikeFormula, type RangeStyle, type SheetOut } from "../../lib/format";
import { parseRange } from "./range";

/** What a cell looks like once every RangeStyle over it is applied, later ones over earlier ones. */
export interface CellLook {
  numberFormat?: string;
  /** "#RRGGBB" */
  fill?: string;
  bold?: boolean;
  /** "#RRGGBB" */
  fontColor?: string;
  wrap?: boolean;
  horizontal?: "left" | "center" | "right";
  /** Set with any alignment, as the ExcelJS path does: wrapped or aligned text is centred vertically. */
  verticalCentre?: boolean;
  /**
   * Excel's quote prefix (the leading apostrophe): the cell holds text that would be a formula if typed (= + - @), and
   * stays text when the user edits it and presses Enter.
   */
  quotePrefix?: boolean;
}

/** The distinct looks of all output sheets; id 0 is the plain look (no style). Sheets share one table: one xf per look. */
export class LookTable {
  readonly looks: CellLook[] = [{}];
  private readonly ids = new Map<string, number>([[lookKey({}), 0]]);

  /** The id of a look, added when new. */
  idOf(look: CellLook): number {
    const key = lookKey(look);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.looks.length;
      this.looks.push(look);
      this.ids.set(key, id);
    }
    return id;
  }
}

/** The looks of one sheet's cells: a row-major grid of look ids over `rows` × `columns` (0: plain). */
export interface SheetLooks {
  rows: number;
  columns: number;
  ids: Uint32Array;
}

/**
 * Applies a sheet's range styles in order to a grid of look ids. Each (look, style) pair is composed once and
 * remembered, so a style over 100,000 cells costs 100,000 array reads rather than as many new objects (计算说明 of
 * 10,000 units has 15,000 styles over 1.3 million cells).
 */
export function sheetLooks(out: SheetOut, table: LookTable, formulaLike: FormulaLikeTexts = "quote"): SheetLooks {
  const rowCount = out.rows.length;
  const boxes = out.format.styles.map((style) => parseRange(style.range, rowCount));
  let rows = rowCount;
  let columns = 0;
  for (const row of out.rows) columns = Math.max(columns, row.length);
  for (const box of boxes) {
    rows = Math.max(rows, box.bottom);
    columns = Math.max(columns, box.right);
  }
  const ids = new Uint32Array(rows * columns);
  // The look each look becomes under a style, by look id (undefined: not composed yet), kept for every style of the
  // same properties: 15,000 styles of 计算说明 come in a handful of kinds (bold, a fill …), each composed once per look.
  const composedBy = new Map<string, number[]>();
  out.format.styles.forEach((style, index) => {
    const box = boxes[index];
    if (box === undefined) return;
    const kind = styleKind(style);
    let composed = composedBy.get(kind);
    if (composed === undefined) {
      composed = [];
      composedBy.set(kind, composed);
    }
    for (let row = box.top; row <= box.bottom; row += 1) {
      const rowStart = (row - 1) * columns - 1;
      for (let at = rowStart + box.left; at <= rowStart + box.right; at += 1) {
        const before = ids[at] as number;
        let after = composed[before] ?? -1;
        if (after === -1) {
          after = table.idOf(composeLook(table.looks[before] ?? {}, style));
          composed[before] = after;
        }
        ids[at] = after;
      }
    }
  });
  if (formulaLike === "quote") quoteFormulaLikeTexts(out.rows, columns, ids, table);
  return { rows, columns, ids };
}

/**
 * Whether sheetLooks looks for texts that look like a formula and gives their cells the quote prefix ("quote"), or
 * leaves that out ("assumeNone"): the writer then has to refuse any such text it meets (see formulaLike and
 * graftOutputSheets), since its cell would lack the prefix.
 */
export type FormulaLikeTexts = "quote" | "assumeNone";

/** Whether a text looks like a formula (looksLikeFormula), the first character checked first: most texts stop there. */
export function formulaLike(text: string): boolean {
  return formulaStart(text.charCodeAt(0)) && looksLikeFormula(text);
}

/** Each cell holding text that looks like a formula gets its look with the quote prefix. */
function quoteFormulaLikeTexts(rows: SheetOut["rows"], columns: number, ids: Uint32Array, table: LookTable): void {
  const quoted = new Map<number, number>();
  for (let row = 0; row < rows.length; row += 1) {
    const values = rows[row] ?? [];
    for (let column = 0; column < values.length; column += 1) {
      const value = values[column];
      // Only a text whose first character is = + - or @ can look like a formula: the rest are passed over cheaply.
      if (typeof value !== "string" || !formulaStart(value.charCodeAt(0)) || !looksLikeFormula(value)) continue;
      const at = row * columns + column;
      const before = ids[at] ?? 0;
      let after = quoted.get(before);
      if (after === undefined) {
        after = table.idOf({ ...(table.looks[before] ?? {}), quotePrefix: true });
        quoted.set(before, after);
      }
      ids[at] = after;
    }
  }
}

/** = + - @ : the characters a formula-like text begins with (looksLikeFormula has the rule). */
function formulaStart(code: number): boolean {
  return code === 0x3d || code === 0x2b || code === 0x2d || code === 0x40;
}

/** The properties of a range style that composeLook reads (all but its range), as one text; undefined kept apart from "". */
function styleKind(style: RangeStyle): string {
  return JSON.stringify([style.numberFormat, style.fill, style.bold, style.fontColor, style.wrap, style.horizontal]);
}

/** A look with one range style laid over it, property by property, as the ExcelJS path (applyStyle) does. */
export function composeLook(look: CellLook, style: RangeStyle): CellLook {
  const next: CellLook = { ...look };
  if (style.numberFormat !== undefined) next.numberFormat = style.numberFormat;
  if (style.fill !== undefined) next.fill = style.fill.toUpperCase();
  if (style.bold !== undefined) next.bold = style.bold;
  if (style.fontColor !== undefined) next.fontColor = style.fontColor.toUpperCase();
  if (style.wrap !== undefined) next.wrap = style.wrap;
  if (style.horizontal !== undefined) next.horizontal = style.horizontal;
  if (style.wrap !== undefined || style.horizontal !== undefined) next.verticalCentre = true;
  return next;
}

function lookKey(look: CellLook): string {
  return [look.numberFormat ?? "", look.fill ?? "", look.bold ?? "", look.fontColor ?? "", look.wrap ?? "", look.horizontal ?? "", look.verticalCentre ?? "", look.quotePrefix ?? ""].join("\u0000");
}
