// The writer's short ways to cell looks, against the plain computations: parseRange reads the ranges the output sheets
// use without lib's parseA1Range, and sheetLooks composes each kind of style once per look for all styles of that
// kind (issue 14: 计算说明 of 10,000 units has 15,000 styles). Both must give exactly what the plain way gives.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeLook, LookTable, sheetLooks } from "../files/xlsx/cellLooks";
import { parseRange, parseRangePlain } from "../files/xlsx/range";
import type { RangeStyle, SheetOut } from "../lib/format";

const plainFormat: SheetOut["format"] = { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] };

function outcomeOf(read: () => unknown): unknown {
  try {
    return read();
  } catch (error) {
    return { threw: String(error) };
  }
}

describe("parseRange", () => {
  const letters = fc.constantFrom("A", "E", "Z", "AA", "AZ", "XFD", "ZZZ", "AAAA", "a", "$A", "", "Ä");
  const digits = fc.constantFrom("1", "2", "9", "10", "130023", "999999999", "1000000000", "0", "01", "", "$2", "1.5", "１");
  const corner = fc.tuple(letters, digits).map(([column, row]) => `${column}${row}`);
  const range = fc.oneof(corner, fc.tuple(corner, fc.constantFrom(":", "::", " :", ":"), corner).map((parts) => parts.join("")), fc.string());

  it("gives what lib's parseA1Range gives (the plain way), or throws as it does, for any text", () => {
    fc.assert(
      fc.property(range, fc.integer({ min: 0, max: 200_000 }), (text, lastRow) => {
        expect(outcomeOf(() => parseRange(text, lastRow))).toEqual(outcomeOf(() => parseRangePlain(text, lastRow)));
      }),
      { numRuns: 3_000 },
    );
  });

  it("reads the ranges of the output sheets", () => {
    expect(parseRange("A15:E27", 10)).toEqual({ top: 15, left: 1, bottom: 27, right: 5 });
    expect(parseRange("G24", 10)).toEqual({ top: 24, left: 7, bottom: 24, right: 7 });
    expect(parseRange("E9:B2", 10)).toEqual({ top: 2, left: 2, bottom: 9, right: 5 });
  });
});

/** sheetLooks the plain way (before issue 14): each style composed afresh for each look it meets. */
function plainSheetLooks(out: SheetOut, table: LookTable): Uint32Array {
  const boxes = out.format.styles.map((style) => parseRangePlain(style.range, out.rows.length));
  let rows = out.rows.length;
  let columns = 0;
  for (const row of out.rows) columns = Math.max(columns, row.length);
  for (const box of boxes) {
    rows = Math.max(rows, box.bottom);
    columns = Math.max(columns, box.right);
  }
  const ids = new Uint32Array(rows * columns);
  out.format.styles.forEach((style, index) => {
    const box = boxes[index]!;
    const composed: number[] = [];
    for (let row = box.top; row <= box.bottom; row += 1) {
      for (let column = box.left; column <= box.right; column += 1) {
        const at = (row - 1) * columns + column - 1;
        const before = ids[at]!;
        composed[before] ??= table.idOf(composeLook(table.looks[before] ?? {}, style));
        ids[at] = composed[before];
      }
    }
  });
  return ids;
}

describe("sheetLooks", () => {
  const style: fc.Arbitrary<RangeStyle> = fc.record(
    {
      range: fc.tuple(fc.constantFrom("A", "B", "C", "D"), fc.integer({ min: 1, max: 6 }), fc.constantFrom("A", "B", "C", "D"), fc.integer({ min: 1, max: 6 })).map(([a, b, c, d]) => `${a}${b}:${c}${d}`),
      numberFormat: fc.constantFrom("0.00", "@", ""),
      fill: fc.constantFrom("#f2f2f2", "#F2F2F2", "#D9E1F2", ""),
      bold: fc.boolean(),
      fontColor: fc.constantFrom("#C00000", "#c00000"),
      wrap: fc.boolean(),
      horizontal: fc.constantFrom("left" as const, "center" as const, "right" as const),
    },
    { requiredKeys: ["range"] },
  );

  it("gives the looks and look ids of the plain way, styles of one kind composed once", () => {
    fc.assert(
      fc.property(fc.array(style, { maxLength: 25 }), fc.array(fc.array(fc.constantFrom("a", null, 1), { maxLength: 4 }), { maxLength: 6 }), (styles, rows) => {
        const out: SheetOut = { name: "计算说明", rows, format: { ...plainFormat, styles } };
        const fast = new LookTable();
        const plain = new LookTable();
        expect([...sheetLooks(out, fast).ids]).toEqual([...plainSheetLooks(out, plain)]);
        expect(fast.looks).toEqual(plain.looks);
      }),
      { numRuns: 500 },
    );
  });
});
