/**
 * One worksheet part read in a single forward scan: the cells as the user sees them, merges, hidden rows and columns.
 * Every rule below is ExcelJS's (xlsx/xform/sheet/*.js, doc/worksheet.js), so that the fast reader and the library
 * reader give the same grids; where ExcelJS would fail on a file or read it some way we cannot be sure to repeat,
 * this module throws UnsupportedXmlError and the caller reads the file with ExcelJS instead.
 * Elements are matched by local name, so prefixed parts (<x:c>) read too.
 */
import type { CellValue } from "../../lib/grid";
import { columnName, parseA1Range } from "../../lib/grid";
import { readRun } from "./partsXml";
import { decodeEntities, UnsupportedXmlError, XmlTokenizer } from "./xmlScan";

/** What a sheet needs from the rest of the workbook. */
export interface SheetContext {
  /** Shared strings (null for an item without text); null when the workbook has no shared strings part. */
  sharedStrings: readonly (string | null)[] | null;
  /** By cell style index: a number in that style is a date. */
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** A sheet's grid and layout, as lib/grid.ts SheetGrid without the name. */
export interface SheetContent {
  rows: CellValue[][];
  merged: string[];
  hiddenRows: number[];
  hiddenColumns: number[];
}

interface ColumnDefinition {
  min: number;
  max: number;
  hidden: boolean;
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * Reads one worksheet part.
 * @throws UnsupportedXmlError when the part holds something this reader does not repeat exactly (see the module comment).
 */
export function readSheetXml(xml: string, context: SheetContext): SheetContent {
  const tokens = new XmlTokenizer(xml);
  const rows: CellValue[][] = [];
  const hiddenByRow: boolean[] = [];
  let columns: ColumnDefinition[] = [];
  let merges: Merge[] = [];
  let sheetDataSeen = false;
  let depth = 0;
  while (tokens.next()) {
    if (tokens.closing) {
      depth -= 1;
      continue;
    }
    if (depth === 0 && tokens.name !== "worksheet") throw new UnsupportedXmlError(`<${tokens.name}> is not a worksheet`);
    if (depth === 1 && tokens.name === "sheetData") {
      if (sheetDataSeen) throw new UnsupportedXmlError("two <sheetData>");
      sheetDataSeen = true;
      if (!tokens.selfClosing) readSheetData(tokens, context, rows, hiddenByRow);
      continue;
    }
    if (depth === 1 && tokens.name === "cols") {
      columns = tokens.selfClosing ? [] : readColumns(tokens);
      continue;
    }
    if (depth === 1 && tokens.name === "mergeCells") {
      merges = tokens.selfClosing ? [] : readMerges(tokens);
      continue;
    }
    if (!tokens.selfClosing) depth += 1;
  }
  clearMergedCells(rows, merges);
  return {
    rows: denseRows(rows),
    merged: merges.map(mergeText),
    hiddenRows: indicesOf(hiddenByRow),
    hiddenColumns: hiddenColumnIndices(columns),
  };
}

/** Rows of <sheetData>; the tokenizer ends on </sheetData>. A later row with the same number replaces an earlier one. */
const ROW_ATTRIBUTES = ["r", "hidden"] as const;
const CELL_ATTRIBUTES = ["r", "s", "t"] as const;

function readSheetData(tokens: XmlTokenizer, context: SheetContext, rows: CellValue[][], hiddenByRow: boolean[]): void {
  let previousRow = 0;
  const found: (string | undefined)[] = [];
  const row: RowCells = { values: [], length: 0 };
  while (tokens.next()) {
    if (tokens.closing) {
      if (tokens.name === "sheetData") return;
      continue;
    }
    if (tokens.name !== "row") throw new UnsupportedXmlError(`<${tokens.name}> in <sheetData>`);
    tokens.attributeValues(ROW_ATTRIBUTES, found);
    const [reference, hidden] = found;
    // A row without r follows the previous one (ExcelJS would drop it and its cells).
    const number = reference === undefined ? previousRow + 1 : parseInt(reference, 10);
    if (!Number.isInteger(number) || number < 1) throw new UnsupportedXmlError(`row number ${reference ?? ""}`);
    previousRow = number;
    hiddenByRow[number - 1] = isTrue(hidden);
    row.length = 0;
    if (!tokens.selfClosing) readRow(tokens, context, row);
    // One array of the row's own length (not one grown cell by cell, copied again and again on the way).
    rows[number - 1] = row.values.slice(0, row.length);
  }
  throw new UnsupportedXmlError("<sheetData> is not closed");
}

/** ExcelJS utils.parseBoolean. */
function isTrue(value: string | undefined): boolean {
  return value === "1" || value === "true";
}

/**
 * Cells of one <row>; the tokenizer ends on </row>. A cell without r takes the column after the previous cell
 * ExcelJS keeps (one with a value, a formula or a style), else after the previous cell, else column A.
 * The usual cell (unprefixed, its attributes plain, no content or one non-empty <v>) is read by {@link readPlainCell}
 * straight from the XML; any other cell, and any other markup, goes through the tokenizer as before.
 */
function readRow(tokens: XmlTokenizer, context: SheetContext, cells: RowCells): void {
  const { xml } = tokens;
  let previousKept = 0;
  let previousAny = 0;
  const found: (string | undefined)[] = [];
  const attributes: CellAttributes = { column: 0, style: "", type: undefined };
  const cell: CellRead = { value: null, kept: false };
  const plain: PlainCell = { column: 0, value: null, kept: false };
  for (;;) {
    let at = tokens.end;
    // White space between cells (a pretty-printed part) is skipped, as the tokenizer skips any text there.
    while (isSpace(xml.charCodeAt(at))) at += 1;
    if (xml.charCodeAt(at) === LT) {
      const second = xml.charCodeAt(at + 1);
      if (second === LETTER_C) {
        const after = readPlainCell(xml, at, context, plain);
        if (after !== -1) {
          tokens.end = after;
          const column = plain.column === 0 ? (previousKept || previousAny) + 1 : plain.column;
          previousAny = column;
          if (plain.kept) previousKept = column;
          if (plain.value !== null && plain.value !== "") putCell(cells, column, plain.value);
          continue;
        }
      } else if (second === SLASH && xml.startsWith("</row>", at)) {
        tokens.end = at + 6;
        return;
      }
    }
    if (!tokens.next()) break;
    if (tokens.closing) {
      if (tokens.name === "row") return;
      continue;
    }
    // ExcelJS ends the row at the end of any other element in it.
    if (tokens.name !== "c") throw new UnsupportedXmlError(`<${tokens.name}> in a row`);
    readCellAttributes(tokens, found, attributes);
    const column = attributes.column === 0 ? (previousKept || previousAny) + 1 : attributes.column;
    previousAny = column;
    readCell(tokens, attributes.type, attributes.style, context, cell);
    if (cell.kept) previousKept = column;
    // A formula giving "" shows an empty cell, and that is what the user sees.
    if (cell.value !== null && cell.value !== "") putCell(cells, column, cell.value);
  }
  throw new UnsupportedXmlError("<row> is not closed");
}

/**
 * The cells of the row being read, in an array reused from row to row: `length` of its values belong to this row.
 * The row is kept dense (a missing cell is null, which no read value is) so that it stays a packed array.
 */
interface RowCells {
  values: CellValue[];
  length: number;
}

/** Sets a cell's value in the row being read; a later cell of the same column replaces the earlier one. */
function putCell(row: RowCells, column: number, value: CellValue): void {
  const index = column - 1;
  const { values } = row;
  if (index < row.length) {
    values[index] = value;
    return;
  }
  for (let gap = row.length; gap < index; gap += 1) values[gap] = null;
  values[index] = value;
  row.length = index + 1;
}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const EQUALS = 61; // =
const QUOTE = 34; // "
const APOSTROPHE = 39; // '
const AMPERSAND = 38; // &
const LETTER_C = 99; // c
const LETTER_R = 114; // r
const LETTER_S = 115; // s
const LETTER_T = 116; // t
const LETTER_V = 118; // v
const DIGIT_0 = 48;
const DIGIT_9 = 57;
const MINUS = 45; // -
const DOT = 46; // .

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** A cell read by {@link readPlainCell}: column 0 when it has no r; reused from cell to cell. */
interface PlainCell {
  column: number;
  value: CellValue;
  kept: boolean;
}

/**
 * Reads the usual cell straight from the XML at `at` (its "<"): an unprefixed <c> whose r, s and t are plain (a cell
 * reference, digits, one of the known types; each at most once; quoted either way, spaces anywhere XML allows them),
 * empty (<c …/> or <c …></c>) or holding exactly one non-empty <v> with nothing around it. No string is made for the
 * attributes, and a number or a shared string's index is read from the digits themselves.
 * Returns the index after the cell, or -1, having changed nothing, for any other shape: the caller then reads the
 * cell through the tokenizer, the general way (entities, formulas, inline strings, anything unusual).
 */
function readPlainCell(xml: string, at: number, context: SheetContext, out: PlainCell): number {
  let index = at + 2;
  let code = xml.charCodeAt(index);
  if (!isSpace(code) && code !== GT && code !== SLASH) return -1;
  let column = 0;
  let style = 0;
  let type: string | undefined;
  let seen = 0;
  let selfClosing = false;
  for (;;) {
    while (isSpace(code)) code = xml.charCodeAt((index += 1));
    if (code === GT) {
      index += 1;
      break;
    }
    if (code === SLASH) {
      if (xml.charCodeAt(index + 1) !== GT) return -1;
      index += 2;
      selfClosing = true;
      break;
    }
    const nameStart = index;
    while (code !== EQUALS && code !== GT && code !== SLASH && !isSpace(code)) {
      if (Number.isNaN(code) || code === QUOTE || code === APOSTROPHE || code === LT) return -1;
      code = xml.charCodeAt((index += 1));
    }
    const nameEnd = index;
    while (isSpace(code)) code = xml.charCodeAt((index += 1));
    if (code !== EQUALS || nameEnd === nameStart) return -1;
    code = xml.charCodeAt((index += 1));
    while (isSpace(code)) code = xml.charCodeAt((index += 1));
    if (code !== QUOTE && code !== APOSTROPHE) return -1;
    const quote = code;
    const valueStart = index + 1;
    const name = nameEnd - nameStart === 1 ? xml.charCodeAt(nameStart) : 0;
    // r, s and t at most once each: a repeated one (not well-formed XML) goes the general way, as it always has.
    const bit = name === LETTER_R ? 1 : name === LETTER_S ? 2 : name === LETTER_T ? 4 : 0;
    if ((seen & bit) !== 0) return -1;
    seen |= bit;
    index = valueStart;
    code = xml.charCodeAt(index);
    if (bit === 1) {
      // A cell reference: one to three capital letters, then digits (read in the same pass as the closing quote is found).
      for (; code >= 65 && code <= 90; code = xml.charCodeAt((index += 1))) column = column * 26 + (code - 64);
      const letters = index - valueStart;
      if (letters === 0 || letters > 3) return -1;
      const digitsStart = index;
      while (code >= DIGIT_0 && code <= DIGIT_9) code = xml.charCodeAt((index += 1));
      if (index === digitsStart || code !== quote) return -1;
    } else if (bit === 2) {
      for (; code >= DIGIT_0 && code <= DIGIT_9; code = xml.charCodeAt((index += 1))) style = style * 10 + (code - DIGIT_0);
      if (index === valueStart || index - valueStart > 9 || code !== quote) return -1;
    } else {
      while (code !== quote) {
        if (Number.isNaN(code)) return -1;
        code = xml.charCodeAt((index += 1));
      }
      if (bit === 4) {
        type = knownType(xml, valueStart, index);
        if (type === undefined) return -1;
      }
    }
    code = xml.charCodeAt((index += 1));
  }
  // ExcelJS's style 0 is no style; a number in a date style is a date.
  const styled = style !== 0;
  code = xml.charCodeAt(index);
  if (selfClosing || (code === LT && xml.charCodeAt(index + 1) === SLASH && xml.charCodeAt(index + 2) === LETTER_C && xml.charCodeAt(index + 3) === GT)) {
    out.column = column;
    out.value = null;
    out.kept = styled;
    return selfClosing ? index : index + 4; // after "</c>"
  }
  if (code !== LT || xml.charCodeAt(index + 1) !== LETTER_V || xml.charCodeAt(index + 2) !== GT) return -1;
  // The text of <v>, up to the next "<"; read as a number at the same time (sign, digits, one point).
  const textStart = index + 3;
  let textEnd = textStart;
  let next = xml.charCodeAt(textEnd);
  const negative = next === MINUS;
  if (negative) next = xml.charCodeAt((textEnd += 1));
  let whole = 0;
  let digits = 0;
  let decimals = -1;
  let plain = true;
  while (next !== LT) {
    if (next >= DIGIT_0 && next <= DIGIT_9) {
      whole = whole * 10 + (next - DIGIT_0);
      digits += 1;
      if (decimals !== -1) decimals += 1;
    } else if (next === DOT && decimals === -1) {
      decimals = 0;
    } else {
      if (Number.isNaN(next)) return -1;
      plain = false;
    }
    next = xml.charCodeAt((textEnd += 1));
  }
  // Then exactly "</v></c>".
  if (
    textEnd === textStart ||
    xml.charCodeAt(textEnd + 1) !== SLASH ||
    xml.charCodeAt(textEnd + 2) !== LETTER_V ||
    xml.charCodeAt(textEnd + 3) !== GT ||
    xml.charCodeAt(textEnd + 4) !== LT ||
    xml.charCodeAt(textEnd + 5) !== SLASH ||
    xml.charCodeAt(textEnd + 6) !== LETTER_C ||
    xml.charCodeAt(textEnd + 7) !== GT
  ) {
    return -1;
  }
  let value: CellValue;
  if (type === undefined || type === "n") {
    // Plain digits (at most 15, a point not last) read as EXACT_POWERS_OF_TEN says; anything else from the text itself
    // (an exponent, entities, spaces), as the general way reads it.
    const read =
      plain && digits > 0 && digits <= 15 && decimals !== 0
        ? decimals === -1 ? signed(negative, whole) : fractionValue(negative, whole, decimals)
        : parseFloat(textOf(xml, textStart, textEnd));
    value = styled && context.dateStyles[style] === true ? excelToDate(read, context.date1904) : read;
  } else if (type === "s") {
    value = plain && !negative && decimals === -1 && digits > 0 && digits <= 9 ? sharedStringAt(whole, context) : sharedString(textOf(xml, textStart, textEnd), context);
  } else {
    value = plainValue(type, textOf(xml, textStart, textEnd), undefined, styled && context.dateStyles[style] === true, context);
  }
  out.column = column;
  out.value = value;
  out.kept = true;
  return textEnd + 8; // after "</v></c>"
}

/**
 * Numbers with a fraction, by spelling (sign, digits, places), the last few thousand: a sheet repeats the same few
 * scores (0.5, 2.5 …) hundreds of thousands of times, and each repeat then shares one number instead of making its
 * own (about 6 MB fewer live objects, and less garbage-collection work, on the 10,000-unit bench). A slot holds one
 * spelling at a time; its key is exact (below 2^53) and tells every spelling apart, so a hit is always the same double.
 */
const FRACTION_SLOTS = 4096;
const fractionKeys = new Float64Array(FRACTION_SLOTS).fill(-1);
const fractionValues: unknown[] = new Array<unknown>(FRACTION_SLOTS).fill(0);

/** The double of ±whole / 10^places (see EXACT_POWERS_OF_TEN), shared with earlier cells of the same spelling. */
function fractionValue(negative: boolean, whole: number, places: number): number {
  if (whole >= 2 ** 40) return signed(negative, whole / (EXACT_POWERS_OF_TEN[places] as number));
  const key = whole * 64 + places * 2 + (negative ? 1 : 0);
  const slot = (whole ^ (places << 7)) & (FRACTION_SLOTS - 1);
  if (fractionKeys[slot] === key) return fractionValues[slot] as number;
  const value = signed(negative, whole / (EXACT_POWERS_OF_TEN[places] as number));
  fractionKeys[slot] = key;
  fractionValues[slot] = value;
  return value;
}

function signed(negative: boolean, magnitude: number): number {
  return negative ? -magnitude : magnitude;
}

/** A cell's text as the tokenizer reads it: entities decoded, line ends normalised. */
function textOf(xml: string, start: number, end: number): string {
  const raw = xml.slice(start, end);
  for (let index = 0; index < raw.length; index += 1) {
    const code = raw.charCodeAt(index);
    if (code === AMPERSAND || code === 13) return decodeEntities(raw.replace(/\r\n?/g, "\n"));
  }
  return raw;
}

/** The cell types t may give, as the strings the general reader compares with; undefined for any other text. */
function knownType(text: string, start: number, end: number): string | undefined {
  const length = end - start;
  if (length === 1) {
    const code = text.charCodeAt(start);
    return code === LETTER_S ? "s" : code === 110 ? "n" : code === 98 ? "b" : code === 101 ? "e" : undefined;
  }
  if (length === 3 && text.startsWith("str", start)) return "str";
  if (length === 9 && text.startsWith("inlineStr", start)) return "inlineStr";
  return undefined;
}

/**
 * Powers of ten a double holds exactly (10^22 is the last). A number written as plain digits, at most 15 of them
 * (so below 2^53, exact as a double), divided by one of these is the same double as parseFloat of its text: one
 * division of two exact values rounds correctly, as parseFloat does (the "fast path" of every correct decimal-to-double
 * conversion). The cell's own figure reaches decimal.js as it always did: through this double.
 */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, power) => 10 ** power);

