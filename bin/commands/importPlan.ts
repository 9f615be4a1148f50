import { replaceSheets } from "../../files/xlsx";
import { docxText, decodePlanText, isDocxName } from "../../files/planText";
import { describeCategories } from "../../lib/applies";
import { SHEET } from "../../lib/layout";
import { DEFAULT_PLAN_TOTAL, indicatorRowCount, keptSheetName, parsePlanTotal, parseWorkPlan, planIndicatorsSheet, planUnits } from "../../lib/plan";
import { CliError } from "../errors";
import { readInputFile, requireXlsxName, sameFile, writeFileAtomically } from "../files";
import { EXIT } from "../io";
import { MSG } from "../messages";
import { loadWorkbookFile, namingTheFile } from "../workbook";
import type { Command } from "./command";

const USAGE = "kaohe import-plan 工作安排.txt 考核.xlsx -o 输出.xlsx [--total 40] [--replace]";

/**
 * kaohe import-plan PLAN IN.xlsx -o OUT.xlsx: 考核指标 from the year's 工作安排 ("安排什么考核什么").
 * OUT is IN with 考核指标 replaced; refused (exit 2, nothing written) when IN's 考核指标 has rows and --replace is not given.
 */
export const importPlanCommand: Command = {
  name: "import-plan",
  usage: USAGE,
  summary: "从年度工作安排（.txt 或 .docx）生成考核指标",
  help: [
    `用法：${USAGE}`,
    "",
    "按“安排什么考核什么”，把工作安排中的每项任务变成考核指标表的一行：",
    "编号、一级指标（所在标题）、二级指标（任务首句）、考核内容、考核主体（牵头单位）、适用类别（责任单位），",
    "分值在每个适用类别内平均分配（0.5分为单位），生成后请按需调整。",
    "工作安排可以是 .docx，也可以是 .txt（UTF-8 或 GBK 编码均可）。",
    "",
    "选项：",
    "  -o, --output 输出.xlsx   写出的新工作簿：输入的各表原样保留，考核指标表换成新生成的。不能与输入文件同名。",
    "  --total 分值             每个适用类别的指标分值合计，默认 40，须为 0.5 的整数倍",
    "  --replace                输入的考核指标表已有指标时，仍然替换它；原表改名为“考核指标（原）”保留。",
    "                           不加时，只在考核指标表为空时写入，否则不写任何文件（退出码 2）。",
  ].join("\n"),
  options: {
    output: { type: "string", short: "o" },
    total: { type: "string" },
    replace: { type: "boolean" },
  },
  async run(args, io) {
    const [planPath, input, ...extra] = args.positionals;
    if (planPath === undefined || input === undefined) throw new CliError(MSG.missingFile("工作安排和考核工作簿（例如 kaohe import-plan 工作安排.txt 考核.xlsx -o 新考核.xlsx）"), { usage: true });
    if (extra.length > 0) throw new CliError(MSG.extraArguments(extra.join(" ")), { usage: true });
    const output = typeof args.values.output === "string" ? args.values.output : null;
    if (output === null) throw new CliError(MSG.missingFile("输出文件（-o 新考核.xlsx）"), { usage: true });
    requireXlsxName(output);
    if (await sameFile(input, output)) throw new CliError(MSG.sameInputOutput(output));
    const total = parseTotal(args.values.total);

    const text = await readPlanText(planPath);
    const { bytes, book } = await loadWorkbookFile(input);
    const outcome = parseWorkPlan(text, { total, units: planUnits(book) });
    for (const warning of outcome.warnings) io.err(MSG.planWarning(warning.line, warning.message));
    if (outcome.rows.length === 0) throw new CliError(MSG.planNoTasks(planPath));
    for (const row of outcome.rows) io.out(MSG.planPreviewRow(row.code, row.level2, row.maxPoints.toString(), describeCategories(row.categories)));
    io.out(MSG.planPreview(outcome.rows.length, outcome.warnings.length));

    const existing = indicatorRowCount(book);
    const replace = args.values.replace === true;
    if (existing > 0 && !replace) throw new CliError(MSG.planIndicatorsNotEmpty(input, existing));
    const written = await namingTheFile(input, () => replaceSheets(bytes, [planIndicatorsSheet(outcome.rows)], existing > 0 ? keptSheetName : undefined));
    await writeFileAtomically(output, written.bytes, { overwrite: true });
    io.out(MSG.planWritten(output, outcome.rows.length, written.kept[SHEET.indicators] ?? null));
    io.out(MSG.planScoresHint);
    return EXIT.ok;
  },
};

/** --total: a positive multiple of 0.5 (parseWorkPlan's own rule); checked here so a typo is a usage message, not a crash. */
function parseTotal(value: string | boolean | undefined): number {
  if (value === undefined || typeof value === "boolean") return DEFAULT_PLAN_TOTAL;
  const total = parsePlanTotal(value);
  if (total === null) throw new CliError(MSG.planBadTotal(value), { usage: true });
  return total;
}

async function readPlanText(path: string): Promise<string> {
  const bytes = await readInputFile(path);
  if (!isDocxName(path)) return decodePlanText(bytes);
  try {
    return await docxText(bytes);
  } catch {
    throw new CliError(MSG.planNotDocx(path));
  }
}
