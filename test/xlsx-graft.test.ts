// The fast .xlsx writer (the outputs grafted onto the user's package) against the former ExcelJS writer: the same
// workbook as ExcelJS reads it, while every part of the user's own stays byte for byte as it was.
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook, NotAWorkbookError, readWorkbookGrids, writeOutputSheets, XLSX_MESSAGES } from "../files/xlsx";
import { writeOutputSheetsWithExcelJS } from "../files/xlsx/write";
import { generateSheetOuts } from "../bench/generate";
import type { SheetOut } from "../lib/format";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";

/** The parts every graft may edit; all other parts of the original must come back byte for byte. */
const EDITED = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "docProps/app.xml"]);

async function scored(input: Uint8Array): Promise<SheetOut[]> {
  const outputs = runAssessment(await readWorkbookGrids(input)).outputs;
  if (outputs === null) throw new Error("the workbook did not score");
  return outputs;
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** What a user sees of a cell: value, number format, bold, font colour, fill, wrap and alignment, drop-down list. */
function cellLook(cell: ExcelJS.Cell): unknown {
  const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  return {
    value: cell.value,
    numFmt: cell.numFmt ?? null,
    bold: cell.font?.bold === true,
    color: cell.font?.color?.argb ?? null,
    fill: fill?.type === "pattern" && fill.pattern !== "none" ? `${fill.pattern} ${fill.fgColor?.argb ?? ""}` : null,
    wrap: cell.alignment?.wrapText === true,
    horizontal: cell.alignment?.horizontal ?? null,
    vertical: cell.alignment?.vertical ?? null,
    validation: cell.dataValidation ?? null,
  };
}

/** Every sheet as ExcelJS reads it: order, names, tab colour, frozen panes, column widths, and each cell's look. */
function workbookLook(workbook: ExcelJS.Workbook): unknown[] {
  return workbook.worksheets.map((sheet) => {
    const cells: Record<string, unknown> = {};
    sheet.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        cells[cell.address] = cellLook(cell);
      });
    });
    const widths = Array.from({ length: sheet.columnCount }, (_, index) => sheet.getColumn(index + 1).width ?? null);
    const view = (sheet.views as ExcelJS.WorksheetView[] | null)?.[0];
    return {
      name: sheet.name,
      tabColor: sheet.properties.tabColor ?? null,
      view: view === undefined ? null : { state: view.state, xSplit: (view as { xSplit?: number }).xSplit ?? 0, ySplit: (view as { ySplit?: number }).ySplit ?? 0 },
      widths,
      cells,
    };
  });
}

function parts(bytes: Uint8Array): Record<string, Uint8Array> {
  return Object.fromEntries(Object.entries(unzipSync(bytes)).filter(([name]) => !name.endsWith("/")));
}

