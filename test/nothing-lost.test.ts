import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { readWorkbookGrids } from "../files/xlsx";
import { createExcelHost } from "../addin/excel/excelHost";
import { FileHost, type FileLike } from "../addin/standalone/fileHost";
import { main } from "../bin/main";
import type { CellValue, WorkbookGrids } from "../lib/grid";
import { HEADERS, INPUT_SHEETS, OUTPUT_SHEETS, SHEET } from "../lib/layout";
import { nodeDigest } from "../bin/digest";
import { readStamp, sealOutcome } from "../lib/integrity";
import { runAssessment } from "../lib/run";
import { FakeWorkbook, visible } from "../fakes/excel";
import { setCell, validWorkbook } from "./helpers/workbook";

/**
 * Nothing lost: in every host, each input sheet holds the same values after 计算等次 as before, whether the run
 * succeeds, stops on errors in the data, or fails while writing; and the output sheets are then either all the old
 * ones or all the new ones, never a mix.
 */

// Faults injected on demand: the .xlsx writer (used by the command line and the standalone page) and the disk.
const faults = vi.hoisted(() => ({ xlsxWrite: false, rename: false, writeFile: false }));

vi.mock("../files/xlsx/write", async (importOriginal) => {
  const original = await importOriginal<typeof import("../files/xlsx/write")>();
  return {
    ...original,
    writeOutputSheets: async (...args: Parameters<typeof original.writeOutputSheets>) => {
      if (faults.xlsxWrite) throw new Error("simulated failure in the .xlsx writer");
      return original.writeOutputSheets(...args);
    },
  };
});

vi.mock("node:fs/promises", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:fs/promises")>();
  const diskError = (code: string) => Object.assign(new Error(`simulated ${code}`), { code });
  return {
    ...original,
    rename: async (...args: Parameters<typeof original.rename>) => {
      if (faults.rename) throw diskError("EIO");
      return original.rename(...args);
    },
    writeFile: async (...args: Parameters<typeof original.writeFile>) => {
      if (faults.writeFile && String(args[0]).endsWith(".tmp")) throw diskError("ENOSPC");
      return original.writeFile(...args);
    },
  };
});

const OLD_OUTPUTS: Record<string, CellValue[][]> = {
  [SHEET.results]: [["旧结果", 1]],
  [SHEET.audit]: [["旧计算说明"]],
  [SHEET.summary]: [["旧汇总"]],
};

function sheetsOf(book: WorkbookGrids): Record<string, CellValue[][]> {
  return Object.fromEntries(book.sheets.map((sheet) => [sheet.name, sheet.rows.map((row) => [...row])]));
}


const all = () => true;
/** 计算等次's time, fixed so that the fingerprint rows of 计算说明 are the same in the host and the expectation. */
const NOW = new Date(Date.UTC(2026, 0, 15, 1, 2, 3));
const sealedOutputs = (await sealOutcome(runAssessment(validWorkbook()), { digest: nodeDigest, now: NOW })).outputs ?? [];

