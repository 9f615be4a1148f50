/**
 * The reader's and the output's short ways, taken for speed, give exactly what the plain way gives (issue 14):
 * lib/text.ts stripControls and normalizeText skip their replacements and NFKC for texts that need none; reader/cells.ts
 * readText looks for a CR LF only in a text that had control characters, and readInteger takes a whole number in
 * range as itself; output/figures.ts figureNumber remembers each value's number; applies.ts applicability works out
 * appliesTo once per 类别; reader/knownNumbers.ts finds whole and half numbers by index; reader/sheets.ts isEmptyRow
 * walks a row with a loop; reader/satisfaction.ts shares the Decimal of a number read good before; output/cellLimit.ts looks for long texts column by column. Each is checked here against the
 * plain computation, written out as it was before the short way, on cells of every kind.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D } from "../lib/decimal";
import type { CellValue } from "../lib/grid";
import type { Issue } from "../lib/issue";
import { appliesTo, applicability } from "../lib/applies";
import type { SheetOut } from "../lib/format";
import { warning } from "../lib/issue";
import { cellAddress } from "../lib/grid";
import { EXCEL_CELL_LIMIT, fitCellsToExcel } from "../lib/output/cellLimit";
import { figureNumber, roundedNumber } from "../lib/output/figures";
import { cellShortenedIssue } from "../lib/output/messages";
import { KnownNumbers } from "../lib/reader/knownNumbers";
import { readSatisfaction } from "../lib/reader/satisfaction";
import { isEmptyRow } from "../lib/reader/sheets";
import { HEADERS } from "../lib/layout";
import { readInteger, readPlainNumber, readText, shownValue, type At } from "../lib/reader/cells";
import { MSG } from "../lib/reader/messages";
import { normalizeText, stripControls, trimSpaces } from "../lib/text";

const place = (): At => ({ sheet: "考核对象", row: 6, column: 5, issues: [] as Issue[] });

/** Pieces of what people type or paste into a cell: digits of both widths, signs, spaces of every kind, controls. */
const PIECES = [
  "0", "7", "85", ".", "-", "+", "分", "%", "０", "９", "．", "－", "％", " ", "\u3000", "\u00a0", "\t", "\n", "\r", "\r\n",
  "\u0000", "\u0007", "\u000b", "\u001f", "\u007f", "\u200b", "\ufeff", "/", "／", "不适用", "城关镇", "a", "Y", "ﬁ", "①", "½", "²", "ª", "a\u00a0b", "好", "较好", "是", "否", "加分", "㐀", "\u4dc0", "\u9fff", "\ua000", "豈", "\u0301", "\u3099", "か", "𠀀", "\ud800",
];
const typed = fc.array(fc.constantFrom(...PIECES), { maxLength: 8 }).map((pieces) => pieces.join(""));
const anyText = fc.oneof(typed, fc.string(), fc.string({ unit: "binary" }));

/** Any cell a host may hand over. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  anyText,
  fc.constant(null),
  fc.double(),
  fc.integer(),
  fc.constantFrom(0, -0, 1, 2 ** 53, 2 ** 53 + 2, 1e21, -1, 0.5, Number.MAX_SAFE_INTEGER),
  fc.boolean(),
  fc.date({ noInvalidDate: true }),
  fc.constantFrom({ error: "#N/A" }, { error: "#VALUE!" }),
);

// eslint-disable-next-line no-control-regex -- the plain way, as lib/text.ts wrote it
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const plainStripControls = (text: string) => text.replace(/\r\n/g, "\n").replace(CONTROL_CHARACTERS, "");
const plainNormalize = (text: string) => trimSpaces(plainStripControls(text).normalize("NFKC"));

/** readText for a text cell as it was written before its short way. */
function plainReadTextOfText(at: At, value: string): string | null {
  const clean = plainStripControls(value);
  const text = trimSpaces(clean);
  if (clean !== value.replace(/\r\n/g, "\n") && text !== "") at.issues.push({ level: "warning", code: "cell.controlCharacters", sheet: at.sheet, cell: "F7", message: MSG.controlCharacters(text) });
  return text === "" ? null : text;
}

/** readInteger as it was written before its short way. */
function plainReadInteger(at: At, value: CellValue | undefined, min: number, max: number, range: string): number | null | undefined {
  const read = readPlainNumber(at, value);
  if (read === null || read === undefined) return read;
  if (!read.isInteger() || read.lt(min) || read.gt(max)) {
    at.issues.push({ level: "error", code: "cell.notInteger", sheet: at.sheet, cell: "F7", message: MSG.notInteger(shownValue(value ?? null), range) });
    return undefined;
  }
  return read.toNumber();
}

