import { hasErrors } from "../../lib/issue";
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
    "列出每个问题所在的工作表和单元格（如 评分!F7）以及改法。不写任何文件。",
    "有错误时退出码为 1，只有提示或没有问题时为 0。",
  ].join("\n"),
  options: {},
  async run(args, io) {
    const path = onePositional(args.positionals, "要检查的工作簿（例如 kaohe check 考核.xlsx）");
    const { book } = await loadWorkbookFile(path);
    const issues = checkAssessment(book);
    for (const line of issueLines(issues)) io.out(line);
    if (hasErrors(issues)) {
      io.out(MSG.checkFailed);
      return EXIT.inputErrors;
    }
    io.out(MSG.checkPassed);
    return EXIT.ok;
  },
};
