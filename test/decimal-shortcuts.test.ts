/**
 * Short ways taken for speed must give exactly what the plain way gives:
 * lib/decimal.ts `fixed` and `roundHalfUp` skip decimal.js when there is nothing to round; rules/numbers.ts `sumByCount`
 * adds equal (shared) Decimals by multiplying; rules/trim.ts finds the highest and lowest in one walk instead of a sort;
 * reader/cells.ts trimSpaces skips its regular expression when neither end can be a space.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { D, fixed, roundHalfUp } from "../lib/decimal";
import { sum, sumByCount } from "../lib/rules/numbers";
import { trimmedMean } from "../lib/rules/trim";
import { trimSpaces } from "../lib/reader/cells";

/** A decimal of up to `digits` digits, `scale` of them after the point. */
const decimalOf = (digits: bigint, maxScale: number) =>
  fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: digits }), fc.integer({ min: 0, max: maxScale })).map(([negative, value, scale]) => {
    const text = value.toString().padStart(scale + 1, "0");
    const body = scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
    return `${negative ? "-" : ""}${body}`;
  });
const decimalText = decimalOf(10n ** 30n, 12);
// Sums are exact only within the 40 significant digits of lib/decimal.ts, far above any score: keep to 16 digits.
const scoreText = decimalOf(10n ** 16n, 8);

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

/** Decimals drawn from a small pool, so that the same object recurs as the reader's shared Decimals do. */
const pooled = fc.array(scoreText, { minLength: 1, maxLength: 6 }).chain((texts) => {
  const pool = texts.map((text) => new D(text));
  return fc.array(fc.integer({ min: 0, max: pool.length - 1 }).map((i) => pool[i] ?? pool[0] ?? new D(0)), { maxLength: 40 });
});

describe("sumByCount", () => {
  it("Σ of 20 shared halves and 5 shared 4s is 30 (20 × 0.5 + 5 × 4)", () => {
    const half = new D("0.5");
    const four = new D(4);
    expect(sumByCount([...Array<D>(20).fill(half), ...Array<D>(5).fill(four)]).toString()).toBe("30");
  });

  it("equals the plain sum for any list, shared or not (property)", () => {
    fc.assert(
      fc.property(pooled, fc.array(scoreText.map((t) => new D(t)), { maxLength: 20 }), (shared, own) => {
        const values = [...shared, ...own];
        expect(sumByCount(values).toString()).toBe(sum(values).toString());
      }),
      { numRuns: 500, seed: 20261123 },
    );
  });
});

describe("trimmedMean", () => {
  it("drops one highest and one lowest: 90, 60, 100, 60, 100 → (60 + 90 + 100) ÷ 3 = 83.33", () => {
    const t = trimmedMean(["90", "60", "100", "60", "100"].map((v) => new D(v)), true, 3, 2);
    expect([t.mean.toString(), t.total.toString(), t.kept.length, t.dropped?.highest.toString(), t.dropped?.lowest.toString()]).toEqual(["83.33", "250", 3, "100", "60"]);
  });

  it("keeps the same total as sorting and cutting both ends (property)", () => {
    fc.assert(
      fc.property(pooled.filter((v) => v.length >= 3), (values) => {
        const t = trimmedMean(values, true, 3, 2);
        const sorted = [...values].sort((a, b) => a.cmp(b));
        expect(t.total.toString()).toBe(sum(sorted.slice(1, -1)).toString());
        expect([t.dropped?.lowest.toString(), t.dropped?.highest.toString()]).toEqual([sorted[0]?.toString(), sorted.at(-1)?.toString()]);
        expect(t.kept).toHaveLength(values.length - 2);
      }),
      { numRuns: 500, seed: 20261123 },
    );
  });
});

describe("trimSpaces", () => {
  it("trims every kind of space the regular expression knows, and nothing else (property)", () => {
    const spaces = [" ", "\t", "\n", "\u00a0", "\u1680", "\u2000", "\u200a", "\u200b", "\u2028", "\u2029", "\u202f", "\u205f", "\u3000", "\ufeff", "\u0001", "x", "城"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...spaces), { maxLength: 6 }), fc.string({ maxLength: 6 }), fc.array(fc.constantFrom(...spaces), { maxLength: 6 }), (before, middle, after) => {
        const text = `${before.join("")}${middle}${after.join("")}`;
        expect(trimSpaces(text)).toBe(text.replace(/^[\s\u200b\ufeff]+|[\s\u200b\ufeff]+$/g, ""));
      }),
      { numRuns: 1000, seed: 20261123 },
    );
  });
});
