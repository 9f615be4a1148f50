import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appliesTo } from "../lib/applies";
import { D } from "../lib/decimal";
import { HEADER_FILL, INPUT_TAB, NOT_APPLICABLE_FILL, type SheetOut } from "../lib/format";
import { cellAddress } from "../lib/grid";
import { CATEGORIES, INPUT_SHEETS, PARAM_ROWS } from "../lib/layout";
import { buildTemplate, DEFAULT_INDICATORS } from "../lib/template";
import { halfPointScore } from "../lib/template/example/scores";
import { seededRandom } from "../lib/template/example/random";
import { scoresSheet } from "../lib/template/scoresSheet";
import { fitColumnWidths, textWidth } from "../lib/template/textWidth";
import { NO_SEEDS, readSeed } from "./helpers/seeds";

const sheets = buildTemplate({ year: 2025 });
const sheet = (name: string): SheetOut => {
  const found = sheets.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`no sheet ${name}`);
  return found;
};

/** Every A1 cell a range covers ("K3:N4" → K3 L3 M3 N3 K4 …). */
function cellsOf(range: string): string[] {
  const [start, end = start] = range.split(":") as [string, string?];
  const parse = (a1: string): [number, number] => {
    const match = /^([A-Z]+)(\d+)$/.exec(a1);
    if (match === null) throw new Error(a1);
    const column = [...(match[1] ?? "")].reduce((sum, letter) => sum * 26 + letter.charCodeAt(0) - 64, 0) - 1;
    return [Number(match[2]) - 1, column];
  };
  const [r1, c1] = parse(start);
  const [r2, c2] = parse(end ?? start);
  const cells: string[] = [];
  for (let row = r1; row <= r2; row++) for (let column = c1; column <= c2; column++) cells.push(cellAddress(row, column));
  return cells;
}

