/**
 * 分发与回收 in the Excel pane (fake Excel): 分发 downloads the forms as a .zip and writes nothing; 回收's preview writes
 * nothing; 写入 writes exactly the merged cells and 回收记录, and nothing when the workbook changed since the preview.
 * The file layer is the task pane's own (addin/taskpane/formFiles), with the download captured.
 */
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createExcelHost } from "../addin/excel/excelHost";
import { editRuns, type FormFiles } from "../addin/excel/forms";
import { formFiles } from "../addin/taskpane/formFiles";
import type { CollectPreview, ReturnedFile } from "../addin/ui/host";
import { writeForm } from "../files/forms";
import { collectReturns, makeForms, readMaster, readReturn, LOG_SHEET, type FormBook, type MasterContext } from "../lib/forms";
import type { WorkbookGrids } from "../lib/grid";
import { INPUT_SHEETS, SHEET } from "../lib/layout";
import { FakeWorkbook, visible } from "../fakes/excel";
import { applyEdits, blankMaster, exampleBook, fillForm, grid, nodeDigest, trimmed } from "./helpers/forms";

const example = exampleBook();
const blank = blankMaster(example);

function fake(book: WorkbookGrids): FakeWorkbook {
  return new FakeWorkbook(Object.fromEntries(book.sheets.map((sheet) => [sheet.name, sheet.rows.map((row) => [...row])])));
}

function host(workbook: FakeWorkbook, saved: { bytes: Uint8Array; name: string }[] = []) {
  const files: FormFiles = formFiles;
  const save = (bytes: Uint8Array, name: string) => void saved.push({ bytes, name });
  return createExcelHost({ run: workbook.run, supports: () => true, digest: nodeDigest, now: () => new Date(2027, 0, 5, 9, 30), formFiles: async () => files, save });
}

async function master(book: WorkbookGrids): Promise<MasterContext> {
  const read = await readMaster(book, nodeDigest);
  if (read.master === null) throw new Error(JSON.stringify(read.issues));
  return read.master;
}

function formOf(forms: readonly FormBook[], fileName: string): FormBook {
  const form = forms.find((f) => f.fileName === fileName);
  if (form === undefined) throw new Error(`no form ${fileName}`);
  return form;
}

/** A filled form as the file a 主体 sends back: written by the file layer, as Excel would save it. */
async function returned(form: FormBook, modified = new Date(2027, 0, 10, 16, 5), resort = false): Promise<ReturnedFile> {
  const filled = fillForm(form, example, { resort });
  const sheets = form.sheets.map((sheet) => ({ ...sheet, rows: filled.sheets.find((s) => s.name === sheet.name)?.rows ?? sheet.rows }));
  return { name: form.fileName, bytes: await writeForm({ ...form, sheets: sheets as FormBook["sheets"] }), modified };
}

const inputWrites = (workbook: FakeWorkbook) => workbook.writes.filter((write) => (INPUT_SHEETS as readonly string[]).includes(write.sheet));

describe("分发评分表 in Excel (fake)", () => {
  it("downloads every form of the open workbook as one .zip and writes nothing into it", async () => {
    const workbook = fake(blank);
    const saved: { bytes: Uint8Array; name: string }[] = [];
    const outcome = await host(workbook, saved).distributeForms?.();
    const forms = makeForms(await master(blank), "2027-01-05");
    expect(outcome).toEqual({ issues: [], forms: forms.length });
    expect(saved.map((file) => file.name)).toEqual(["考核评分表（2027-01-05）.zip"]);
    const entries = unzipSync(saved[0]?.bytes ?? new Uint8Array());
    expect(Object.keys(entries)).toEqual(forms.map((form) => form.fileName));
    expect(workbook.writes).toEqual([]);
    expect(workbook.structure).toEqual([]);
  }, 120_000);

  it("names the problem and downloads nothing when 考核指标 has an error", async () => {
    const broken = blankMaster(example);
    const indicators = grid(broken, SHEET.indicators);
    (indicators[1] as unknown[])[4] = "五分";
    const saved: { bytes: Uint8Array; name: string }[] = [];
    const outcome = await host(fake(broken), saved).distributeForms?.();
    expect(outcome?.forms).toBe(0);
    expect(outcome?.issues.some((issue) => issue.sheet === SHEET.indicators && issue.cell === "E2")).toBe(true);
    expect(saved).toEqual([]);
  });
});

