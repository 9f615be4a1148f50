import { describe, expect, it } from "vitest";
import { renderSummary } from "../lib/output";
import { GRADE_FILLS } from "../lib/format";
import { sampleResult } from "./output-helpers";

describe("汇总", () => {
  const sheet = renderSummary(sampleResult());

  it("has the exact header and one row per rank group: counts, highest, lowest, mean, 说明", () => {
    expect(sheet.rows.slice(0, 3)).toEqual([
      ["排名分组", "单位数", "优秀", "良好", "合格", "不合格", "最高分", "最低分", "平均分", "说明"],
      ["乡镇", 3, 1, 2, 0, 0, 94.35, 87.22, 89.6, "未设优秀比例上限"],
      ["县直单位", 2, 1, 1, 0, 0, 98.63, 83.67, 91.15, "优秀比例上限50%，本组最多1个优秀"],
    ]);
  });

  it("formats counts 0 and scores by 小数位数", () => {
    expect(sheet.format.styles).toContainEqual({ range: "B2:F3", numberFormat: "0", horizontal: "center" });
    expect(sheet.format.styles).toContainEqual({ range: "G2:I3", numberFormat: "0.00" });
    const whole = renderSummary(sampleResult({ decimals: 0 }));
    expect(whole.format.styles).toContainEqual({ range: "G2:I3", numberFormat: "0" });
    // 89.5966… → 90, 87.22 → 87
    expect(whole.rows[1]?.slice(6, 9)).toEqual([94, 87, 90]);
  });

  it("draws 等次分布 below as text bars, one █ per unit, never a formula", () => {
    expect(sheet.rows.slice(3)).toEqual([
      [],
      ["等次分布"],
      ["排名分组", "等次", "单位数", "图示"],
      ["乡镇", "优秀", 1, "█"],
      ["乡镇", "良好", 2, "██"],
      ["乡镇", "合格", 0, null],
      ["乡镇", "不合格", 0, null],
      ["县直单位", "优秀", 1, "█"],
      ["县直单位", "良好", 1, "█"],
      ["县直单位", "合格", 0, null],
      ["县直单位", "不合格", 0, null],
    ]);
  });

  it("fills each grade of the chart with its colour and draws its bar in a darker shade", () => {
    expect(sheet.format.styles).toContainEqual({ range: "B7:B7", fill: GRADE_FILLS["优秀"], horizontal: "center" });
    expect(sheet.format.styles).toContainEqual({ range: "B14:B14", fill: GRADE_FILLS["不合格"], horizontal: "center" });
    expect(sheet.format.styles).toContainEqual({ range: "D8:D8", fontColor: "#2F75B5" });
  });

  it("says when a tie exceeded the quota", () => {
    const result = sampleResult();
    const groups = result.groups.map((group) => (group.rankGroup === "县直单位" ? { ...group, quotaExceededByTie: true } : group));
    const tied = renderSummary({ ...result, groups });
    expect(tied.rows[2]?.[9]).toBe("优秀比例上限50%，本组最多1个优秀；因并列超出优秀比例");
  });
});

describe("汇总 with no rank group", () => {
  it("keeps the header and an empty 等次分布, with no style on an empty range", () => {
    const sheet = renderSummary({ ...sampleResult(), units: [], groups: [] });
    expect(sheet.rows).toEqual([
      ["排名分组", "单位数", "优秀", "良好", "合格", "不合格", "最高分", "最低分", "平均分", "说明"],
      [],
      ["等次分布"],
      ["排名分组", "等次", "单位数", "图示"],
    ]);
    expect(sheet.format.styles.map((style) => style.range)).toEqual(["A1:J1", "A3:A3", "A4:D4"]);
  });
});
