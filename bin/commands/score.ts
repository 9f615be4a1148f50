import { writeOutputSheets } from "../../files/xlsx";
import { compressPart } from "../compress";
import { hasErrors, type Issue } from "../../lib/issue";
import { toJson } from "../../lib/output";
import { sealOutcome } from "../../lib/integrity";
import { runAssessment } from "../../lib/run";
import { onePositional } from "../args";
import { nodeDigest } from "../digest";
import { CliError } from "../errors";
import { exists, requireXlsxName, sameFile, writeFileAtomically } from "../files";
import { EXIT, type Io } from "../io";
import { MSG } from "../messages";
import { issueLines } from "../report";
import { summaryLines } from "../summary";
import { loadWorkbookFile, namingTheFile } from "../workbook";
import type { Command } from "./command";

const USAGE = "kaohe score 考核.xlsx [-o 输出.xlsx] [--force] [--json]";

/**
 * kaohe score IN.xlsx [-o OUT.xlsx] [--json]: 计算等次. With errors nothing is written (exit 1).
 * OUT is a copy of IN with 结果, 计算说明 and 汇总 added or replaced; IN itself is never written.
 */
export const scoreCommand: Command = {
  name: "score",
  usage: USAGE,
  summary: "计算得分、名次和等次，可写出含结果的工作簿",
  help: [
    `用法：${USAGE}`,
    "",
    "按参数计算每个单位的得分、名次和等次，并在屏幕上按排名分组列出。",
    "数据有错误时列出全部错误，不写任何文件，退出码为 1。",
    "",
    "选项：",
    "  -o, --output 输出.xlsx   写出一个新工作簿：输入的各表原样保留，",
    "                           加上（或替换）结果、计算说明、汇总三张表。不能与输入文件同名。",
    "                           不加 -o 时只在屏幕上列出结果，不写任何文件。",
    "  --force                  输出文件已存在时覆盖它（不加时决不覆盖）",
    "  --json                   以 JSON 格式把结果输出到标准输出（供其他程序使用）；",
    "                           屏幕上的汇总表改为输出到标准错误。",
  ].join("\n"),
  options: {
    output: { type: "string", short: "o" },
    json: { type: "boolean" },
    force: { type: "boolean" },
  },
  async run(args, io) {
    const input = onePositional(args.positionals, "要计算的工作簿（例如 kaohe score 考核.xlsx）");
    const output = typeof args.values.output === "string" ? args.values.output : null;
    const json = args.values.json === true;
    const force = args.values.force === true;
    if (output !== null) {
      requireXlsxName(output);
      if (await sameFile(input, output)) throw new CliError(MSG.sameInputOutput(output));
      // Said before the work, so the clerk does not wait for a refusal; the write itself never replaces either.
      if (!force && (await exists(output))) throw new CliError(MSG.outputExists(output));
    }
    const { bytes, book } = await loadWorkbookFile(input);
    // The fingerprint, program and time go at the end of 计算说明, so that a receiver can 核验 (kaohe verify).
    const outcome = await sealOutcome(runAssessment(book), { digest: nodeDigest, now: new Date() });
    if (outcome.result === null || outcome.outputs === null || hasErrors(outcome.issues)) {
      return refuse(outcome.issues, json, io);
    }
    if (output !== null) {
      const outputs = outcome.outputs;
      await writeFileAtomically(output, await namingTheFile(input, () => writeOutputSheets(bytes, outputs, { compress: compressPart })), { overwrite: force });
    }
    // With --json, standard output is the JSON alone, so that a program can parse it; people read standard error.
    const human = json ? io.err : io.out;
    if (json) io.out(JSON.stringify(toJson(outcome.result, outcome.issues), null, 2));
    if (outcome.issues.length > 0) for (const line of issueLines(outcome.issues)) io.err(line);
    for (const line of summaryLines(outcome.result)) human(line);
    human(output !== null ? MSG.resultsWritten(output, outcome.outputs.map((sheet) => sheet.name).join("、")) : MSG.nothingWrittenWithoutOutput);
    return EXIT.ok;
  },
};

/** Errors in the workbook: list them on standard error (and as JSON when asked), write nothing. */
function refuse(issues: readonly Issue[], json: boolean, io: Io): number {
  if (json) io.out(JSON.stringify(toJson(null, issues), null, 2));
  for (const line of issueLines(issues)) io.err(line);
  io.err(MSG.nothingWritten);
  return EXIT.inputErrors;
}
