/**
 * What a fingerprint covers, sheet by sheet: the values scoring read from each input sheet (after the reader's
 * lenient reading, so that ８５ typed as text and 85 typed as a number are the same), and the figures of the output
 * sheets 结果 and 汇总 as written. 计算说明 is left out: it holds the fingerprint itself and the time; its texts
 * are checked by recomputing them.
 */
import type { CellValue } from "../grid";
import { SHEET } from "../layout";
import type { AssessmentInput } from "../model";
import { CanonicalWriter } from "./canonical";
import { fromUtf8 } from "./utf8";

/** One sheet's share of a fingerprint: the sheet's name, and what writes the canonical text of what was read from it. */
export interface Section {
  sheet: string;
  /** Writes the section's canonical text (between the writer's begin and end, which the caller makes). */
  write(writer: CanonicalWriter): void;
}

/** A section's canonical text, whole (for tests and small sections; fingerprint streams it). */
export function sectionText(section: Section): string {
  const writer = new CanonicalWriter();
  section.write(writer);
  return fromUtf8(writer.end());
}

/**
 * The input sheet each part of the input was read from. Typed over every key of AssessmentInput, so whoever adds a
 * part to the input must say here which sheet it comes from (else it would silently be left out of the fingerprint);
 * null for a part that only says where values were read (cell addresses), which is not data.
 */
export const INPUT_SECTION_SHEET: { readonly [K in keyof AssessmentInput]-?: string | null } = {
  params: SHEET.params,
  units: SHEET.units,
  indicators: SHEET.indicators,
  scores: SHEET.scores,
  satisfaction: SHEET.satisfaction,
  ratings: SHEET.peer,
  adjustments: SHEET.adjustments,
  daily: SHEET.daily,
  overrides: SHEET.review,
  peerRows: null,
};

/** The output sheets whose figures a fingerprint covers, in this order. */
export const OUTPUT_SECTION_SHEETS: readonly string[] = [SHEET.results, SHEET.summary];

/**
 * One section per input sheet, in the order of INPUT_SECTION_SHEET (参数 first); parts read from one sheet share its
 * section. A part absent from the input (a workbook without 平时考核) is written as null, so it still has a section.
 */
export function inputSections(input: AssessmentInput): Section[] {
  const bySheet = new Map<string, (keyof AssessmentInput)[]>();
  for (const key of Object.keys(INPUT_SECTION_SHEET) as (keyof AssessmentInput)[]) {
    const sheet = INPUT_SECTION_SHEET[key];
    if (sheet === null) continue;
    const keys = bySheet.get(sheet) ?? [];
    keys.push(key);
    bySheet.set(sheet, keys);
  }
  // {"key":<text>,"key":<text>}: the parts in the order of INPUT_SECTION_SHEET (not sorted: the order is the rule).
  return [...bySheet].map(([sheet, keys]) => ({
    sheet,
    write: (writer: CanonicalWriter) => {
      keys.forEach((key, i) => {
        writer.raw(`${i === 0 ? "{" : ","}${JSON.stringify(key)}:`);
        writer.text(input[key]);
      });
      writer.raw("}");
    },
  }));
}

/** One named part of a value, for a section made of chosen parts (e.g. 考核对象 and 考核指标 of a form). */
export function valueSection(sheet: string, value: unknown): Section {
  return { sheet, write: (writer) => writer.text(value) };
}

/** Cells of an output grid as written or as read back: what a host writes and reads back are the same values. */
type OutputCell = CellValue | undefined;

/**
 * The section of an output sheet from its rows, as rendered or as read back from a file or Excel: an empty text
 * is an empty cell, and empty cells at the end of a row and empty rows at the end are dropped, since hosts differ in
 * how far they report a sheet.
 */
export function gridSection(sheet: string, rows: readonly (readonly OutputCell[])[]): Section {
  const trimmed = rows.map(trimRow);
  while (trimmed.length > 0 && (trimmed[trimmed.length - 1] ?? []).length === 0) trimmed.pop();
  return { sheet, write: (writer) => writer.text(trimmed) };
}

function trimRow(row: readonly OutputCell[]): CellValue[] {
  const cells = row.map((cell): CellValue => (cell === undefined || cell === "" ? null : cell));
  while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
  return cells;
}
