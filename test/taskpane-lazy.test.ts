import { describe, expect, it } from "vitest";
import { createExcelHost } from "../addin/excel/excelHost";
import { EXCEL_HOST_METHODS, lazyHost } from "../addin/taskpane/lazyHost";
import { FakeWorkbook } from "../fakes/excel";

describe("the task pane's lazy Excel host (issue 14 item 2)", () => {
  it("names exactly the Excel host's methods, so the pane shows the same actions before the host is loaded", () => {
    const host = createExcelHost({ run: new FakeWorkbook().run, supports: () => true });
    expect([...EXCEL_HOST_METHODS].sort()).toEqual(Object.keys(host).sort());
  });

  it("loads the host once, on the first call, and passes calls and answers through", async () => {
    const book = new FakeWorkbook();
    let loads = 0;
    const host = lazyHost(async () => {
      loads += 1;
      return createExcelHost({ run: book.run, supports: () => true });
    });
    expect(loads).toBe(0);
    expect(typeof host.selectCell).toBe("function");
    expect(host.openFile).toBeUndefined();
    expect(await host.listExistingInputSheets()).toEqual([]);
    await host.createTemplate({ year: 2025, example: true, onlyMissing: true });
    expect((await host.listExistingInputSheets()).length).toBeGreaterThan(0);
    expect(loads).toBe(1);
  });
});