describe("回收 in Excel (fake)", () => {
  it("previews without writing, then 写入 writes exactly the merged cells and 回收记录", async () => {
    const context = await master(blank);
    const forms = makeForms(context, "2027-01-05");
    const files = [
      await returned(formOf(forms, "评分表-县委政法委.xlsx"), undefined, true),
      await returned(formOf(forms, "互评表-城关镇.xlsx")),
      { name: "随便一个文件.xlsx", bytes: new TextEncoder().encode("not a workbook"), modified: null },
    ];
    const workbook = fake(blank);
    const excel = host(workbook);
    const preview = (await excel.previewCollect?.(files, [])) as CollectPreview;
    expect(workbook.writes).toEqual([]);
    expect(workbook.structure).toEqual([]);
    expect(preview.ok).toBe(true);
    const rows = preview.log.filter((row) => row.file !== "");
    expect(rows.map((row) => [row.file, row.result])).toEqual([
      ["评分表-县委政法委.xlsx", "已合并"],
      ["互评表-城关镇.xlsx", "已合并"],
      ["随便一个文件.xlsx", "未合并"],
    ]);

    // What the library merges from the same files, applied to grids: the figure the fake workbook must end with.
    const returns = [];
    for (const file of files.slice(0, 2)) {
      const { book } = await formFiles.readBook(file.bytes);
      if (book === null) throw new Error("unreadable");
      returns.push(readReturn(file.name, file.modified, book, context));
    }
    const expected = collectReturns(context, returns);
    // 8 indicators of 县委政法委 over the units they apply to, and 城关镇's ratings owed (pairs marked / are not asked).
    expect(preview.filled).toBe(expected.filled);
    expect(expected.edits.length).toBe(expected.filled);

    const message = await excel.applyCollect?.();
    expect(message).toBe(`已写入：从收回的表填入 ${expected.filled} 处新值，并更新了“回收记录”表。其他单元格没有改动。`);
    const after = applyEdits(blank, expected.edits, expected.log);
    for (const name of [SHEET.scores, SHEET.peer, SHEET.satisfaction, SHEET.units, SHEET.indicators, SHEET.params]) {
      expect(visible(workbook.grid(name)), name).toEqual(trimmed(grid(after, name)));
    }
    // Counted: the values written into input sheets are the merged cells, each once, in runs of adjacent cells.
    const written = inputWrites(workbook).filter((write) => write.kind === "values");
    expect(written.reduce((sum, write) => sum + (write.values?.flat().length ?? 0), 0)).toBe(expected.edits.length);
    expect(written.length).toBe(editRuns(expected.edits).length);
    expect(new Set(written.map((write) => write.sheet))).toEqual(new Set([SHEET.scores, SHEET.peer]));
    expect(inputWrites(workbook).every((write) => write.kind === "values")).toBe(true);
    // 回收记录: one row per file of this run, and the forms not yet returned.
    const log = visible(workbook.grid(LOG_SHEET));
    expect(log[0]).toEqual(["文件名", "表单", "填报单位", "文件修改时间", "已填", "未填", "结果", "说明"]);
    expect(log.filter((row) => row[6] === "未回收").length).toBe(forms.length - 2);
    expect(log.find((row) => row[0] === "评分表-县委政法委.xlsx")?.slice(1, 4)).toEqual(["评分表", "县委政法委", "2027-01-10 16:05"]);
  }, 120_000);

  it("collecting the same files again writes no input cell", async () => {
    const forms = makeForms(await master(blank), "2027-01-05");
    const files = [await returned(formOf(forms, "互评表-城关镇.xlsx"))];
    const workbook = fake(blank);
    const excel = host(workbook);
    const first = (await excel.previewCollect?.(files, [])) as CollectPreview;
    await excel.applyCollect?.();
    const before = inputWrites(workbook).length;
    const again = (await excel.previewCollect?.(files, [])) as CollectPreview;
    expect(again.filled).toBe(0);
    // The same file again: its earlier 回收记录 row stands, so the second 写入 changes nothing at all.
    expect(again.log).toEqual(first.log);
    await excel.applyCollect?.();
    expect(inputWrites(workbook).length).toBe(before);
  }, 120_000);

  it("writes nothing when the workbook changed after the preview, and shows the new preview instead", async () => {
    const forms = makeForms(await master(blank), "2027-01-05");
    const files = [await returned(formOf(forms, "互评表-城关镇.xlsx"))];
    const workbook = fake(blank);
    const excel = host(workbook);
    const preview = (await excel.previewCollect?.(files, [])) as CollectPreview;
    expect(preview.ok).toBe(true);
    // The clerk types a rating of 城关镇 for a unit into 上下互评 by hand, different from the returned one.
    const peer = workbook.find(SHEET.peer);
    const column = (peer?.cells[0] ?? []).findIndex((cell) => cell === "城关镇");
    const row = (peer?.cells ?? []).findIndex((line, index) => index > 0 && line?.[column] === undefined && line?.[0] !== "城关镇");
    (peer?.cells[row] as unknown[])[column] = 1;
    const outcome = await excel.applyCollect?.();
    expect(typeof outcome).toBe("object");
    const stale = (outcome as { stale: CollectPreview }).stale;
    expect(stale.ok).toBe(false);
    expect(stale.issues.some((issue) => issue.code === "collect.overwrite")).toBe(true);
    expect(workbook.writes).toEqual([]);
  }, 120_000);

  it("以此表为准 replaces a different value and lists the old one in 回收记录", async () => {
    const master2 = blankMaster(example);
    const forms = makeForms(await master(master2), "2027-01-05");
    const form = formOf(forms, "互评表-城关镇.xlsx");
    const files = [await returned(form)];
    const peer = grid(master2, SHEET.peer);
    const column = (peer[0] ?? []).indexOf("城关镇");
    const row = peer.findIndex((line, index) => index > 0 && line[column] === null && line[0] !== "城关镇");
    (peer[row] as unknown[])[column] = 1;
    const ratee = String(peer[row]?.[0]);
    const workbook = fake(master2);
    const excel = host(workbook);
    const refused = (await excel.previewCollect?.(files, [])) as CollectPreview;
    expect(refused.ok).toBe(false);
    expect(workbook.writes).toEqual([]);
    const chosen = (await excel.previewCollect?.(files, [form.fileName])) as CollectPreview;
    expect(chosen.ok).toBe(true);
    expect(chosen.replaced).toHaveLength(1);
    expect(chosen.replaced[0]).toMatch(/^上下互评!\S+ 原为 1，按“互评表-城关镇\.xlsx”改为 /);
    const message = await excel.applyCollect?.();
    expect(message).toContain("其中 1 格替换了原有的值，原值记在“回收记录”的说明列中。");
    const note = visible(workbook.grid(LOG_SHEET)).find((line) => line[0] === form.fileName)?.[7];
    expect(String(note)).toContain(chosen.replaced[0]);
    const after = visible(workbook.grid(SHEET.peer));
    expect(after[row]?.[column]).not.toBe(1);
    expect(after[row]?.[0]).toBe(ratee);
  }, 120_000);
});
