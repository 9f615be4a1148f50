/** Every text the command line prints, in one place. */
export const MSG = {
  programTitle: "kaohe —— 法治建设考核计分（命令行）",
  usageTitle: "用法：",
  programFooter: [
    "  kaohe 命令 --help   查看某个命令的详细说明",
    "",
    "退出码：0 完成；1 工作簿中的数据有错误（未写出任何文件）；2 用法或文件有误；3 程序内部错误。",
  ].join("\n"),
  helpHint: "运行 kaohe --help 查看用法。",
  commandHelpHint: (command: string) => `运行 kaohe ${command} --help 查看用法。`,

  internalError: "kaohe 程序内部错误（不是您的数据或操作有误），没有写出任何文件。请把下面的信息发给维护人员：",
  noCommand: "缺少命令。",
  unknownCommand: (name: string) => `没有“${name}”这个命令。`,
  unknownOption: (option: string) => `不认识的选项：${option}。`,
  optionNeedsValue: (option: string) => `选项 ${option} 后面需要填写一个值。`,
  optionTakesNoValue: (option: string) => `选项 ${option} 后面不需要填写值。`,
  badArguments: (detail: string) => `参数有误：${detail}`,
  missingFile: (what: string) => `缺少${what}。`,
  extraArguments: (items: string) => `多余的参数：${items}。`,

  fileNotFound: (path: string) => `找不到文件：${path}。请检查文件名和所在文件夹是否正确。`,
  isDirectory: (path: string) => `${path} 是文件夹，不是文件。请给出 .xlsx 文件的名字。`,
  noPermission: (path: string) => `没有权限读写 ${path}。请检查文件或文件夹的权限。`,
  fileBusy: (path: string) => `无法写入 ${path}：文件可能正在 Excel 或 WPS 中打开。请关闭该文件后重试。`,
  folderNotFound: (path: string) => `找不到要写入的文件夹：${path}。请先建好文件夹，或换一个位置。`,
  cannotRead: (path: string, code: string) => `无法读取文件 ${path}（${code}）。`,
  cannotWrite: (path: string, code: string) => `无法写入文件 ${path}（${code}）。原有文件未被改动。`,
  notXlsxName: (path: string) => `输出文件名应以 .xlsx 结尾：${path}。例如：考核（已计算）.xlsx`,
  notAWorkbook: (path: string, detail: string) => `${path}：${detail}`,

  templateWritten: (path: string, year: number, example: boolean) =>
    `已生成${year}年度考核模板${example ? "（含示例数据）" : ""}：${path}`,
  badYear: (value: string) => `年度“${value}”不是有效的年份。请填写四位数年份，例如 --year 2024。`,

  sameInputOutput: (path: string) =>
    `输出文件不能与输入文件相同：${path}。请换一个文件名，例如：考核（已计算）.xlsx。`,
  resultsWritten: (path: string, sheets: string) => `已写出：${path}（${sheets}）。输入的各工作表未作改动。`,
  outputExists: (path: string) =>
    `文件已存在：${path}。为免覆盖已有的工作簿，没有写入。请换一个文件名；确要覆盖时，加上 --force。`,
  nothingWrittenWithoutOutput: "未写出文件；加 -o 文件名.xlsx 写出结果",
  jsonTableNote: "（--json：结果以 JSON 输出到标准输出，下面的汇总表输出到标准错误。）",

  countLine: (errors: number, warnings: number) =>
    errors === 0 && warnings === 0 ? "未发现问题。" : `共 ${errors} 个错误、${warnings} 个提示。`,
  checkPassed: "数据可以计算等次。",
  checkFailed: "请改正上面的错误后再计算等次。",
  nothingWritten: "数据有错误，未写出任何文件。请改正上面的错误后重试。",

  groupTitle: (group: string) => `【${group}】`,
  tableHeaders: ["名次", "单位名称", "总分", "等次", "提示"] as const,
  groupCounts: (group: string, count: number, grades: string, highest: string, lowest: string, mean: string) =>
    `${group}：共 ${count} 个单位，${grades}；最高 ${highest}，最低 ${lowest}，平均 ${mean}。`,
  gradeCount: (grade: string, count: number) => `${grade} ${count}`,
  noteSeparator: "；",

  notDocxName: (path: string) => `通报的文件名应以 .docx 结尾：${path}。例如：考核结果通报.docx`,
  documentExists: (path: string) =>
    `文件已存在：${path}。为免覆盖已在 Word 中修改过的内容，没有写入。请换一个文件名或文件夹；确要覆盖时，加上 --force。`,
  noticeWritten: (path: string) => `已生成考核结果通报：${path}。请在 Word 中填写文号、核对后印发。`,
  feedbackWritten: (folder: string, count: number) => `已生成 ${count} 个单位的反馈单：${folder}`,

  planNoTasks: (path: string) =>
    `${path}：没有找到任何工作任务。请确认这是工作安排的正文（任务以“1.”“（一）”等编号开头）；.docx 以外的 Word 文件请先另存为 .docx 或 .txt。`,
  planNotDocx: (path: string) => `${path}：不是可以读取的 .docx 文件。请在 Word 中另存为 .docx，或复制正文另存为 .txt。`,
  planBadTotal: (value: string) => `每类指标的总分值“${value}”无效。请填写 0.5 的整数倍的正数，例如 --total 40。`,
  planWarning: (line: number, message: string) => `行${line}：${message}`,
  planPreview: (tasks: number, warnings: number) =>
    `共找到 ${tasks} 项工作任务，生成 ${tasks} 行考核指标${warnings > 0 ? `；${warnings} 条提示见上` : ""}。`,
  planPreviewRow: (code: string, level2: string, points: string, categories: string) => `  ${code} ${level2}（${points}分，${categories}）`,
  planIndicatorsNotEmpty: (path: string, rows: number) =>
    `${path} 的考核指标表已有 ${rows} 行指标，没有写出任何文件。确要换成工作安排中的指标时，加上 --replace（原表改名为“考核指标（原）”保留）。`,
  planWritten: (path: string, rows: number, kept: string | null) =>
    `已写出：${path}（考核指标 ${rows} 行${kept === null ? "" : `；原考核指标改名为“${kept}”保留`}）。输入的工作簿未作改动。`,
  planScoresHint:
    "请注意：评分表的列仍是原来的指标。请用 kaohe layout 新考核.xlsx -o 新考核（评分表）.xlsx 按新的考核指标生成评分表（已填的分数按单位和指标编号照抄，原表保留）；修改后可用 kaohe check 检查。",
  layoutNothingToDo: "评分、满意度、上下互评三张表都已与考核对象、考核指标一致，无需改动，没有写出文件。",
  layoutPreviewOnly: "以上是预览，未写出文件；确认无误后加 -o 文件名.xlsx 写出。",
  layoutWritten: (path: string, sheets: readonly string[], kept: readonly string[]) =>
    `已写出：${path}（新生成：${sheets.join("、")}${kept.length > 0 ? `；原表改名保留为：${kept.join("、")}` : ""}）。输入的工作簿未作改动。`,

  carryPreviewOnly: "以上是预览，未写出文件；确认无误后加 -o 文件名.xlsx 写出。",
  carryWritten: (path: string, units: number, kept: readonly string[]) =>
    `已写出：${path}（考核对象 ${units} 个单位填写了上年名次、上年等次${kept.length > 0 ? `；原表改名保留为：${kept.join("、")}` : ""}）。输入的两个工作簿未作改动。`,
  templateFromSameYear: (year: number) => `提示：新模板的年度 ${year} 与上年工作簿的年度相同。如要生成下一年度的模板，请用 --year 写明年度，例如 --year ${year + 1}。`,
  templateFromWritten: (path: string, year: number) => `已生成${year}年度考核模板（按上年工作簿）：${path}`,
  templateFromErrors: (path: string) => `上年工作簿 ${path} 的考核对象或考核指标有错误，没有生成模板。请改正后重试：`,
  templateFromExample: "--from 与 --example 不能同时使用：按上年生成的模板沿用上年的单位和指标，不填示例数据。",
  templateTwoOutputs: (first: string, second: string) => `输出文件写了两次：${first} 和 ${second}。请只写一个。`,
} as const;
