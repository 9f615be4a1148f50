import { buildWorkbook } from "../../files/xlsx";
import { nextYearTemplate } from "../../lib/carryover";
import { describeIssue } from "../../lib/issue";
import { PARAM, SHEET } from "../../lib/layout";
import type { WorkbookGrids } from "../../lib/grid";
import { buildTemplate } from "../../lib/template";
import { parseTemplateYear } from "../../lib/template/year";
import { CliError } from "../errors";
import { exists, requireXlsxName, sameFile, writeFileAtomically } from "../files";
import { EXIT, type Io } from "../io";
import { MSG } from "../messages";
import type { Parsed } from "../args";
import { loadWorkbookFile } from "../workbook";
import type { Command } from "./command";

const USAGE = "kaohe template 输出.xlsx [--year 年度] [--example] [--from 上年（已计算）.xlsx] [--force]";

/**
 * kaohe template OUT.xlsx [--year 2024] [--example] [--force]: a new 考核模板; never replaces a file without --force.
 * With --from LAST.xlsx: next year's template from last year's workbook (lib/carryover/nextYear.ts says what is kept).
 */
export const templateCommand: Command = {
  name: "template",
  usage: USAGE,
  summary: "生成考核模板（.xlsx）；--from 按上年工作簿生成下一年度的模板",
  help: [
    `用法：${USAGE}`,
    "",
    "生成一个新的考核模板工作簿：说明、参数、考核对象、考核指标、评分、满意度、上下互评、加减分、平时考核、审定调整。",
    "",
    "选项：",
    "  --year 年度   模板的考核年度，默认为今年（用 --from 时默认为上年工作簿的年度加 1），例如 --year 2024",
    "  --example     填入示例单位和示例分数，便于先试算一遍",
    "  --from 上年（已计算）.xlsx",
    "                按上年的工作簿生成新年度的模板：沿用上年的考核对象、考核指标和参数（年度改为新年度，",
    "                发文日期、截止日期清空），上年名次、上年等次按上年“结果”表（审定后的等次）填好；",
    "                评分、满意度、上下互评、加减分、平时考核、审定调整为空表。上年工作簿不作改动。",
    "  -o, --output 输出.xlsx   输出文件名（也可以直接写在命令后面）",
    "  --force       输出文件已存在时覆盖它（不加时决不覆盖）",
  ].join("\n"),
  options: {
    year: { type: "string" },
    example: { type: "boolean" },
    from: { type: "string" },
    output: { type: "string", short: "o" },
    force: { type: "boolean" },
  },
  async run(args, io) {
    const out = outputOf(args);
    requireXlsxName(out);
    const force = args.values.force === true;
    const from = typeof args.values.from === "string" ? args.values.from : null;
    if (from !== null) return fromLastYear(from, out, args, io);
    const year = parseYear(args.values.year) ?? new Date().getFullYear();
    const example = args.values.example === true;
    const bytes = await buildWorkbook(buildTemplate({ year, example }));
    await writeFileAtomically(out, bytes, { overwrite: force });
    io.out(MSG.templateWritten(out, year, example));
    return EXIT.ok;
  },
};

/** The output file: the one positional, or -o (not both). */
function outputOf(args: Parsed): string {
  const option = typeof args.values.output === "string" ? args.values.output : null;
  const [first, ...extra] = args.positionals;
  if (extra.length > 0) throw new CliError(MSG.extraArguments(extra.join(" ")), { usage: true });
  if (first !== undefined && option !== null) throw new CliError(MSG.templateTwoOutputs(first, option), { usage: true });
  const out = first ?? option;
  if (out === undefined || out === null) throw new CliError(MSG.missingFile("输出文件名（例如 kaohe template 考核.xlsx）"), { usage: true });
  return out;
}

/** kaohe template OUT --from LAST: errors in last year's 考核对象 or 考核指标 write nothing (exit 1). */
async function fromLastYear(from: string, out: string, args: Parsed, io: Io): Promise<number> {
  if (args.values.example === true) throw new CliError(MSG.templateFromExample, { usage: true });
  if (await sameFile(from, out)) throw new CliError(MSG.sameInputOutput(out));
  const force = args.values.force === true;
  if (!force && (await exists(out))) throw new CliError(MSG.outputExists(out));
  const { book } = await loadWorkbookFile(from);
  const lastYear = yearOf(book);
  const year = parseYear(args.values.year) ?? (lastYear === null ? new Date().getFullYear() : lastYear + 1);
  const built = nextYearTemplate(book, year);
  if (built.sheets.length === 0) {
    io.err(MSG.templateFromErrors(from));
    for (const issue of built.issues) io.err(describeIssue(issue));
    io.err(MSG.nothingWritten);
    return EXIT.inputErrors;
  }
  if (lastYear === year) io.err(MSG.templateFromSameYear(year));
  for (const note of built.notes) io.out(note);
  await writeFileAtomically(out, await buildWorkbook(built.sheets), { overwrite: force });
  io.out(MSG.templateFromWritten(out, year));
  return EXIT.ok;
}

/** 年度 of a workbook's 参数, when it is a four-digit year. */
function yearOf(book: WorkbookGrids): number | null {
  const params = book.sheets.find((sheet) => sheet.name.trim() === SHEET.params);
  const value = params?.rows.find((row) => typeof row[0] === "string" && row[0].trim() === PARAM.year)?.[1];
  return typeof value === "number" || typeof value === "string" ? parseTemplateYear(String(value)) : null;
}

function parseYear(value: string | boolean | undefined): number | null {
  if (value === undefined || typeof value === "boolean") return null;
  const year = parseTemplateYear(value);
  if (year === null) throw new CliError(MSG.badYear(value), { usage: true });
  return year;
}
