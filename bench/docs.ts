/** docs/benchmarks.md from one run: the machine, the exact commands, the table and what was found. */
import type { CliFigures } from "./cli";
import type { CliPhases } from "./cliPhases";
import type { FormulaFigures } from "./formulas";
import type { LibraryFigures } from "./library";
import type { Machine } from "./machine";
import { mb, seconds, thousands } from "./stats";

export interface DocsInput {
  started: Date;
  machine: Machine;
  table: string;
  notes: readonly string[];
  library: readonly LibraryFigures[];
  cli: { figures: CliFigures[]; phases: CliPhases | null } | null;
  formulas: readonly FormulaFigures[];
  args: readonly string[];
}

function libraryFindings(library: readonly LibraryFigures[]): string[] {
  const tenK = library.find((f) => f.units === 10_000);
  const lines = [
    "- **Quadratic steps, fixed.** The first run of this bench took 50.9 s for 10,000 units. `node --cpu-prof` showed the time in",
    "  `ratingsByRaterGroup` (every unit scanned all 300,000 peer ratings), in `recordsOf`/`majorIssue` (every unit scanned the",
    "  whole 加减分 register), in `rankTotals` (`findIndex` over the distinct totals and `filter` over the group for each unit)",
    "  and in `unitResult` (the group's ranks, ties and `Math.max(...ranks)` worked out again for every unit). lib/rules now",
    "  indexes ratings and records by unit once, ranks with one sort, and works out group facts once per group",
    "  (commit “rules: linear in units…”); the rules tests are unchanged and green. 10,000 units: 50.9 s → about 4 s.",
  ];
  if (tenK) {
    lines.push(
      `- **Still over the 1 s target** (${seconds(tenK.medianMs)} for 10,000 units × 100 indicators). The profile is now flat:`,
      "  about 40% reading (`readScores` turns 1,000,000 cells into decimals, with NFKC and 不适用 checks per cell), about 55%",
      "  scoring (decimal.js `plus`/`Decimal` construction and garbage collection for 1,000,000 indicator scores and 300,000",
      "  ratings, and the 计算说明 text: each unit's 指标得分 line lists its ~60–100 scores), about 5% rendering. No single",
      "  function is worth a small safe fix; reaching 1 s needs a different design (sum indicator scores as scaled integers",
      "  — half points are exact in integers — and build 计算说明 lazily), which changes lib/ beyond this issue: left open.",
      `- **Decimal cost ${(tenK.medianMs / tenK.floatMedianMs).toFixed(0)}× the float baseline, target ≤ 4×: missed.** The ratio`,
      "  overstates the price of decimal arithmetic: the baseline does no checking (no Issue for any cell, no NFKC, no 不适用",
      "  marks) and writes no 计算说明 or 提示, which lib/ does for every unit. The baseline is also wrong:",
      `  ${thousands(tenK.units - tenK.equalTotals)} of ${thousands(tenK.units)} float 总分 differ from the decimal ones`,
      "  (half-up rounding of binary fractions such as 8.165, even with the usual `Number.EPSILON` nudge), which is why lib/ is decimal.",
    );
  }
  return lines;
}

function cliFindings(cli: DocsInput["cli"]): string[] {
  if (cli === null || cli.phases === null) return [];
  const p = cli.phases;
  const largest = cli.figures[cli.figures.length - 1];
  return [
    `- **Command line over target** (${largest ? `${seconds(largest.ms)} and ${largest.maxRssBytes === null ? "n/a" : mb(largest.maxRssBytes)}` : "n/a"} for ${largest ? thousands(largest.units) : "?"} units; targets < 10 s, < 1 GB).`,
    `  Phases in one process (bench/cliPhases.ts): read .xlsx ${seconds(p.readMs)} (RSS ${mb(p.rssAfterReadBytes)} after it),`,
    `  score ${seconds(p.scoreMs)}, write the output sheets into the workbook ${seconds(p.writeMs)}; peak ${mb(p.maxRssBytes)}.`,
    "  Fixed on the way: ExcelJS gave every new output cell its own style object and rendered each as XML while saving to",
    "  find its style id; addin/xlsx/format.ts now lets cells with equal styles share one object (looked up by identity):",
    "  writing the outputs of 3,000 units went from 10.4 s to 6.3 s and the peak from 1.08 to 0.82 GB. A faster zip level",
    "  (deflate 1) saved only 15% of the write for 42% larger files and was not kept.",
    "  The write still dominates: `writeOutputSheets` loads the whole input workbook into ExcelJS's object model a second time and",
    "  builds 计算说明 (about 12 rows per unit: 120,000 rows for 10,000 units) as styled ExcelJS cells before zipping. Memory is",
    "  ExcelJS's per-cell objects (two copies of 1,000,000 input cells plus the output). The fix is in addin/xlsx and is not",
    "  small: copy the input sheets' XML parts through unchanged and write only the three output sheets (ExcelJS's streaming",
    "  WorkbookWriter, or writing their sheet XML directly). Left open; see the report of issue 4.",
  ];
}

