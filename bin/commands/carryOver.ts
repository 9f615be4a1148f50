import { replaceSheets } from "../../files/xlsx";
import { planCarryOver } from "../../lib/carryover";
import { describeIssue, hasErrors } from "../../lib/issue";
import { keptSheetName } from "../../lib/plan";
import { CliError } from "../errors";
import { exists, requireXlsxName, sameFile, writeFileAtomically } from "../files";
import { EXIT } from "../io";
import { MSG } from "../messages";
import { loadWorkbookFile, namingTheFile } from "../workbook";
import type { Command } from "./command";

const USAGE = "kaohe carry-over 上年（已计算）.xlsx 本年.xlsx [-o 输出.xlsx] [--force]";

/**
 * kaohe carry-over LAST.xlsx IN.xlsx [-o OUT.xlsx]: 从上年结果导入. Prints the preview (each unit's 上年名次 and 上年等次,
 * the values replaced, the units that matched nothing, by name); writes only with -o, to a copy of IN whose 考核对象 is
 * replaced and kept as 考核对象（原）. LAST and IN are never written; errors in 单位更名 write nothing (exit 1).
 */
export const carryOverCommand: Command = {
  name: "carry-over",
  usage: USAGE,
  summary: "从上年结果导入：按单位名称填写考核对象的上年名次、上年等次",
  help: [
    `用法：${USAGE}`,
    "",
    "从上年已计算等次的工作簿的“结果”表（名次和审定后的等次）填写本年“考核对象”表的“上年名次”“上年等次”两列，",
    "用于判断“连续两年优秀”（建议通报表扬）和“退步较大”（通报警示），不必再手工填写。",
    "",
    "按单位名称对应（去掉首尾空格后完全相同），不按相近的名称猜测：",
    "  · 更名或合并的单位：在本年工作簿的“单位更名”表中填写“上年名称”“本年名称”，再导入一次；",
    "    合并的单位只填一行（沿用哪个上年单位的名次和等次由您决定）；",
    "  · 本年新增的单位：上年名次、上年等次留空；",
    "  · 上年有、本年没有的单位：逐个列出。",
    "",
    "先在屏幕上列出将要填写的内容和被替换的原值（预览）；不加 -o 时只预览，不写任何文件。",
    "",
    "选项：",
    "  -o, --output 输出.xlsx   写出本年工作簿的副本：考核对象换成填好的新表，原表改名为“考核对象（原）”保留，",
    "                           其他各表原样保留。不能与两个输入文件同名。",
    "  --force                  输出文件已存在时覆盖它（不加时决不覆盖）",
  ].join("\n"),
  options: {
    output: { type: "string", short: "o" },
    force: { type: "boolean" },
  },
  async run(args, io) {
    const [lastPath, input, ...extra] = args.positionals;
    if (lastPath === undefined || input === undefined) {
      throw new CliError(MSG.missingFile("上年工作簿和本年工作簿（例如 kaohe carry-over 2026考核（已计算）.xlsx 2027考核.xlsx -o 2027考核（已导入上年）.xlsx）"), { usage: true });
    }
    if (extra.length > 0) throw new CliError(MSG.extraArguments(extra.join(" ")), { usage: true });
    const output = typeof args.values.output === "string" ? args.values.output : null;
    const force = args.values.force === true;
    if (output !== null) {
      requireXlsxName(output);
      for (const path of [lastPath, input]) if (await sameFile(path, output)) throw new CliError(MSG.sameInputOutput(output));
      if (!force && (await exists(output))) throw new CliError(MSG.outputExists(output));
    }
    const last = await loadWorkbookFile(lastPath);
    const { bytes, book } = await loadWorkbookFile(input);
    const plan = planCarryOver(last.book, book);
    if (hasErrors(plan.issues)) {
      // A missing 结果 is last year's problem, every other one this year's: each line says which file holds it.
      const lastYears = new Set(["carry.noResults", "carry.emptyResults"]);
      for (const issue of plan.issues) io.err(`${lastYears.has(issue.code) ? lastPath : input}：${describeIssue(issue)}`);
      io.err(MSG.countLine(plan.issues.filter((issue) => issue.level === "error").length, plan.issues.filter((issue) => issue.level === "warning").length));
      io.err(MSG.nothingWritten);
      return EXIT.inputErrors;
    }
    for (const line of plan.preview) io.out(line);
    if (plan.sheets.length === 0) return EXIT.ok;
    if (output === null) {
      io.out(MSG.carryPreviewOnly);
      return EXIT.ok;
    }
    const written = await namingTheFile(input, () => replaceSheets(bytes, plan.sheets, keptSheetName));
    await writeFileAtomically(output, written.bytes, { overwrite: force });
    io.out(MSG.carryWritten(output, plan.changed, Object.values(written.kept).filter((name): name is string => name !== null)));
    return EXIT.ok;
  },
};
