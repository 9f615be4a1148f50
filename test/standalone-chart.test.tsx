// @vitest-environment jsdom
import { afterEach, describe, expect, it } from "vitest";
import { cleanup, render, screen } from "@testing-library/react";
import { describeChart, GradeChart, layoutBars, type ChartGroup } from "../addin/standalone/GradeChart";

const GROUPS: ChartGroup[] = [
  { rankGroup: "乡镇", byGrade: { 优秀: 2, 良好: 4, 合格: 1, 不合格: 0 } },
  { rankGroup: "县直单位", byGrade: { 优秀: 3, 良好: 2, 合格: 0, 不合格: 1 } },
];

describe("layoutBars", () => {
  it("draws one bar per 等次 per 排名分组, heights in proportion to the largest count (4 → 160 px)", () => {
    const { bars } = layoutBars(GROUPS);
    expect(bars).toHaveLength(8);
    expect(bars.map((b) => `${b.rankGroup}${b.grade}:${b.height}`)).toEqual([
      "乡镇优秀:80",
      "乡镇良好:160",
      "乡镇合格:40",
      "乡镇不合格:0",
      "县直单位优秀:120",
      "县直单位良好:80",
      "县直单位合格:0",
      "县直单位不合格:40",
    ]);
  });

  it("stands every bar on the same baseline, left to right without overlap", () => {
    const { bars, width } = layoutBars(GROUPS);
    const baselines = new Set(bars.map((b) => b.y + b.height));
    expect(baselines.size).toBe(1);
    for (let i = 1; i < bars.length; i++) expect(bars[i]!.x).toBeGreaterThanOrEqual(bars[i - 1]!.x + bars[i - 1]!.width);
    expect(bars.at(-1)!.x + bars.at(-1)!.width).toBeLessThanOrEqual(width);
  });

  it("draws nothing tall when every count is zero (no division by zero)", () => {
    const { bars } = layoutBars([{ rankGroup: "乡镇", byGrade: { 优秀: 0, 良好: 0, 合格: 0, 不合格: 0 } }]);
    expect(bars.every((b) => b.height === 0)).toBe(true);
  });
});

describe("GradeChart", () => {
  afterEach(cleanup);

  it("says in words what it shows, for people who cannot see it", () => {
    expect(describeChart(GROUPS)).toBe("乡镇：优秀 2 个、良好 4 个、合格 1 个、不合格 0 个；县直单位：优秀 3 个、良好 2 个、合格 0 个、不合格 1 个");
    render(<GradeChart groups={GROUPS} />);
    const chart = screen.getByRole("img");
    expect(chart.getAttribute("aria-label")).toContain("乡镇：优秀 2 个");
  });

  it("labels each bar with its count and each cluster with its 排名分组", () => {
    const { container } = render(<GradeChart groups={GROUPS} />);
    const bar = container.querySelector('g[data-group="县直单位"][data-grade="优秀"]')!;
    expect(bar.querySelector("rect")!.getAttribute("height")).toBe("120");
    expect(bar.querySelector("text")!.textContent).toBe("3");
    const texts = [...container.querySelectorAll("text")].map((t) => t.textContent);
    expect(texts).toContain("乡镇");
    expect(texts).toContain("县直单位");
  });
});
