/**
 * The speed work of issue 14 (rules 1–6 and the trimmed mean at 10,000 units) took short ways; each must give exactly
 * what the plain decimal.js computation gives. The plain ways are written out here as they were before (a sum from 0,
 * a comparison by decimal.js's cmp, a division each time, a map entry per score cell) and compared figure by figure,
 * as text and sign, on arbitrary half-point and decimal values, shared Decimals (as the reader hands them), ties,
 * caps and values too long to be remembered.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compare, D, exactKey, fixed, HUNDRED, plainText, roundHalfUp, ZERO } from "../lib/decimal";
import type { Indicator, PeerRating, ScoreEntry } from "../lib/model";
import { canonicalText } from "../lib/integrity/canonical";
import { readAssessment } from "../lib/reader";
import { ScoreColumns, UnitScores } from "../lib/reader/unitScores";
import { scoreAssessment } from "../lib/rules";
import { generateBook } from "../bench/generate";
import { betweenUnits, countedRatings, withoutSelfRatings } from "../lib/rules/countedRatings";
import { indicatorScore } from "../lib/rules/indicatorScore";
import { normalise } from "../lib/rules/normalise";
import { asFirstTerm, count, FigureTexts, multiple, percentOf, sum, sumByCount } from "../lib/rules/numbers";
import { peerScore, raterPlaces, ratingsByRaterGroup } from "../lib/rules/peerReview";
import { rankTotals } from "../lib/rules/rank";
import { roundedPercent, roundedQuotient, roundedShare } from "../lib/rules/remembered";
import { satisfactionScore } from "../lib/rules/satisfaction";
import { totalScore } from "../lib/rules/total";
import { trimmedMean } from "../lib/rules/trim";
import { fromScaled, roundedRatio, scaled } from "../lib/rules/scaled";

const RUNS = { numRuns: 400, seed: 20261202 };

/** A Decimal as the tests compare it: its shortest text and its sign (so that −0 and 0 differ). */
const same = (value: D) => [value.toString(), value.isNegative()];

/** Text of a decimal of up to `digits` digits, `scale` of them after the point, either sign. */
const decimalOf = (digits: bigint, maxScale: number) =>
  fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: digits }), fc.integer({ min: 0, max: maxScale })).map(([negative, value, scale]) => {
    const text = value.toString().padStart(scale + 1, "0");
    const body = scale === 0 ? text : `${text.slice(0, -scale)}.${text.slice(-scale)}`;
    return `${negative ? "-" : ""}${body}`;
  });

/** Scores as typed: half points, two decimals, and now and then a long or odd value (no exact key, −0). */
const valueText = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 400 }).map((halves) => String(halves / 2)) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 100_00 }).map((cents) => (cents / 100).toFixed(2)) },
  { weight: 1, arbitrary: decimalOf(10n ** 44n, 40) },
  { weight: 1, arbitrary: fc.constantFrom("0", "-0", "1e-40", "123456789012.5", "0.0000001", "1e30") },
);

/** Scores within 16 digits (far above any typed score), half points and two decimals most of the time. */
const scoreText = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 400 }).map((halves) => String(halves / 2)) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 100_00 }).map((cents) => (cents / 100).toFixed(2)) },
  { weight: 1, arbitrary: decimalOf(10n ** 16n, 8) },
);

/** Decimals drawn from a small pool, so that the same object recurs as the reader's shared Decimals do. */
const pooledValues = (texts: fc.Arbitrary<string>, maxLength: number) =>
  fc.array(texts, { minLength: 1, maxLength: 8 }).chain((pool) => {
    const decimals = pool.map((text) => new D(text));
    return fc.array(
      fc.integer({ min: 0, max: decimals.length - 1 }).map((i) => decimals[i] as D),
      { minLength: 1, maxLength },
    );
  });

describe("compare", () => {
  it("is decimal.js's cmp: −1 / 0 / 1 for any two values, ±0, NaN and ±Infinity included (property)", () => {
    const any = fc.oneof(valueText, fc.constantFrom("NaN", "Infinity", "-Infinity", "-0", "0", "-1e-40", "9e39"));
    fc.assert(
      fc.property(any, any, (a, b) => {
        const x = new D(a);
        const y = new D(b);
        expect(Object.is(compare(x, y), x.cmp(y))).toBe(true);
        expect(Object.is(compare(x, x), x.cmp(x))).toBe(true);
      }),
      { ...RUNS, numRuns: 3000 },
    );
  });

  it("orders by value, not by text: 10 > 9.99, −2 < −1.5, 0 = −0", () => {
    expect(compare(new D("10"), new D("9.99"))).toBe(1);
    expect(compare(new D("-2"), new D("-1.5"))).toBe(-1);
    expect(compare(new D("0"), new D("-0"))).toBe(0);
    expect(compare(new D("100.5"), new D("100.50"))).toBe(0);
  });
});

