/**
 * The quick ways of measuring text (issue 14: 计算说明 is some 20 million characters at 10,000 units) give exactly what
 * the plain ways give: displayWidth walking UTF-16 units instead of characters, wrappedLines without splitting,
 * fittedWidths that stop at a column's maximum or skip a text too short to widen it, and the widths of 指标得分 and
 * 指标应得分 texts summed from their terms when auditLines builds them. Each is checked here against the plain
 * computation, written out as it was before, for arbitrary text: Chinese, ASCII, emoji, full-width punctuation, line
 * breaks and lone surrogates.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D } from "../lib/decimal";
import type { ScoreEntry } from "../lib/model";
import { renderAudit } from "../lib/output";
import { blockBreaks, fittedWidths, ONE_LINE_ROW, widthFor, wrappedLines, wrappedLinesOfWidth, wrappedRowHeights, type RowBlock } from "../lib/output/print";
import { scoreAssessment } from "../lib/rules";
import { knownExplanationWidth } from "../lib/rules/audit";
import { AUDIT_ITEMS, AUDIT_TEXT } from "../lib/rules/messages";
import { displayWidth, widthBetween } from "../lib/width";
import { buildInput, type IndicatorSpec } from "./rules-helpers";

type Cell = string | number | boolean | null;

// ---- the plain computations, as they were written before the quick ones ----

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function plainDisplayWidth(text: string): number {
  let width = 0;
  for (const character of text) width += isWide(character.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

function plainWrappedLines(text: string, width: number): number {
  const room = Math.max(1, width - 0.5);
  return text.split("\n").reduce((lines, part) => lines + Math.max(1, Math.ceil((plainDisplayWidth(part) * 1.08) / room)), 0);
}

function plainWidthFor(text: string): number {
  return Math.ceil(plainDisplayWidth(text) * 1.08) + 2.5;
}

function plainFittedWidths(rows: readonly (readonly Cell[])[], minimums: readonly number[], maximums: readonly (number | null)[]): number[] {
  return minimums.map((minimum, column) => {
    let widest = minimum;
    for (const row of rows) {
      const value = row[column];
      if (value !== null && value !== undefined && value !== "") widest = Math.max(widest, plainWidthFor(String(value)));
    }
    const maximum = maximums[column] ?? null;
    return maximum === null ? widest : Math.min(widest, maximum);
  });
}

function plainRowHeights(rows: readonly (readonly Cell[])[], columns: readonly number[], widths: readonly number[], first: number): { row: number; height: number }[] {
  const heights: { row: number; height: number }[] = [];
  for (let row = first; row < rows.length; row += 1) {
    let lines = 1;
    for (const column of columns) {
      const value = rows[row]?.[column];
      if (typeof value === "string" && value !== "") lines = Math.max(lines, plainWrappedLines(value, widths[column] ?? 8.43));
    }
    if (lines > 1) heights.push({ row, height: lines * 15 + 4 });
  }
  return heights;
}

/** blockBreaks as it was, with a map of the tall rows (A4, margins 0.7 + 0.6 inch, pages filled to 96%). */
function plainBlockBreaks(blocks: readonly RowBlock[], heights: readonly { row: number; height: number }[], repeated: number, scale: number, orientation: "portrait" | "landscape"): number[] {
  const tall = new Map(heights.map((entry) => [entry.row, entry.height]));
  const rowHeight = (row: number) => tall.get(row) ?? ONE_LINE_ROW;
  let header = 0;
  for (let row = 0; row < repeated; row += 1) header += rowHeight(row);
  const room = (0.96 * ((orientation === "landscape" ? 595.28 : 841.89) - (0.7 + 0.6) * 72) * 100) / scale - header;
  const sum = (from: number, to: number) => {
    let total = 0;
    for (let row = from; row <= to; row += 1) total += rowHeight(row);
    return total;
  };
  const breaks: number[] = [];
  let used = 0;
  let next = repeated;
  for (const block of blocks) {
    const lead = sum(next, block.first - 1);
    const body = sum(block.first, block.last);
    if (used > 0 && used + lead + body > room) {
      breaks.push(block.first);
      used = body;
    } else {
      used += lead + body;
    }
    next = block.last + 1;
  }
  return breaks;
}

// ---- arbitrary text ----