/** 1-based column of a cell reference such as "AB12"; anything else is refused. */
function columnOfReference(reference: string): number {
  const column = columnAt(reference, 0, reference.length);
  if (column === -1) throw new UnsupportedXmlError(`cell reference ${reference}`);
  return column;
}

/** 1-based column of the cell reference between two indices ("AB12"), or -1 when it is not one. */
function columnAt(text: string, start: number, end: number): number {
  let column = 0;
  let index = start;
  for (; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (index === start || index - start > 3 || index === end) return -1;
  for (; index < end; index += 1) {
    const code = text.charCodeAt(index);
    if (code < 48 || code > 57) return -1;
  }
  return column;
}

/** The attributes of a <c> the reader uses; column 0 when the cell has no r. Reused from cell to cell. */
interface CellAttributes {
  column: number;
  style: string | undefined;
  type: string | undefined;
}

/**
 * Reads r, s and t of the current <c>. The usual r (plain letters and digits) is read in place, without
 * making a string; anything else goes through the general attribute reader.
 */
function readCellAttributes(tokens: XmlTokenizer, found: (string | undefined)[], out: CellAttributes): void {
  tokens.attributeValues(CELL_ATTRIBUTES_WITHOUT_R, found);
  out.style = found[0];
  out.type = found[1];
  const { xml, attributesStart, attributesEnd } = tokens;
  const at = xml.indexOf(' r="', attributesStart);
  if (at !== -1 && at < attributesEnd) {
    const valueEnd = xml.indexOf('"', at + 4);
    const column = columnAt(xml, at + 4, valueEnd);
    if (column !== -1 && valueEnd < attributesEnd) {
      out.column = column;
      return;
    }
  }
  tokens.attributeValues(CELL_ATTRIBUTES, found);
  out.column = found[0] === undefined ? 0 : columnOfReference(found[0]);
}

const CELL_ATTRIBUTES_WITHOUT_R = ["s", "t"] as const;

/** One cell as read: reused from cell to cell of a row, so a big sheet makes no object per cell. */
interface CellRead {
  value: CellValue;
  /** ExcelJS keeps the cell (it is not of its "Merge" type): it has a value, a formula or a style. */
  kept: boolean;
}

/** One <c>, as ExcelJS's cell-xform reads it, into `cell`; the tokenizer ends on </c>. */
function readCell(tokens: XmlTokenizer, type: string | undefined, styleText: string | undefined, context: SheetContext, cell: CellRead): void {
  // ExcelJS reads s only when it is not empty, and style 0 (or a number it cannot read) is no style.
  const style = styleText ? parseInt(styleText, 10) : 0;
  const styled = style !== 0 && !Number.isNaN(style);
  const isDate = styled && context.dateStyles[style] === true;
  const simple = tokens.selfClosing ? undefined : simpleValue(tokens);
  if (simple !== undefined) {
    cell.value = plainValue(type, simple, undefined, isDate, context);
    cell.kept = true;
    return;
  }
  let formula = "";
  let shareType: string | undefined;
  let text: string | undefined;
  let runs: string[] | undefined;
  let current = "";
  if (!tokens.selfClosing) {
    while (tokens.next()) {
      const { name } = tokens;
      if (tokens.closing) {
        if (name === "c") break;
        if (name === "f" || name === "v" || name === "t" || name === "is") current = "";
      } else if (name === "r") {
        // A string before the runs makes ExcelJS fail on the file; let it say so.
        if (text !== undefined) throw new UnsupportedXmlError("text before rich text runs");
        (runs ??= []).push(readRun(tokens) ?? "");
        current = "";
      } else if (name === "f" || name === "v" || name === "t") {
        current = tokens.selfClosing ? "" : name;
        if (name === "f") shareType = tokens.attributes().t;
      } else if (name !== "is") {
        // ExcelJS loses track of the row at the end of any other element in a cell (<rPh> in an inline string,
        // <extLst>), and with it the rest of the sheet; let it read such a file its own way.
        throw new UnsupportedXmlError(`<${name}> in a cell`);
      }
      if (current === "") continue;
      const content = tokens.text();
      if (content === "") continue;
      if (current === "f") formula += content;
      else if (runs === undefined) text = (text ?? "") + content;
      // Text after rich text runs: ExcelJS drops it.
    }
  }
  if (formula !== "" || (shareType !== undefined && shareType !== "")) {
    cell.value = formulaResult(type, text, runs, isDate, context.date1904);
    cell.kept = true;
  } else if (text === undefined && runs === undefined) {
    cell.value = null;
    cell.kept = styled;
  } else {
    cell.value = plainValue(type, text, runs, isDate, context);
    cell.kept = true;
  }
}

/**
 * The common shape "<v>text</v></c>" (unprefixed, non-empty text) read at once, moving the tokenizer past </c>;
 * undefined, with the tokenizer unmoved, for any other shape.
 */
function simpleValue(tokens: XmlTokenizer): string | undefined {
  const { xml, end } = tokens;
  if (!xml.startsWith("<v>", end)) return undefined;
  const close = xml.indexOf("<", end + 3);
  if (close === end + 3 || !xml.startsWith("</v></c>", close)) return undefined;
  const text = tokens.textAt(end + 3, close);
  tokens.end = close + 8;
  return text;
}

/** A formula's cached value (none, 0 or FALSE → empty); with a date style ExcelJS turns whatever it is into a date. */
function formulaResult(type: string | undefined, text: string | undefined, runs: string[] | undefined, isDate: boolean, date1904: boolean): CellValue {
  if (runs !== undefined) throw new UnsupportedXmlError("rich text as a formula result");
  if (text === undefined) return null;
  let result: string | number | boolean | { error: string };
  if (type === "str") result = decodeAgain(text);
  else if (type === "b") result = parseInt(text, 10) !== 0;
  else if (type === "e") result = { error: text };
  else result = parseFloat(text);
  const value = isDate ? excelToDate(asJsNumber(result), date1904) : result;
  // A formula giving 0 or FALSE shows 0 or FALSE: a score typed as =IF(…,5,0) that gives 0 is a score of 0, not a
  // blank. (ExcelJS's cell.value drops falsy results; the ExcelJS reader takes cell.result for that reason.)
  return typeof value === "number" && Number.isNaN(value) ? null : value;
}

/** A value cell by its type t: shared string, formula string, inline string, boolean, error or number. */
function plainValue(type: string | undefined, text: string | undefined, runs: string[] | undefined, isDate: boolean, context: SheetContext): CellValue {
  if (runs !== undefined) {
    if (type !== "inlineStr") throw new UnsupportedXmlError("rich text runs outside an inline string");
    return runs.join("");
  }
  const value = text ?? "";
  switch (type) {
    case "s":
      return sharedString(value, context);
    case "str":
      return decodeAgain(value);
    case "inlineStr":
      return value;
    case "b":
      return parseInt(value, 10) !== 0;
    case "e":
      return { error: value };
    default: {
      const number = parseFloat(value);
      return isDate ? excelToDate(number, context.date1904) : number;
    }
  }
}

function sharedString(index: string, context: SheetContext): string | null {
  return sharedStringAt(parseInt(index, 10), context);
}

function sharedStringAt(index: number, context: SheetContext): string | null {
  if (context.sharedStrings === null) throw new UnsupportedXmlError("shared string without a shared strings part");
  const item = context.sharedStrings[index];
  if (item === undefined) throw new UnsupportedXmlError(`shared string ${index} does not exist`);
  return item;
}

/** ExcelJS decodes formula strings and sheet names a second time (utils.xmlDecode): "&amp;" read as "&" after the XML layer. */
export function decodeAgain(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&([a-z]*);/g, (entity) => SECOND_ENTITIES[entity] ?? entity);
}