describe("exactKey", () => {
  it("gives two values the same key only when they are the same number with the same sign (property)", () => {
    // Values written many ways, so that equal numbers come from different texts.
    const written = fc.tuple(fc.integer({ min: -3_000_000, max: 3_000_000 }), fc.integer({ min: -36, max: 36 }), fc.integer({ min: 0, max: 3 })).map(([m, k, zeros]) => `${m}${"0".repeat(zeros)}e${k - zeros}`);
    fc.assert(
      fc.property(fc.oneof(written, valueText), fc.oneof(written, valueText), (a, b) => {
        const x = new D(a);
        const y = new D(b);
        const kx = exactKey(x);
        const ky = exactKey(y);
        expect(kx).toBeLessThan(2 ** 28);
        expect(Number.isInteger(kx)).toBe(true);
        if (kx >= 0 && ky >= 0) expect(kx === ky).toBe(x.eq(y) && x.isNegative() === y.isNegative());
      }),
      { ...RUNS, numRuns: 3000 },
    );
  });

  it("names every figure of an assessment (half points, two decimals) and not the long ones", () => {
    for (const text of ["0", "0.5", "83.33", "1500.5", "99.995", "12345.67", "0.0001"]) expect(exactKey(new D(text))).toBeGreaterThanOrEqual(0);
    expect(exactKey(new D("1.50"))).toBe(exactKey(new D("1.5")));
    expect(exactKey(new D("-0"))).not.toBe(exactKey(new D("0")));
    for (const text of ["123456789.123", "1e-40", "NaN", "Infinity"]) expect(exactKey(new D(text))).toBe(-1);
  });
});