describe("buildTemplate (empty)", () => {
  it("gives the eight input sheets in workbook order", () => {
    expect(sheets.map((s) => s.name)).toEqual([...INPUT_SHEETS]);
  });

  it("writes the exact headers of spec §1", () => {
    expect(sheet("参数").rows[0]).toEqual(["参数", "值", "说明"]);
    expect(sheet("考核对象").rows[0]).toEqual(["序号", "单位名称", "类别", "排名分组", "上年名次", "上年等次"]);
    expect(sheet("考核指标").rows[0]).toEqual(["编号", "一级指标", "二级指标", "考核内容", "分值", "考核方式", "考核主体", "适用类别"]);
    expect(sheet("满意度").rows[0]).toEqual(["单位名称", "满意度(%)", "满意", "基本满意", "不满意", "不了解"]);
    expect(sheet("上下互评").rows[0]).toEqual(["被评单位"]);
    expect(sheet("加减分").rows[0]).toEqual(["单位名称", "类型", "分值", "事由", "依据", "情节严重", "重大法治问题"]);
  });

  it("heads 评分 with 单位名称, 类别 and one '编号 二级指标' column per indicator, 分值 in row 2", () => {
    const [header, maxRow, ...rest] = sheet("评分").rows;
    expect(header?.slice(0, 4)).toEqual(["单位名称", "类别", "1.1 深入学习宣传贯彻习近平法治思想", "1.2 全面落实中央、省、市、县关于法治建设决策部署"]);
    expect(header?.at(-1)).toBe("3.5.4 组织开展评议");
    expect(header).toHaveLength(36);
    expect(maxRow?.slice(0, 4)).toEqual(["分值", "", 5, 5]);
    expect(maxRow?.slice(14, 23)).toEqual([4.5, 4.5, 4.5, 4.5, 4.5, 4.5, 4, 4.5, 4.5]);
    expect(rest).toEqual([]);
  });

  it("leaves the data sheets empty", () => {
    for (const name of ["考核对象", "满意度", "上下互评", "加减分"]) expect(sheet(name).rows).toHaveLength(1);
  });

  it("offers the seven categories, the two rank groups and the four grades as drop-downs in 考核对象", () => {
    const validations = sheet("考核对象").format.validations;
    expect(validations.map((v) => [v.range, v.list])).toEqual([
      ["C2:C500", ["乡镇", "党委机关", "人大政协", "政府部门", "法院检察院", "群团机关", "驻县单位"]],
      ["D2:D500", ["乡镇", "县直单位"]],
      ["F2:F500", ["优秀", "良好", "合格", "不合格"]],
    ]);
    expect(CATEGORIES).toHaveLength(7);
  });

  it("writes one 参数 row per parameter with the year and the defaults of spec §3", () => {
    const rows = sheet("参数").rows.slice(1);
    expect(rows.map((row) => row[0])).toEqual(PARAM_ROWS.map((param) => param.name));
    const value = (name: string) => rows.find((row) => row[0] === name)?.[1];
    expect(value("年度")).toBe(2025);
    expect(value("小数位数")).toBe(2);
    expect(value("满意度分值")).toBe(10);
    expect(value("互评分值")).toBe(10);
    expect(value("互评权重-乡镇")).toBe("50%");
    expect(value("互评权重-县直单位")).toBe("50%");
    expect(value("互评去掉最高最低分")).toBe("是");
    expect(value("互评去极值最少人数")).toBe(6);
    expect(value("互评同分票无效")).toBe("否");
    expect(value("互评等级分")).toBe("好=100、较好=85、一般=70、差=55");
    expect(value("满意度票值")).toBe("满意=100、基本满意=80、不满意=30");
    expect(value("加分上限")).toBe(5);
    expect(value("扣分上限")).toBe(10);
    expect(value("总分上限")).toBeNull();
    expect([value("优秀分数线"), value("良好分数线"), value("合格分数线")]).toEqual([90, 80, 60]);
    expect(value("优秀比例上限")).toBeNull();
    expect(value("名次规则")).toBe("中国式排名");
    expect(value("退步较大名次")).toBe(5);
    expect(value("空白评分")).toBe("报错");
    expect(rows.every((row) => typeof row[2] === "string" && row[2].length > 5)).toBe(true);
  });

  it("puts drop-downs on the 值 of the 是/否 rows, 名次规则 and 空白评分 (rows counted by hand)", () => {
    expect(sheet("参数").format.validations.map((v) => [v.range, v.list])).toEqual([
      ["B8", ["是", "否"]],
      ["B10", ["是", "否"]],
      ["B20", ["中国式排名", "跳位排名"]],
      ["B22", ["报错", "按0分"]],
    ]);
  });

  it("offers 加分/扣分 and 是/否 drop-downs in 加减分", () => {
    expect(sheet("加减分").format.validations.map((v) => [v.range, v.list])).toEqual([
      ["B2:B500", ["加分", "扣分"]],
      ["F2:F500", ["是", "否"]],
      ["G2:G500", ["是", "否"]],
    ]);
  });

  it("dresses every input sheet: header fill in bold, frozen header, input tab colour, widths", () => {
    for (const s of sheets) {
      expect(s.format.tabColor).toBe(INPUT_TAB);
      expect(s.format.frozenRows).toBeGreaterThanOrEqual(1);
      const header = s.format.styles[0];
      expect(header?.range.endsWith("1")).toBe(true);
      expect(header?.fill).toBe(HEADER_FILL);
      expect(header?.bold).toBe(true);
      expect(s.format.columnWidths.length).toBeGreaterThanOrEqual(1);
      for (const v of s.format.validations) expect(v.prompt).toMatch(/[\u4e00-\u9fff]/);
    }
    expect([sheet("评分").format.frozenRows, sheet("评分").format.frozenColumns]).toEqual([2, 2]);
    expect(sheet("考核指标").format.styles.some((s) => s.range === "A2:A500" && s.numberFormat === "@")).toBe(true);
  });

  it("refuses a year that is not a whole year (a caller's bug)", () => {
    expect(() => buildTemplate({ year: 999 })).toThrow(RangeError);
    expect(() => buildTemplate({ year: Number.NaN })).toThrow(RangeError);
    expect(buildTemplate({ year: 1999 })[1]?.rows[1]).toEqual(["年度", 1999, "考核年度，显示在各表标题中。"]);
    expect(() => buildTemplate({ year: 2024.5 })).toThrow(RangeError);
  });
});

