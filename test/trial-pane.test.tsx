// @vitest-environment jsdom
/**
 * 试算 in the pane and the page (issue 16 §2, §4): the Excel host over the counting fake (a preview writes nothing;
 * 应用 writes exactly the 参数 cells previewed, then the outputs; a 参数 changed since the preview writes nothing), the
 * TrialSection as a clerk uses it, the file host (the workbook in memory and its download), and "what changed since
 * the last run" after 计算等次 in both hosts.
 */
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { afterEach, describe, expect, it } from "vitest";
import { createExcelHost } from "../addin/excel/excelHost";
import { writeParamCells } from "../addin/excel/writeParams";
import { FileHost, type FileLike } from "../addin/standalone/fileHost";
import type { AssessmentHost, TrialStart } from "../addin/ui/host";
import { TrialSection } from "../addin/ui/TrialSection";
import { TRIAL_UI_TEXT } from "../addin/ui/trialMessages";
import { FakeWorkbook } from "../fakes/excel";
import { createWpsHost } from "../addin/wps/wpsHost";
import { FakeWps } from "./helpers/fakeWps";
import { buildWorkbook, readWorkbookGrids } from "../files/xlsx";
import { INPUT_SHEETS, OUTPUT_SHEETS } from "../lib/layout";
import { buildTemplate } from "../lib/template";
import { trialChanges, trialFields } from "../lib/whatif/trial";
import { D } from "../lib/decimal";
import { stampTime } from "../lib/integrity";
import { paramRow, validWorkbook } from "./helpers/workbook";

class NoResizeObserver {
  observe(): void {}
  unobserve(): void {}
  disconnect(): void {}
}
Object.assign(window, { ResizeObserver: NoResizeObserver });

afterEach(cleanup);

const all = () => true;
const NOW = new Date("2026-12-02T01:00:00Z");
/** 参数's 优秀分数线 row in the small workbook (test/helpers/workbook.ts): 90 in B16. */
const LINE = `B${paramRow("优秀分数线")}`;

function fakeOfValid(): FakeWorkbook {
  return new FakeWorkbook(Object.fromEntries(validWorkbook().sheets.map((sheet) => [sheet.name, sheet.rows])));
}

function excelHost(book: FakeWorkbook): AssessmentHost {
  return createExcelHost({ run: book.run, supports: all, now: () => NOW });
}

function session(start: TrialStart | undefined) {
  if (start === undefined || !("session" in start)) throw new Error(`no session: ${JSON.stringify(start)}`);
  return start;
}

/** Writes to the input sheets, as "sheet!address". */
function inputWrites(book: FakeWorkbook): string[] {
  return book.writes.filter((w) => (INPUT_SHEETS as readonly string[]).includes(w.sheet)).map((w) => `${w.sheet}!${w.address}`);
}

/**
 * The small valid workbook scores 乡镇: 城关镇 95.62 优秀 (1), 柳屯镇 86.78 良好 (2); 县直单位: 县法院 87.97 良好 (1),
 * 县司法局 85.66 良好 (2, with a 情节严重 扣分: never 优秀). 优秀分数线 85 moves 柳屯镇 and 县法院 to 优秀, nothing else.
 */
