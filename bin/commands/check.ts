import { hasErrors } from "../../lib/issue";
import { progressLines, progressOf } from "../../lib/forms";
import { readAssessment } from "../../lib/reader";
import { checkAssessment } from "../../lib/run";
import { onePositional } from "../args";
import { EXIT } from "../io";
import { MSG } from "../messages";
import { issueLines } from "../report";
import { loadWorkbookFile } from "../workbook";
import type { Command } from "./command";

const USAGE = "kaohe check 考核.xlsx";

/** kaohe check IN.xlsx: every problem in the workbook; exit 1 when any is an error. */
export const checkCommand: Command = {
  name: "check",
  usage: USAGE,
  summary: "检查工作簿中的数据，列出全部错误和提示",
  help: [
    `用法：${USAGE}`,
    "",
    "检查工作簿中的参数、考核对象、考核指标、评分、满意度、上下互评和加减分，",
    "列出每个问题所在的工作表和单元格（如 评分!F7）以及改法，再列出进度（催报）：",
    "每个考核主体、评议单位已填多少、还缺哪些单位，哪些表尚未交回，哪些单位没有满意度。不写任何文件。",
    "有错误时退出码为 1，只有提示或没有问题时为 0。",
  ].join("\n"),
  options: {},
  async run(args, io) {
    const path = onePositional(args.positionals, "要检查的工作簿（例如 kaohe check 考核.xlsx）");
    const { book } = await loadWorkbookFile(path);
    const issues = checkAssessment(book);
    for (const line of issueLines(issues)) io.out(line);
    // 进度 (催报): who has not yet filled what, read from the workbook itself.
    const input = readAssessment(book).input;
    if (input !== null && input.units.length > 0) for (const line of progressLines(progressOf(input, book))) io.out(line);
    if (hasErrors(issues)) {
      io.out(MSG.checkFailed);
      return EXIT.inputErrors;
    }
    io.out(MSG.checkPassed);
    return EXIT.ok;
  },
};