function formulaFindings(formulas: readonly FormulaFigures[]): string[] {
  return formulas.map(
    (f) =>
      `- Formulas, ${thousands(f.units)} units: LibreOffice took ${seconds(f.recalcMs)} (of which start-up ${seconds(f.startupMs)}) against ` +
      `${seconds(f.libraryMs)} for lib/; 总分 equal in ${f.equalTotals} of ${f.compared}, 名次 (RANK.EQ, 跳位) in ${f.equalRanks}, 等次 by thresholds in ${f.equalGrades}.`,
  );
}

/** The Markdown of docs/benchmarks.md. */
export function writeDocs(input: DocsInput): string {
  const m = input.machine;
  return [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (bench/main.ts); do not edit by hand. Times are wall-clock on the machine below and vary",
    "from run to run; the tests never assert a time (test/bench-smoke.test.ts checks shapes and counts only).",
    "",
    "## Machine",
    "",
    `- CPU: ${m.cpu}, ${m.cores} logical cores`,
    `- Memory: ${mb(m.memoryBytes)}`,
    `- Node.js ${m.node} (${m.os})`,
    `- LibreOffice: ${m.libreOffice ?? "not installed"}; Chromium: /usr/bin/chromium through playwright-core`,
    `- Run started ${input.started.toISOString()}; 1-minute load average at the end ${m.loadAverage.toFixed(2)} (other work on the machine slows every figure)`,
    "",
    "## Commands",
    "",
    "```sh",
    `npm run bench${input.args.length > 0 ? ` -- ${input.args.join(" ")}` : ""}    # all five parts; writes this file`,
    "npm run bench:ci   # parts 1 and 3 at 200 units, nothing written (CI)",
    "# one part by hand:",
    "node --import tsx bench/library.ts 10000 3        # library: units, runs → JSON",
    "node --import tsx bench/excel.ts 1000              # Excel host against the counting fake → JSON",
    "node bin/kaohe.js score bench/out/bench-10000.xlsx -o out.xlsx --json   # under /usr/bin/time -v",
    "node --import tsx bench/cliPhases.ts bench/out/bench-10000.xlsx        # where the command line's time goes",
    "node --import tsx bench/formulaChild.ts 1000 bench/out/lo               # formula workbook in LibreOffice",
    "```",
    "",
    "Options: `--sizes=100,1000` and `--skip=cli,pages,formulas,excel`. Generated files go to bench/out/ (git-ignored).",
    "",
    "## What is measured",
    "",
    "- Input (bench/generate.ts, deterministic): N units in the seven categories, 100 indicators (60 for all categories",
    "  at 0.5/1 point, four 分类职责 sets of 10 × 4 points), scores in half points with 1% typed `/`, 满意度 for 9 units",
    "  in 10 (alternately a percentage and ballot counts), 上下互评 with 32 rater columns and 30 ratings per unit (20% as",
    "  words), 加减分 with N/5 records (10% of 扣分 情节严重), 优秀比例上限 30%, the other parameters at their defaults.",
    "- 1 library: `runAssessment` on the grids (read → score → output grids), each size in a fresh process; one warm-up",
    "  run, then the median; peak memory is that process's maxRSS (generator and grids included). The float baseline",
    "  (bench/floatRules.ts, never in lib/) does rules 1–10 in JavaScript numbers on the same grids in the same process.",
    "- 2 command line: `node bin/kaohe.js score IN.xlsx -o OUT.xlsx --json` under `/usr/bin/time -v`, Node start-up included.",
    "- 3 Excel host: `createExcelHost().compute` against test/helpers/fakeExcel.ts, which counts `context.sync` calls and",
    "  the JSON bytes of each request and response, refusing over 5 MB as Excel on the web does (MB = 1,048,576 bytes).",
    "- 4 pages: `webpack --mode production` into bench/out/dist; our scripts and stylesheets named in each page (office.js",
    "  comes from Microsoft's CDN and is not ours to count); first render = `performance.now()` when `#root` first shows text,",
    "  from a local server, cold cache; for the task pane a stub office.js answers `Office.onReady` with Excel at once.",
    "- 5 formulas: bench/formulas.ts — see its header for exactly which rules the formulas cover (互评得分 typed in from",
    "  lib/; 情节严重 cap, quota and 提示 left out). LibreOffice is forced to recalculate on load (OOXMLRecalcMode=0 in a",
    "  private profile) and saves 结果 as CSV; the CSV figures are compared with lib/'s.",
    "",
    "## Results",
    "",
    input.table,
    "",
    ...(input.notes.length > 0 ? ["Notes:", "", ...input.notes.map((n) => `- ${n}`), ""] : []),
    "## Findings",
    "",
    ...libraryFindings(input.library),
    ...cliFindings(input.cli),
    ...formulaFindings(input.formulas),
    "- Excel host: up to 1,000 units 计算等次 is 3 syncs (read, write, swap the sheets); at 10,000 units the input",
    "  (about 8 MB as JSON) is over 5 MB: the host's first whole read is refused and it reads again in blocks, so one",
    "  round trip is wasted. The host could estimate the size first (row and column counts of the used ranges) and go",
    "  straight to blocks.",
    "",
  ].join("\n");
}
