import { describe, expect, it } from "vitest";
import { createExcelHost } from "../addin/excel/excelHost";
import { HEADERS } from "../lib/layout";
import { parseWorkPlan } from "../lib/plan";
import { FakeWorkbook } from "../fakes/excel";

const all = () => true;

// One task, by hand: 编号 1, 二级指标 推进机构改革, 考核主体 县委编办, 适用类别 乡镇 (the named 甲局 is not a unit), 分值 40.
const PLAN = "一、依法履职\n（一）推进机构改革。按时完成改革任务。\n牵头单位：县委编办\n责任单位：各乡镇人民政府、街道办事处";

const UNITS = [[...HEADERS.units], [1, "城关镇", "乡镇"], [2, "县司法局", "政府部门"]];
const OLD = [[...HEADERS.indicators], ["1.1", "共同职责", "学法", null, 5, null, "县司法局", "全部"]];

describe("Excel host 导入工作安排", () => {
  it("reads the 考核对象 and counts the indicator rows", async () => {
    const book = new FakeWorkbook({ 考核对象: UNITS, 考核指标: OLD });
    const host = createExcelHost({ run: book.run, supports: all });
    expect(await host.readPlanContext?.()).toEqual({
      units: [
        { name: "城关镇", category: "乡镇" },
        { name: "县司法局", category: "政府部门" },
      ],
      indicatorRows: 1,
    });
  });

  it("renames the old 考核指标 to 考核指标（原） before adding the new one, and 考核指标（原2） next time", async () => {
    const book = new FakeWorkbook({ 考核对象: UNITS, 考核指标: OLD });
    const host = createExcelHost({ run: book.run, supports: all });
    const { rows } = parseWorkPlan(PLAN);
    expect(await host.importIndicators?.(rows, { replace: true })).toEqual({ kept: "考核指标（原）" });
    expect(book.grid("考核指标（原）")).toEqual(OLD);
    expect(book.grid("考核指标")[1]).toEqual(["1", "依法履职", "推进机构改革", "按时完成改革任务。", 40, null, "县委编办", "乡镇"]);
    expect(book.structure.filter((s) => s.kind !== "activate").map((s) => s.kind)).toEqual(["rename", "add"]);
    expect(await host.importIndicators?.(rows, { replace: true })).toEqual({ kept: "考核指标（原2）" });
    expect(book.sheets.map((s) => s.name)).toEqual(["考核对象", "考核指标（原）", "考核指标（原2）", "考核指标"]);
  });

  it("adds 考核指标 when the workbook has none, keeping nothing", async () => {
    const book = new FakeWorkbook({ 考核对象: UNITS });
    const host = createExcelHost({ run: book.run, supports: all });
    expect(await host.importIndicators?.(parseWorkPlan(PLAN).rows, { replace: false })).toEqual({ kept: null });
    expect(book.grid("考核指标")[0]).toEqual([...HEADERS.indicators]);
  });
});