function outputSheetXml(files: Record<string, Uint8Array>): string[] {
  const workbook = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array());
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"] ?? new Uint8Array());
  return ["结果", "计算说明", "汇总"].map((name) => {
    const relId = new RegExp(`name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
    const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    return strFromU8(files[`xl/${target}`] ?? new Uint8Array());
  });
}

describe.each([
  ["the example workbook", async () => buildWorkbook(buildTemplate({ year: 2024, example: true }))],
  ["a generated workbook of 200 units", async () => buildWorkbook(generateSheetOuts(200))],
])("%s: grafted like the ExcelJS writer", (_name, makeInput) => {
  let input: Uint8Array;
  let outputs: SheetOut[];
  let fast: Uint8Array;
  beforeAll(async () => {
    input = await makeInput();
    outputs = await scored(input);
    fast = await writeOutputSheets(input, outputs);
  });

  it("every sheet, cell, format, width, pane, tab colour and drop-down reads as the ExcelJS writer's do", async () => {
    const reference = workbookLook(await load(await writeOutputSheetsWithExcelJS(input, outputs)));
    expect(workbookLook(await load(fast))).toEqual(reference);
  });

  it("every part of the original but the sheet list, relationships, content types, styles and app.xml's sheet list is byte for byte the same", () => {
    const before = parts(input);
    const after = parts(fast);
    for (const [path, content] of Object.entries(before)) {
      if (EDITED.has(path)) continue;
      expect(after[path], path).toEqual(content);
    }
    // Styles are appended to: the original's cell formats come first, unchanged.
    const cellXfs = (xml: string) => /<cellXfs[^>]*>([\s\S]*)<\/cellXfs>/.exec(xml)?.[1] ?? "";
    expect(cellXfs(strFromU8(after["xl/styles.xml"] ?? new Uint8Array())).startsWith(cellXfs(strFromU8(before["xl/styles.xml"] ?? new Uint8Array())))).toBe(true);
  });

  it("the output sheets hold no formula", () => {
    for (const xml of outputSheetXml(parts(fast))) {
      expect(xml).toContain("<sheetData>");
      expect(xml).not.toMatch(/<f[\s>]/);
    }
  });

  it("scoring the scored file again replaces the outputs: same sheets, same parts, nothing left behind", async () => {
    const again = await writeOutputSheets(fast, outputs);
    expect((await load(again)).worksheets.map((sheet) => sheet.name)).toEqual((await load(fast)).worksheets.map((sheet) => sheet.name));
    const first = parts(fast);
    const second = parts(again);
    expect(Object.keys(second).length).toBe(Object.keys(first).length);
    // Even the styles part: the first run's entries are found and used again.
    expect(second["xl/styles.xml"]).toEqual(first["xl/styles.xml"]);
    expect(workbookLook(await load(again))).toEqual(workbookLook(await load(fast)));
  });
});

/** An .xlsx as parts, edited, and zipped again (for originals with parts the template never has). */
function edited(bytes: Uint8Array, edit: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = parts(bytes);
  edit(files);
  return zipSync(files);
}

function replaceText(files: Record<string, Uint8Array>, path: string, from: string | RegExp, to: string): void {
  const text = strFromU8(files[path] ?? new Uint8Array());
  const next = text.replace(from, to);
  if (next === text) throw new Error(`nothing to replace in ${path}`);
  files[path] = strToU8(next);
}

const plainFormat: SheetOut["format"] = { columnWidths: [], frozenRows: 0, frozenColumns: 0, styles: [], validations: [] };
const results = (value: string | number): SheetOut => ({ name: "结果", rows: [["单位名称", "总分"], ["城关镇", value]], format: plainFormat });
const summary: SheetOut = { name: "汇总", rows: [["排名分组"], ["乡镇"]], format: plainFormat };

const DRAWING_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const IMAGE_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/** A drawing (with a picture) on a sheet, as parts the writer knows nothing about. */
function addDrawing(files: Record<string, Uint8Array>, sheetPath: string, drawing: string, image: string): void {
  const sheetName = sheetPath.slice(sheetPath.lastIndexOf("/") + 1);
  files[`xl/worksheets/_rels/${sheetName}.rels`] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${DRAWING_TYPE}" Target="../drawings/${drawing}"/></Relationships>`,
  );
  files[`xl/drawings/${drawing}`] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`);
  files[`xl/drawings/_rels/${drawing}.rels`] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${IMAGE_TYPE}" Target="../media/${image}"/></Relationships>`,
  );
  files[`xl/media/${image}`] = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
  replaceText(files, sheetPath, "</worksheet>", '<drawing xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1"/></worksheet>');
  replaceText(files, "[Content_Types].xml", "</Types>", `<Override PartName="/xl/drawings/${drawing}" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/></Types>`);
  if (!strFromU8(files["[Content_Types].xml"] ?? new Uint8Array()).includes('Extension="png"')) {
    replaceText(files, "[Content_Types].xml", "</Types>", '<Default Extension="png" ContentType="image/png"/></Types>');
  }
}