describe("the default indicators (考核方案 §四)", () => {
  // 考核方案 §四 itself (seed 000, second document): an extra layer, skipped with a notice where ../shared/seeds is absent.
  const schemeText = readSeed("000_da5a883e4d46e08d.txt");
  const rows = sheet("考核指标").rows.slice(1);

  it("has 34 indicators with text 编号 in the scheme's order", () => {
    expect(rows).toHaveLength(34);
    expect(rows.map((row) => row[0])).toEqual([
      "1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3",
      "3.1.1", "3.1.2", "3.1.3", "3.1.4",
      "3.2.1", "3.2.2", "3.2.3", "3.2.4", "3.2.5", "3.2.6", "3.2.7", "3.2.8", "3.2.9",
      "3.3.1", "3.3.2", "3.3.3", "3.3.4", "3.3.5", "3.3.6",
      "3.4.1", "3.4.2", "3.4.3",
      "3.5.1", "3.5.2", "3.5.3", "3.5.4",
    ]);
  });

  it("totals 40 for the 1+1 items and for each 分类职责 set", () => {
    const sum = (prefix: (code: string) => boolean) =>
      DEFAULT_INDICATORS.filter((i) => prefix(i.code)).reduce((total, i) => total.plus(new D(i.maxPoints)), new D(0)).toString();
    expect(sum((code) => code.startsWith("1.") || code.startsWith("2."))).toBe("40");
    for (const set of ["3.1.", "3.2.", "3.3.", "3.4.", "3.5."]) expect(sum((code) => code.startsWith(set))).toBe("40");
  });

  it("gives each category 100 or 140 points with 满意度 10 and 互评 10", () => {
    const possible = (category: string) =>
      DEFAULT_INDICATORS.filter((i) => appliesTo(i, { name: "某单位", category }))
        .reduce((total, i) => total.plus(new D(i.maxPoints)), new D(20))
        .toString();
    expect(Object.fromEntries(CATEGORIES.map((c) => [c.name, possible(c.name)]))).toEqual({
      乡镇: "140", 党委机关: "100", 人大政协: "100", 政府部门: "140", 法院检察院: "100", 群团机关: "100", 驻县单位: "140",
    });
  });

  it("uses whole or half points only", () => {
    for (const i of DEFAULT_INDICATORS) expect(new D(i.maxPoints).times(2).isInteger()).toBe(true);
  });

  it("writes each indicator as the scheme does: 二级指标 a heading without 。, 考核内容 sentences ending in 。, no stray spaces", () => {
    // The rule the seed test checks against the document itself, held here so that a plain clone tests it too.
    for (const i of DEFAULT_INDICATORS) {
      expect(i.level2, i.code).toMatch(/^[^\s。]+$/);
      expect(i.level2.length, i.code).toBeGreaterThanOrEqual(4);
      expect(i.content, i.code).toMatch(/^\S[^\s]*。$/);
      expect(i.content.length, i.code).toBeGreaterThan(20);
    }
    expect(new Set(DEFAULT_INDICATORS.map((i) => i.level2)).size).toBe(DEFAULT_INDICATORS.length);
  });

  it.skipIf(NO_SEEDS)("takes 二级指标 and 考核内容 verbatim from the scheme (needs the seed documents)", () => {
    for (const i of DEFAULT_INDICATORS) {
      expect(schemeText).toContain(`${i.level2}。${i.content}`);
      expect(i.content.length).toBeGreaterThan(20);
    }
  });

  it("names the 一级指标, 考核方式 and 适用类别 of spec §2", () => {
    const byCode = new Map(rows.map((row) => [row[0], row]));
    expect(byCode.get("1.3")?.[1]).toBe("加强党对法治建设的统一领导");
    expect(byCode.get("2.2")?.[1]).toBe("共同职责");
    expect(byCode.get("3.1.2")?.slice(1, 2)).toEqual(["分类职责：推进依法执政"]);
    expect(byCode.get("3.5.1")?.[1]).toBe("分类职责：开展“三促一评”");
    const categories = (code: string) => byCode.get(code)?.[7];
    expect(categories("1.1")).toBe("全部");
    expect(categories("2.3")).toBe("全部");
    expect(categories("3.1.4")).toBe("党委机关");
    expect(categories("3.2.9")).toBe("乡镇、政府部门、驻县单位");
    expect(categories("3.3.6")).toBe("法院检察院");
    expect(categories("3.4.1")).toBe("乡镇、群团机关、人大政协");
    expect(categories("3.5.4")).toBe("政府部门、驻县单位");
    for (const row of rows) expect(["日常评价", "监督督察", "集中评查", "网络检索", "实地考核"]).toContain(row[5]);
    for (const row of rows) expect(String(row[6])).toMatch(/^县/);
  });
});