describe("sums", () => {
  it("asFirstTerm(x) is 0 + x as decimal.js adds it, for any x (property)", () => {
    fc.assert(
      fc.property(valueText, (text) => {
        const x = new D(text);
        expect(same(asFirstTerm(x))).toEqual(same(ZERO.plus(x)));
      }),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it("sum is the plain Σ from 0, long values included (property)", () => {
    fc.assert(
      fc.property(pooledValues(valueText, 60), (values) => {
        expect(same(sum(values))).toEqual(same(values.reduce((total, value) => total.plus(value), ZERO)));
      }),
      RUNS,
    );
  });

  it("sumByCount (rule 1's counting) is the plain Σ from 0 for scores as typed, shared and own (property)", () => {
    // Counting multiplies and adds in another order: the same only while every step is exact, i.e. within decimal.js's
    // 40 significant digits — far above any score, but not above any number (see the long values of `sum`).
    fc.assert(
      fc.property(pooledValues(scoreText, 60), (values) => {
        expect(same(sumByCount(values))).toEqual(same(values.reduce((total, value) => total.plus(value), ZERO)));
      }),
      RUNS,
    );
  });

  it("multiple(v, n) is v × n, asked once or again (property)", () => {
    fc.assert(
      fc.property(pooledValues(valueText, 4), fc.integer({ min: 0, max: 1500 }), (values, n) => {
        for (const value of [...values, ...values]) expect(same(multiple(value, n))).toEqual(same(value.times(new D(n))));
      }),
      RUNS,
    );
  });
});

describe("remembered divisions", () => {
  it("give the plain decimal.js result on first use and on every repeat, for any values and places (property)", () => {
    const divisor = fc.oneof(valueText, fc.integer({ min: 1, max: 40 }).map(String)).filter((text) => !new D(text).isZero());
    fc.assert(
      fc.property(valueText, divisor, valueText, fc.integer({ min: 0, max: 6 }), (a, b, c, places) => {
        const x = new D(a);
        const y = new D(b);
        const z = new D(c);
        for (let repeat = 0; repeat < 2; repeat += 1) {
          // New objects each time: remembered by value, not by object.
          expect(same(roundedQuotient(new D(a), y, places))).toEqual(same(roundHalfUp(x.div(y), places)));
          expect(same(roundedShare(x, z, places))).toEqual(same(roundHalfUp(x.div(HUNDRED).times(z), places)));
          expect(same(roundedPercent(x, new D(b), places))).toEqual(same(roundHalfUp(x.div(y).times(HUNDRED), places)));
        }
      }),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it("keep a mean of 2 ÷ 3 and 2.00 ÷ 3.0 the same figure, and −0 apart from 0", () => {
    expect(roundedQuotient(new D(2), count(3), 2).toString()).toBe("0.67");
    expect(roundedQuotient(new D("2.00"), new D("3.0"), 2).toString()).toBe("0.67");
    expect(roundedQuotient(new D("-0"), new D(3), 2).isNegative()).toBe(new D("-0").div(3).isNegative());
  });
});

describe("texts remembered by value", () => {
  it("fixed, plainText, FigureTexts and percentOf write what decimal.js writes, first time and again (property)", () => {
    // Below 10^39: from 10^40 on decimal.js writes exponents ("1e+40"), and fixed(…, 0) keeps that text as it always has.
    const below = valueText.filter((text) => new D(text).abs().lt("1e39"));
    fc.assert(
      fc.property(pooledValues(below, 20), fc.integer({ min: 0, max: 9 }), (values, places) => {
        const texts = new FigureTexts(places);
        for (const value of [...values, ...values]) {
          expect(fixed(value, places)).toBe(value.toFixed(places, D.ROUND_HALF_UP));
          expect(texts.shown(value)).toBe(value.toFixed(places, D.ROUND_HALF_UP));
          expect(plainText(value)).toBe(value.toString());
          expect(texts.plain(value)).toBe(value.toString());
          expect(percentOf(value)).toBe(`${value.times(100).toString()}%`);
        }
      }),
      RUNS,
    );
  });

  it("write −0 as 0 and pad to the places: 7.5 → 7.50, −0 → 0.00", () => {
    expect(fixed(new D("7.5"), 2)).toBe("7.50");
    expect(fixed(new D("7.5"), 2)).toBe("7.50");
    expect(fixed(new D("-0"), 2)).toBe("0.00");
    expect(percentOf(new D("0.35"))).toBe("35%");
  });
});

/** Rule 1 as it was: a map entry per cell, the indicators walked by 编号, plain sums. */
function plainIndicatorScore(unit: { name: string; category: string }, indicators: readonly Indicator[], entries: ReadonlyMap<string, ScoreEntry>, places: number) {
  const counted: Indicator[] = [];
  const scores: D[] = [];
  const notApplicable: string[] = [];
  for (const indicator of indicators) {
    const entry = entries.get(indicator.code);
    const applies = indicator.categories === "all" || indicator.categories.includes(unit.category) || indicator.categories.includes(unit.name);
    if (entry === undefined && !applies) continue;
    if (entry?.kind === "notApplicable") {
      notApplicable.push(indicator.code);
      continue;
    }
    counted.push(indicator);
    scores.push(entry?.kind === "score" ? entry.value : ZERO);
  }
  const plainSum = (values: D[]) => values.reduce((total, value) => total.plus(value), ZERO);
  return {
    earned: roundHalfUp(plainSum(scores), places),
    possible: roundHalfUp(plainSum(counted.map((i) => i.maxPoints)), places),
    counted,
    scores,
    notApplicable,
  };
}

const CATEGORIES = ["乡镇", "县直部门", "法院"] as const;

describe("indicatorScore", () => {
  /** Indicators with a few shared 分值, some for some categories only; units whose cells are shared scores, 不适用 or blank. */
  const sheet = fc.record({
    indicators: fc.array(fc.record({ max: fc.constantFrom("0.5", "1", "2", "4", "2.5"), only: fc.option(fc.constantFrom(...CATEGORIES), { nil: null }) }), { minLength: 1, maxLength: 40 }),
    units: fc.array(fc.record({ category: fc.constantFrom(...CATEGORIES), cells: fc.array(fc.oneof({ weight: 8, arbitrary: fc.integer({ min: 0, max: 7 }) }, { weight: 1, arbitrary: fc.constantFrom("/", "blank") }), { minLength: 40, maxLength: 40 }) }), { minLength: 1, maxLength: 12 }),
    scores: fc.array(scoreText, { minLength: 8, maxLength: 8 }),
    places: fc.integer({ min: 0, max: 3 }),
  });

  it("reads the reader's rows without entries and gives the plain figures, lists and 不适用 (property)", () => {
    fc.assert(
      fc.property(sheet, ({ indicators: specs, units, scores, places }) => {
        const points = new Map(["0.5", "1", "2", "4", "2.5"].map((text) => [text, new D(text)]));
        const indicators: Indicator[] = specs.map((spec, i) => ({
          code: `${i + 1}`,
          level1: "",
          level2: "",
          content: "",
          maxPoints: points.get(spec.max) ?? ZERO,
          method: "",
          assessor: "",
          categories: spec.only === null ? "all" : [spec.only],
          row: i + 2,
        }));
        const shared = scores.map((text) => new D(text));
        const layout = new ScoreColumns("评分");
        // Columns in another order than 考核指标, as a sheet may have them.
        const positions = indicators.map(() => -1);
        [...indicators.keys()].reverse().forEach((i) => (positions[i] = layout.add(indicators[i]?.code ?? "", i + 2)));
        units.forEach((spec, u) => {
          const unit = { name: `单位${u}`, category: spec.category };
          const row = new UnitScores(layout, u + 2);
          indicators.forEach((indicator, i) => {
            const applies = indicator.categories === "all" || indicator.categories.includes(unit.category);
            const cell = spec.cells[i] ?? 0;
            if (!applies || cell === "blank") return;
            if (cell === "/") row.setNotApplicable(positions[i] ?? 0);
            else row.setScore(positions[i] ?? 0, shared[cell] ?? ZERO);
          });
          const asMap = new Map(row);
          const expected = plainIndicatorScore(unit, indicators, asMap, places);
          for (const outcome of [indicatorScore(unit, indicators, row, places), indicatorScore(unit, indicators, asMap, places)]) {
            expect(same(outcome.earned)).toEqual(same(expected.earned));
            expect(same(outcome.possible)).toEqual(same(expected.possible));
            expect(outcome.counted).toEqual(expected.counted);
            expect(outcome.scores.map(same)).toEqual(expected.scores.map(same));
            expect(outcome.notApplicable).toEqual(expected.notApplicable);
          }
        });
      }),
      { ...RUNS, numRuns: 200 },
    );
  });

  it("keeps what the 核验 fingerprint writes for a row of 评分: the same fields and holes, before and after scoring", () => {
    // Workbooks already sent out must still verify: reading the scores without entries may not add a field to the
    // reader's rows or fill their slots otherwise (canonical.ts writes an instance's own fields, holes as nothing).
    const layout = new ScoreColumns("评分");
    ["1.1", "1.2", "1.3", "1.4"].forEach((code, i) => layout.add(code, i + 2));
    const row = new UnitScores(layout, 4);
    row.setScore(0, new D("0.5"));
    row.setNotApplicable(2);
    const written = '[["甲",{"columns":{"codes":["1.1","1.2","1.3","1.4"],"columns":[2,3,4,5],"positions":[["1.1",0],["1.2",1],["1.3",2],["1.4",3]],"sheet":"评分"},"count":2,"slots":[0.5,,"notApplicable"]}]]';
    expect(canonicalText(new Map([["甲", row]]))).toBe(written);
    layout.positionsOf([{ code: "1.3" }, { code: "1.1" }]);
    expect(canonicalText(new Map([["甲", row]]))).toBe(written);

    const input = readAssessment(generateBook(12)).input;
    if (input === null) throw new Error("the generated workbook must read");
    const before = canonicalText(input);
    scoreAssessment(input);
    expect(canonicalText(input)).toBe(before);
  });

  it("lets units of one 类别 share their list of counted indicators, read only, and not one with a 不适用", () => {
    const indicators: Indicator[] = ["1.1", "1.2"].map((code, i) => ({ code, level1: "", level2: "", content: "", maxPoints: new D(1), method: "", assessor: "", categories: "all", row: i + 2 }));
    const score = (text: string): ScoreEntry => ({ kind: "score", value: new D(text), ref: { sheet: "评分", cell: "C3" } });
    const a = indicatorScore({ name: "甲", category: "乡镇" }, indicators, new Map([["1.1", score("1")], ["1.2", score("0.5")]]), 2);
    const b = indicatorScore({ name: "乙", category: "乡镇" }, indicators, new Map([["1.1", score("0.5")], ["1.2", score("0.5")]]), 2);
    const c = indicatorScore({ name: "丙", category: "乡镇" }, indicators, new Map<string, ScoreEntry>([["1.1", { kind: "notApplicable", ref: { sheet: "评分", cell: "C5" } }], ["1.2", score("1")]]), 2);
    expect(a.counted).toBe(b.counted);
    expect([a.earned.toString(), b.earned.toString(), c.earned.toString(), c.possible.toString()]).toEqual(["1.5", "1", "1", "1"]);
    expect(c.counted.map((i) => i.code)).toEqual(["1.2"]);
    expect(a.scores).not.toBe(b.scores);
  });
});

/** Rule 3 (one group) as it was: extremes by decimal.js's lt and gte, a filtered copy, a plain Σ, a division. */
function plainTrimmedMean(values: readonly D[], trim: boolean, minCount: number, places: number) {
  const first = values[0] as D;
  const drop = trim && values.length >= minCount && values.length >= 3;
  let kept: D[] = [...values];
  let dropped: { highest: D; lowest: D } | null = null;
  if (drop) {
    let lowest = 0;
    let highest = 0;
    values.forEach((value, index) => {
      const low = values[lowest] ?? first;
      const high = values[highest] ?? first;
      if (value !== low && value.lt(low)) lowest = index;
      if (value !== high && value.gte(high)) highest = index;
    });
    if (highest === lowest) highest = lowest === 0 ? 1 : 0;
    kept = values.filter((_, index) => index !== lowest && index !== highest);
    dropped = { highest: values[highest] ?? first, lowest: values[lowest] ?? first };
  }
  const total = kept.reduce((sum, value) => sum.plus(value), ZERO);
  return { mean: roundHalfUp(total.div(new D(kept.length)), places), kept, dropped, total };
}

const ratingText = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 55, max: 100 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: 5500, max: 10000 }).map((n) => (n / 100).toFixed(2)) },
  { weight: 1, arbitrary: decimalOf(10n ** 42n, 40) },
);

describe("trimmedMean", () => {
  it("is the plain trimmed mean: same mean, Σ, kept ratings and dropped ones, ties included (property)", () => {
    fc.assert(
      fc.property(pooledValues(ratingText, 40), fc.boolean(), fc.integer({ min: 1, max: 8 }), fc.integer({ min: 0, max: 3 }), (values, trim, minCount, places) => {
        const fast = trimmedMean(values, trim, minCount, places);
        const plain = plainTrimmedMean(values, trim, minCount, places);
        expect(same(fast.mean)).toEqual(same(plain.mean));
        expect(same(fast.total)).toEqual(same(plain.total));
        expect(fast.kept).toEqual(plain.kept);
        expect(fast.kept.every((value, i) => value === plain.kept[i])).toBe(true);
        expect(fast.dropped === null ? null : [fast.dropped.highest, fast.dropped.lowest]).toEqual(plain.dropped === null ? null : [plain.dropped.highest, plain.dropped.lowest]);
      }),
      RUNS,
    );
  });

  it("drops the first lowest and the last highest of ties: 80, 90, 80, 90 keeps 90 then 80", () => {
    const [eighty, ninety] = [new D(80), new D(90)];
    const t = trimmedMean([eighty, ninety, new D(80), new D(90)], true, 3, 2);
    expect(t.kept.map((v) => v.toString())).toEqual(["90", "80"]);
    expect(t.kept[0]).toBe(ninety);
    expect(t.mean.toString()).toBe("85");
  });
});

/** Rule 3 (grouping) as it was. */
function plainRatingsByRaterGroup(ratee: string, ratings: readonly PeerRating[], groupOf: ReadonlyMap<string, string>, groupOrder: readonly string[]): Map<string, D[]> {
  const byGroup = new Map<string, D[]>();
  for (const group of groupOrder) byGroup.set(group, []);
  for (const rating of ratings) {
    if (rating.ratee !== ratee) continue;
    const group = groupOf.get(rating.rater);
    if (group === undefined) continue;
    const list = byGroup.get(group) ?? [];
    list.push(rating.value);
    byGroup.set(group, list);
  }
  for (const [group, list] of byGroup) if (list.length === 0) byGroup.delete(group);
  return byGroup;
}

const rating = (rater: string, ratee: string, value: D): PeerRating => ({ rater, ratee, value, word: null, ref: { sheet: "上下互评", cell: "B2" } });

describe("peer review", () => {
  /** Raters in groups (some outside the order, some in none), ratings of two units from a pool of shared values. */
  const peerCase = fc.record({
    raterGroups: fc.array(fc.constantFrom("乡镇", "县直单位", "其他", "无"), { minLength: 1, maxLength: 12 }),
    order: fc.shuffledSubarray(["乡镇", "县直单位", "其他"]),
    cells: fc.array(fc.tuple(fc.integer({ min: 0, max: 11 }), fc.constantFrom("甲", "乙"), fc.integer({ min: 0, max: 5 })), { maxLength: 40 }),
    pool: fc.array(ratingText, { minLength: 6, maxLength: 6 }),
    weights: fc.tuple(fc.constantFrom("0", "0.5", "0.3", "1", "0.25"), fc.constantFrom("0", "0.5", "0.7", "0.25")),
    trimPeer: fc.boolean(),
    trimMinCount: fc.integer({ min: 1, max: 8 }),
    peerMinRatings: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    decimals: fc.integer({ min: 0, max: 3 }),
    peerPoints: fc.constantFrom("10", "15", "7.5"),
  });

  it("groups ratings and scores them as the plain way does, weights shared out, trimmed or not (property)", () => {
    fc.assert(
      fc.property(peerCase, (c) => {
        const pool = c.pool.map((text) => new D(text));
        const groupOf = new Map<string, string>();
        c.raterGroups.forEach((group, i) => {
          if (group !== "无") groupOf.set(`评${i}`, group);
        });
        const ratings = c.cells.map(([rater, ratee, value]) => rating(`评${rater % c.raterGroups.length}`, ratee, pool[value] as D));
        const params = {
          decimals: c.decimals,
          peerPoints: new D(c.peerPoints),
          peerWeights: new Map([
            ["乡镇", new D(c.weights[0])],
            ["县直单位", new D(c.weights[1])],
          ]),
          trimPeer: c.trimPeer,
          trimMinCount: c.trimMinCount,
          peerMinRatings: c.peerMinRatings,
        };
        const places = raterPlaces(groupOf, c.order);
        for (const ratee of ["甲", "乙"]) {
          const plainGroups = plainRatingsByRaterGroup(ratee, ratings, groupOf, c.order);
          expect([...ratingsByRaterGroup(ratee, ratings, groupOf, c.order)]).toEqual([...plainGroups]);
          expect([...ratingsByRaterGroup(ratee, ratings, groupOf, c.order, places)]).toEqual([...plainGroups]);
          const outcome = peerScore(ratee, ratings, groupOf, c.order, params, places);
          if (plainGroups.size === 0) {
            expect(outcome.kind).toBe("none");
            continue;
          }
          const groups = [...plainGroups].map(([group, values]) => ({ group, trimmed: plainTrimmedMean(values, c.trimPeer, c.trimMinCount, c.decimals), weight: params.peerWeights.get(group) ?? ZERO }));
          const ratingCount = [...plainGroups.values()].reduce((n, values) => n + values.length, 0);
          const weightSum = groups.reduce((total, g) => total.plus(g.weight), ZERO);
          const expectedKind = c.peerMinRatings !== null && ratingCount < c.peerMinRatings ? "tooFew" : weightSum.isZero() ? "noWeight" : "rated";
          expect(outcome.kind).toBe(expectedKind);
          if (outcome.kind === "none") continue;
          expect(outcome.groups.map((g) => [g.group, same(g.trimmed.mean), same(g.weight)])).toEqual(groups.map((g) => [g.group, same(g.trimmed.mean), same(g.weight)]));
          if (outcome.kind !== "rated") continue;
          const weighted = groups.reduce((total, g) => total.plus(g.weight.times(g.trimmed.mean)), ZERO);
          const score = roundHalfUp(weighted.div(weightSum), c.decimals);
          expect(same(outcome.weightSum)).toEqual(same(weightSum));
          expect(same(outcome.peerScore)).toEqual(same(score));
          expect(same(outcome.peer)).toEqual(same(roundHalfUp(score.div(HUNDRED).times(params.peerPoints), c.decimals)));
        }
      }),
      RUNS,
    );
  });

  it("counts the same ratings whether or not any is left out, and keeps the sheet's list when none is (property)", () => {
    const names = ["甲", "乙", "丙", "丁"];
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...names, "外单位"), fc.constantFrom(...names, "外单位"), fc.integer({ min: 60, max: 100 })), { maxLength: 30 }), fc.boolean(), (cells, uniform) => {
        const units = names.map((name) => ({ name }));
        const ratings = cells.map(([rater, ratee, value]) => rating(rater, ratee, new D(value)));
        const known = betweenUnits(ratings, units);
        const own = withoutSelfRatings(known.ratings);
        const counted = countedRatings(ratings, units, uniform);
        if (!uniform) {
          expect(counted.ratings).toEqual(own.ratings);
          expect(counted.issues).toEqual([...known.issues, ...own.issues]);
        }
        const clean = ratings.filter((r) => r.rater !== r.ratee && r.rater !== "外单位" && r.ratee !== "外单位");
        const all = countedRatings(clean, units, false);
        expect(all.ratings).toEqual(clean);
        expect(all.issues).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe("other rules", () => {
  it("rankTotals places as a sort by decimal.js's cmp does, ties and both rules (property)", () => {
    fc.assert(
      fc.property(pooledValues(valueText, 40), fc.constantFrom("dense" as const, "competition" as const), (totals, rule) => {
        const order = totals.map((_, i) => i).sort((a, b) => (totals[b] as D).cmp(totals[a] as D));
        const places = new Array<number>(totals.length).fill(0);
        let place = 0;
        let distinct = 0;
        order.forEach((index, position) => {
          const previous = order[position - 1];
          if (previous === undefined || !(totals[previous] as D).eq(totals[index] as D)) {
            distinct += 1;
            place = rule === "dense" ? distinct : position + 1;
          }
          places[index] = place;
        });
        expect(rankTotals(totals, rule)).toEqual(places);
      }),
      RUNS,
    );
  });

  it("normalise and satisfactionScore give the plain figures (property)", () => {
    const item = fc.option(fc.tuple(valueText, valueText), { nil: null });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 3 }), fc.integer({ min: 0, max: 3 }), fc.tuple(valueText, valueText, valueText), (items, places, [a, b, c]) => {
        const scored = items.map((i) => (i === null ? null : { points: new D(i[0]).abs(), score: new D(i[1]) }));
        let possible = ZERO;
        let earned = ZERO;
        for (const i of scored) {
          if (i === null) continue;
          possible = possible.plus(i.points);
          earned = earned.plus(i.score);
        }
        possible = roundHalfUp(possible, places);
        earned = roundHalfUp(earned, places);
        const n = normalise(scored, places);
        expect([same(n.possible), same(n.earned)]).toEqual([same(possible), same(earned)]);
        expect(n.normalised === null ? null : same(n.normalised)).toEqual(possible.isZero() ? null : same(roundHalfUp(earned.div(possible).times(HUNDRED), places)));

        const ballots = { kind: "ballots" as const, satisfied: new D(a).abs(), basic: new D(b).abs(), unsatisfied: new D(c).abs(), unknown: ZERO, ref: { sheet: "满意度", cell: "C2" } };
        const values = { satisfied: new D(100), basic: new D(80), unsatisfied: new D("30.5") };
        const weighted = ZERO.plus(ballots.satisfied.times(values.satisfied)).plus(ballots.basic.times(values.basic)).plus(ballots.unsatisfied.times(values.unsatisfied));
        const countable = ZERO.plus(ballots.satisfied).plus(ballots.basic).plus(ballots.unsatisfied);
        const outcome = satisfactionScore(ballots, { decimals: places, satisfactionPoints: new D("7.5"), ballotValues: values });
        if (countable.isZero()) {
          expect(outcome).toBeNull();
          return;
        }
        const percent = roundHalfUp(weighted.div(countable), places);
        expect(outcome === null ? null : [same(outcome.percent), same(outcome.score), same(outcome.ballots?.weighted ?? ZERO), same(outcome.ballots?.countable ?? ZERO)]).toEqual([
          same(percent),
          same(roundHalfUp(percent.div(HUNDRED).times(new D("7.5")), places)),
          same(weighted),
          same(countable),
        ]);
      }),
      RUNS,
    );
  });
});

