import { replaceSheets, writeOutputSheets } from "../../files/xlsx";
import type { WorkbookGrids } from "../../lib/grid";
import { SHEET } from "../../lib/layout";
import { keptSheetName } from "../../lib/plan";
import { paramsSheetOut } from "../../lib/whatif/trial";
import { changesSince, notePreviousRun, parseSetting, prepareWhatIf, previousRun, previousRunLines, withParamChanges, WHATIF_MSG, type ParamChange } from "../../lib/whatif";
import { whatIfLines, whatIfWritten } from "../whatIf";
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

const USAGE = "kaohe score 考核.xlsx [--set 参数=值 …] [-o 输出.xlsx] [--force] [--json]";

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
    "  --set 参数=值            试算：按另一个分数线、优秀比例上限、名次规则或上限计算，列出与工作簿自己的参数相比",
    "                           各组等次人数的变化和等次、名次有变化的单位，例如 --set 优秀分数线=88 --set 优秀比例上限=30%；",
    "                           可加“-排名分组”（--set 优秀分数线-乡镇=85），可重复。不加 -o 时不写任何文件；",
    "                           加 -o 时输出文件的参数表改为试算的值（原参数表改名为“参数（原）”保留）。",
    "",
    "工作簿中已有“结果”时，屏幕上还会列出与原有结果相比总分、名次或等次有变化的单位（原值 → 新值）和无变化的单位数，",
    "计算说明末尾记下原有结果的计算时间和指纹。",
  ].join("\n"),
  options: {
    output: { type: "string", short: "o" },
    json: { type: "boolean" },
    force: { type: "boolean" },
    set: { type: "string", multiple: true },
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
    const settings = settingsOf(args.values.set);
    if (settings.length > 0) return tryParams(book, bytes, settings, { input, output, force, json }, io);
    // The fingerprint, program and time go at the end of 计算说明, so that a receiver can 核验 (kaohe verify).
    const outcome = await sealOutcome(runAssessment(book), { digest: nodeDigest, now: new Date() });
    if (outcome.result === null || outcome.outputs === null || hasErrors(outcome.issues)) {
      return refuse(outcome.issues, json, io);
    }
    // What changed against the results the workbook already holds (a 计算等次 run before on this file).
    const previous = previousRun(book, outcome.result.params.decimals);
    const changes = previous === null ? null : changesSince(previous, outcome.result);
    if (output !== null) {
      const outputs = previous === null || changes === null ? outcome.outputs : notePreviousRun(outcome.outputs, previous, changes);
      await writeFileAtomically(output, await namingTheFile(input, () => writeOutputSheets(bytes, outputs, { compress: compressPart })), { overwrite: force });
    }
    // With --json, standard output is the JSON alone, so that a program can parse it; people read standard error.
    const human = json ? io.err : io.out;
    if (json) io.out(JSON.stringify(toJson(outcome.result, outcome.issues), null, 2));
    if (outcome.issues.length > 0) for (const line of issueLines(outcome.issues)) io.err(line);
    for (const line of summaryLines(outcome.result)) human(line);
    if (previous !== null && changes !== null) for (const line of ["", ...previousRunLines(previous, changes)]) human(line);
    human(output !== null ? MSG.resultsWritten(output, outcome.outputs.map((sheet) => sheet.name).join("、")) : MSG.nothingWrittenWithoutOutput);
    return EXIT.ok;
  },
};

/** --set values as changes; a value without "参数=" is a usage error. */
function settingsOf(values: string | boolean | (string | boolean)[] | undefined): ParamChange[] {
  const texts = Array.isArray(values) ? values : typeof values === "string" ? [values] : [];
  return texts.map((text) => {
    const change = typeof text === "string" ? parseSetting(text) : null;
    if (change === null) throw new CliError(WHATIF_MSG.badSetting(String(text)), { usage: true });
    return change;
  });
}

/**
 * 试算 from the command line: the differences against the workbook's own 参数, printed; nothing written without -o.
 * With -o, OUT is IN with 参数 holding the tried values (the old 参数 kept as 参数（原）) and the outputs they give.
 */
async function tryParams(book: WorkbookGrids, bytes: Uint8Array, changes: ParamChange[], options: { input: string; output: string | null; force: boolean; json: boolean }, io: Io): Promise<number> {
  const session = prepareWhatIf(book);
  if (!("preview" in session)) return refuse(session.issues, options.json, io);
  const preview = session.preview(changes);
  if (preview.result === null) return refuse(preview.issues, options.json, io);
  const human = options.json ? io.err : io.out;
  if (options.json) io.out(JSON.stringify(toJson(preview.result, preview.issues), null, 2));
  for (const line of whatIfLines(preview)) human(line);
  if (options.output === null) {
    human(MSG.nothingWrittenWithoutOutput);
    return EXIT.ok;
  }
  const applied = withParamChanges(book, changes);
  const outcome = await sealOutcome(runAssessment(applied.book), { digest: nodeDigest, now: new Date() });
  if (outcome.outputs === null) return refuse(outcome.issues, options.json, io);
  const outputs = outcome.outputs;
  const paramsGrid = applied.book.sheets.find((sheet) => sheet.name === SHEET.params);
  let kept = `${SHEET.params}（原）`;
  const written = await namingTheFile(options.input, async () => {
    if (paramsGrid === undefined) return writeOutputSheets(bytes, outputs, { compress: compressPart });
    const replaced = await replaceSheets(bytes, [paramsSheetOut(paramsGrid.rows, preview.result?.params.year ?? new Date().getFullYear())], keptSheetName);
    kept = replaced.kept[SHEET.params] ?? kept;
    return writeOutputSheets(replaced.bytes, outputs, { compress: compressPart });
  });
  await writeFileAtomically(options.output, written, { overwrite: options.force });
  human(whatIfWritten(options.output, kept));
  return EXIT.ok;
}

/** Errors in the workbook: list them on standard error (and as JSON when asked), write nothing. */
function refuse(issues: readonly Issue[], json: boolean, io: Io): number {
  if (json) io.out(JSON.stringify(toJson(null, issues), null, 2));
  for (const line of issueLines(issues)) io.err(line);
  io.err(MSG.nothingWritten);
  return EXIT.inputErrors;
}