describe("评分 pre-fills 不适用 exactly where an indicator does not apply", () => {
  const categoryNames = [...CATEGORIES.map((c) => c.name), "新增类别"];
  const unitsArb = fc.uniqueArray(
    fc.record({ name: fc.string({ minLength: 1, maxLength: 6 }), category: fc.constantFrom(...categoryNames) }),
    { selector: (unit) => unit.name, maxLength: 12 },
  );

  it("cells are 不适用 and shaded iff appliesTo is false, for any list of units", () => {
    fc.assert(
      fc.property(unitsArb, (raw) => {
        const units = raw.map((unit) => ({ ...unit, rankGroup: null, lastRank: null, lastGrade: null }));
        const out = scoresSheet(DEFAULT_INDICATORS, units, new Map());
        const shaded = new Set(out.format.styles.filter((s) => s.fill === NOT_APPLICABLE_FILL).flatMap((s) => cellsOf(s.range)));
        const expected = new Set<string>();
        units.forEach((unit, u) => {
          const row = out.rows[u + 2];
          expect(row?.slice(0, 2)).toEqual([unit.name, unit.category]);
          DEFAULT_INDICATORS.forEach((indicator, i) => {
            const applies = appliesTo(indicator, unit);
            expect(row?.[i + 2]).toBe(applies ? null : "不适用");
            if (!applies) expected.add(cellAddress(u + 2, i + 2));
          });
        });
        expect(shaded).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });

  it("shades a 党委机关 row in one run after its 1+1 and 推进依法执政 columns (checked by hand)", () => {
    const out = scoresSheet(DEFAULT_INDICATORS, [{ name: "县委办公室", category: "党委机关", rankGroup: null, lastRank: null, lastGrade: null }], new Map());
    // Columns: A B, 1.1–2.3 in C–J, 3.1.x in K–N, 3.2.1–3.5.4 in O–AJ.
    expect(out.format.styles.filter((s) => s.fill === NOT_APPLICABLE_FILL).map((s) => s.range)).toEqual(["O3:AJ3"]);
  });
});

describe("the example's number makers", () => {
  it("seededRandom stays within its bounds and repeats for one seed", () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.integer({ min: 0, max: 50 }), (seed, low, span) => {
        const first = seededRandom(seed);
        const second = seededRandom(seed);
        for (let draw = 0; draw < 20; draw++) {
          const value = first.int(low, low + span);
          expect(value).toBeGreaterThanOrEqual(low);
          expect(value).toBeLessThanOrEqual(low + span);
          expect(second.int(low, low + span)).toBe(value);
        }
      }),
      { numRuns: 50 },
    );
  });

  it("halfPointScore gives half points within [0, 分值], rising with the percentage", () => {
    const maxArb = fc.constantFrom(...DEFAULT_INDICATORS.map((i) => i.maxPoints));
    fc.assert(
      fc.property(maxArb, fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 }), (max, p, q) => {
        const score = new D(halfPointScore(max, p));
        expect(score.times(2).isInteger()).toBe(true);
        expect(score.gte(0) && score.lte(max)).toBe(true);
        if (p <= q) expect(score.lte(halfPointScore(max, q))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("halfPointScore rounds to the nearest half point, half up (worked by hand)", () => {
    // 4.5 × 91% = 4.095 → 4; 4.5 × 95% = 4.275 → 4.5; 13.5 × 75% = 10.125 → 10; 5 × 85% = 4.25 → 4.5 (half up); 7 × 120% → 7 (capped).
    expect([halfPointScore(4.5, 91), halfPointScore(4.5, 95), halfPointScore(13.5, 75), halfPointScore(5, 85), halfPointScore(7, 120)]).toEqual([4, 4.5, 10, 4.5, 7]);
  });
});

describe("text widths", () => {
  it("counts Chinese and full-width characters as two", () => {
    expect(textWidth("考核")).toBe(4);
    expect(textWidth("ab1")).toBe(3);
    expect(textWidth("８５．５")).toBe(8);
    expect(textWidth("分值（%）")).toBe(9);
  });

  it("fits columns between each column's minimum and the maximum", () => {
    // 单位名称 8 + 2 = 10 over minimum 6; blank and 1 → 3 under minimum 6; 80 x → capped at 30; a fourth column only from its minimum.
    expect(fitColumnWidths([["单位名称", null, "x".repeat(80)], ["城关镇", 1]], [6, 6, 6, 12], 30)).toEqual([10, 6, 30, 12]);
  });
});

describe("说明", () => {
  const text = sheet("说明").rows.map((row) => row[0]).join("\n");
  it("explains every sheet, 不适用, blanks, caps, grades and each 提示", () => {
    for (const word of [
      "1+1+N", "百分制", "换算", "参数", "考核对象", "考核指标", "评分", "满意度", "上下互评", "加减分", "不适用", "“/”", "空白",
      "加分上限", "扣分上限", "优秀", "良好", "合格", "不合格", "结果", "计算说明", "汇总", "从不修改",
      "排名最后", "退步较大", "连续两年优秀", "制发法治建议书", "约谈、责令整改", "并列", "超出优秀比例",
      "加分按上限计", "扣分按上限计", "情节严重不得评为优秀", "未参加满意度调查", "无互评",
    ]) expect(text).toContain(word);
  });
  it("puts one paragraph per row in column A, wrapped in a wide column", () => {
    const guide = sheet("说明");
    expect(guide.rows.every((row) => row.length === 1)).toBe(true);
    expect(guide.rows[0]?.[0]).toBe("2025年度法治建设考核工作簿  填写说明");
    expect(guide.format.columnWidths[0]).toBeGreaterThanOrEqual(80);
    expect(guide.format.styles.some((s) => s.range === `A2:A${guide.rows.length}` && s.wrap === true)).toBe(true);
  });
});