describe("试算 in the Excel host", () => {
  it("the fields show the values in force; a preview writes nothing at all", async () => {
    const book = fakeOfValid();
    const host = excelHost(book);
    const start = session(await host.prepareTrial?.());
    expect(start.fields.slice(0, 4).map((f) => `${f.name}=${f.value}`)).toEqual(["优秀分数线=90", "良好分数线=80", "合格分数线=60", "优秀比例上限="]);
    expect(start.fields.map((f) => f.name)).toContain("优秀分数线-乡镇");
    expect(start.fields.find((f) => f.name === "名次规则")?.choices).toEqual(["中国式排名", "跳位排名"]);
    const preview = start.session.preview(trialChanges(start.fields, { 优秀分数线: "85" }));
    expect(preview.changes.changed.map((c) => `${c.name} ${c.before.grade}→${c.after.grade}`)).toEqual(["柳屯镇 良好→优秀", "县法院 良好→优秀"]);
    expect(book.writes).toEqual([]);
    expect(book.structure).toEqual([]);
  });

  it("应用 writes exactly the one 参数 cell previewed, then the outputs; 计算说明 keeps the old value", async () => {
    const book = fakeOfValid();
    const host = excelHost(book);
    const start = session(await host.prepareTrial?.());
    const changes = trialChanges(start.fields, { 优秀分数线: " 85 " });
    const preview = start.session.preview(changes);
    const done = await host.applyTrial?.(changes, preview.edits);
    expect(done?.kind).toBe("applied");
    if (done?.kind !== "applied") return;
    expect(inputWrites(book)).toEqual([`参数!${LINE}`]);
    expect(book.writes.find((w) => w.sheet === "参数")?.values).toEqual([[85]]);
    expect(book.grid("参数")[paramRow("优秀分数线") - 1]?.[1]).toBe(85);
    expect(done.message).toBe(
      `已把试算的值写入参数表：参数!${LINE} 优秀分数线：90 → 85。原值已记入“计算说明”末尾的“试算应用”行，可照此改回；已按新参数重新计算等次。`,
    );
    expect(done.outcome.result?.units.map((u) => `${u.unit.name} ${u.grade}`)).toEqual(["城关镇 优秀", "柳屯镇 优秀", "县法院 优秀", "县司法局 良好"]);
    // No 结果 before: nothing to compare with.
    expect(done.outcome.sinceLast).toBeUndefined();
    const applied = book.grid("计算说明").filter((row) => row[0] === "试算应用");
    expect(applied.map((row) => [row[2], row[3], row[4]])).toEqual([
      [`参数!${LINE} 优秀分数线`, "85", `原值 90；${stampTime(NOW)} 在试算中点“应用”写入参数（原值记于此，可照此改回）。`],
    ]);
    expect(OUTPUT_SHEETS.every((name) => book.sheets.some((sheet) => sheet.name === name))).toBe(true);
    const verdict = await host.verify?.();
    expect([verdict?.ok, verdict?.verdict.startsWith("核验通过")]).toEqual([true, true]);
  });

  it("a 参数 changed after the preview: nothing written, the new preview comes back", async () => {
    const book = fakeOfValid();
    const host = excelHost(book);
    const start = session(await host.prepareTrial?.());
    const changes = trialChanges(start.fields, { 优秀分数线: "85" });
    const preview = start.session.preview(changes);
    const params = book.sheets.find((sheet) => sheet.name === "参数");
    const row = params?.cells[paramRow("优秀分数线") - 1];
    if (row === undefined) throw new Error("no row");
    row[1] = 89;
    const done = await host.applyTrial?.(changes, preview.edits);
    expect(done?.kind).toBe("stale");
    if (done?.kind === "stale") expect(done.preview.edits[0]?.before).toBe(89);
    expect(book.writes).toEqual([]);
  });

  it("a value with an error is refused at its 参数 cell, naming the parameter, and 应用 writes nothing", async () => {
    const book = fakeOfValid();
    const host = excelHost(book);
    const start = session(await host.prepareTrial?.());
    const changes = trialChanges(start.fields, { 良好分数线: "95" });
    const preview = start.session.preview(changes);
    expect(preview.result).toBeNull();
    expect(preview.issues.map((i) => `${i.sheet}!${i.cell} ${i.message}`)).toEqual([
      `参数!B${paramRow("良好分数线")} 良好分数线 95 不低于优秀分数线 90。分数线须从高到低：优秀 > 良好 > 合格 ≥ 0，请改正。`,
    ]);
    const done = await host.applyTrial?.(changes, preview.edits);
    expect(done?.kind).toBe("issues");
    expect(book.writes).toEqual([]);
  });

  it("a 计算等次 over results already there lists what changed since (the command line's lines)", async () => {
    const book = fakeOfValid();
    const host = excelHost(book);
    const first = await host.compute(() => undefined);
    expect(first.sinceLast).toBeUndefined();
    const start = session(await host.prepareTrial?.());
    const changes = trialChanges(start.fields, { 优秀分数线: "85" });
    const done = await host.applyTrial?.(changes, start.session.preview(changes).edits);
    if (done?.kind !== "applied") throw new Error(String(done?.kind));
    expect(done.outcome.sinceLast).toEqual([
      `与上次计算（${stampTime(NOW)}）的结果相比：`,
      "柳屯镇 等次 良好 → 优秀",
      "县法院 等次 良好 → 优秀",
      "其余2个单位的总分、名次、等次都没有变化。",
    ]);
    const again = await host.compute(() => undefined);
    expect(again.sinceLast?.slice(1)).toEqual(["全部4个单位的总分、名次、等次都没有变化。"]);
    expect(book.grid("计算说明").some((row) => row[0] === "上次计算" && row[2] === "有变化的单位数" && row[3] === "0")).toBe(true);
    // The rows added after the 核验 rows (试算应用, 上次计算) leave 核验 as it was.
    expect((await host.verify?.())?.ok).toBe(true);
  });

  it("writes text that Excel would take for a formula with the apostrophe that keeps it text", async () => {
    const book = new FakeWorkbook({ 参数: [["参数", "值"], ["名次规则", "中国式排名"]] });
    await book.run((context) => writeParamCells(context, "参数", [{ sheet: "参数", cell: "B2", value: "=1+1" }, { sheet: "参数", cell: "B3", value: "@x" }]));
    expect(book.writes.map((w) => w.values)).toEqual([[["'=1+1"]], [["'@x"]]]);
    expect(book.formula("参数", "B2")).toBeUndefined();
    expect(book.grid("参数")[1]?.[1]).toBe("=1+1");
  });
});