describe("scaled figures (lib/rules/scaled.ts)", () => {
  /** Short figures of either sign with up to 6 decimals, and now and then a long or odd one. */
  const figure = fc.oneof(
    { weight: 4, arbitrary: decimalOf(10n ** 11n, 6) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 400 }).map((halves) => String(halves / 2)) },
    { weight: 1, arbitrary: fc.constantFrom("0", "-0", "9999999.9999", "10000000", "-9999999.9999", "0.0001", "0.00001", "1e-7", "NaN", "Infinity", "-Infinity") },
    { weight: 1, arbitrary: valueText },
  );

  it("scaled(x) is x × 10^4 when that is whole and x is below 10^7 in size, else NaN; −0 is NaN (property)", () => {
    fc.assert(
      fc.property(figure, (text) => {
        const x = new D(text);
        const got = scaled(x);
        const times = x.times(10_000);
        const expected = !x.isFinite() || x.isZero() && x.isNegative() || !times.isInteger() || x.abs().gte(1e7) ? Number.NaN : times.toNumber();
        expect(Object.is(got, expected) || (got === 0 && expected === 0)).toBe(true);
      }),
      { ...RUNS, numRuns: 3000 },
    );
  });

  it("fromScaled(n, scale) is n ÷ 10^scale as decimal.js writes it, first time and again (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 }), fc.constantFrom(0, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 30, -(2 ** 30))), fc.integer({ min: 0, max: 8 }), (n, scale) => {
        const plain = new D(n).div(new D(10).pow(scale));
        expect(same(fromScaled(n, scale))).toEqual(same(plain));
        expect(same(fromScaled(n, scale))).toEqual(same(plain));
      }),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it("roundedRatio is decimal.js's round(a ÷ b) to the places, or NaN (property)", () => {
    const whole = fc.oneof(fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: -100, max: 2 ** 40 }), fc.constantFrom(0, 1, 2 ** 53 - 1));
    fc.assert(
      fc.property(whole, fc.integer({ min: 0, max: 8 }), whole, fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 }), (n, na, m, mb, places) => {
        const got = roundedRatio(n, na, m, mb, places);
        if (Number.isNaN(got)) {
          // Gives up only outside its range: a below 0, b not above 0, a shift of more than 8 places, or a figure past 2^53.
          const shift = mb - na + places;
          const fits = n >= 0 && m > 0 && Math.abs(shift) <= 8 && Number.isSafeInteger(shift >= 0 ? n * 10 ** shift + m : n + m * 10 ** -shift);
          expect(fits).toBe(false);
          return;
        }
        const a = new D(n).div(new D(10).pow(na));
        const b = new D(m).div(new D(10).pow(mb));
        expect(new D(got).div(new D(10).pow(places)).eq(roundHalfUp(a.div(b), places))).toBe(true);
      }),
      { ...RUNS, numRuns: 5000 },
    );
  });

  it("roundedRatio rounds halves up and is not misled by a quotient near a whole number", () => {
    expect(roundedRatio(5, 0, 2, 0, 0)).toBe(3);
    expect(roundedRatio(4, 0, 2, 0, 0)).toBe(2);
    expect(roundedRatio(2 ** 53 - 3, 0, 2, 0, 0)).toBe(2 ** 52 - 1);
    expect(roundedRatio(4_503_599_627_368_999, 0, 4_503_599_627_369, 0, 0)).toBe(1000);
    expect(roundedRatio(4_503_599_627_369_000 - 2_251_799_813_685, 0, 4_503_599_627_369, 0, 0)).toBe(999);
    expect(roundedRatio(1, 0, 3, 0, 2)).toBe(33);
    expect(roundedRatio(2, 0, 3, 0, 2)).toBe(67);
  });

  it("totalScore gives the plain raw figure, floor and cap, short figures or not (property)", () => {
    fc.assert(
      fc.property(figure, figure, figure, fc.option(figure, { nil: null }), fc.integer({ min: 0, max: 4 }), (n, b, p, c, places) => {
        const [normalised, bonus, penalty] = [new D(n), new D(b), new D(p)];
        const cap = c === null ? null : new D(c);
        if (![normalised, bonus, penalty].every((x) => x.isFinite()) || (cap !== null && !cap.isFinite())) return;
        const raw = normalised.plus(bonus).minus(penalty);
        const got = totalScore(normalised, bonus, penalty, cap, places);
        const floored = raw.cmp(ZERO) < 0;
        const capped = !floored && cap !== null && raw.cmp(cap) > 0;
        expect([same(got.raw), got.floored, got.capped]).toEqual([same(raw), floored, capped]);
        expect(same(got.total)).toEqual(same(roundHalfUp(floored ? ZERO : capped && cap !== null ? cap : raw, places)));
      }),
      { ...RUNS, numRuns: 2000 },
    );
  });

  it("rules with figures that have no scaled form (long, negative, −0) give the plain results", () => {
    const long = new D("85.123456789");
    const t = trimmedMean([new D(90), long, new D(-5), new D(70)], true, 3, 2);
    expect(same(t.total)).toEqual(same(long.plus(70)));
    expect(same(trimmedMean([new D(90), long, new D(80)], false, 3, 2).total)).toEqual(same(new D(90).plus(long).plus(80)));
    expect(same(trimmedMean([new D(-0), new D(-0)], false, 3, 2).total)).toEqual(same(ZERO.plus(new D(-0)).plus(new D(-0))));
    expect(same(trimmedMean([new D(-3), new D(1)], false, 3, 2).mean)).toEqual(same(roundHalfUp(new D(-2).div(2), 2)));
    expect(same(sum([new D(-0)]))).toEqual(same(ZERO.plus(new D(-0))));
    expect(same(sum([new D(5), new D(-5)]))).toEqual(same(new D(5).minus(5)));
    expect(same(roundedShare(ZERO, new D(-5), 2))).toEqual(same(roundHalfUp(ZERO.div(HUNDRED).times(-5), 2)));
    expect(same(roundedQuotient(new D("-0.001"), new D(1), 2))).toEqual(same(roundHalfUp(new D("-0.001"), 2)));
  });
});
