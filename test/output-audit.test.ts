import { describe, expect, it } from "vitest";
import { renderAudit } from "../lib/output";
import { D } from "../lib/decimal";
import { sampleResult } from "./output-helpers";

describe("计算说明", () => {
  const sheet = renderAudit(sampleResult());
  const paramsRows = sheet.rows.filter((row) => row[0] === "参数");
  const paramValue = (item: string) => paramsRows.find((row) => row[2] === item)?.slice(3);

  it("keeps header row 1 machine-readable", () => {
    expect(sheet.name).toBe("计算说明");
    expect(sheet.rows[0]).toEqual(["排名分组", "单位名称", "项目", "结果", "计算过程"]);
  });

  it("copies every unit's lines in 结果 order, values as text exactly as given", () => {
    expect(sheet.rows.slice(1, 7)).toEqual([
      ["乡镇", "城关镇", "指标得分", "75.50", "各适用指标得分相加：40 + 35.5 = 75.50"],
      ["乡镇", "城关镇", "总分", "94.35", "93.45 + 2.50 − 1.60 = 94.35"],
      ["乡镇", "柳屯镇", "总分", "87.22", "总分为87.22分。"],
      ["乡镇", "文留镇", "总分", "87.22", "总分为87.22分。"],
      ["县直单位", "县司法局", "总分", "98.63", "总分为98.63分。"],
      ["县直单位", "县人民法院", "总分", "83.67", "总分为83.67分。"],
    ]);
  });

  it("puts the parameters below the units, after one blank row, under 排名分组 参数", () => {
    expect(sheet.rows[7]).toEqual([null, null, null, null, null]);
    expect(sheet.rows.slice(8).every((row) => row[0] === "参数" && row[1] === null)).toBe(true);
    expect(paramsRows.length).toBeGreaterThan(10);
  });

  it("states the parameters used, per rank group where they differ", () => {
    expect(paramValue("小数位数")?.[0]).toBe("2");
    expect(paramValue("满意度分值")?.[0]).toBe("10");
    expect(paramValue("互评权重-乡镇")?.[0]).toBe("50%");
    expect(paramValue("互评去掉最高最低分")).toEqual(["是", "每组评分不少于6个时，去掉一个最高分和一个最低分后再平均。"]);
    expect(paramValue("加分上限")).toEqual(["5", "加分合计超过5分的，按5分计。"]);
    expect(paramValue("扣分上限")?.[0]).toBe("10");
    expect(paramValue("总分上限")?.[0]).toBe("不设上限");
    expect(paramValue("等次分数线-乡镇")?.[0]).toBe("90、80、60");
    expect(paramValue("等次分数线-县直单位")?.[0]).toBe("85、75、60");
    expect(paramValue("优秀比例上限-乡镇")?.[0]).toBe("不限");
    expect(paramValue("优秀比例上限-县直单位")?.[0]).toBe("50%");
    expect(paramValue("优秀比例上限-县直单位")?.[1]).toContain("本组2个单位，优秀最多1个");
    expect(paramValue("名次规则")?.[0]).toBe("中国式排名");
  });

  it("names 跳位排名 and a fractional weight as people read them", () => {
    const other = renderAudit(sampleResult({ rankRule: "competition", peerWeights: new Map([["乡镇", new D(1).div(3)]]) }));
    const value = (item: string) => other.rows.find((row) => row[0] === "参数" && row[2] === item)?.[3];
    expect(value("名次规则")).toBe("跳位排名");
    expect(value("互评权重-乡镇")).toBe("33.3333%");
  });

  it("makes each unit's first line bold and shades every second unit", () => {
    const bold = sheet.format.styles.filter((style) => style.bold === true).map((style) => style.range);
    expect(bold).toEqual(expect.arrayContaining(["A2:C2", "A4:C4", "A5:C5", "A6:C6", "A7:C7"]));
    expect(bold).not.toContain("A3:C3");
    const shaded = sheet.format.styles.filter((style) => style.fill === "#F2F2F2").map((style) => style.range);
    expect(shaded).toEqual(["A4:E4", "A6:E6"]);
  });

  it("keeps every written cell text, so a figure such as 75.50 keeps its zeros", () => {
    const last = sheet.rows.length;
    expect(sheet.format.styles).toContainEqual({ range: `A2:E${last}`, numberFormat: "@", horizontal: "left" });
  });
});

describe("计算说明 with no unit", () => {
  it("lists the plain parameters right below the header", () => {
    const sheet = renderAudit({ ...sampleResult(), units: [], groups: [] });
    expect(sheet.rows[1]?.[2]).toBe("年度");
    expect(sheet.rows.find((row) => row[2] === "等次分数线")?.[3]).toBe("90、80、60");
    expect(sheet.rows.find((row) => row[2] === "优秀比例上限")?.[3]).toBe("不限");
  });
});
