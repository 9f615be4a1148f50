import { describe, expect, it } from "vitest";
import { renderOutputs } from "../lib/output";
import { GRADE_FILLS, NOT_APPLICABLE_FILL, OUTPUT_TAB, type SheetOut } from "../lib/format";
import { sampleResult } from "./output-helpers";

function results(decimals = 2): SheetOut {
  const sheet = renderOutputs(sampleResult({ decimals }))[0];
  if (sheet === undefined) throw new Error("no 结果 sheet");
  return sheet;
}

function styleAt(sheet: SheetOut, range: string) {
  return sheet.format.styles.filter((style) => style.range === range);
}

describe("renderOutputs", () => {
  it("gives 结果, 计算说明 and 汇总, in that order", () => {
    expect(renderOutputs(sampleResult()).map((sheet) => sheet.name)).toEqual(["结果", "计算说明", "汇总"]);
  });
});

const FOOTNOTE_DENSE =
  "名次规则：中国式排名，同分并列，下一名次连续（1、1、2）。总分相同的单位名次相同，按“考核对象”表中的先后排列；排名分组按其在“考核对象”表中首次出现的先后排列。";

describe("结果", () => {
  it("has the exact header row", () => {
    expect(results().rows[0]).toEqual([
      "排名分组", "名次", "单位名称", "类别", "指标得分", "指标应得分", "满意度得分", "互评得分",
      "换算得分", "加分", "扣分", "总分", "等次", "审定等次", "提示",
    ]);
  });

  it("writes one row per unit in result order, figures as numbers, 不适用 as text, notes joined by ；", () => {
    expect(results().rows.slice(1)).toEqual([
      ["乡镇", 1, "城关镇", "乡镇", 75.5, 80, 9.2, 8.75, 93.45, 2.5, 1.6, 94.35, "优秀", "优秀", ""],
      ["乡镇", 2, "柳屯镇", "乡镇", 70, 80, "不适用", 8.5, 87.22, 0, 0, 87.22, "良好", "良好", "未开展满意度调查，按应得分90分换算；并列"],
      ["乡镇", 2, "文留镇", "乡镇", 69.3, 80, 8.8, 9.12, 87.22, 0, 0, 87.22, "良好", "良好", "并列；排名最后"],
      ["县直单位", 1, "县司法局", "政府部门", 128.5, 137, 9.5, 9, 93.63, 5, 0, 98.63, "优秀", "优秀", "加分合计7分，按上限计5分"],
      ["县直单位", 2, "县人民法院", "法院检察院", 70, 80, 8, "不适用", 86.67, 0, 3, 83.67, "良好", "良好", "无上下互评评分，按应得分90分换算；排名最后"],
      [],
      ["注", null, null, null, null, null, null, null, null, null, null, null, null, null, FOOTNOTE_DENSE],
    ]);
  });

  it("says under the table which 名次规则 applied and the order of ties and groups (跳位排名 too)", () => {
    const jumping = { ...sampleResult(), params: { ...sampleResult().params, rankRule: "competition" as const } };
    expect(renderOutputs(jumping)[0]?.rows.at(-1)?.[14]).toBe(
      "名次规则：跳位排名，同分并列，下一名次跳过（1、1、3，同 Excel 的 RANK.EQ）。总分相同的单位名次相同，按“考核对象”表中的先后排列；排名分组按其在“考核对象”表中首次出现的先后排列。",
    );
    expect(styleAt(results(), "O8:O8")[0]).toMatchObject({ wrap: true });
  });

  it("rounds half up with 小数位数 0: 2.5 → 3, 1.6 → 2, 93.45 → 93", () => {
    const row = results(0).rows[1];
    expect(row?.slice(4, 12)).toEqual([76, 80, 9, 9, 93, 3, 2, 94]);
  });

  it("formats figures 0.00, or 0 when 小数位数 is 0", () => {
    expect(styleAt(results(), "E2:L6")).toEqual([{ range: "E2:L6", horizontal: "right" }, { range: "E2:L6", numberFormat: "0.00" }]);
    expect(styleAt(results(0), "E2:L6")).toEqual([{ range: "E2:L6", horizontal: "right" }, { range: "E2:L6", numberFormat: "0" }]);
    expect(styleAt(results(), "B2:B6")[0]?.numberFormat).toBe("0");
  });

  it("fills 等次 cells by grade, one range per run of equal grades", () => {
    const gradeStyles = results().format.styles.filter((style) => style.range.startsWith("M") && style.range !== "M1");
    expect(gradeStyles.map((style) => [style.range, style.fill])).toEqual([
      ["M2:M2", GRADE_FILLS["优秀"]],
      ["M3:M4", GRADE_FILLS["良好"]],
      ["M5:M5", GRADE_FILLS["优秀"]],
      ["M6:M6", GRADE_FILLS["良好"]],
    ]);
  });

  it("fills 审定等次 cells by the final grade and makes the ones the 审定 changed bold", () => {
    const base = sampleResult();
    const units = base.units.map((unit, index) => (index === 1 ? { ...unit, grade: "不合格" as const, computedGrade: unit.grade } : unit));
    const sheet = renderOutputs({ ...base, units })[0];
    const styles = sheet?.format.styles.filter((style) => style.range.startsWith("N") && style.range !== "N1") ?? [];
    expect(styles.map((style) => [style.range, style.fill ?? null, style.bold ?? null])).toEqual([
      ["N2:N2", GRADE_FILLS["优秀"], null],
      ["N3:N3", GRADE_FILLS["不合格"], null],
      ["N4:N4", GRADE_FILLS["良好"], null],
      ["N5:N5", GRADE_FILLS["优秀"], null],
      ["N6:N6", GRADE_FILLS["良好"], null],
      ["N3:N3", null, true],
    ]);
    expect(sheet?.rows[2]?.slice(12, 14)).toEqual(["良好", "不合格"]);
  });

  it("shades 不适用 cells grey and centres them", () => {
    const sheet = results();
    for (const range of ["G3:G3", "H6:H6"]) {
      expect(styleAt(sheet, range)).toEqual([{ range, fill: NOT_APPLICABLE_FILL, horizontal: "center" }]);
    }
    expect(sheet.format.styles.filter((style) => style.fill === NOT_APPLICABLE_FILL)).toHaveLength(2);
  });

  it("freezes the header row and the first three columns, fills the header, wraps 提示, colours the tab", () => {
    const { format } = results();
    expect([format.frozenRows, format.frozenColumns, format.tabColor]).toEqual([1, 3, OUTPUT_TAB]);
    expect(format.columnWidths).toHaveLength(15);
    expect(styleAt(results(), "A1:O1")[0]).toMatchObject({ bold: true, fill: "#D9E1F2" });
    expect(styleAt(results(), "O2:O6")[0]).toMatchObject({ wrap: true });
  });

  it("writes only the header and no body styles when there is no unit", () => {
    const empty = { ...sampleResult(), units: [], groups: [] };
    const sheet = renderOutputs(empty)[0];
    expect(sheet?.rows).toHaveLength(1);
    expect(sheet?.format.styles.map((style) => style.range)).toEqual(["A1:O1"]);
  });
});
