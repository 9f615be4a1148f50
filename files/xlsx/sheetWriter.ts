/**
 * An output sheet (SheetOut) as worksheet XML, written directly as UTF-8 bytes (xmlBytes.ts): no spreadsheet library
 * object, and not even a string, per cell, so 650,000 cells of 计算说明 cost their bytes. The XML comes in chunks of
 * about a megabyte, so that it can be compressed while the rest is still being written, and never all sits in memory
 * at once.
 *
 * Texts are inline strings (t="inlineStr"): the workbook's shared-string part, which the input sheets index into,
 * stays as it was, and a second run does not leave the first run's texts behind in it. The rare text that needs a
 * file-format escape (one that holds "_x000D_" or a control character) goes to the shared strings instead, through
 * `sharedIndex`: readers decode those escapes there (Excel, LibreOffice, ExcelJS), while ExcelJS leaves an inline
 * string's escapes as they are written.
 */
import { VALIDATION_ERROR_TITLE } from "./messages";
import { columnName } from "../../lib/grid";
import type { DecimalValidation, ListValidation, SheetFormat, SheetOut } from "../../lib/format";
import { formulaLike, type SheetLooks } from "./cellLooks";
import { inlineList } from "./format";
import { pageSetUpProperties, printXml } from "./printXml";
import { boxAddress, parseRange } from "./range";
import { argb, MAIN_NAMESPACE } from "./styles";
import { xmlAttribute, xmlText } from "./xmlEdit";
import { Markup, XmlBytes } from "./xmlBytes";

/** How one sheet is written besides its values. */
export interface SheetXmlOptions {
  /** Cell format (xf) index by look id. */
  xfOf: readonly number[];
  /** Shared-string index of a text that needs an escape (see needsEscape); the caller put every such text of the outputs there. */
  sharedIndex: (text: string) => number;
  /** The spreadsheet namespace of the workbook (transitional unless the workbook is Strict). */
  namespace?: string;
  /** This sheet is the selected tab. */
  tabSelected?: boolean;
  /**
   * Called with a text that looks like a formula when the looks were worked out without looking for those
   * (sheetLooks' "assumeNone"): it throws, since the cell would lack its quote prefix (see graftOutputSheets).
   */
  formulaLikeFound?: (text: string) => never;
}

/** The worksheet XML of one output sheet, as UTF-8 in chunks of about a megabyte (see xmlBytes.ts). */
export function* sheetXmlPieces(out: SheetOut, looks: SheetLooks, options: SheetXmlOptions): Generator<Uint8Array> {
  const xml = new XmlBytes();
  xml.text(
    [
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${options.namespace ?? MAIN_NAMESPACE}">`,
      sheetProperties(out.format),
      dimension(looks),
      sheetViews(out.format, options.tabSelected === true),
      out.format.defaultRowHeight === undefined ? "" : `<sheetFormatPr defaultRowHeight="${out.format.defaultRowHeight}" customHeight="1"/>`,
      columns(out.format.columnWidths),
      "<sheetData>",
    ].join(""),
  );
  yield* sheetRows(xml, out.rows, looks, options, out.format);
  xml.text(`</sheetData>${dataValidations(out.format.validations, out.format.decimalValidations ?? [], out.rows.length)}${printXml(out.format.print)}</worksheet>`);
  yield xml.take();
}

/** The whole worksheet XML of one output sheet as one text (for tests and small sheets). */
export function sheetXml(out: SheetOut, looks: SheetLooks, options: SheetXmlOptions): string {
  const decoder = new TextDecoder();
  return [...sheetXmlPieces(out, looks, options)].map((piece) => decoder.decode(piece)).join("");
}

/** Whether a text changes under escapeText (it holds "_x" + four hex digits + "_", or a character XML cannot hold). */
export function needsEscape(text: string): boolean {
  return ESCAPE_NEEDED.test(text);
}
// The characters escape.ts's escapeText rewrites; the tests check that both agree.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const ESCAPE_NEEDED = /_x[0-9A-Fa-f]{4}_|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

function sheetProperties(format: SheetFormat): string {
  const tab = format.tabColor === undefined ? "" : `<tabColor rgb="${argb(format.tabColor)}"/>`;
  const inner = tab + pageSetUpProperties(format.print);
  return inner === "" ? "" : `<sheetPr>${inner}</sheetPr>`;
}

/**
 * The end of the row tag of each row taller than the default, by 0-based row (a later height for the same row wins),
 * as markup: `" ht="30" customHeight="1">`.
 */
function rowHeightsOf(format: SheetFormat, rows: number): (Markup | undefined)[] {
  const heights: (Markup | undefined)[] = new Array<Markup | undefined>(rows).fill(undefined);
  const prepared = new Map<number, Markup>();
  for (const { row, height } of format.rowHeights ?? []) {
    if (!(row >= 0 && row < rows)) continue;
    let markup = prepared.get(height);
    if (markup === undefined) {
      markup = Markup.of(`" ht="${height}" customHeight="1">`);
      prepared.set(height, markup);
    }
    heights[row] = markup;
  }
  return heights;
}