const SECOND_ENTITIES: Readonly<Record<string, string>> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' };

/** What JavaScript's "-" makes of a value, as in ExcelJS's excelToDate(value - 25569 ...). */
function asJsNumber(value: string | number | boolean | { error: string }): number {
  if (typeof value === "number") return value;
  if (typeof value === "boolean") return value ? 1 : 0;
  if (typeof value === "string") return Number(value);
  return NaN;
}

/** ExcelJS utils.excelToDate, the same float operations in the same order, so the same millisecond. */
function excelToDate(serial: number, date1904: boolean): Date {
  const millisecondSinceEpoch = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return new Date(millisecondSinceEpoch);
}

/** <col> definitions of <cols>; the tokenizer ends on </cols>. */
function readColumns(tokens: XmlTokenizer): ColumnDefinition[] {
  const columns: ColumnDefinition[] = [];
  while (tokens.next()) {
    if (tokens.closing) {
      if (tokens.name === "cols") return columns;
      continue;
    }
    if (tokens.name !== "col") continue;
    const attributes = tokens.attributes();
    columns.push({ min: parseInt(attributes.min || "0", 10), max: parseInt(attributes.max || "0", 10), hidden: isTrue(attributes.hidden) });
  }
  throw new UnsupportedXmlError("<cols> is not closed");
}

