import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D } from "../lib/decimal";
import type { Issue } from "../lib/issue";
import { readNumber, readPercent, readText, trimSpaces, type At } from "../lib/reader/cells";

const place = (): At => ({ sheet: "评分", row: 6, column: 5, issues: [] as Issue[] });

/** Decimal texts as people type them: "85", "85.5", "0.25", "-3.10". */
const decimalText = fc
  .tuple(fc.boolean(), fc.nat({ max: 100000 }), fc.option(fc.stringMatching(/^[0-9]{1,4}$/), { nil: undefined }))
  .map(([negative, whole, fraction]) => `${negative ? "-" : ""}${whole}${fraction === undefined ? "" : `.${fraction}`}`);

/** Spaces a cell may carry around its text: ASCII, full-width (U+3000), NBSP, tab. */
const padding = fc.array(fc.constantFrom(" ", "\u3000", "\u00a0", "\t"), { maxLength: 3 }).map((spaces) => spaces.join(""));

/** Half-width digits and signs to their full-width forms (NFKC maps them back). */
function fullWidth(text: string): string {
  return [...text].map((char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0)).join("");
}

describe("cells: laws", () => {
  it("a decimal typed as text, with any spaces around it, reads as exactly that decimal, with one warning", () => {
    fc.assert(
      fc.property(decimalText, padding, padding, (text, before, after) => {
        const at = place();
        const read = readNumber(at, `${before}${text}${after}`);
        expect(read.kind === "number" && read.value.eq(new D(text))).toBe(true);
        expect(at.issues.map((issue) => [issue.level, issue.cell])).toEqual([["warning", "F7"]]);
      }),
    );
  });

  it("full-width digits read as the same decimal as half-width ones", () => {
    fc.assert(
      fc.property(decimalText, (text) => {
        const read = readNumber(place(), fullWidth(text));
        expect(read.kind === "number" && read.value.eq(new D(text))).toBe(true);
      }),
    );
  });

  it("a finite number cell reads as the decimal it shows, without any issue", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const at = place();
        const read = readNumber(at, value);
        expect(read.kind === "number" && read.value.eq(new D(String(value)))).toBe(true);
        expect(at.issues).toEqual([]);
      }),
    );
  });

  it("a number followed by a unit word is never read", () => {
    fc.assert(
      fc.property(decimalText, fc.constantFrom("分", "%分", "点", "x", "。"), (text, unit) => {
        const at = place();
        expect(readNumber(at, `${text}${unit}`).kind).toBe("invalid");
        expect(at.issues.map((issue) => issue.level)).toEqual(["error"]);
      }),
    );
  });

  it("names compare equal after trimming any spaces, and trimming twice changes nothing", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[\u4e00-\u9fa5A-Za-z0-9（）()]{1,8}$/), padding, padding, (name, before, after) => {
        expect(readText(place(), `${before}${name}${after}`)).toBe(name);
        expect(trimSpaces(trimSpaces(`${before}${name}${after}`))).toBe(name);
      }),
    );
  });

  it("a whole percent typed as text is that many hundredths", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100 }), (percent) => {
        const at = place();
        expect(readPercent(at, `${percent}%`)?.eq(new D(percent).div(100))).toBe(true);
        expect(at.issues).toEqual([]);
      }),
    );
  });
});

describe("cells: examples", () => {
  it.each<[unknown, string]>([
    ["85", "85"],
    ["８５．５", "85.5"],
    ["+3", "3"],
    [".5", "0.5"],
    ["5.", "5"],
  ])("reads text %j as %s", (text, value) => {
    const read = readNumber(place(), text as string);
    expect(read.kind === "number" ? read.value.toString() : read.kind).toBe(value);
  });

  it("a cell of 0.1 plus a cell of 0.2 is exactly 0.3 (no binary floating-point error)", () => {
    // Excel stores 0.1 as the double nearest to it; its shortest text is "0.1", which is what the cell shows.
    const read = readNumber(place(), 0.1);
    expect(read.kind === "number" ? read.value.plus(new D(0.2)).toString() : "").toBe("0.3");
  });

  it("rejects a JS NaN or Infinity passed by a host", () => {
    expect(readNumber(place(), Number.NaN).kind).toBe("invalid");
    expect(readNumber(place(), Number.POSITIVE_INFINITY).kind).toBe("invalid");
  });

  it("a blank cell is blank, and spaces only are blank", () => {
    expect(readNumber(place(), null).kind).toBe("blank");
    expect(readNumber(place(), " \u3000 ").kind).toBe("blank");
  });

  it("不适用 is a number cell's value only where allowed", () => {
    expect(readNumber(place(), "／", { notApplicable: true }).kind).toBe("notApplicable");
    expect(readNumber(place(), "／").kind).toBe("invalid");
  });
});