/** The part path of a sheet by name, read from the workbook part and its relationships. */
function sheetPath(files: Record<string, Uint8Array>, name: string): string {
  const workbook = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array());
  const rels = strFromU8(files["xl/_rels/workbook.xml.rels"] ?? new Uint8Array());
  const relId = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1] ?? new RegExp(`<sheet [^>]*r:id="([^"]+)"[^>]*name="${name}"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${relId}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
  if (target === undefined) throw new Error(`no sheet ${name}`);
  return `xl/${target}`;
}

describe("parts the writer does not know about", () => {
  it("a drawing of a user's sheet survives untouched; the drawing of a replaced output sheet goes with it", async () => {
    const original = await buildWorkbook([{ name: "评分", rows: [["单位名称"], ["城关镇"]], format: plainFormat }]);
    const once = await writeOutputSheets(original, [results(92.35), summary]);
    const withDrawings = edited(once, (files) => {
      addDrawing(files, sheetPath(files, "评分"), "drawing1.xml", "image1.png");
      addDrawing(files, sheetPath(files, "结果"), "drawing2.xml", "image2.png");
    });
    const twice = await writeOutputSheets(withDrawings, [results(77), summary]);
    const before = parts(withDrawings);
    const after = parts(twice);
    for (const path of ["xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels", "xl/media/image1.png", "xl/worksheets/_rels/sheet1.xml.rels", sheetPath(before, "评分")]) {
      expect(after[path], path).toEqual(before[path]);
    }
    for (const path of ["xl/drawings/drawing2.xml", "xl/drawings/_rels/drawing2.xml.rels", "xl/media/image2.png", sheetPath(before, "结果")]) {
      expect(after[path], path).toBeUndefined();
    }
    const contentTypes = strFromU8(after["[Content_Types].xml"] ?? new Uint8Array());
    expect(contentTypes).toContain("/xl/drawings/drawing1.xml");
    expect(contentTypes).not.toContain("/xl/drawings/drawing2.xml");
    expect(contentTypes).not.toContain(`/${sheetPath(before, "结果")}"`);
    const book = await load(twice);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["评分", "结果", "汇总"]);
    expect(book.getWorksheet("结果")?.getCell("B2").value).toBe(77);
  });
});