/** ExcelJS Column.fromModel: definitions by min; a column already given by an earlier definition keeps it. */
function hiddenColumnIndices(definitions: ColumnDefinition[]): number[] {
  const hidden: number[] = [];
  let next = 1;
  for (const definition of [...definitions].sort((a, b) => a.min - b.min)) {
    if (next < definition.min) next = definition.min;
    for (; next <= definition.max; next += 1) if (definition.hidden) hidden.push(next - 1);
  }
  return hidden;
}

/** <mergeCell ref> ranges of <mergeCells>, in file order; the tokenizer ends on </mergeCells>. */
function readMerges(tokens: XmlTokenizer): Merge[] {
  const merges: Merge[] = [];
  while (tokens.next()) {
    if (tokens.closing) {
      if (tokens.name === "mergeCells") return merges;
      continue;
    }
    if (tokens.name !== "mergeCell") continue;
    const merge = parseRange(tokens.attributes().ref ?? "");
    // Overlapping merges make ExcelJS refuse the file.
    if (merges.some((other) => overlaps(other, merge))) throw new UnsupportedXmlError("overlapping merges");
    merges.push(merge);
  }
  throw new UnsupportedXmlError("<mergeCells> is not closed");
}

function parseRange(reference: string): Merge {
  const range = parseA1Range(reference, { strict: true });
  if (range === null || range.from.row === null || range.to.row === null) throw new UnsupportedXmlError(`merge ${reference}`);
  const rows = [range.from.row + 1, range.to.row + 1];
  const columns = [range.from.column + 1, range.to.column + 1];
  return { top: Math.min(...rows), bottom: Math.max(...rows), left: Math.min(...columns), right: Math.max(...columns) };
}

