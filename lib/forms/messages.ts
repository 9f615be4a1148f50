/** Every Chinese text of 分发与回收, in one place. Each refusal says what is wrong and what to do instead. */

export const FORM_TEXT = {
  scoreTitle: (year: number, owner: string) => `${year}年度法治建设考核评分表（考核主体：${owner}）`,
  scoreWhat: (units: number, indicators: number) => `请在“评分”表中为下列 ${units} 个单位的 ${indicators} 项指标逐项评分。把鼠标停在指标表头上可看考核内容。`,
  scoreCells:
    "白色单元格填写得分：0 到该指标分值之间（第 2 行），可填小数如 4.5；灰色“不适用”的单元格不用填。某项确实不适用于某单位的，填“不适用”。",
  keepLayout:
    "表已保护（没有密码），请不要插入、删除或移动行列，不要改单位名称和表头。回收时按单位名称和指标编号对应，单位的先后顺序不要紧。填好后直接保存（仍为 .xlsx 格式），把文件交回考核办。",
  deadline: (date: string) => `请于 ${date} 前交回。`,
  noDeadline: "请按考核办通知的时间交回。",
  indicatorsHeading: "本表指标：",
  made: (date: string) => `本表由考核工作簿于 ${date} 生成；隐藏的“表单信息”记录了它来自哪个工作簿，请勿删除。`,
  scorePrompt: (code: string, max: string) => `指标 ${code} 的得分应在 0 到 ${max} 之间；确实不适用的填“不适用”。`,
  ratingTitle: (year: number, rater: string) => `${year}年度法治建设考核上下互评表（评议单位：${rater}）`,
  ratingWhat: (count: number, how: string) => `请在“上下互评”表 B 列为下列 ${count} 个单位评议：${how}。灰色单元格不用填。`,
  ratingByWords: (words: string) => `在下拉框中选择 ${words} 之一`,
  ratingByPoints: "填写 0 到 100 之间的分数",
  goodQuota: (percent: string, limit: number) => `评为“好”的单位最多占 ${percent}%，即本表最多 ${limit} 个“好”；超出的表回收时不予合并。`,
  ratingWordsPrompt: (words: string) => `请从下拉框选择 ${words} 之一。`,
  ratingPointsPrompt: "请填写 0 到 100 之间的分数。",
  satisfactionTitle: (year: number) => `${year}年度法治建设考核满意度调查汇总表`,
  satisfactionWhat:
    "每个单位一行：填写满意度(%)（0 到 100，如 93.5），或者填写满意、基本满意、不满意、不了解的票数，两者只填一种。没有参加调查的单位不填。",
  percentPrompt: "满意度(%) 请填写 0 到 100 之间的数，如 93.5。",
  ballotPrompt: "票数请填写不小于 0 的整数。",
} as const;