/** Characters of every kind displayWidth tells apart, and the edges of its ranges. */
const character = fc.oneof(
  fc.constantFrom("a", "1", ".", " ", "+", "得", "分", "。", "，", "（", "）", "“", "”", "、", "×", "÷", "≥", "→", "−", "—", "…", "Ａ", "１", "％", "ｶ", "한", "\n", "😀", "𠀀", "🀄", "\u{1F9D1}\u200D\u{1F4BB}"),
  fc.constantFrom("\u10ff", "\u1100", "\u115f", "\u1160", "\u2e7f", "\u2e80", "\u303e", "\u303f", "\ua4cf", "\ua4d0", "\ud7a3", "\ud7a4", "\uf900", "\ufaff", "\ufe30", "\ufe4f", "\uff00", "\uff60", "\uff61", "\uffe0", "\uffe6", "\uffe7"),
  fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff", "\u{1ffff}", "\u{20000}", "\u{3fffd}", "\u{3fffe}"),
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
);
const anyText = fc.array(character, { maxLength: 60 }).map((parts) => parts.join(""));
/** Texts long enough to wrap in columns of 10 to 100 characters. */
const longText = fc.tuple(anyText, fc.integer({ min: 1, max: 8 })).map(([text, times]) => text.repeat(times));

describe("displayWidth walks UTF-16 units and gives what walking characters gave", () => {
  it("by hand: a Chinese character is two, ASCII one, an emoji (one character, two units) one, a CJK Extension B character two", () => {
    expect(displayWidth("1.1 得0.5")).toBe(9);
    expect(displayWidth("😀")).toBe(1);
    expect(displayWidth("𠀀")).toBe(2);
    expect(displayWidth("（共3项）")).toBe(9);
    expect(displayWidth("\ud800")).toBe(1);
  });

  it("equals the plain count for arbitrary text, whole and for any slice", () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(), (text, a, b) => {
        expect(displayWidth(text)).toBe(plainDisplayWidth(text));
        const start = Math.min(a, b) % (text.length + 1);
        const end = start + (Math.max(a, b) % (text.length - start + 1));
        expect(widthBetween(text, start, end)).toBe(plainDisplayWidth(text.slice(start, end)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe("print measures quickly and gives what it gave", () => {
  const width = fc.oneof(fc.constantFrom(8.43, 9.5, 14, 36, 50, 100), fc.double({ min: 0, max: 120, noNaN: true }));

  it("wrappedLines equals the plain split-and-measure, and wrappedLinesOfWidth the same from a known width", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, longText), width, (text, columnWidth) => {
        const lines = plainWrappedLines(text, columnWidth);
        expect(wrappedLines(text, columnWidth)).toBe(lines);
        if (!text.includes("\n")) expect(wrappedLinesOfWidth(plainDisplayWidth(text), columnWidth)).toBe(lines);
      }),
      { numRuns: 2000 },
    );
  });

  const cell = fc.oneof(anyText, longText, fc.constant(null), fc.constant(""), fc.integer(), fc.double({ noNaN: true }), fc.boolean());
  const rows = fc.array(fc.array(cell, { maxLength: 5 }), { maxLength: 30 });
  const minimums = fc.array(fc.constantFrom(6, 8, 10, 14, 16, 24, 50, 100), { minLength: 1, maxLength: 5 });
  const maximums = fc.array(fc.option(fc.constantFrom(8, 14, 36, 50, 100), { nil: null }), { maxLength: 5 });

  it("fittedWidths (stopping at a column's maximum, skipping texts too short to widen it) equals measuring every text", () => {
    fc.assert(
      fc.property(rows, minimums, maximums, (table, least, most) => {
        expect(fittedWidths(table, least, most)).toEqual(plainFittedWidths(table, least, most));
        for (const row of table) for (const value of row) if (typeof value === "string") expect(widthFor(value)).toBe(plainWidthFor(value));
      }),
      { numRuns: 500 },
    );
  });

  it("wrappedRowHeights equals measuring every wrapped cell", () => {
    fc.assert(
      fc.property(rows, fc.array(width, { minLength: 5, maxLength: 5 }), fc.nat({ max: 3 }), (table, widths, first) => {
        expect(wrappedRowHeights(table, [1, 3, 4], widths, first)).toEqual(plainRowHeights(table, [1, 3, 4], widths, first));
      }),
      { numRuns: 500 },
    );
  });
});

describe("blockBreaks with the row heights in one array gives what it gave with a map", () => {
  it("for arbitrary blocks (with rows between them), tall rows (some repeated, some outside every block), header rows and scales", () => {
    const blocks = fc
      .array(fc.tuple(fc.nat({ max: 2 }), fc.integer({ min: 1, max: 40 })), { maxLength: 40 })
      .map((spans) => {
        let next = 1;
        return spans.map(([gap, size]): RowBlock => {
          const first = next + gap;
          next = first + size;
          return { first, last: first + size - 1 };
        });
      });
    const heights = fc.array(fc.record({ row: fc.nat({ max: 900 }), height: fc.constantFrom(19, 34, 49, 200, 600) }), { maxLength: 60 });
    fc.assert(
      fc.property(blocks, heights, fc.nat({ max: 2 }), fc.integer({ min: 10, max: 100 }), fc.constantFrom("portrait" as const, "landscape" as const), (b, h, repeated, scale, orientation) => {
        const sorted = [...h].sort((x, y) => x.row - y.row);
        expect(blockBreaks(b, sorted, repeated, scale, orientation)).toEqual(plainBlockBreaks(b, sorted, repeated, scale, orientation));
        expect(blockBreaks(b, h, repeated, scale, orientation)).toEqual(plainBlockBreaks(b, h, repeated, scale, orientation));
      }),
      { numRuns: 500 },
    );
  });
});

describe("计算说明: 指标 texts made from shared terms, their widths summed from the terms'", () => {
  /** An indicator code as a clerk might type one: digits, Chinese, emoji, full-width forms, a line break. */
  const code = fc.oneof(fc.constantFrom("1.1", "1.2", "2.10", "三.1", "１．２", "3.2.4"), anyText.filter((text) => text.trim() !== "" && text !== "/"));
  const points = fc.constantFrom("0.5", "1", "2", "10", "2.25");
  const score = fc.constantFrom("/", "0", "0.5", "1", "1.5", "2", "0.25", "7.125");
  const categories = ["乡镇", "政府部门"];

  const spec = fc
    .record({
      indicators: fc.uniqueArray(fc.record({ code, max: points, only: fc.option(fc.constantFrom(...categories), { nil: null }) }), { minLength: 1, maxLength: 6, selector: (i) => i.code }),
      units: fc.array(fc.constantFrom(...categories), { minLength: 1, maxLength: 12 }),
      scores: fc.array(fc.array(score, { minLength: 6, maxLength: 6 }), { minLength: 12, maxLength: 12 }),
      shared: fc.boolean(),
      sameRow: fc.boolean(),
    })
    .map(({ indicators, units, scores, shared, sameRow }) => ({
      indicators: indicators.map((i): IndicatorSpec => ({ code: i.code, max: i.max, ...(i.only === null ? {} : { categories: [i.only] }) })),
      units: units.map((category, u) => ({ name: `单位${u + 1}`, category })),
      // As the reader hands them: a score for each indicator that applies to the unit's 类别.
      scores: Object.fromEntries(
        units.map((category, u) => [`单位${u + 1}`, Object.fromEntries(indicators.flatMap((i, k) => (i.only === null || i.only === category ? [[i.code, scores[u]?.[k] ?? "1"]] : [])))]),
      ),
      shared,
      sameRow,
    }));

  it("texts are the terms joined, widths are displayWidth, and 计算说明's row heights and column widths are the measured ones", () => {
    fc.assert(
      fc.property(spec, ({ indicators, units, scores, shared, sameRow }) => {
        const input = buildInput({ units, indicators, scores });
        // Indicators are found by their row in 考核指标 first: indicators on one row must still each have their own terms.
        if (sameRow) input.indicators.forEach((indicator) => (indicator.row = 2));
        if (shared) {
          // As the reader hands them: one Decimal for every cell holding the same number.
          const one = new Map<string, D>();
          const sharedValue = (value: D): D => {
            const known = one.get(value.toString());
            if (known !== undefined) return known;
            one.set(value.toString(), value);
            return value;
          };
          for (const [unit, entries] of input.scores) {
            input.scores.set(unit, new Map([...entries].map(([key, entry]): [string, ScoreEntry] => [key, entry.kind === "score" ? { ...entry, value: sharedValue(entry.value) } : entry])));
          }
        }
        const result = scoreAssessment(input).result;
        for (const unit of result.units) {
          const category = unit.unit.category;
          const applying = indicators.filter((i) => i.categories === undefined || i.categories.includes(category));
          const counted = applying.filter((i) => scores[unit.unit.name]?.[i.code] !== "/");
          const notApplicable = applying.filter((i) => scores[unit.unit.name]?.[i.code] === "/").map((i) => i.code);
          for (const line of unit.audit) {
            // Other lines know the width of their explanation (measured as it was made) unless it holds a line break.
            expect(knownExplanationWidth(line)).toBe(line.explanation.includes("\n") ? undefined : plainDisplayWidth(line.explanation));
            if (line.item !== AUDIT_ITEMS.indicatorEarned && line.item !== AUDIT_ITEMS.indicatorPossible) continue;
            if (counted.length > 0) {
              const terms = counted.map((i) =>
                line.item === AUDIT_ITEMS.indicatorEarned ? `${i.code} 得${new D(scores[unit.unit.name]?.[i.code] ?? "0").toString()}` : `${i.code} ${new D(i.max).toString()}分`,
              );
              expect(line.explanation).toBe(`${terms.join(" + ")}${AUDIT_TEXT.itemCount(counted.length, notApplicable)}= ${line.value}`);
            }
            expect(knownExplanationWidth(line)).toBe(line.explanation.includes("\n") ? undefined : plainDisplayWidth(line.explanation));
          }
        }
        const sheet = renderAudit(result);
        const widths = plainFittedWidths(sheet.rows, [10, 24, 16, 14, 100], [null, null, null, 36, 100]);
        expect(sheet.format.columnWidths).toEqual(widths);
        expect(sheet.format.rowHeights).toEqual(plainRowHeights(sheet.rows, [3, 4], widths, 1));
      }),
      { numRuns: 300 },
    );
  });

  it("units with the same indicators share one 指标应得分 text; one 不适用 more makes its own", () => {
    const input = buildInput({
      units: ["甲", "乙", "丙"],
      indicators: [
        { code: "1.1", max: "2" },
        { code: "1.2", max: "0.5" },
      ],
      scores: { 甲: { "1.1": "2", "1.2": "0.5" }, 乙: { "1.1": "1", "1.2": "0" }, 丙: { "1.1": "1", "1.2": "/" } },
    });
    const possible = (name: string) => scoreAssessment(input).result.units.find((u) => u.unit.name === name)?.audit.find((l) => l.item === AUDIT_ITEMS.indicatorPossible)?.explanation;
    expect(possible("甲")).toBe("1.1 2分 + 1.2 0.5分（共2项）= 2.50");
    expect(possible("乙")).toBe("1.1 2分 + 1.2 0.5分（共2项）= 2.50");
    expect(possible("丙")).toBe("1.1 2分（共1项；不适用：1.2）= 2.00");
  });
});

describe("计算说明: widths of the other lines, measured as they are made", () => {
  /** A name as a clerk might type one: Chinese, emoji, full-width forms, line breaks, long enough to wrap. */
  const name = fc.oneof(fc.constantFrom("城关镇", "县司法局", "ＡＢ", "😀所"), longText.filter((text) => text.trim() !== "" && !text.includes("\t")));
  const rating = fc.constantFrom("60", "70", "85", "85.5", "90", "100");
  const spec = fc.record({
    names: fc.uniqueArray(name, { minLength: 2, maxLength: 8, selector: (text) => text.trim() }),
    groups: fc.array(fc.constantFrom("乡镇", "县直单位"), { minLength: 8, maxLength: 8 }),
    ratings: fc.array(fc.tuple(fc.nat({ max: 7 }), fc.nat({ max: 7 }), rating), { maxLength: 40 }),
    reasons: fc.array(fc.tuple(fc.nat({ max: 7 }), fc.boolean(), longText, fc.constantFrom("1", "2.5", "6")), { maxLength: 6 }),
    ballots: fc.array(fc.option(fc.tuple(fc.nat({ max: 300 }), fc.nat({ max: 50 }), fc.nat({ max: 20 }), fc.nat({ max: 9 }))), { minLength: 8, maxLength: 8 }),
  });

  it("every width a line knows is displayWidth, and 计算说明's row heights are the measured ones", () => {
    fc.assert(
      fc.property(spec, ({ names, groups, ratings, reasons, ballots }) => {
        const units = names.map((unit, u) => ({ name: unit.trim(), rankGroup: groups[u] ?? "乡镇" }));
        const at = (u: number) => units[u % units.length]?.name ?? "";
        const input = buildInput({
          units,
          indicators: [{ code: "1.1", max: "100" }],
          scores: Object.fromEntries(units.map((unit, u) => [unit.name, { "1.1": String(50 + u) }])),
          satisfaction: Object.fromEntries(
            units.flatMap((unit, u) => {
              const b = ballots[u];
              return b === undefined || b === null ? [] : [[unit.name, { satisfied: String(b[0]), basic: String(b[1]), unsatisfied: String(b[2]), unknown: String(b[3]) }]];
            }),
          ),
          ratings: ratings.filter(([rater, ratee]) => at(rater) !== at(ratee)).map(([rater, ratee, value]) => [at(rater), at(ratee), value]),
          adjustments: reasons.map(([u, bonus, reason, points]) => ({ unit: at(u), type: bonus ? "bonus" : "penalty", points, reason })),
        });
        const result = scoreAssessment(input).result;
        for (const unit of result.units) {
          for (const line of unit.audit) {
            expect(knownExplanationWidth(line)).toBe(line.explanation.includes("\n") ? undefined : plainDisplayWidth(line.explanation));
          }
        }
        const sheet = renderAudit(result);
        const widths = plainFittedWidths(sheet.rows, [10, 24, 16, 14, 100], [null, null, null, 36, 100]);
        expect(sheet.format.columnWidths).toEqual(widths);
        expect(sheet.format.rowHeights).toEqual(plainRowHeights(sheet.rows, [3, 4], widths, 1));
      }),
      { numRuns: 200 },
    );
  });
});