function overlaps(a: Merge, b: Merge): boolean {
  return !(b.bottom < a.top || b.top > a.bottom || b.right < a.left || b.left > a.right);
}

/** As ExcelJS writes a range: top-left:bottom-right, "A1:A1" for one cell. */
function mergeText(merge: Merge): string {
  return `${columnName(merge.left - 1)}${merge.top}:${columnName(merge.right - 1)}${merge.bottom}`;
}

/** The cells a merge covers, other than its top-left one, are empty, as on screen. */
function clearMergedCells(rows: CellValue[][], merges: Merge[]): void {
  for (const merge of merges) {
    for (let row = merge.top; row <= Math.min(merge.bottom, rows.length); row += 1) {
      const cells = rows[row - 1];
      if (cells === undefined) continue;
      for (let column = merge.left; column <= Math.min(merge.right, cells.length); column += 1) {
        if (row !== merge.top || column !== merge.left) cells[column - 1] = null;
      }
    }
  }
}

/**
 * Rows as the grid has them: a missing row is empty, each row ends at its last value (the rows are already dense,
 * see putCell; a merge may have emptied their ends), trailing empty rows go.
 */
function denseRows(rows: CellValue[][]): CellValue[][] {
  const dense: CellValue[][] = new Array<CellValue[]>(rows.length);
  for (let index = 0; index < rows.length; index += 1) {
    const cells = rows[index];
    if (cells === undefined) {
      dense[index] = [];
      continue;
    }
    let length = cells.length;
    while (length > 0 && cells[length - 1] === null) length -= 1;
    cells.length = length;
    dense[index] = cells;
  }
  let end = dense.length;
  while (end > 0 && dense[end - 1]?.length === 0) end -= 1;
  dense.length = end;
  return dense;
}

function indicesOf(flags: boolean[]): number[] {
  const indices: number[] = [];
  flags.forEach((flag, index) => {
    if (flag) indices.push(index);
  });
  return indices;
}
