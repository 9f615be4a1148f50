/**
 * The values whose 核验 fingerprints test/integrity-pinned.test.ts pins: the example workbook, a generated 1,000-unit
 * assessment, and a value using every rule of the canonical form (Maps, Sets, Dates, errors, holes, class instances).
 */
import { generateBook } from "../../bench/generate";
import { D } from "../../lib/decimal";
import type { CellValue, WorkbookGrids } from "../../lib/grid";
import { buildTemplate } from "../../lib/template";

export function exampleWorkbook(): WorkbookGrids {
  return { sheets: buildTemplate({ year: 2025, example: true }).map((sheet) => ({ name: sheet.name, rows: sheet.rows.map((row) => [...row]) })) };
}

export function generatedWorkbook(): WorkbookGrids {
  return generateBook(1000);
}

/** A class-made object (as the reader makes them): written as a record of its own keys, `row` left out. */
class Point {
  constructor(
    readonly x: number,
    readonly y: D,
    readonly row: number,
  ) {}
}

/** An Excel error made by a class: still {"error":…}. */
class ErrorCell {
  readonly error = "#REF!";
  readonly row = 4;
}

/** Every rule of lib/integrity/canonical.ts at least once. */
export function everyRule(): unknown {
  const shared = new Point(1, new D("2.50"), 7);
  const holes: unknown[] = [1];
  holes[2] = 3;
  holes.length = 4;
  return {
    row: 9,
    ref: { sheet: "评分", cell: "C3" },
    text: 'quote" backslash\\ newline\n tab\t control\u0001 separator\u2028 lone\ud800 pair😀 全角８５',
    numbers: [0, -0, 1.5, 1e21, 1e-7, -3, 0.1 + 0.2, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 2 ** 53],
    decimals: [new D("85.0"), new D("-0"), new D("1e-9"), new D("123456789012345678901234567890.5"), new D(Number.POSITIVE_INFINITY), new D(Number.NaN), new D("-2.50"), new D("8.5e1")],
    flags: [true, false, null, undefined, 12n],
    holes,
    dates: [new Date(Date.UTC(2025, 11, 31, 23, 59, 59, 123)), new Date(Number.NaN)],
    errors: [{ error: "#N/A" }, { error: "#DIV/0!", extra: 1 }, new ErrorCell()],
    map: new Map<unknown, unknown>([
      ["乙", 2],
      ["甲", new D(1)],
      ['a"', [shared]],
      ["a#", null],
      [3, "number key"],
      ["10", 1],
      ["9", 2],
      [new D("0.5"), "decimal key"],
    ]),
    set: new Set<unknown>(["乙", "甲", 3, shared, { b: 1, a: 2 }, new Map([["k", new Set([2, 1])]])]),
    nested: { 10: "ten", 2: "two", b: shared, a: [shared, shared, [shared]], "": "empty key", é: 1, z: undefined, ["a\u0000b"]: "nul" },
  };
}

/** Output rows as hosts give them: holes, trailing blanks, empty texts, Dates, errors, booleans. */
export function outputRows(): CellValue[][] {
  const sparse: CellValue[] = ["城关镇"];
  sparse[2] = 95.5;
  const trailingHole: CellValue[] = [1];
  trailingHole.length = 3;
  return [["排名分组", "名次", "单位名称"], sparse, trailingHole, ["", null, 0, "", null], [new Date(Date.UTC(2026, 0, 15)), { error: "#N/A" }, true, false, -0], [null, ""], []];
}