describe("Excel (fake): input untouched, outputs old or new", () => {
  // As the template makes it, with 平时考核 (header only), so that one sync reads every input sheet.
  const inputs = { ...sheetsOf(validWorkbook()), [SHEET.daily]: [[...HEADERS.daily]], [SHEET.review]: [[...HEADERS.review]] };
  const newOutputs = sealedOutputs;

  // Input sheets the workbook has (an optional one such as 平时考核 may be absent): the run must leave each as it was.
  function snapshot(book: FakeWorkbook, names: readonly string[]): Record<string, unknown[][]> {
    const present = new Set(book.sheets.map((sheet) => sheet.name));
    return Object.fromEntries(names.filter((name) => present.has(name)).map((name) => [name, visible(book.grid(name))]));
  }

  /** "old" or "new" when every output sheet is the old one or every one is the new one; "mix" otherwise. */
  function outputState(book: FakeWorkbook): string {
    const names = book.sheets.map((sheet) => sheet.name);
    const extra = names.filter((name) => !(INPUT_SHEETS as readonly string[]).includes(name));
    const isOld = extra.length === 3 && extra.every((name) => JSON.stringify(visible(book.grid(name))) === JSON.stringify(visible(OLD_OUTPUTS[name] ?? [])));
    const isNew =
      extra.length === 3 &&
      newOutputs.every((out) => names.includes(out.name) && JSON.stringify(visible(book.grid(out.name))) === JSON.stringify(visible(out.rows)));
    return isOld ? "old" : isNew ? "new" : `mix: ${extra.join(",")}`;
  }

  it("a successful run leaves every input sheet as it was", async () => {
    const book = new FakeWorkbook({ ...inputs, ...OLD_OUTPUTS });
    const before = snapshot(book, INPUT_SHEETS);
    const outcome = await createExcelHost({ run: book.run, supports: all, now: () => NOW }).compute(() => undefined);
    expect(outcome.result).not.toBeNull();
    expect(snapshot(book, INPUT_SHEETS)).toEqual(before);
    expect(outputState(book)).toBe("new");
  });

  it("a failure at every single sync in turn leaves the inputs untouched and the outputs all old or all new", async () => {
    const probe = new FakeWorkbook({ ...inputs, ...OLD_OUTPUTS });
    await createExcelHost({ run: probe.run, supports: all, now: () => NOW }).compute(() => undefined);
    const syncs = probe.syncCount;
    // Read; the previous 结果 with the last rows of 计算说明 (for "what changed"; old outputs are there), refused as the
    // old 计算说明 has one row (the rows asked for would leave the grid); both read whole; write; the 汇总 chart's own sync.
    expect(syncs).toBe(5);
    expect(probe.syncs.map((sync) => sync.failed ?? "")).toEqual(["", "InvalidArgument", "", "", ""]);
    const outcomes: string[] = [];
    for (let failing = 1; failing <= syncs; failing += 1) {
      const book = new FakeWorkbook({ ...inputs, ...OLD_OUTPUTS });
      const before = snapshot(book, INPUT_SHEETS);
      const sync = book.sync.bind(book);
      let count = 0;
      // The failing request is refused as a whole: its queued operations are dropped.
      book.sync = async () => {
        count += 1;
        if (count !== failing) return sync();
        (book as unknown as { queue: unknown[] }).queue = [];
        throw Object.assign(new Error("simulated"), { code: "GeneralException" });
      };
      const outcome = await createExcelHost({ run: book.run, supports: all, now: () => NOW })
        .compute(() => undefined)
        .then((done) => `resolved ${done.issues.map((issue) => issue.code).join(",")}`)
        .catch((error: { code?: string }) => `rejected ${error.code ?? ""}`);
      expect(snapshot(book, INPUT_SHEETS)).toEqual(before);
      expect(book.sheets.filter((sheet) => sheet.name.includes("可删除"))).toEqual([]);
      outcomes.push(`${outcome}: ${outputState(book)}`);
    }
    expect(outcomes).toEqual([
      // The one-sync read refused: read again names first, and the run goes on.
      "resolved : new",
      // The previous 结果 refused: read whole in the next sync, the scoring goes on.
      "resolved : new",
      // That read refused too: "what changed" is left out, the scoring goes on.
      "resolved : new",
      // The write refused: nothing of it stays.
      "rejected GeneralException: old",
      // The chart refused: the outputs are in place, the pane shows a 提示.
      "resolved excel.decorations: new",
    ]);
  });

  it("a run stopped by an error in the data writes nothing at all", async () => {
    const bad = validWorkbook();
    setCell(bad, "评分", "C3", "85分");
    const book = new FakeWorkbook({ ...sheetsOf(bad), [SHEET.daily]: [[...HEADERS.daily]], [SHEET.review]: [[...HEADERS.review]], ...OLD_OUTPUTS });
    const before = snapshot(book, INPUT_SHEETS);
    const outcome = await createExcelHost({ run: book.run, supports: all, now: () => NOW }).compute(() => undefined);
    expect(outcome.result).toBeNull();
    expect(book.writes).toEqual([]);
    expect(snapshot(book, INPUT_SHEETS)).toEqual(before);
    expect(outputState(book)).toBe("old");
  });
});

/** The valid workbook (or `book`) as an .xlsx file holding old output sheets too. */
async function xlsxFile(book: WorkbookGrids = validWorkbook()): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries({ ...sheetsOf(book), ...OLD_OUTPUTS })) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) sheet.getCell(r + 1, c + 1).value = value as ExcelJS.CellValue;
      }),
    );
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function inputGrids(bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const book = await readWorkbookGrids(bytes);
  return Object.fromEntries(book.sheets.filter((sheet) => (INPUT_SHEETS as readonly string[]).includes(sheet.name)).map((sheet) => [sheet.name, visible(sheet.rows)]));
}

async function outputGrids(bytes: Uint8Array): Promise<Record<string, unknown[][]>> {
  const book = await readWorkbookGrids(bytes);
  return Object.fromEntries(book.sheets.filter((sheet) => (OUTPUT_SHEETS as readonly string[]).includes(sheet.name)).map((sheet) => [sheet.name, visible(sheet.rows)]));
}

