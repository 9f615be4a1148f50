import { describe, expect, it } from "vitest";
import { createExcelHost } from "../addin/excel/excelHost";
import { TEMPORARY_SUFFIX } from "../addin/excel/messages";
import { friendlyMessage } from "../addin/ui/errors";
import { OFFICE_ERROR_TEXT } from "../addin/ui/messages";
import { generateSheets } from "../bench/generate";
import type { CellValue, WorkbookGrids } from "../lib/grid";
import { HEADERS, INPUT_SHEETS, OUTPUT_SHEETS, SHEET } from "../lib/layout";
import { runAssessment } from "../lib/run";
import { FakeWorkbook, visible } from "../fakes/excel";
import { validWorkbook } from "./helpers/workbook";

/**
 * Issue 21: the Excel host against what real Excel does. Each test fails on the host as it was (outputs deleted and
 * recreated, no delayForCellEdit, a chained call on a possibly-null sheet, decorations in the swap's sync, RangeExceedsLimit
 * not caught, 参数 read through text), against a fake as strict as Excel (fakes/excel.ts).
 */

const OLD_OUTPUTS: Record<string, CellValue[][]> = {
  [SHEET.results]: [["旧结果", 1]],
  [SHEET.audit]: [["旧计算说明"]],
  [SHEET.summary]: [["旧汇总"]],
};

function sheetsOf(book: WorkbookGrids): Record<string, CellValue[][]> {
  return Object.fromEntries(book.sheets.map((sheet) => [sheet.name, sheet.rows.map((row) => [...row])]));
}

/** The small valid workbook as the template makes it, with 平时考核 (header only): every input sheet is there. */
function template(): Record<string, CellValue[][]> {
  return { ...sheetsOf(validWorkbook()), [SHEET.daily]: [[...HEADERS.daily]], [SHEET.review]: [[...HEADERS.review]] };
}

/** The library's outputs for the template-made workbook (计算说明's 核验 fingerprints cover every input sheet read). */
const newOutputs = runAssessment({ sheets: Object.entries(template()).map(([name, rows]) => ({ name, rows })) }).outputs ?? [];

/** Every output sheet holds the library's new grid. */
function expectNewOutputs(book: FakeWorkbook): void {
  // 计算说明 ends with the 核验 fingerprint rows, which carry the time of the run: the library's rows come before them.
  for (const out of newOutputs) expect(visible(book.grid(out.name)).slice(0, visible(out.rows).length)).toEqual(visible(out.rows));
}

function temporaries(book: FakeWorkbook): string[] {
  return book.sheets.map((sheet) => sheet.name).filter((name) => name.includes(TEMPORARY_SUFFIX));
}

describe("output sheets keep their identity (a user's formula or name pointing at 结果 stays valid)", () => {
  it.each([
    ["1.20", "copied in with Range.copyFrom"],
    ["1.8", "written in place (no copyFrom before ExcelApi 1.9)"],
  ])("ExcelApi %s: %s", async (api) => {
    const book = new FakeWorkbook({ ...template(), ...OLD_OUTPUTS, 我的汇总: [[{ formula: "=结果!E2" }, { formula: "=SUM(汇总!B2:B3)" }]] });
    book.api = api;
    book.names.set("优秀名单", "结果!$A$1:$E$9");
    const host = createExcelHost({ run: book.run, supports: book.supports });
    for (let click = 0; click < 2; click += 1) {
      const outcome = await host.compute(() => undefined);
      expect(outcome.result).not.toBeNull();
      expect(outcome.issues.filter((issue) => issue.code === "excel.decorations")).toEqual([]);
    }
    expect(book.formula("我的汇总", "A1")).toBe("=结果!E2");
    expect(book.formula("我的汇总", "B1")).toBe("=SUM(汇总!B2:B3)");
    expect(book.names.get("优秀名单")).toBe("结果!$A$1:$E$9");
    expect(book.structure.filter((change) => change.kind === "delete" && (OUTPUT_SHEETS as readonly string[]).includes(change.sheet))).toEqual([]);
    expectNewOutputs(book);
    expect(temporaries(book)).toEqual([]);
    expect(book.sheets.map((sheet) => sheet.name).sort()).toEqual([...INPUT_SHEETS, ...OUTPUT_SHEETS, "我的汇总"].sort());
  });

  it("writes into an output sheet the user made VeryHidden (Excel refuses to delete one), and leaves it hidden", async () => {
    const book = new FakeWorkbook({ ...template(), ...OLD_OUTPUTS });
    const results = book.find(SHEET.results);
    if (results) results.visibility = "VeryHidden";
    const outcome = await createExcelHost({ run: book.run, supports: book.supports }).compute(() => undefined);
    expect(outcome.result).not.toBeNull();
    expect(book.find(SHEET.results)?.visibility).toBe("VeryHidden");
    expectNewOutputs(book);
    // Excel cannot show a hidden sheet: the next output is shown instead.
    expect(book.structure.filter((change) => change.kind === "activate")).toMatchObject([{ sheet: SHEET.audit }]);
  });
});

