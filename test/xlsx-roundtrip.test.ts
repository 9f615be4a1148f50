import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import type { SheetOut } from "../lib/format";

const plainFormat = { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] };

/** Cell values lib/ writes: text (including text that looks like a formula), finite numbers, booleans, blanks. */
const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom("分", "城", "关", "镇", "a", "1", ".", " ", "=", "+", "-", "@", "%", "（", "）", "\n", "_", "x", "0", "D") }),
  fc.constantFrom("=1+1", "+86", "-5分", "@SUM(A1)", "=A1", "_x000D_", "  前后空格  ", "0092.30"),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }).map((value) => (Object.is(value, -0) ? 0 : value)),
  fc.boolean(),
  fc.constant(null),
);

describe("what the writer writes, the reader reads back", () => {
  it("values survive buildWorkbook → readWorkbookGrids unchanged (trailing blanks aside)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 6 }), { minLength: 1, maxLength: 6 }), async (rows) => {
        const sheet: SheetOut = { name: "结果", rows, format: plainFormat };
        const [read] = (await readWorkbookGrids(await buildWorkbook([sheet]))).sheets;
        const trimmed = rows.map((row) => {
          const copy = [...row];
          while (copy.length > 0 && (copy.at(-1) === null || copy.at(-1) === "")) copy.pop();
          return copy.map((value) => (value === "" ? null : value));
        });
        while (trimmed.length > 0 && trimmed.at(-1)?.length === 0) trimmed.pop();
        expect(read?.rows).toEqual(trimmed);
      }),
      { numRuns: 60 },
    );
  });
});