function dimension(looks: SheetLooks): string {
  return looks.rows === 0 || looks.columns === 0 ? "" : `<dimension ref="A1:${columnName(looks.columns - 1)}${looks.rows}"/>`;
}

/** The frozen pane as ExcelJS writes it: the pane, and the selection in the pane that scrolls. */
function sheetViews(format: SheetFormat, tabSelected: boolean): string {
  const selected = tabSelected ? ' tabSelected="1"' : "";
  const { frozenRows: ySplit, frozenColumns: xSplit } = format;
  if (xSplit <= 0 && ySplit <= 0) return `<sheetViews><sheetView${selected} workbookViewId="0"/></sheetViews>`;
  const activePane = xSplit > 0 && ySplit > 0 ? "bottomRight" : ySplit > 0 ? "bottomLeft" : "topRight";
  const splits = `${xSplit > 0 ? ` xSplit="${xSplit}"` : ""}${ySplit > 0 ? ` ySplit="${ySplit}"` : ""}`;
  const topLeft = `${columnName(Math.max(xSplit, 0))}${Math.max(ySplit, 0) + 1}`;
  return `<sheetViews><sheetView${selected} workbookViewId="0"><pane${splits} topLeftCell="${topLeft}" activePane="${activePane}" state="frozen"/><selection pane="${activePane}"/></sheetView></sheetViews>`;
}

/** Column widths in characters; neighbours of equal width share one <col>, as Excel writes them. */
function columns(widths: readonly number[]): string {
  const cols: string[] = [];
  let index = 0;
  while (index < widths.length) {
    const width = widths[index];
    let last = index;
    while (last + 1 < widths.length && widths[last + 1] === width) last += 1;
    if (width !== undefined && Number.isFinite(width) && width > 0) {
      cols.push(`<col min="${index + 1}" max="${last + 1}" width="${width}" customWidth="1"/>`);
    }
    index = last + 1;
  }
  return cols.length === 0 ? "" : `<cols>${cols.join("")}</cols>`;
}

// The markup the cells repeat, prepared once.
const ROW_OPEN = Markup.of('<row r="');
const ROW_CLOSE = Markup.of("</row>");
const QUOTE_CLOSE = Markup.of('">');
const INLINE_CLOSE = Markup.of("</t></is></c>");
const VALUE_CLOSE = Markup.of("</v></c>");

/** What follows a cell's reference (`<c r="E2`) for each kind of value, for one cell format. */
interface CellMarkup {
  text: Markup;
  number: Markup;
  truth: Markup;
  untruth: Markup;
  blank: Markup;
}

function cellMarkup(xf: number): CellMarkup {
  const style = xf === 0 ? '"' : `" s="${xf}"`;
  return {
    text: Markup.of(`${style} t="inlineStr"><is><t>`),
    number: Markup.of(`${style}><v>`),
    truth: Markup.of(`${style} t="b"><v>1</v></c>`),
    untruth: Markup.of(`${style} t="b"><v>0</v></c>`),
    blank: Markup.of(`${style}/>`),
  };
}

/**
 * The rows, written into `xml`; a chunk is handed on after any row that fills one. A row is written when it has a
 * cell to write or a height of its own.
 */
function* sheetRows(xml: XmlBytes, rows: SheetOut["rows"], looks: SheetLooks, options: SheetXmlOptions, format: SheetFormat): Generator<Uint8Array> {
  const cellOpen = Array.from({ length: looks.columns }, (_, column) => Markup.of(`<c r="${columnName(column)}`));
  const xfOf = options.xfOf;
  const markup = xfOf.map((xf) => cellMarkup(xf));
  const plain = cellMarkup(0);
  const heights = rowHeightsOf(format, looks.rows);
  const { ids, columns } = looks;
  const number = new RowNumber();
  const formulaLikeFound = options.formulaLikeFound;
  for (let row = 0; row < looks.rows; row += 1) {
    const values = rows[row] ?? NO_VALUES;
    number.next();
    const { digits, start: digitsStart } = number;
    const height = heights[row];
    const rowStart = xml.at;
    xml.markup(ROW_OPEN);
    xml.digits(digits, digitsStart);
    xml.markup(height ?? QUOTE_CLOSE);
    const cellsStart = xml.at;
    const first = row * columns;
    for (let column = 0; column < columns; column += 1) {
      const value = values[column] ?? null;
      const look = ids[first + column] as number;
      const xf = xfOf[look] ?? 0;
      // An empty text is a blank, as in the ExcelJS path: a cell holding "" looks empty but counts as filled (COUNTA).
      if ((value === null || value === "") && xf === 0) continue;
      const after = xf === 0 ? plain : (markup[look] ?? cellMarkup(xf));
      xml.markup(cellOpen[column] as Markup);
      xml.digits(digits, digitsStart);
      // Never a formula: text is text, whatever it begins with.
      if (typeof value === "string" && value !== "") {
        if (formulaLikeFound !== undefined && formulaLike(value)) formulaLikeFound(value);
        // Most texts need nothing done: written as they are while checked, in one pass.
        const start = xml.at;
        xml.markup(after.text);
        if (xml.plainText(value)) {
          xml.markup(INLINE_CLOSE);
        } else {
          xml.at = start;
          xml.text(textCellRest(value, xf, options.sharedIndex));
        }
      } else if (typeof value === "number") {
        xml.markup(after.number);
        xml.ascii(numberText(value));
        xml.markup(VALUE_CLOSE);
      } else if (typeof value === "boolean") {
        xml.markup(value ? after.truth : after.untruth);
      } else {
        xml.markup(after.blank);
      }
    }
    if (xml.at === cellsStart && height === undefined) xml.at = rowStart;
    else xml.markup(ROW_CLOSE);
    if (xml.full) yield xml.take();
  }
}