describe("command line (files): input file untouched, output file old or new", () => {
  let folder = "";
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "kaohe-nothing-lost-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });
  const quiet = { out: () => undefined, err: () => undefined };

  async function setUp(name: string): Promise<{ input: string; output: string; inputBytes: Uint8Array; oldOutput: Uint8Array }> {
    const input = join(folder, `${name}.xlsx`);
    const output = join(folder, `${name}（已计算）.xlsx`);
    const inputBytes = await xlsxFile();
    const oldOutput = await xlsxFile();
    await writeFile(input, inputBytes);
    await writeFile(output, oldOutput);
    return { input, output, inputBytes, oldOutput };
  }

  it("a successful run: the input file is byte for byte the same, and the output's input sheets equal it", async () => {
    const { input, output, inputBytes } = await setUp("ok");
    expect(await main(["score", input, "-o", output, "--force"], quiet)).toBe(0);
    expect(new Uint8Array(await readFile(input))).toEqual(inputBytes);
    const written = new Uint8Array(await readFile(output));
    expect(await inputGrids(written)).toEqual(await inputGrids(inputBytes));
    const expected = runAssessment(validWorkbook()).outputs ?? [];
    const got = await outputGrids(written);
    // 计算说明 ends with the fingerprint rows of 核验 (the time differs from run to run): the rest is the figures.
    const stamp = readStamp((got[SHEET.audit] ?? []) as CellValue[][]);
    expect(stamp?.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    got[SHEET.audit] = (got[SHEET.audit] ?? []).slice(0, (stamp?.firstRow ?? 0) - 1);
    expect(got).toEqual(Object.fromEntries(expected.map((out) => [out.name, visible(out.rows)])));
  });

  it.each([
    ["the .xlsx writer fails", "xlsxWrite", 3],
    ["the disk is full while writing the temporary file", "writeFile", 2],
    ["the rename onto the output fails", "rename", 2],
  ] as const)("%s: input and old output stay byte for byte, no temporary file is left", async (_title, fault, status) => {
    const { input, output, inputBytes, oldOutput } = await setUp(`fault-${fault}`);
    const before = await readdir(folder);
    faults[fault] = true;
    try {
      expect(await main(["score", input, "-o", output, "--force"], quiet)).toBe(status);
    } finally {
      faults[fault] = false;
    }
    expect(new Uint8Array(await readFile(input))).toEqual(inputBytes);
    expect(new Uint8Array(await readFile(output))).toEqual(oldOutput);
    expect((await readdir(folder)).sort()).toEqual(before.sort());
  });

  it("errors in the data: nothing is written", async () => {
    const bad = validWorkbook();
    setCell(bad, "评分", "C3", "85分");
    const input = join(folder, "bad.xlsx");
    const output = join(folder, "bad（已计算）.xlsx");
    const inputBytes = await xlsxFile(bad);
    await writeFile(input, inputBytes);
    expect(await main(["score", input, "-o", output], quiet)).toBe(1);
    expect(new Uint8Array(await readFile(input))).toEqual(inputBytes);
    await expect(readFile(output)).rejects.toMatchObject({ code: "ENOENT" });
  });
});

describe("standalone page (FileHost): the opened file untouched, the download old or new", () => {
  function fileOf(bytes: Uint8Array): FileLike {
    return { name: "考核.xlsx", arrayBuffer: async () => bytes.slice().buffer };
  }

  it("computes, fails while writing, computes again: inputs never change and nothing half-made can be downloaded", async () => {
    const original = await xlsxFile();
    const saved: Uint8Array[] = [];
    const host = new FileHost({ pickFile: async () => null, saveBytes: (bytes) => saved.push(bytes) });
    await host.load(fileOf(original));
    const opened = JSON.stringify(await host.check());

    expect((await host.compute(() => undefined)).result).not.toBeNull();
    await host.saveFile();
    expect(await inputGrids(saved[0] ?? new Uint8Array())).toEqual(await inputGrids(original));

    faults.xlsxWrite = true;
    try {
      await expect(host.compute(() => undefined)).rejects.toThrow("simulated");
    } finally {
      faults.xlsxWrite = false;
    }
    // The failed run left nothing to download, not even the earlier result (it might no longer match the page).
    expect(host.scoredFileName()).toBeNull();
    await expect(host.saveFile()).rejects.toThrow();
    expect(saved).toHaveLength(1);

    expect((await host.compute(() => undefined)).result).not.toBeNull();
    await host.saveFile();
    expect(await inputGrids(saved[1] ?? new Uint8Array())).toEqual(await inputGrids(original));
    expect(JSON.stringify(await host.check())).toBe(opened);
    // The bytes of the opened file were never changed in memory either.
    expect(await inputGrids(original)).toEqual(await inputGrids(await xlsxFile()));
  });
});
