import { readdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { applyCollect } from "../../files/forms";
import { nodeDigest } from "../digest";
import { NotAWorkbookError, readWorkbookGrids } from "../../files/xlsx";
import { collectReturns, COLLECT_TEXT, logSheet, readMaster, readReturn, type FormReturn, type LogRow } from "../../lib/forms";
import { CliError } from "../errors";
import { exists, readInputFile, requireXlsxName, sameFile, writeFileAtomically } from "../files";
import { EXIT } from "../io";
import { FORMS_MSG } from "../formsMessages";
import { issueLines } from "../report";
import { renderTable } from "../table";
import { loadWorkbookFile, namingTheFile } from "../workbook";
import type { Command } from "./command";

const USAGE = "kaohe collect 考核.xlsx 收回的表或文件夹… -o 合并.xlsx [--replace-from 文件名]… [--force]";

/** The .xlsx files named: a folder gives its .xlsx files (not Excel's ~$ lock files), in name order. */
async function returnFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory() === true) {
      const names = (await readdir(path)).filter((name) => /\.xlsx$/i.test(name) && !name.startsWith("~$") && !name.startsWith(".")).sort();
      if (names.length === 0) throw new CliError(FORMS_MSG.noXlsxIn(path));
      files.push(...names.map((name) => join(path, name)));
    } else files.push(path);
  }
  return files;
}

/** The 回收记录 as the screen shows it. */
export function logLines(rows: readonly LogRow[]): string[] {
  const count = (n: number | null) => (n === null ? "" : String(n));
  return renderTable(
    ["文件名", "表单", "填报单位", "修改时间", "已填", "未填", "结果"],
    rows.map((row) => [row.file, row.kind, row.owner, row.modified, count(row.filled), count(row.blank), row.result]),
    ["left", "left", "left", "left", "right", "right", "left"],
  );
}

/** kaohe collect IN.xlsx FILE_OR_DIR… -o OUT.xlsx: returned forms merged into a copy of IN, with 回收记录. */
export const collectCommand: Command = {
  name: "collect",
  usage: USAGE,
  summary: "回收：把收回的评分表、互评表、满意度汇总表合并进工作簿，写出回收记录",
  help: [
    `用法：${USAGE}`,
    "",
    "读取收回的表（kaohe forms 生成的），按单位名称和指标编号（不按位置）把分数合并到评分、上下互评、满意度表，",
    "写出一个新工作簿：只改动从收回的表填入的单元格，并加上（或更新）“回收记录”表。",
    "不是本软件分发的表、按另一份工作簿生成的表（考核对象或指标已改）、填写有误或“好”超过比例的表不合并，",
    "在回收记录中写明原因；其他表照常合并。",
    "两份表对同一格给出不同的值，或收回的值与工作簿已有的值不同，都算冲突：全部不合并，不写出文件，退出码为 1。",
    "再次回收同样的表不会改变任何值。",
    "",
    "选项：",
    "  -o, --output 合并.xlsx     写出的工作簿，不能与输入同名。",
    "  --replace-from 文件名      以这份收回的表为准，替换工作簿中已有的不同值（写明替换了什么）；可写多次。",
    "  --force                    输出文件已存在时覆盖。",
  ].join("\n"),
  options: {
    output: { type: "string", short: "o" },
    "replace-from": { type: "string", multiple: true },
    force: { type: "boolean" },
  },
  async run(args, io) {
    const [input, ...paths] = args.positionals;
    if (input === undefined) throw new CliError(FORMS_MSG.needReturns);
    if (paths.length === 0) throw new CliError(FORMS_MSG.needReturns);
    const output = typeof args.values.output === "string" ? args.values.output : null;
    if (output === null) throw new CliError(FORMS_MSG.needOutput);
    requireXlsxName(output);
    if (await sameFile(input, output)) throw new CliError(`输出文件不能与输入文件相同：${output}。请换一个文件名，例如：考核（已回收）.xlsx。`);
    if (args.values.force !== true && (await exists(output))) throw new CliError(FORMS_MSG.outputExists(output));
    const { bytes, book } = await loadWorkbookFile(input);
    const read = await readMaster(book, nodeDigest);
    if (read.master === null) {
      for (const line of issueLines(read.issues)) io.err(line);
      io.err(FORMS_MSG.formsRefused.replace("未生成任何表", "未合并任何表"));
      return EXIT.inputErrors;
    }
    const master = read.master;
    const files = await returnFiles(paths);
    const returns: FormReturn[] = [];
    for (const path of files) {
      const name = basename(path);
      const data = await readInputFile(path);
      const modified = (await stat(path)).mtime;
      try {
        returns.push(readReturn(name, modified, await readWorkbookGrids(data), master));
      } catch (cause) {
        if (!(cause instanceof NotAWorkbookError)) throw cause;
        returns.push({ file: name, modified, identity: null, cells: [], blanks: [], issues: [], refusal: `${COLLECT_TEXT.notAForm(name)}（${cause.message}）` });
      }
    }
    const replaceValues = args.values["replace-from"];
    const replaceFrom = new Set(Array.isArray(replaceValues) ? replaceValues.map((value) => basename(String(value))) : []);
    for (const name of replaceFrom) if (!returns.some((form) => form.file === name)) throw new CliError(FORMS_MSG.replaceUnknown(name));
    const outcome = collectReturns(master, returns, { replaceFrom });
    io.out(FORMS_MSG.logTitle);
    for (const line of logLines(outcome.log)) io.out(`  ${line}`);
    const refused = returns.filter((form) => form.refusal !== null);
    for (const form of refused) io.err(FORMS_MSG.refusedLine(form.file, form.refusal ?? ""));
    if (outcome.issues.length > 0) for (const line of issueLines(outcome.issues)) io.err(line);
    if (!outcome.ok) {
      io.err(FORMS_MSG.conflicts);
      return EXIT.inputErrors;
    }
    const merged = await namingTheFile(input, () => applyCollect(bytes, outcome.edits, logSheet(outcome.log)));
    await writeFileAtomically(output, merged, { overwrite: true });
    for (const line of outcome.replaced) io.out(FORMS_MSG.replacedLine(line));
    io.out(outcome.filled > 0 ? FORMS_MSG.merged(output, outcome.filled, returns.length - refused.length) : FORMS_MSG.nothingNew(output));
    if (refused.length > 0) io.err(FORMS_MSG.refusedCount(refused.length));
    return EXIT.ok;
  },
};
