import { describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import { FileHost, type FileLike } from "../addin/standalone/fileHost";
import { parseWorkPlan } from "../lib/plan";
import { buildTemplate } from "../lib/template";

function fileOf(name: string, bytes: Uint8Array): FileLike {
  return { name, arrayBuffer: async () => bytes.slice().buffer };
}

// One task, by hand: 编号 1, 二级指标 推进机构改革, 考核主体 县委编办, 适用类别 乡镇, 分值 the whole 40.
const PLAN = "一、依法履职\n（一）推进机构改革。按时完成改革任务。\n牵头单位：县委编办\n责任单位：各乡镇人民政府、街道办事处";

describe("FileHost 导入工作安排", () => {
  it("downloads a copy with the new 考核指标, the old one kept as 考核指标（原）, only when replacing is confirmed", async () => {
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const host = new FileHost({ pickFile: async () => null, saveBytes: (bytes, name) => saved.push({ name, bytes }) });
    await host.load(fileOf("考核.xlsx", await buildWorkbook(buildTemplate({ year: 2024, example: true }))));
    expect(host.indicatorRowCount()).toBeGreaterThan(0);
    expect(host.planUnits()?.length).toBeGreaterThan(0);
    const { rows } = parseWorkPlan(PLAN);
    await expect(host.importIndicators(rows, { replace: false })).rejects.toThrow();
    expect(saved).toEqual([]);
    expect(await host.importIndicators(rows, { replace: true })).toEqual({ kept: "考核指标（原）" });
    expect(saved.map((s) => s.name)).toEqual(["考核（新指标）.xlsx"]);
    const book = await readWorkbookGrids(saved[0]?.bytes ?? new Uint8Array());
    const indicators = book.sheets.find((s) => s.name === "考核指标");
    expect(indicators?.rows[1]).toEqual(["1", "依法履职", "推进机构改革", "按时完成改革任务。", 40, null, "县委编办", "乡镇"]);
    expect(book.sheets.map((s) => s.name)).toContain("考核指标（原）");
    // The workbook opened is unchanged: its own 考核指标 still has the template's rows.
    expect(host.indicatorRowCount()).toBeGreaterThan(1);
  });
});
