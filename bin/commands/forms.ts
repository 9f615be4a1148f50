import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { writeForms } from "../../files/forms";
import { nodeDigest } from "../digest";
import { makeForms, readMaster } from "../../lib/forms";
import { onePositional } from "../args";
import { CliError } from "../errors";
import { exists, writeFileAtomically } from "../files";
import { EXIT } from "../io";
import { FORMS_MSG } from "../formsMessages";
import { issueLines } from "../report";
import { loadWorkbookFile } from "../workbook";
import type { Command } from "./command";

const USAGE = "kaohe forms 考核.xlsx -o 文件夹/ [--force]";

/** Today as YYYY-MM-DD on this computer. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** kaohe forms IN.xlsx -o DIR/: a 评分表 per 考核主体, a 互评表 per 评议单位 and the 满意度汇总表, into DIR. */
export const formsCommand: Command = {
  name: "forms",
  usage: USAGE,
  summary: "分发：为每个考核主体生成评分表、每个评议单位生成互评表，另加满意度汇总表",
  help: [
    `用法：${USAGE}`,
    "",
    "按工作簿的考核对象、考核指标和参数，在文件夹中生成：",
    "  评分表-<考核主体>.xlsx   该考核主体的指标（考核指标表“考核主体”列中第一个单位为牵头评分单位），",
    "                           只列这些指标适用的单位；不适用的格为灰色、不能填写；",
    "  评分表-考核办.xlsx       考核主体为空的指标（由考核办自己评分）；",
    "  互评表-<评议单位>.xlsx   该单位要评议的单位，下拉选择“好、较好、一般、差”（或按参数填分数）；",
    "  满意度汇总表.xlsx        每个单位一行，填满意度(%)或票数。",
    "每张表都已保护（无密码），写明截止日期（参数“截止日期”），并记录它来自哪个工作簿。",
    "工作簿中已有的分数会带到表里。收回后用 kaohe collect 合并。",
    "",
    "选项：",
    "  -o, --output 文件夹   写到这个文件夹（没有则新建）。",
    "  --force               文件夹中已有同名文件时覆盖。",
  ].join("\n"),
  options: {
    output: { type: "string", short: "o" },
    force: { type: "boolean" },
  },
  async run(args, io) {
    const input = onePositional(args.positionals, "考核工作簿（例如 kaohe forms 考核.xlsx -o 评分表/）");
    const folder = typeof args.values.output === "string" ? args.values.output : null;
    if (folder === null) throw new CliError(FORMS_MSG.needFolder);
    const force = args.values.force === true;
    const { book } = await loadWorkbookFile(input);
    const read = await readMaster(book, nodeDigest);
    if (read.master === null) {
      for (const line of issueLines(read.issues)) io.err(line);
      io.err(FORMS_MSG.formsRefused);
      return EXIT.inputErrors;
    }
    const forms = makeForms(read.master, today());
    if (!force && (await exists(folder))) {
      const present = new Set(await readdir(folder).catch(() => [] as string[]));
      const clash = forms.filter((form) => present.has(form.fileName)).map((form) => form.fileName);
      if (clash.length > 0) throw new CliError(FORMS_MSG.formsExist(folder, clash.slice(0, 3).join("、"), clash.length));
    }
    for (const { fileName, bytes } of await writeForms(forms)) {
      await writeFileAtomically(join(folder, fileName), bytes, { overwrite: true });
      io.out(FORMS_MSG.formWritten(fileName));
    }
    const counts = { score: 0, rating: 0, satisfaction: 0 };
    for (const form of forms) counts[form.kind] += 1;
    io.out(FORMS_MSG.formsWritten(folder, counts.score, counts.rating, read.master.input.params.deadline));
    return EXIT.ok;
  },
};
