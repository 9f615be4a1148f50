import { verifyWorkbook } from "../../lib/integrity";
import { onePositional } from "../args";
import { nodeDigest } from "../digest";
import { EXIT } from "../io";
import { loadWorkbookFile } from "../workbook";
import type { Command } from "./command";

const USAGE = "kaohe verify 考核（已计算）.xlsx";

/**
 * kaohe verify OUT.xlsx: scores the workbook again from its own input sheets and compares with its 结果, 计算说明 and
 * 汇总; names every differing cell and the input sheets changed since 计算等次. Exit 0 consistent, 1 not.
 */
export const verifyCommand: Command = {
  name: "verify",
  usage: USAGE,
  summary: "核验已计算的工作簿：结果是否与输入一致，计算后是否有改动",
  help: [
    `用法：${USAGE}`,
    "",
    "按工作簿中的输入表重新计算，与其中的结果、计算说明、汇总逐格比较，",
    "列出每个不一致的单元格（如 结果!L12 为 95.00，按输入应为 93.50），",
    "并按计算等次时记录在计算说明中的指纹，指出计算后改动过哪张输入表。不写任何文件。",
    "一致时退出码为 0，不一致时为 1。",
    "",
    "核验只证明工作簿前后一致，不是电子签名，不能证明工作簿由谁制作。",
  ].join("\n"),
  options: {},
  async run(args, io) {
    const path = onePositional(args.positionals, "要核验的工作簿（例如 kaohe verify 考核（已计算）.xlsx）");
    const { book } = await loadWorkbookFile(path);
    const outcome = await verifyWorkbook(book, nodeDigest);
    for (const line of outcome.lines) io.out(line);
    return outcome.ok ? EXIT.ok : EXIT.inputErrors;
  },
};