describe("cell-edit mode: Excel refuses every request while the user types in a cell", () => {
  it("waits for the edit to end when Excel honours delayForCellEdit, then writes", async () => {
    const book = new FakeWorkbook({ ...template(), ...OLD_OUTPUTS });
    book.startCellEdit();
    let done = false;
    const running = createExcelHost({ excel: book.excel, supports: book.supports })
      .compute(() => undefined)
      .then((outcome) => {
        done = true;
        return outcome;
      });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    expect(book.syncs).toEqual([]);
    book.endCellEdit();
    expect((await running).result).not.toBeNull();
    expectNewOutputs(book);
  });

  it("where Excel ignores delayForCellEdit, fails with the code the pane turns into 请按 Enter…", async () => {
    const book = new FakeWorkbook({ ...template(), ...OLD_OUTPUTS });
    book.delayForCellEditSupported = false;
    book.startCellEdit();
    const failure = await createExcelHost({ excel: book.excel, supports: book.supports })
      .compute(() => undefined)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(friendlyMessage(failure)).toBe(OFFICE_ERROR_TEXT.cellEditMode);
    expect(friendlyMessage(failure)).toContain("按 Enter");
    expect(book.writes).toEqual([]);
  });

  it("temporaries left when the edit began mid-write (even the clean-up refused) are removed by the next run", async () => {
    // 1,200 units: the write takes two requests; the user starts typing after the first.
    const sheets = generateSheets(1200);
    const book = new FakeWorkbook({ ...Object.fromEntries(sheets.map((sheet) => [sheet.name, sheet.rows])), ...OLD_OUTPUTS });
    const sync = book.sync.bind(book);
    let calls = 0;
    book.sync = async () => {
      calls += 1;
      // Sync 1 reads the inputs; syncs 2 and 3 the old 结果 and 计算说明 (for "what changed": the old 计算说明 is one row,
      // too short for its last rows to be asked for, so both are read whole after that refusal); sync 4 is the first
      // write request: then the user clicks into a cell.
      if (calls === 5) book.startCellEdit();
      return sync();
    };
    const host = createExcelHost({ run: book.run, supports: book.supports });
    await expect(host.compute(() => undefined)).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(temporaries(book).length).toBeGreaterThan(0);
    expect(book.grid(SHEET.results)).toEqual(OLD_OUTPUTS[SHEET.results]);
    book.endCellEdit();
    const outcome = await host.compute(() => undefined);
    expect(outcome.result?.units).toHaveLength(1200);
    expect(temporaries(book)).toEqual([]);
    expect(book.sheets.map((sheet) => sheet.name).sort()).toEqual([...sheets.map((sheet) => sheet.name), ...OUTPUT_SHEETS].sort());
  }, 120_000);

  it("removes only our own leftover temporaries, never a sheet of the user's", async () => {
    const mine = [`${SHEET.results}${TEMPORARY_SUFFIX}`, `${SHEET.audit}${TEMPORARY_SUFFIX}2`, `${SHEET.summary}${TEMPORARY_SUFFIX}`];
    const theirs = [`${SHEET.results}（新1）`, `${SHEET.results}${TEMPORARY_SUFFIX}备注`, `我的${SHEET.results}${TEMPORARY_SUFFIX}`];
    const book = new FakeWorkbook({ ...template(), ...Object.fromEntries([...mine, ...theirs].map((name) => [name, [["x"]]])) });
    await createExcelHost({ run: book.run, supports: book.supports }).compute(() => undefined);
    const names = book.sheets.map((sheet) => sheet.name);
    for (const name of mine) expect(names).not.toContain(name);
    for (const name of theirs) expect(names).toContain(name);
  });
});

