import { writeOutputSheets } from "../../files/xlsx";
import { hasErrors } from "../../lib/issue";
import { SHEET } from "../../lib/layout";
import { runQuarter } from "../../lib/quarter";
import { quarterTitle } from "../../lib/output/quarterSheet";
import { fixed } from "../../lib/decimal";
import { onePositional } from "../args";
import { CliError } from "../errors";
import { requireXlsxName, sameFile, writeFileAtomically } from "../files";
import { EXIT } from "../io";
import { MSG } from "../messages";
import { issueLines } from "../report";
import { renderTable } from "../table";
import { shorten } from "../width";
import { loadWorkbookFile, namingTheFile } from "../workbook";
import type { Command } from "./command";

const USAGE = "kaohe quarter 考核.xlsx --q 3 [-o 输出.xlsx] [--force]";

const TEXT = {
  summary: "平时考核：列出某季度的台账、双月检查和点评情况，供季度点评会议使用",
  missingQuarter: "缺少季度。请用 --q 1、--q 2、--q 3 或 --q 4 指定季度，例如 kaohe quarter 考核.xlsx --q 3。",
  badQuarter: (value: string) => `季度“${value}”不对。请填写 1、2、3 或 4，例如 --q 3。`,
  written: (path: string) => `已写出 ${path}：输入的各表原样保留，加上（或替换）“${SHEET.quarterReview}”表。`,
  notWritten: "未写出文件；加 -o 文件名.xlsx 写出“季度点评”表（可打印）。",
  atRisk: (names: string) => `上季度作检查性发言、本季度如再被点名即连续两次的单位：${names}`,
  none: "无",
} as const;

function parseQuarter(value: string | boolean | undefined): number {
  if (typeof value !== "string") throw new CliError(TEXT.missingQuarter, { usage: true });
  const q = Number(value.trim());
  if (!Number.isInteger(q) || q < 1 || q > 4) throw new CliError(TEXT.badQuarter(value), { usage: true });
  return q;
}

/**
 * kaohe quarter IN.xlsx --q N [-o OUT.xlsx]: the 季度点评 overview of quarter N from 平时考核 (seed 002), printed;
 * with -o, a copy of IN with the sheet 季度点评 added or replaced (IN itself is never written).
 */
export const quarterCommand: Command = {
  name: "quarter",
  usage: USAGE,
  summary: TEXT.summary,
  help: [
    `用法：${USAGE}`,
    "",
    "读取“考核对象”“平时考核”和“参数”三张表（评分等年度表格可以还没有填），列出该季度：",
    "各单位本季度工作台账的逾期、未报，全年累计逾期、未报次数，本季度双月检查结果及在排名分组中的名次，",
    "上季度点评结果（上季度作检查性发言的单位，本季度如再被点名即连续两次，通报批评、约谈主要领导），",
    "以及本年已作经验介绍的次数。不改动任何输入表。",
    "",
    "选项：",
    "  --q 1|2|3|4              季度（必填）。",
    "  -o, --output 输出.xlsx   写出一个新工作簿：输入的各表原样保留，加上（或替换）“季度点评”表（可打印）。",
    "  --force                  输出文件已存在时覆盖它。",
  ].join("\n"),
  options: {
    q: { type: "string" },
    output: { type: "string", short: "o" },
    force: { type: "boolean" },
  },
  async run(args, io) {
    const input = onePositional(args.positionals, "平时考核所在的工作簿（例如 kaohe quarter 考核.xlsx --q 3）");
    const q = parseQuarter(args.values.q);
    const output = typeof args.values.output === "string" ? args.values.output : null;
    const force = args.values.force === true;
    if (output !== null) {
      requireXlsxName(output);
      if (await sameFile(input, output)) throw new CliError(MSG.sameInputOutput(output));
    }
    const { bytes, book } = await loadWorkbookFile(input);
    const outcome = runQuarter(book, q);
    if (outcome.overview === null || outcome.sheet === null || hasErrors(outcome.issues)) {
      for (const line of issueLines(outcome.issues)) io.err(line);
      io.err(MSG.nothingWritten);
      return EXIT.inputErrors;
    }
    if (outcome.issues.length > 0) for (const line of issueLines(outcome.issues)) io.err(line);
    const title = outcome.sheet.rows[0]?.[0];
    io.out(typeof title === "string" ? title : quarterTitle(new Date().getFullYear(), q));
    const lines = outcome.overview.lines;
    io.out("");
    const rows = lines.map((line) => [
      line.unit.rankGroup,
      line.checkRank === null ? "" : String(line.checkRank),
      shorten(line.unit.name, 24),
      shorten(line.ledger, 18),
      `${line.lateSoFar}/${line.missingSoFar}`,
      line.checkMean === null ? "" : fixed(line.checkMean, 2),
      line.previousReview,
      String(line.experienceSoFar),
      shorten(line.notes.join("；"), 40),
    ]);
    for (const text of renderTable(["排名分组", "检查名次", "单位名称", "本季度台账", "逾期/未报", "检查平均", "上季度点评", "经验介绍", "提示"], rows, ["left", "right", "left", "left", "right", "right"])) io.out(text);
    io.out("");
    const atRisk = lines.filter((line) => line.previousReview === "检查性发言").map((line) => line.unit.name);
    io.out(TEXT.atRisk(atRisk.length === 0 ? TEXT.none : atRisk.join("、")));
    if (output === null) {
      io.out(TEXT.notWritten);
      return EXIT.ok;
    }
    const sheet = outcome.sheet;
    // Without --force an existing file is never replaced (writeFileAtomically refuses, naming --force).
    await writeFileAtomically(output, await namingTheFile(input, () => writeOutputSheets(bytes, [sheet])), { overwrite: force });
    io.out(TEXT.written(output));
    return EXIT.ok;
  },
};
