/**
 * lib/decimal.ts: `fixed` and `roundHalfUp` take a short way when there is nothing to round. The short way must give
 * exactly what decimal.js's toFixed / toDecimalPlaces give, for every value and number of places.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D, fixed, roundHalfUp } from "../lib/decimal";

const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 30n }), fc.integer({ min: 0, max: 12 }))
  .map(([negative, digits, scale]) => {
    const text = digits.toString().padStart(scale + 1, "0");
    const body = scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
    return `${negative ? "-" : ""}${body}`;
  });

describe("fixed and roundHalfUp", () => {
  it("write figures with exactly the places asked, half up", () => {
    expect(fixed(new D("92.345"), 2)).toBe("92.35");
    expect(fixed(new D("137"), 2)).toBe("137.00");
    expect(fixed(new D("7.5"), 2)).toBe("7.50");
    expect(fixed(new D("-2.5"), 0)).toBe("-3");
    expect(fixed(new D("12.5"), 0)).toBe("13");
    expect(fixed(new D("-0"), 2)).toBe("0.00");
    expect(fixed(new D("0.1"), 3)).toBe("0.100");
    expect(roundHalfUp(new D("2.675"), 2).toString()).toBe("2.68");
    expect(roundHalfUp(new D("1.005"), 2).toString()).toBe("1.01");
  });

  it("give what decimal.js gives, for any value and places (property)", () => {
    fc.assert(
      fc.property(decimalText, fc.integer({ min: 0, max: 6 }), (text, places) => {
        const value = new D(text);
        expect(fixed(value, places)).toBe(value.toFixed(places, D.ROUND_HALF_UP));
        expect(roundHalfUp(value, places).toString()).toBe(value.toDecimalPlaces(places, D.ROUND_HALF_UP).toString());
      }),
      { numRuns: 2000, seed: 20261123 },
    );
  });
});