export const COLLECT_TEXT = {
  notAForm: (file: string) =>
    `“${file}”不是本软件分发的评分表、互评表或满意度汇总表（没有“表单信息”），未合并。请确认文件是否选错；如是对方另做的表，请把分数抄到分发的表中再交回。`,
  wrongMaster: (file: string, changes: string) =>
    `“${file}”是按另一份考核工作簿生成的（${changes}），未合并。请用当前工作簿重新分发（kaohe forms），让对方在新表上填写。`,
  wrongMasterUnknown: (file: string) =>
    `“${file}”是按另一份考核工作簿生成的（考核对象或考核指标不同），未合并。请用当前工作簿重新分发（kaohe forms），让对方在新表上填写。`,
  missingSheet: (file: string, sheet: string) => `“${file}”中找不到工作表“${sheet}”，未合并。请让对方在原表上填写后交回。`,
  unknownUnit: (name: string) => `单位“${name}”不在考核工作簿的“考核对象”中，这一行未合并。请改回分发时的单位名称。`,
  unknownColumn: (header: string) => `表头“${header}”不是分发时的列，这一列未合并。请改回分发时的表头。`,
  duplicateUnit: (name: string, first: string) => `单位“${name}”在 ${first} 已有一行，未合并。请删去重复的行。`,
  notForOwner: (name: string, owner: string) => `“${name}”不在发给${owner}的表中，这一格未合并。请删去这一格的内容。`,
  notApplicableFilled: (unit: string, code: string) => `指标“${code}”不适用于单位“${unit}”，这里不应填分，未合并。请改回“不适用”。`,
  conflict: (first: string, firstValue: string, second: string, secondValue: string, unit: string, key: string) =>
    `两份回收表对同一格给出不同的值：${first} 为 ${firstValue}，${second} 为 ${secondValue}（${unit} · ${key}）。全部未合并。请与两个填报单位核实，改正其中一份后重新回收。`,
  overwrite: (master: string, masterValue: string, from: string, value: string, unit: string, key: string, file: string) =>
    `${from} 为 ${value}，而考核工作簿 ${master} 已有不同的值 ${masterValue}（${unit} · ${key}）。全部未合并。如以回收表为准，请加 --replace-from “${file}”（网页和加载项中勾选“以此表为准”）后重新回收；否则请改正回收表。`,
  replaced: (master: string, oldValue: string, value: string, file: string) => `${master} 原为 ${oldValue}，按“${file}”改为 ${value}。`,
  overQuota: (file: string, rater: string, count: number, limit: number, percent: string, rated: number) =>
    `“${file}”中${rater}评了 ${count} 个“好”，超过参数“互评“好”最多比例”${percent}%（所评 ${rated} 个单位中最多 ${limit} 个），未合并。请让${rater}调整后重新交回。`,
  duplicateForm: (file: string, first: string) => `“${file}”与“${first}”是同一单位的同一种表，两份都读取；值不同的格按冲突处理。`,
  valueErrors: (file: string, count: number) => `“${file}”中有 ${count} 处填写错误（见下面的列表），整份未合并。请让填报单位改正后重新交回，或在表中改正后再回收。`,
  raterColumnMissing: (rater: string) => `找不到评议单位“${rater}”的评分列（B 列表头应为“${rater}”），未合并。请把表头改回“${rater}”。`,
  late: (deadline: string) => `逾期（截止 ${deadline}）`,
} as const;

export const LOG_TEXT = {
  sheet: "回收记录",
  headers: ["文件名", "表单", "填报单位", "文件修改时间", "已填", "未填", "结果", "说明"],
  merged: "已合并",
  refused: "未合并",
  missing: "未回收",
  nothingNew: "已合并（无新值）",
  blankCells: (count: number, cells: string) => `未填 ${count} 格：${cells}`,
  more: (count: number) => `等 ${count} 格`,
  filledCells: (count: number) => `新填入 ${count} 格`,
} as const;

export const PROGRESS_TEXT = {
  heading: "进度（催报）：",
  summary: (filled: string, expected: string, missing: string) => `评分 ${filled}/${expected}${missing}`,
  scoreMissing: (list: string) => `，缺 ${list}`,
  assessorCells: (name: string, cells: number) => `${name}（${cells} 格）`,
  peerMissing: (count: number) => `；互评 缺 ${count} 个评议单位`,
  peerDone: "；互评已齐",
  satisfactionMissing: (count: number) => `；满意度 缺 ${count} 个单位`,
  assessorLine: (name: string, filled: number, expected: number, units: string) => `  考核主体 ${name}：已填 ${filled}/${expected}${units}`,
  blankUnits: (list: string) => `，未填的单位：${list}`,
  raterLine: (name: string, given: number, expected: number) => `  评议单位 ${name}：已评 ${given}/${expected}`,
  notReturned: (list: string) => `  尚未交回的表：${list}`,
  noSatisfaction: (list: string) => `  没有满意度的单位：${list}`,
  allDone: "  全部已填齐。",
  overQuota: (rater: string, count: number, limit: number, percent: string) =>
    `评议单位“${rater}”评了 ${count} 个“好”，超过参数“互评“好”最多比例”${percent}%（最多 ${limit} 个）。请让该单位调整。`,
} as const;