describe("reading a workbook whatever Excel does with a missing sheet", () => {
  it.each([true, false])("a missing input sheet gives the reader's message (Excel refusing chained calls on null objects: %s)", async (strict) => {
    const sheets = sheetsOf(validWorkbook());
    delete sheets[SHEET.satisfaction];
    const book = new FakeWorkbook(sheets);
    book.strictNullObjects = strict;
    const issues = await createExcelHost({ run: book.run, supports: book.supports }).check();
    expect(issues.some((issue) => issue.sheet === SHEET.satisfaction)).toBe(true);
    // Refused: the one-sync read, then the names, then the sheets. Accepted: one sync.
    expect(book.syncCount).toBe(strict ? 3 : 1);
  });

  it("a stray entry far down 评分 (over Excel's 5,000,000-cell read) is named by its cell, not a failed read", async () => {
    const sheets = sheetsOf(validWorkbook());
    const scores = sheets[SHEET.scores] ?? [];
    const far: CellValue[] = [];
    far[99] = "x";
    scores[59_999] = far;
    const book = new FakeWorkbook(sheets);
    const host = createExcelHost({ run: book.run, supports: book.supports });
    const issues = await host.check();
    // The one-sync read refused (RangeExceedsLimit), the names, the sizes: 评分 is A1:CV60000, 6,000,000 cells.
    expect(book.syncs.map((sync) => sync.failed ?? "")).toEqual(["RangeExceedsLimit", "", ""]);
    expect(issues).toMatchObject([{ level: "error", code: "excel.usedRangeTooLarge", sheet: SHEET.scores, cell: "CV60000" }]);
    expect(issues[0]?.message).toContain("CV60000");
    expect(issues[0]?.message).toContain("6,000,000");
    const outcome = await host.compute(() => undefined);
    expect(outcome).toMatchObject({ result: null, issues: [{ code: "excel.usedRangeTooLarge" }] });
    expect(book.writes).toEqual([]);
  });
});

describe("decorations after the outputs are in place", () => {
  it.each(["chart", "freeze"] as const)("a failing %s is a 提示: the outputs are new, the run succeeds", async (kind) => {
    const book = new FakeWorkbook(template());
    book.refuse[kind] = "InvalidArgument";
    const outcome = await createExcelHost({ run: book.run, supports: book.supports }).compute(() => undefined);
    expect(outcome.result).not.toBeNull();
    expect(outcome.issues.filter((issue) => issue.code === "excel.decorations")).toMatchObject([
      { level: "warning", sheet: SHEET.results, cell: "A1", message: expect.stringContaining("InvalidArgument") },
    ]);
    expectNewOutputs(book);
    expect(temporaries(book)).toEqual([]);
  });
});

describe("Excel's real error codes", () => {
  it("a protected output sheet refuses the write with AccessDenied: old outputs kept, temporaries removed, the pane says 撤销保护", async () => {
    const book = new FakeWorkbook({ ...template(), ...OLD_OUTPUTS });
    const results = book.find(SHEET.results);
    if (results) results.protected = true;
    const failure = await createExcelHost({ run: book.run, supports: book.supports })
      .compute(() => undefined)
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ code: "AccessDenied" });
    expect(friendlyMessage(failure)).toBe(OFFICE_ERROR_TEXT.protectedSheet);
    for (const name of OUTPUT_SHEETS) expect(book.grid(name)).toEqual(OLD_OUTPUTS[name]);
    expect(temporaries(book)).toEqual([]);
  });
});

describe("参数 at a glance", () => {
  it("is read through values, not the displayed text (#### in a narrow column)", async () => {
    const book = new FakeWorkbook(template());
    const params = book.grid(SHEET.params);
    const row = params.findIndex((line) => line[0] === "小数位数");
    book.displayed.set(`${SHEET.params}!B${row + 1}`, "####");
    const rows = await createExcelHost({ run: book.run, supports: book.supports }).readParams();
    expect(rows.find((line) => line.name === "小数位数")?.value).toBe(String(params[row]?.[1]));
    expect(rows.some((line) => line.value === "####")).toBe(false);
  });
});