describe("TrialSection over the Excel host", () => {
  it("typing 85 shows the moved units and counts at once, writes nothing; 应用 writes the one cell", async () => {
    const user = userEvent.setup();
    const book = fakeOfValid();
    const host = excelHost(book);
    let applied = 0;
    render(
      <FluentProvider theme={webLightTheme}>
        <TrialSection host={host} applyHint={TRIAL_UI_TEXT.applyExcel} onApplied={() => (applied += 1)} />
      </FluentProvider>,
    );
    const input = await screen.findByRole("textbox", { name: "优秀分数线 试算值" }, { timeout: 10_000 });
    expect(screen.getByText(TRIAL_UI_TEXT.noChange)).toBeTruthy();
    await user.clear(input);
    await user.type(input, "85");
    const moved = await screen.findByRole("list", { name: TRIAL_UI_TEXT.changesHeading }, { timeout: 10_000 });
    expect(within(moved).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["柳屯镇 等次 良好 → 优秀", "县法院 等次 良好 → 优秀", "其余2个单位的总分、名次、等次都没有变化。"]);
    const counts = screen.getByRole("table", { name: TRIAL_UI_TEXT.countsHeading });
    expect(within(counts).getAllByRole("row").map((row) => within(row).queryAllByRole("cell").map((cell) => cell.textContent))).toEqual([
      [],
      ["乡镇", "1 → 2", "1 → 0", "0", "0"],
      ["县直单位", "0 → 1", "2 → 1", "0", "0"],
    ]);
    expect(within(screen.getByRole("list", { name: TRIAL_UI_TEXT.editsHeading })).getByRole("listitem").textContent).toBe(`参数!${LINE} 优秀分数线：90 → 85`);
    expect(book.writes).toEqual([]);
    await user.click(screen.getByRole("button", { name: TRIAL_UI_TEXT.apply }));
    await screen.findByText(/已把试算的值写入参数表/, undefined, { timeout: 20_000 });
    expect(inputWrites(book)).toEqual([`参数!${LINE}`]);
    expect(applied).toBe(1);
    // Read again: 85 is now the value in force.
    await waitFor(() => expect((screen.getByRole("textbox", { name: "优秀分数线 试算值" }) as HTMLInputElement).value).toBe("85"), { timeout: 10_000 });
  });

  it("a wrong value shows the error naming the 参数 cell, and no 应用 button", async () => {
    const user = userEvent.setup();
    const book = fakeOfValid();
    render(
      <FluentProvider theme={webLightTheme}>
        <TrialSection host={excelHost(book)} applyHint={TRIAL_UI_TEXT.applyExcel} />
      </FluentProvider>,
    );
    const input = await screen.findByRole("textbox", { name: "合格分数线 试算值" }, { timeout: 10_000 });
    await user.clear(input);
    await user.type(input, "abc");
    await screen.findByText(TRIAL_UI_TEXT.refused, undefined, { timeout: 10_000 });
    expect(screen.getByText(new RegExp(`参数!B${paramRow("合格分数线")}`)).textContent).toContain(`参数!B${paramRow("合格分数线")}：合格分数线：“abc”不是数字。请只填写数字，如 85 或 85.5。`);
    expect(screen.queryByRole("button", { name: TRIAL_UI_TEXT.apply })).toBeNull();
    expect(book.writes).toEqual([]);
  });
});

