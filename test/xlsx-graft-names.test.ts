// Issue 13 item 7: what the package keeps when the outputs are replaced. A user's defined name pointing into an output
// sheet (结果区 = 结果!$A$1:$N$64) or local to it (its print area) is kept, since the sheet comes back under the same
// name; docProps/app.xml lists the sheets the workbook now has, outputs included.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import { buildWorkbook, readWorkbookGrids, writeOutputSheets } from "../files/xlsx";
import { appPropertiesWithSheets } from "../files/xlsx/appProperties";
import type { SheetOut } from "../lib/format";
import { INPUT_SHEETS, OUTPUT_SHEETS } from "../lib/layout";
import { runAssessment } from "../lib/run";
import { buildTemplate } from "../lib/template";

let outputs: SheetOut[];
let scoredOnce: Uint8Array;

beforeAll(async () => {
  const example = await buildWorkbook(buildTemplate({ year: 2025, example: true }));
  outputs = runAssessment(await readWorkbookGrids(example)).outputs ?? [];
  scoredOnce = await writeOutputSheets(example, outputs);
}, 60_000);

function text(bytes: Uint8Array, path: string): string {
  return strFromU8(unzipSync(bytes)[path] ?? new Uint8Array());
}

/** The scored workbook with the user's names added: 结果区 over 结果, 结果's print area, and a name on 评分. */
function withUserNames(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const workbook = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array());
  const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((match) => match[1]);
  const results = names.indexOf("结果");
  const names_ =
    `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="${results}">结果!$A$1:$N$64</definedName>` +
    `<definedName name="结果区">结果!$A$1:$N$64</definedName><definedName name="评分区">评分!$A$1:$C$9</definedName></definedNames>`;
  files["xl/workbook.xml"] = strToU8(workbook.replace("</sheets>", `</sheets>${names_}`));
  return zipSync(files);
}

describe("scoring again keeps the user's names on the outputs", () => {
  it("结果区 = 结果!$A$1:$N$64 and 结果's print area survive, the print area still local to 结果", async () => {
    const again = await writeOutputSheets(withUserNames(scoredOnce), outputs);
    const workbook = text(again, "xl/workbook.xml");
    const names = [...workbook.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((match) => match[1]);
    expect(names).toStrictEqual([...INPUT_SHEETS.filter((name) => names.includes(name)), ...OUTPUT_SHEETS]);
    expect(workbook).toContain('<definedName name="结果区">结果!$A$1:$N$64</definedName>');
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="${names.indexOf("结果")}">结果!$A$1:$N$64</definedName>`);
    expect(workbook).toContain('<definedName name="评分区">评分!$A$1:$C$9</definedName>');
  });
});

describe("docProps/app.xml", () => {
  it("lists every sheet of the scored workbook, outputs included, with its count", async () => {
    const app = text(scoredOnce, "docProps/app.xml");
    const titles = [...app.matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((match) => match[1]);
    const sheets = [...text(scoredOnce, "xl/workbook.xml").matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((match) => match[1]);
    expect(titles).toStrictEqual(["Worksheets", ...sheets]);
    expect(app).toContain(`<vt:i4>${sheets.length}</vt:i4>`);
    expect(app).toContain(`<vt:vector size="${sheets.length}" baseType="lpstr">`);
    // Scored again: the outputs are listed once, not twice.
    const again = text(await writeOutputSheets(scoredOnce, outputs), "docProps/app.xml");
    expect(again).toBe(app);
  });

  it("Excel's own form in Chinese, with named ranges after the sheets: only the sheets' group changes", () => {
    const app =
      '<Properties xmlns:vt="v"><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>3</vt:i4></vt:variant>' +
      '<vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
      '<TitlesOfParts><vt:vector size="4" baseType="lpstr"><vt:lpstr>评分</vt:lpstr><vt:lpstr>结果</vt:lpstr><vt:lpstr>R&amp;D</vt:lpstr><vt:lpstr>结果!Print_Area</vt:lpstr></vt:vector></TitlesOfParts></Properties>';
    const edited = appPropertiesWithSheets(app, ["评分", "结果", "R&D"], (name) => ["结果", "汇总"].includes(name), ["结果", "汇总"]);
    expect(edited).toBe(
      '<Properties xmlns:vt="v"><HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>4</vt:i4></vt:variant>' +
        '<vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>' +
        '<TitlesOfParts><vt:vector size="5" baseType="lpstr"><vt:lpstr>评分</vt:lpstr><vt:lpstr>R&amp;D</vt:lpstr><vt:lpstr>结果</vt:lpstr><vt:lpstr>汇总</vt:lpstr><vt:lpstr>结果!Print_Area</vt:lpstr></vt:vector></TitlesOfParts></Properties>',
    );
  });

  it("a list that does not add up, or names no sheet of the workbook, is left as it was", () => {
    const broken = '<Properties><HeadingPairs><vector size="2"><variant><lpstr>Worksheets</lpstr></variant><variant><i4>5</i4></variant></vector></HeadingPairs><TitlesOfParts><vector size="1"><lpstr>评分</lpstr></vector></TitlesOfParts></Properties>';
    expect(appPropertiesWithSheets(broken, ["评分"], () => false, ["结果"])).toBeNull();
    const stale = broken.replace("<i4>5</i4>", "<i4>1</i4>");
    expect(appPropertiesWithSheets(stale, ["别的"], () => false, ["结果"])).toBeNull();
    expect(appPropertiesWithSheets(stale, ["评分"], () => false, ["结果"])).toContain("<lpstr>评分</lpstr><lpstr>结果</lpstr>");
  });
});
