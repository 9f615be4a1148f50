import { buildWorkbook } from "../../files/xlsx";
import { buildTemplate } from "../../lib/template";
import { parseTemplateYear } from "../../lib/template/year";
import { onePositional } from "../args";
import { CliError } from "../errors";
import { requireXlsxName, writeFileAtomically } from "../files";
import { EXIT } from "../io";
import { MSG } from "../messages";
import type { Command } from "./command";

const USAGE = "kaohe template 输出.xlsx [--year 年度] [--example] [--force]";

/** kaohe template OUT.xlsx [--year 2024] [--example] [--force]: a new 考核模板; never replaces a file without --force. */
export const templateCommand: Command = {
  name: "template",
  usage: USAGE,
  summary: "生成考核模板（.xlsx）",
  help: [
    `用法：${USAGE}`,
    "",
    "生成一个新的考核模板工作簿：说明、参数、考核对象、考核指标、评分、满意度、上下互评、加减分。",
    "",
    "选项：",
    "  --year 年度   模板的考核年度，默认为今年，例如 --year 2024",
    "  --example     填入示例单位和示例分数，便于先试算一遍",
    "  --force       输出文件已存在时覆盖它（不加时决不覆盖）",
  ].join("\n"),
  options: {
    year: { type: "string" },
    example: { type: "boolean" },
    force: { type: "boolean" },
  },
  async run(args, io) {
    const out = onePositional(args.positionals, "输出文件名（例如 kaohe template 考核.xlsx）");
    requireXlsxName(out);
    const year = parseYear(args.values.year);
    const example = args.values.example === true;
    const bytes = await buildWorkbook(buildTemplate({ year, example }));
    await writeFileAtomically(out, bytes, { overwrite: args.values.force === true });
    io.out(MSG.templateWritten(out, year, example));
    return EXIT.ok;
  },
};

function parseYear(value: string | boolean | undefined): number {
  if (value === undefined || typeof value === "boolean") return new Date().getFullYear();
  const year = parseTemplateYear(value);
  if (year === null) throw new CliError(MSG.badYear(value), { usage: true });
  return year;
}