describe("试算 in the WPS host", () => {
  it("a preview writes nothing; 应用 writes the one 参数 cell, then the outputs with the old value in 计算说明 and what changed", async () => {
    const wps = new FakeWps(Object.fromEntries(validWorkbook().sheets.map((sheet) => [sheet.name, sheet.rows])));
    const host = createWpsHost({ app: () => wps.app, now: () => NOW });
    await host.compute(() => undefined);
    const computed = wps.writes.length;
    const start = session(await host.prepareTrial?.());
    const changes = trialChanges(start.fields, { 优秀分数线: "85" });
    const preview = start.session.preview(changes);
    expect(wps.writes.length).toBe(computed);
    const done = await host.applyTrial?.(changes, preview.edits);
    if (done?.kind !== "applied") throw new Error(String(done?.kind));
    const later = wps.writes.slice(computed);
    expect(later.filter((w) => (INPUT_SHEETS as readonly string[]).includes(w.sheet))).toEqual([{ sheet: "参数", address: LINE }]);
    expect(wps.grid("参数")[paramRow("优秀分数线") - 1]?.[1]).toBe(85);
    expect(done.outcome.sinceLast?.slice(1)).toEqual(["柳屯镇 等次 良好 → 优秀", "县法院 等次 良好 → 优秀", "其余2个单位的总分、名次、等次都没有变化。"]);
    expect(wps.grid("计算说明").filter((row) => row[0] === "试算应用").map((row) => row[4])).toEqual([`原值 90；${stampTime(NOW)} 在试算中点“应用”写入参数（原值记于此，可照此改回）。`]);
  });
});

function fileOf(name: string, bytes: Uint8Array): FileLike {
  return { name, arrayBuffer: async () => bytes.slice().buffer };
}

/**
 * The example county (60 units): 优秀分数线 88 moves one unit. 乡镇 has no total in [88, 90) (the best below 90 is
 * 习城乡 86.91), so its counts stay; in 县直单位 only 县委政法委 88.67 (8th) lies there: 良好 → 优秀, 优秀 6 → 7, 良好 23 → 22.
 */
describe("试算 in the file host (the page)", () => {
  it("应用 changes the workbook in memory (参数 replaced, 参数（原） kept) and the download; the moved unit is listed", async () => {
    const saved: { name: string; bytes: Uint8Array }[] = [];
    const host = new FileHost({ pickFile: async () => null, saveBytes: (bytes, name) => saved.push({ name, bytes }) });
    await host.load(fileOf("示例.xlsx", await buildWorkbook(buildTemplate({ year: 2026, example: true }))));
    const first = await host.compute(() => undefined);
    expect(first.sinceLast).toBeUndefined();
    const start = session(await host.prepareTrial());
    const changes = trialChanges(start.fields, { 优秀分数线: "88" });
    const preview = start.session.preview(changes);
    expect(preview.changes.changed.map((c) => `${c.name} ${c.before.grade}→${c.after.grade} ${c.before.rank}→${c.after.rank}`)).toEqual(["县委政法委 良好→优秀 8→8"]);
    expect(preview.after.map((g) => `${g.rankGroup} ${g.byGrade.优秀}/${g.byGrade.良好}/${g.byGrade.合格}/${g.byGrade.不合格}`)).toEqual(["乡镇 4/10/5/1", "县直单位 7/22/11/0"]);
    expect(saved).toEqual([]);
    const done = await host.applyTrial(changes, preview.edits);
    if (done.kind !== "applied") throw new Error(done.kind);
    expect(done.outcome.sinceLast?.slice(1)).toEqual(["县委政法委 等次 良好 → 优秀", "其余59个单位的总分、名次、等次都没有变化。"]);
    expect(saved).toEqual([]);
    await host.saveFile();
    expect(saved.map((s) => s.name)).toEqual(["示例（已计算）.xlsx"]);
    const grids = await readWorkbookGrids(saved[0]!.bytes);
    const sheet = (name: string) => grids.sheets.find((s) => s.name === name)?.rows ?? [];
    const lineOf = (rows: readonly (readonly unknown[])[]) => rows.find((row) => row[0] === "优秀分数线")?.[1];
    expect(lineOf(sheet("参数"))).toBe(88);
    expect(lineOf(sheet("参数（原）"))).toBe(90);
    const results = sheet("结果");
    const header = results[0] ?? [];
    const row = results.find((r) => r.includes("县委政法委")) ?? [];
    expect(row[header.indexOf("审定等次")]).toBe("优秀");
    expect(sheet("计算说明").some((r) => r[0] === "试算应用" && String(r[4]).startsWith("原值 90；"))).toBe(true);
  });

  it("fields with one group only: the plain rows, no per-group copies", () => {
    const start = prepareFields();
    expect(start.filter((f) => f.group !== null)).toEqual([]);
  });
});

/** One 排名分组's 参数 as the reader gives them: 90/80/60, no quota, no caps. */
function prepareFields() {
  const params = {
    thresholds: { base: { excellent: new D("90"), good: new D("80"), pass: new D("60") }, byGroup: new Map() },
    excellentQuota: { base: null, byGroup: new Map() },
    rankRule: "dense",
    bonusCap: null,
    penaltyCap: null,
    totalCap: null,
    bigDropPlaces: 5,
  } as unknown as Parameters<typeof trialFields>[0];
  return trialFields(params, ["县直单位"]);
}
