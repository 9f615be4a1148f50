import { replaceSheets } from "../../files/xlsx";
import { hasErrors } from "../../lib/issue";
import { keptSheetName } from "../../lib/plan";
import { layoutSheets } from "../../lib/template/layoutSheets";
import { onePositional } from "../args";
import { CliError } from "../errors";
import { exists, requireXlsxName, sameFile, writeFileAtomically } from "../files";
import { EXIT } from "../io";
import { MSG } from "../messages";
import { issueLines } from "../report";
import { loadWorkbookFile, namingTheFile } from "../workbook";
import type { Command } from "./command";

const USAGE = "kaohe layout 考核.xlsx [-o 输出.xlsx] [--force]";

/**
 * kaohe layout IN.xlsx [-o OUT.xlsx]: 生成评分表. Prints the preview (what each of 评分, 满意度, 上下互评 becomes, and
 * every typed value with no place, by cell); writes only with -o, to a copy of IN in which the sheets that change are
 * replaced and their old versions kept as 评分（原）…. IN itself is never written; errors in 考核对象 or 考核指标
 * write nothing (exit 1).
 */
export const layoutCommand: Command = {
  name: "layout",
  usage: USAGE,
  summary: "按考核对象和考核指标生成评分表、满意度表、上下互评表（保留已填的分数）",
  help: [
    `用法：${USAGE}`,
    "",
    "按考核对象（每个单位一行）和考核指标（每项指标一列）重新生成评分、满意度、上下互评三张表：",
    "不适用的格子填“不适用”并涂灰，每列得分限 0 到分值，本单位互评自己的格子涂灰。",
    "已经填写的分数按单位名称和指标编号照抄到新表（不按位置）；在新表中没有位置的值逐格列出；",
    "原表改名为“评分（原）”等保留，任何已填内容都不删除。",
    "",
    "先在屏幕上列出将要做的改动（预览）；不加 -o 时只预览，不写任何文件。",
    "",
    "选项：",
    "  -o, --output 输出.xlsx   写出一个新工作簿：有改动的表换成新表，原表改名保留，其他表原样保留。不能与输入文件同名。",
    "  --force                  输出文件已存在时覆盖它（不加时决不覆盖）",
  ].join("\n"),
  options: {
    output: { type: "string", short: "o" },
    force: { type: "boolean" },
  },
  async run(args, io) {
    const input = onePositional(args.positionals, "要生成评分表的工作簿（例如 kaohe layout 考核.xlsx -o 新考核.xlsx）");
    const output = typeof args.values.output === "string" ? args.values.output : null;
    const force = args.values.force === true;
    if (output !== null) {
      requireXlsxName(output);
      if (await sameFile(input, output)) throw new CliError(MSG.sameInputOutput(output));
      if (!force && (await exists(output))) throw new CliError(MSG.outputExists(output));
    }
    const { bytes, book } = await loadWorkbookFile(input);
    const outcome = layoutSheets(book);
    if (hasErrors(outcome.issues)) {
      for (const line of outcome.preview) io.err(line);
      for (const line of issueLines(outcome.issues)) io.err(line);
      io.err(MSG.nothingWritten);
      return EXIT.inputErrors;
    }
    for (const line of outcome.preview) io.out(line);
    if (outcome.sheets.length === 0) {
      io.out(MSG.layoutNothingToDo);
      return EXIT.ok;
    }
    if (output === null) {
      io.out(MSG.layoutPreviewOnly);
      return EXIT.ok;
    }
    const written = await namingTheFile(input, () => replaceSheets(bytes, outcome.sheets, keptSheetName));
    await writeFileAtomically(output, written.bytes, { overwrite: force });
    io.out(MSG.layoutWritten(output, outcome.sheets.map((sheet) => sheet.name), Object.values(written.kept).filter((name): name is string => name !== null)));
    return EXIT.ok;
  },
};