describe("text: the short ways give what the plain way gives", () => {
  it("stripControls", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(stripControls(text)).toBe(plainStripControls(text));
      }),
      { numRuns: 2000 },
    );
  });

  it("normalizeText of every character it takes as NFKC already is that character", () => {
    for (const [from, to] of [
      [0, 0x7f],
      [0x3400, 0x4dbf],
      [0x4e00, 0x9fff],
    ] as const) {
      for (let code = from; code <= to; code += 1) {
        const text = `a${String.fromCharCode(code)}b`;
        expect(normalizeText(text)).toBe(plainNormalize(text));
      }
    }
  });

  it("normalizeText", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(normalizeText(text)).toBe(plainNormalize(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("cells: the short ways give what the plain way gives", () => {
  it("readText of any text: the same text and the same issues", () => {
    fc.assert(
      fc.property(anyText, (value) => {
        const fast = place();
        const plain = place();
        expect(readText(fast, value)).toBe(plainReadTextOfText(plain, value));
        expect(fast.issues.map((issue) => [issue.code, issue.message])).toEqual(plain.issues.map((issue) => [issue.code, issue.message]));
      }),
    );
  });

  it("readInteger of any cell and range: the same number (−0 included) and the same issues", () => {
    const bound = fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constantFrom(0, 1, 100, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER));
    fc.assert(
      fc.property(cell, bound, bound, (value, min, max) => {
        const fast = place();
        const plain = place();
        expect(Object.is(readInteger(fast, value, min, max, "range"), plainReadInteger(plain, value, min, max, "range"))).toBe(true);
        expect(fast.issues.map((issue) => [issue.code, issue.message])).toEqual(plain.issues.map((issue) => [issue.code, issue.message]));
      }),
    );
  });
});

describe("figures: figureNumber gives what decimal.js gives", () => {
  const decimal = fc
    .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 24n }), fc.integer({ min: 0, max: 12 }))
    .map(([negative, digits, scale]) => new D(`${negative ? "-" : ""}${digits}e-${scale}`));

  it("for any decimal and places, asked once or again (−0 kept apart from 0)", () => {
    fc.assert(
      fc.property(decimal, fc.integer({ min: 0, max: 9 }), (value, places) => {
        const plain = roundedNumber(value, places);
        expect(Object.is(figureNumber(value, places), plain)).toBe(true);
        expect(Object.is(figureNumber(new D(value), places), plain)).toBe(true);
      }),
    );
    expect(Object.is(figureNumber(new D("-0"), 2), -0)).toBe(true);
    expect(Object.is(figureNumber(new D("0"), 2), 0)).toBe(true);
    expect(figureNumber(new D("92.345"), 2)).toBe(92.35);
  });
});

describe("reader: the remembered answers are the answers", () => {
  const CATEGORIES = ["乡镇", "县直单位", "政府部门", "甲镇", "乙局"];
  const unit = fc.record({ name: fc.constantFrom("甲镇", "乙局", "丙办", "丁所"), category: fc.constantFrom(...CATEGORIES) });
  const indicator = fc.record({ categories: fc.oneof(fc.constant("all" as const), fc.uniqueArray(fc.constantFrom(...CATEGORIES, "丙办"), { maxLength: 3 })) });

  it("applicability gives appliesTo of each indicator, for units in any order (named units too)", () => {
    fc.assert(
      fc.property(fc.array(indicator, { maxLength: 6 }), fc.array(unit, { maxLength: 12 }), (indicators, units) => {
        const appliesFor = applicability(indicators);
        for (const one of units) expect(appliesFor(one)).toEqual(indicators.map((each) => appliesTo(each, one)));
      }),
    );
  });

  it("KnownNumbers answers as a Map<number, V> does (0 and −0 one key, NaN, fractions, large numbers)", () => {
    const number = fc.oneof(
      fc.integer({ min: -3, max: 600 }).map((halves) => halves / 2),
      fc.constantFrom(0, -0, 255.5, 256, 511, 0.25, 1e300, -1, Number.NaN, Number.MIN_VALUE, 0.1 + 0.2),
      fc.double(),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), number), { maxLength: 40 }), (steps) => {
        const known = new KnownNumbers<number>();
        const plain = new Map<number, number>();
        steps.forEach(([set, value], index) => {
          if (set) {
            known.set(value, index);
            plain.set(value, index);
          }
          expect(known.get(value)).toBe(plain.get(value));
        });
      }),
    );
  });

  it("isEmptyRow is every cell blank (holes too)", () => {
    fc.assert(
      fc.property(fc.sparseArray(fc.oneof(cell, fc.constantFrom(" ", "\u3000", "", null)), { maxLength: 6 }), (row) => {
        expect(isEmptyRow(row)).toBe(row.every((value) => value === null || (typeof value === "string" && trimSpaces(value) === "")));
      }),
    );
    expect(isEmptyRow(undefined)).toBe(true);
  });
});

