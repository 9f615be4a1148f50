import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderTable } from "../bin/table";
import { displayWidth, pad, shorten } from "../bin/width";

describe("display width (CJK counts double)", () => {
  it.each([
    ["", 0],
    ["92.35", 5],
    ["城关镇", 6],
    ["排名最后：通报警示", 18],
    ["ＡＢ", 4],
    ["A、B", 4],
  ])("%j is %i columns", (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it("pad reaches the width exactly when the text is narrower", () => {
    fc.assert(
      fc.property(fc.string(), fc.nat(60), fc.constantFrom("left" as const, "right" as const), (text, width, align) => {
        expect(displayWidth(pad(text, width, align))).toBe(Math.max(width, displayWidth(text)));
      }),
    );
  });

  it("shorten never exceeds the width, and keeps text that fits", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom("法", "治", "a", "1", "；") }), fc.integer({ min: 2, max: 30 }), (text, width) => {
        const short = shorten(text, width);
        expect(displayWidth(short)).toBeLessThanOrEqual(width);
        if (displayWidth(text) <= width) expect(short).toBe(text);
        else expect(short.endsWith("…")).toBe(true);
      }),
    );
  });

  it("cuts 提示 with …", () => {
    expect(shorten("排名最后：通报警示；制发法治建议书", 12)).toBe("排名最后：…");
  });

  it("aligns a table with Chinese names", () => {
    expect(renderTable(["名次", "单位名称"], [["1", "城关镇"], ["10", "县司法局"]], ["right", "left"])).toEqual([
      "名次  单位名称",
      "   1  城关镇",
      "  10  县司法局",
    ]);
  });
});
