// The built command line, run as users run it, and its output opened by a second spreadsheet program:
// LibreOffice must read the same figures as the JSON, and find no formula in the output sheets.
import { execFile, spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { INPUT_SHEETS, OUTPUT_SHEETS } from "../lib/layout";
import { D } from "../lib/decimal";
import type { ResultsJson } from "../lib/output";

const run = promisify(execFile);
const hasSoffice = spawnSync("soffice", ["--version"], { stdio: "ignore", timeout: 60_000 }).status === 0;
if (!hasSoffice) console.warn("跳过 LibreOffice 端到端测试：未安装 soffice（CI 会安装 libreoffice-calc）。");

/** CSV of one sheet: UTF-8, comma, double quotes (LibreOffice's filter options 44,34,76). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (quoted) {
      if (character === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (character === '"') quoted = false;
      else field += character;
    } else if (character === '"') quoted = true;
    else if (character === ",") {
      row.push(field);
      field = "";
    } else if (character === "\n" || character === "\r") {
      if (character === "\r" && text[index + 1] === "\n") index += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += character;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe.skipIf(!hasSoffice)("kaohe template --example → score -o, opened in LibreOffice", () => {
  let dir = "";
  let json: ResultsJson;
  let results: string[][] = [];
  let fods = "";
  let jsonOfResaved: ResultsJson;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "kaohe-e2e-"));
    await run(process.execPath, ["scripts/build-cli.mjs"]);
    const input = join(dir, "示例考核.xlsx");
    const output = join(dir, "示例考核（已计算）.xlsx");
    await run(process.execPath, ["bin/kaohe.js", "template", input, "--example", "--year", "2024"]);
    await run(process.execPath, ["bin/kaohe.js", "score", input, "-o", output]);
    // Scoring the scored file again must replace its output sheets, not add a second set.
    const again = join(dir, "再次计算.xlsx");
    await run(process.execPath, ["bin/kaohe.js", "score", output, "-o", again]);
    json = JSON.parse((await run(process.execPath, ["bin/kaohe.js", "score", input, "--json"], { maxBuffer: 64 << 20 })).stdout) as ResultsJson;

    // A fresh profile: LibreOffice refuses to start twice on one profile, and a user's settings must not matter.
    const profile = `-env:UserInstallation=${pathToFileURL(join(dir, "profile")).href}`;
    const csvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
    await run("soffice", ["--headless", profile, "--convert-to", csvFilter, "--outdir", join(dir, "csv"), output], { timeout: 110_000 });
    await run("soffice", ["--headless", profile, "--convert-to", "fods", "--outdir", join(dir, "fods"), again], { timeout: 110_000 });
    // The user opens the workbook in LibreOffice (or WPS, Excel) and saves it: same data, another program's XML.
    await run("soffice", ["--headless", profile, "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", join(dir, "resaved"), input], { timeout: 110_000 });
    const resaved = join(dir, "resaved", "示例考核.xlsx");
    jsonOfResaved = JSON.parse((await run(process.execPath, ["bin/kaohe.js", "score", resaved, "--json"], { maxBuffer: 64 << 20 })).stdout) as ResultsJson;
    const csvFiles = await readdir(join(dir, "csv"));
    const resultsFile = csvFiles.find((name) => name.endsWith("-结果.csv"));
    if (resultsFile === undefined) throw new Error(`LibreOffice wrote no 结果 CSV: ${csvFiles.join(", ")}`);
    results = parseCsv(await readFile(join(dir, "csv", resultsFile), "utf8"));
    fods = await readFile(join(dir, "fods", "再次计算.fods"), "utf8");
  });
  afterAll(async () => {
    if (dir !== "") await rm(dir, { recursive: true, force: true });
  });

  it("LibreOffice reads in 结果 the figures of the JSON, unit by unit", () => {
    expect(json.units.length).toBeGreaterThan(10);
    const header = results[0] ?? [];
    const column = (name: string): number => {
      const index = header.indexOf(name);
      expect(index, `结果 has no column ${name}`).toBeGreaterThanOrEqual(0);
      return index;
    };
    const rows = new Map(results.slice(1).filter((row) => (row[column("单位名称")] ?? "") !== "").map((row) => [row[column("单位名称")], row]));
    expect(rows.size).toBe(json.units.length);
    const sameFigure = (cell: string | undefined, figure: string | null): void => {
      if (figure === null) expect(cell === undefined || !/^-?\d/.test(cell)).toBe(true);
      else expect(new D(cell ?? "NaN").eq(new D(figure)), `${cell} ≠ ${figure}`).toBe(true);
    };
    for (const unit of json.units) {
      const row = rows.get(unit.name);
      expect(row, unit.name).toBeDefined();
      if (row === undefined) continue;
      expect(row[column("排名分组")]).toBe(unit.rankGroup);
      expect(row[column("名次")]).toBe(String(unit.rank));
      expect(row[column("等次")]).toBe(unit.grade);
      sameFigure(row[column("指标得分")], unit.indicatorEarned);
      sameFigure(row[column("指标应得分")], unit.indicatorPossible);
      sameFigure(row[column("满意度得分")], unit.satisfaction);
      sameFigure(row[column("互评得分")], unit.peer);
      sameFigure(row[column("换算得分")], unit.normalised);
      sameFigure(row[column("加分")], unit.bonus);
      sameFigure(row[column("扣分")], unit.penalty);
      sameFigure(row[column("总分")], unit.total);
    }
  });

  it("the workbook saved again by LibreOffice scores exactly the same", () => {
    expect(jsonOfResaved).toEqual(json);
  });

  it("a second run replaces the output sheets: each sheet once, in order", () => {
    const names = [...fods.matchAll(/<table:table table:name="([^"]*)"/g)].map((match) => match[1]);
    // The template's input sheets (INPUT_SHEETS: 说明 … 加减分, 审定调整, 平时考核), then the outputs once each.
    expect(names).toEqual([...INPUT_SHEETS, ...OUTPUT_SHEETS]);
  });

  it("the output sheets hold no formula", () => {
    const tables = fods.split("<table:table ").slice(1);
    const named = (name: string): string => tables.find((table) => table.startsWith(`table:name="${name}"`)) ?? "";
    for (const name of ["结果", "计算说明", "汇总"]) {
      expect(named(name).length, `${name} missing in LibreOffice's file`).toBeGreaterThan(0);
      expect(named(name)).not.toMatch(/table:formula=/);
    }
  });
});