/** The values of a row the sheet does not have (its looks may still give it cells). */
const NO_VALUES: SheetOut["rows"][number] = [];

/**
 * Row numbers 1, 2, 3 … as ASCII digits, each made from the last by adding one (no text per row, and a row's number
 * is written once per cell).
 */
class RowNumber {
  /** The digits, least significant last, from `start` on (zeros before it). */
  readonly digits = new Uint8Array(16).fill(0x30);
  start = 15;

  next(): void {
    const digits = this.digits;
    let at = digits.length - 1;
    while (digits[at] === 0x39) {
      digits[at] = 0x30;
      at -= 1;
    }
    digits[at] = (digits[at] as number) + 1;
    if (at < this.start) this.start = at;
  }
}

/** A text cell after its reference, the careful way: an escape (through the shared strings), entities, kept spaces. */
function textCellRest(value: string, xf: number, sharedIndex: (text: string) => number): string {
  const style = xf === 0 ? '"' : `" s="${xf}"`;
  if (!NOT_PLAIN.test(value)) return `${style} t="inlineStr"><is><t>${value}</t></is></c>`;
  if (needsEscape(value)) return `${style} t="s"><v>${sharedIndex(value)}</v></c>`;
  const space = keepsSpaces(value) ? ' xml:space="preserve"' : "";
  return `${style} t="inlineStr"><is><t${space}>${xmlText(value)}</t></is></c>`;
}

// Anything that makes a text more than itself inside <t>: an escape, an entity, white space at an end, a line break or tab.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_PLAIN = /_x[0-9A-Fa-f]{4}_|[\u0000-\u001f\ufffe\uffff&<>]|^ | $/;

/** Whether a text begins or ends with XML white space or holds a line break or tab, which Excel keeps only when told. */
function keepsSpaces(text: string): boolean {
  return isXmlSpace(text.charCodeAt(0)) || isXmlSpace(text.charCodeAt(text.length - 1)) || text.includes("\n") || text.includes("\t");
}

function isXmlSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

/** A number as the file holds it: JavaScript's shortest text for it, which is the value the library computed. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`sheetXml: ${value} is not a number a cell can hold`);
  return String(value);
}

/** Drop-down lists, each kept inline as one quoted formula (see inlineList); one Excel cannot hold is left out. */
function dataValidations(validations: readonly ListValidation[], decimals: readonly DecimalValidation[], rowCount: number): string {
  const written: string[] = [];
  for (const validation of decimals) {
    const sqref = boxAddress(parseRange(validation.range, rowCount));
    written.push(
      `<dataValidation type="decimal" operator="between" allowBlank="1" showErrorMessage="1" errorStyle="warning" errorTitle="${xmlAttribute(VALIDATION_ERROR_TITLE)}" error="${xmlAttribute(validation.prompt)}" sqref="${sqref}"><formula1>${validation.min}</formula1><formula2>${validation.max}</formula2></dataValidation>`,
    );
  }
  for (const validation of validations) {
    const formula = inlineList(validation.list);
    if (formula === null) continue;
    const sqref = boxAddress(parseRange(validation.range, rowCount));
    const errorStyle = validation.strict === false ? "warning" : "stop";
    written.push(
      `<dataValidation type="list" allowBlank="1" showErrorMessage="1" errorStyle="${errorStyle}" errorTitle="${xmlAttribute(VALIDATION_ERROR_TITLE)}" error="${xmlAttribute(validation.prompt)}" sqref="${sqref}"><formula1>${xmlText(formula)}</formula1></dataValidation>`,
    );
  }
  return written.length === 0 ? "" : `<dataValidations count="${written.length}">${written.join("")}</dataValidations>`;
}
