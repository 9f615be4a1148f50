import { join } from "node:path";
import { writeFeedbackDocx, writeNoticeDocx } from "../../files/docx";
import { describeIssue } from "../../lib/issue";
import { FEEDBACK_FOLDER, feedbackFileName, NOTICE_FILE, prepareReport } from "../../lib/report";
import { onePositional } from "../args";
import { nodeDigest } from "../digest";
import { CliError } from "../errors";
import { exists, writeFileAtomically } from "../files";
import { EXIT } from "../io";
import { MSG } from "../messages";
import { loadWorkbookFile } from "../workbook";
import type { Command } from "./command";

const USAGE = "kaohe report 考核（已计算）.xlsx [-o 考核结果通报.docx] [--feedback -o 反馈单/] [--force]";
const DEFAULT_NOTICE = NOTICE_FILE;
const DEFAULT_FEEDBACK_FOLDER = FEEDBACK_FOLDER;

/**
 * kaohe report OUT.xlsx [-o 通报.docx] | --feedback [-o 文件夹/]: the 考核结果通报 draft, or one 反馈单 .docx per unit.
 * A scored workbook must pass 核验 first (exit 1 otherwise); existing files are never replaced without --force.
 */
export const reportCommand: Command = {
  name: "report",
  usage: USAGE,
  summary: "生成考核结果通报（Word）或每个单位的反馈单",
  help: [
    `用法：${USAGE}`,
    "",
    "按工作簿的结果生成考核结果通报的 Word 草稿（按排名分组列出各等次单位，通报表扬、通报警示、",
    "约谈、责令整改、制发法治建议书，落款和抄送取自参数表），编号、签发后即可印发。",
    "生成前先核验：结果与输入不一致时不生成，退出码为 1。",
    "",
    "选项：",
    `  -o, --output 文件     通报的文件名（默认：${DEFAULT_NOTICE}）；加 --feedback 时为文件夹（默认：${DEFAULT_FEEDBACK_FOLDER}）`,
    "  --feedback            改为生成反馈单：每个单位一个 .docx（得分与本组比较、加减分、失分较多的指标、提示）",
    "  --force               文件已存在时覆盖（不加时决不覆盖，以免丢失已在 Word 中修改的内容）",
  ].join("\n"),
  options: {
    output: { type: "string", short: "o" },
    feedback: { type: "boolean" },
    force: { type: "boolean" },
  },
  async run(args, io) {
    const input = onePositional(args.positionals, "已计算的工作簿（例如 kaohe report 考核（已计算）.xlsx）");
    const feedback = args.values.feedback === true;
    const force = args.values.force === true;
    const output = typeof args.values.output === "string" ? args.values.output : feedback ? DEFAULT_FEEDBACK_FOLDER : DEFAULT_NOTICE;
    if (!feedback && !output.toLowerCase().endsWith(".docx")) throw new CliError(MSG.notDocxName(output));
    const { book } = await loadWorkbookFile(input);
    const report = await prepareReport(book, nodeDigest);
    for (const line of report.lines) io.err(line);
    if (report.notice === null || report.feedback === null) {
      for (const issue of report.issues.filter((item) => item.level === "error")) io.err(describeIssue(issue));
      return EXIT.inputErrors;
    }
    if (!feedback) {
      if (!force && (await exists(output))) throw new CliError(MSG.documentExists(output));
      await writeFileAtomically(output, await writeNoticeDocx(report.notice), { overwrite: force });
      io.out(MSG.noticeWritten(output));
      return EXIT.ok;
    }
    const files = report.feedback.units.map((unit) => ({ unit, path: join(output, feedbackFileName(unit.name)) }));
    if (!force) {
      for (const file of files) if (await exists(file.path)) throw new CliError(MSG.documentExists(file.path));
    }
    for (const file of files) {
      await writeFileAtomically(file.path, await writeFeedbackDocx({ ...report.feedback, units: [file.unit] }), { overwrite: force });
    }
    io.out(MSG.feedbackWritten(output, files.length));
    return EXIT.ok;
  },
};