describe("output: fitCellsToExcel looks for long texts column by column, and finds what a look row by row finds", () => {
  /** Which cells the plain way (row by row, as it was written) shortens, with their issues. */
  function plainLongCells(sheets: readonly SheetOut[]): Issue[] {
    const issues: Issue[] = [];
    for (const sheet of sheets) {
      sheet.rows.forEach((row, r) => {
        row.forEach((value, c) => {
          if (typeof value === "string" && value.length > EXCEL_CELL_LIMIT) issues.push(warning("output.cellShortened", sheet.name, cellAddress(r, c), cellShortenedIssue(value.length, EXCEL_CELL_LIMIT)));
        });
      });
    }
    return issues;
  }
  const LONG = "长".repeat(EXCEL_CELL_LIMIT + 1);
  const value = fc.oneof(fc.constantFrom<string | number | boolean | null>(null, "", "短", 3, true, LONG, "x".repeat(EXCEL_CELL_LIMIT)), fc.string());
  const sheet = fc.record({ name: fc.constantFrom("结果", "计算说明"), rows: fc.array(fc.array(value, { maxLength: 5 }), { maxLength: 6 }) });

  it("the same issues; sheets without a long text come back as they were, the others with every long text cut", () => {
    fc.assert(
      fc.property(fc.array(sheet, { maxLength: 3 }), (drafts) => {
        const sheets = drafts.map((draft) => ({ ...draft, format: {} }) as unknown as SheetOut);
        const fitted = fitCellsToExcel(sheets);
        expect(fitted.issues).toEqual(plainLongCells(sheets));
        fitted.sheets.forEach((out, index) => {
          const before = sheets[index] as SheetOut;
          const long = before.rows.some((row) => row.some((cell) => typeof cell === "string" && cell.length > EXCEL_CELL_LIMIT));
          if (!long) expect(out).toBe(before);
          else expect(out.rows.every((row) => row.every((cell) => typeof cell !== "string" || cell.length <= EXCEL_CELL_LIMIT))).toBe(true);
        });
      }),
    );
  });
});

describe("satisfaction: a number read good before gives what reading it afresh gives", () => {
  const NAMES = ["甲镇", "乙镇", "丙局", "丁局", "戊办", "己办"];
  const number = fc.constantFrom<CellValue>(0, -0, 1, 0.5, 3, 12, 81.6, 100, 100.5, -1, 2.5, Number.NaN, null, "93.5%", "不适用", "x", " 7 ");
  const row = fc.tuple(number, number, number, number, number);

  it("each unit's entry and problems are the same read with the others as read alone", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: NAMES.length }), fc.boolean(), (rows, withPercent) => {
        const header = withPercent ? [...HEADERS.satisfaction] : HEADERS.satisfaction.filter((_, column) => column !== 1);
        const line = (cells: CellValue[], index: number): CellValue[] => [NAMES[index] ?? "", ...(withPercent ? cells : cells.slice(1))];
        const names = new Set(NAMES);
        const wholeIssues: Issue[] = [];
        const whole = readSatisfaction({ name: "满意度", rows: [header, ...rows.map(line)] }, names, wholeIssues);
        const aloneIssues: Issue[] = [];
        rows.forEach((cells, index) => {
          // The row at its own place, after empty rows (skipped), so that its cells have the same addresses.
          const grid = [header, ...rows.slice(0, index).map(() => []), line(cells, index)];
          const alone = readSatisfaction({ name: "满意度", rows: grid }, names, aloneIssues);
          const name = NAMES[index] ?? "";
          expect(whole.get(name)).toEqual(alone.get(name));
        });
        expect(wholeIssues).toEqual(aloneIssues);
      }),
      { numRuns: 300 },
    );
  });
});