describe("the workbook part", () => {
  /** A scored workbook, then a user sheet 备注 added after the outputs, names, views and a calculation chain. */
  async function scoredWithExtras(calcChainSheet: "结果" | "评分"): Promise<Uint8Array> {
    const original = await buildWorkbook([{ name: "评分", rows: [["单位名称"], ["城关镇"]], format: plainFormat }]);
    const once = await writeOutputSheets(original, [results(92.35), summary]);
    return edited(once, (files) => {
      const path = "xl/worksheets/sheet99.xml";
      files[path] = strToU8('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>备注</t></is></c></row></sheetData></worksheet>');
      replaceText(files, "[Content_Types].xml", "</Types>", `<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>`);
      replaceText(files, "xl/_rels/workbook.xml.rels", "</Relationships>", '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet99.xml"/><Relationship Id="rId98" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>');
      // Sheets: 评分 (0), 结果 (1), 汇总 (2), 备注 (3); 结果 is the active tab.
      replaceText(files, "xl/workbook.xml", "</sheets>", '<sheet name="备注" sheetId="99" r:id="rId99"/></sheets><definedNames><definedName name="甲" localSheetId="3">备注!$A$1</definedName><definedName name="乙">结果!$B$2</definedName><definedName name="丙" localSheetId="1">$B$2</definedName><definedName name="丁">评分!$A$1</definedName></definedNames>');
      replaceText(files, "xl/workbook.xml", /<sheets>/, '<bookViews><workbookView activeTab="1" firstSheet="3"/></bookViews><sheets>');
      const sheetId = calcChainSheet === "结果" ? /<sheet [^>]*name="结果"[^>]*>/.exec(strFromU8(files["xl/workbook.xml"] ?? new Uint8Array()))?.[0].match(/sheetId="(\d+)"/)?.[1] : "1";
      files["xl/calcChain.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><calcChain xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><c r="A1" i="${sheetId ?? "0"}"/></calcChain>`);
    });
  }

  it("keeps a user sheet after the outputs before the new outputs, renumbers its names and views, keeps names of the replaced outputs", async () => {
    const rescored = parts(await writeOutputSheets(await scoredWithExtras("评分"), [results(77), summary]));
    const workbook = strFromU8(rescored["xl/workbook.xml"] ?? new Uint8Array());
    expect([...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((match) => match[1])).toEqual(["评分", "备注", "结果", "汇总"]);
    expect(workbook).toContain('<definedName name="甲" localSheetId="1">备注!$A$1</definedName>');
    expect(workbook).toContain('<definedName name="丁">评分!$A$1</definedName>');
    // 结果 comes back under its own name: a name referring to it means the same cells, a name local to it follows it
    // to its new position (issue 13 item 7; before, both were dropped).
    expect(workbook).toContain('<definedName name="乙">结果!$B$2</definedName>');
    expect(workbook).toContain('<definedName name="丙" localSheetId="2">$B$2</definedName>');
    // The active tab was the old 结果: it is the new 结果 (index 2), and that sheet is the selected one.
    expect(workbook).toContain('<workbookView activeTab="2" firstSheet="1"/>');
    expect(outputSheetXml(rescored)[0]).toContain('tabSelected="1"');
    // The calculation chain names only 评分: kept as it was.
    expect(rescored["xl/calcChain.xml"]).toBeDefined();
    expect(strFromU8(rescored["xl/_rels/workbook.xml.rels"] ?? new Uint8Array())).toContain("calcChain.xml");
  });

  it("drops a calculation chain that names a replaced sheet, with its relationship and content type", async () => {
    const rescored = parts(await writeOutputSheets(await scoredWithExtras("结果"), [results(77), summary]));
    expect(rescored["xl/calcChain.xml"]).toBeUndefined();
    expect(strFromU8(rescored["xl/_rels/workbook.xml.rels"] ?? new Uint8Array())).not.toContain("calcChain");
    expect(strFromU8(rescored["[Content_Types].xml"] ?? new Uint8Array())).not.toContain("calcChain");
    const book = await load(zipSync(rescored));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(["评分", "备注", "结果", "汇总"]);
  });
});

describe("a workbook part written with a namespace prefix (as some generators do)", () => {
  it("gets its new sheets with the same prefix, and a relationships prefix declared where the part has none", async () => {
    const original = edited(await buildWorkbook([{ name: "评分", rows: [["单位名称"], ["城关镇"]], format: plainFormat }]), (files) => {
      const xml = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array())
        .replace(/<(\/?)(?=[a-zA-Z])(?![a-zA-Z]+:)/g, "<$1x:")
        .replace('xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"', 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"')
        .replace(/ xmlns:r="[^"]*"/, "")
        .replace(/ r:id=/g, ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id=');
      files["xl/workbook.xml"] = strToU8(xml);
    });
    const workbook = strFromU8(parts(await writeOutputSheets(original, [results(92.35), summary]))["xl/workbook.xml"] ?? new Uint8Array());
    expect(workbook).toMatch(/<x:sheets>.*<x:sheet [^>]*name="评分"[^>]*\/><x:sheet name="结果" sheetId="\d+" xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships" r:id="rId\d+"\/><x:sheet name="汇总" [^>]*\/><\/x:sheets>/);
  });
});

describe("a damaged part the graft cannot edit", () => {
  // Cases found by mutating the example's parts at random: the sheets still read, but the sheet list, a relationship
  // file, the content types or the styles are broken. The user must get a scored copy (ExcelJS rewrites the whole
  // workbook then) or, when ExcelJS cannot read it either, the message that says to save it again as .xlsx; never an
  // internal error.
  it.each([
    ["[Content_Types].xml", /<Types /, "<Typez ", "written"],
    ["xl/_rels/workbook.xml.rels", /"\/>/, '"', "written"],
    ["xl/styles.xml", "</fonts>", "", "refused"],
  ])("%s damaged: %s", async (path, from, to, expected) => {
    const input = await buildWorkbook(buildTemplate({ year: 2025, example: true }));
    const outputs = await scored(input);
    const damaged = edited(input, (files) => replaceText(files, path, from, to));
    if (expected === "refused") {
      await expect(writeOutputSheets(damaged, outputs)).rejects.toThrow(new NotAWorkbookError(XLSX_MESSAGES.notAWorkbook));
      return;
    }
    const written = await writeOutputSheets(damaged, outputs);
    const names = (await readWorkbookGrids(written)).sheets.map((sheet) => sheet.name);
    expect(names.slice(-3)).toEqual(["结果", "计算说明", "汇总"]);
  });
});
