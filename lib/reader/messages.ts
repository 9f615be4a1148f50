/**
 * Every Chinese text the reader shows, in one place. Each says what is wrong and what to type instead.
 * The host prints "sheet!cell：" before the message, so no message repeats its own address.
 */

const NUMBER_EXAMPLE = "请只填写数字，如 85 或 85.5";

/** Hints that follow the "please type a number" sentence, by kind of cell. */
export const HINT = {
  none: "",
  score: "；不适用的指标填“不适用”",
} as const;

export const MSG = {
  cellError: (code: string) => `单元格为错误值 ${code}，请改正公式或直接填写数值。`,
  notNumber: (shown: string, hint: string) => `“${shown}”不是数字。${NUMBER_EXAMPLE}${hint}。`,
  dateNotNumber: (shown: string, hint: string) => `单元格是日期（${shown}），不是数字。${NUMBER_EXAMPLE}${hint}。`,
  booleanNotNumber: (shown: string, hint: string) => `单元格是逻辑值 ${shown}，不是数字。${NUMBER_EXAMPLE}${hint}。`,
  textAsNumber: (shown: string, value: string) => `“${shown}”是文本，已按数字 ${value} 读取；如有误请改正。`,
  controlCharacters: (clean: string) =>
    `单元格里有看不见的控制字符（常见于从网页或其他系统复制的文字），已去掉，按“${clean}”读取。如有误，请删除该单元格后重新输入。`,
  notText: (shown: string) => `单元格是${shown}，这里应填写文字。请改为文字。`,
  notYesNo: (shown: string) => `“${shown}”不是“是”或“否”。请填写“是”或“否”（也可填 Y/N、√/×）；留空按“否”。`,
  notPercent: (shown: string) => `“${shown}”不是百分比。请填写如 30% 的百分比；也可填 0.3。`,
  percentOver: (shown: string) => `${shown} 超过 100%。请填写 0% 到 100% 之间的百分比，如 30%。`,
  percentNegative: (shown: string) => `${shown} 是负数。请填写 0% 到 100% 之间的百分比，如 30%。`,
  percentAsPercent: (shown: string, percent: string) => `${shown} 大于 1，已按 ${percent}% 读取；如有误请改为如 30% 的百分比。`,
  notInteger: (shown: string, range: string) => `这里应填写${range}，现在是“${shown}”。请改正。`,
  mergedCells: (range: string, topLeft: string) =>
    `${range} 是合并单元格，只读取左上角 ${topLeft} 的值，其余单元格按空白处理。建议取消合并，每格分别填写。`,
  hiddenRow: (row: number) => `第 ${row} 行被隐藏，但仍照常读取并参与计算。如不应计入，请删除该行。`,
  hiddenColumn: (column: string) => `${column} 列被隐藏，但仍照常读取并参与计算。如不应计入，请删除该列。`,

  emptyBook: () => `工作簿里没有任何工作表。请用“加载考核模板”（或命令 kaohe template）生成考核模板后填写。`,
  missingSheet: (sheet: string) => `找不到工作表“${sheet}”。请加入名为“${sheet}”的工作表（可用“加载考核模板”生成的模板对照）。`,
  missingOptionalSheet: (sheet: string) => `没有工作表“${sheet}”，本次考核不计此项。如需计入，请加入名为“${sheet}”的工作表。`,
  missingParamsSheet: () => `没有工作表“参数”，全部参数按默认值计算。如需修改参数，请加入“参数”工作表。`,
  sheetNameSpaces: (actual: string, expected: string) => `工作表名“${actual}”前后有空格，已按“${expected}”读取。建议把表名改为“${expected}”。`,
  duplicateSheet: (expected: string) => `有两个工作表名去掉空格后都是“${expected}”，只读取了第一个。请删除或改名多余的工作表。`,
  missingColumn: (header: string, cell: string) =>
    `找不到表头为“${header}”的列（模板中位于 ${cell}）。请在第 1 行把该列的表头改回“${header}”。`,
  unknownColumn: (header: string) => `表头“${header}”不是本表的列，该列已忽略。如需读取，请把表头改为模板中的列名。`,
  duplicateColumn: (header: string, first: string) => `表头“${header}”与 ${first} 重复，该列已忽略。请删除重复的列。`,
  headerlessColumn: () => `这一列第 1 行没有表头，但下面有内容，该列已忽略。请填写表头或删除该列。`,

  unknownParam: (name: string) => `未知参数“${name}”。参数名请从模板中复制，如“优秀分数线”或“优秀分数线-乡镇”；不需要的行请删除。`,
  paramNeedsGroup: (name: string) => `参数“${name}”需要写明排名分组，如“${name}-乡镇”“${name}-县直单位”。请改正参数名。`,
  paramNameMissing: () => `参数名为空，但这一行填了值。请在 A 列填写参数名，或删除这一行。`,
  duplicateParam: (name: string, first: string) => `参数“${name}”与 ${first} 重复，只按第一行计算。请删除重复的行。`,
  paramGroupUnknown: (name: string, group: string) =>
    `参数“${name}”中的排名分组“${group}”在“考核对象”中没有单位使用，此行不起作用。请检查分组名称是否写错。`,
  paramNotDate: (name: string, shown: string) =>
    `${name}“${shown}”不是日期。请填写如 2026-01-15 或“2026年1月15日”，或者留空（通报上留出日期待填）。`,
  yearRange: "介于 1900 到 9999 之间的整数年份",
  decimalsRange: "介于 0 到 6 之间的整数",
  trimMinRange: "不小于 3 的整数",
  bigDropRange: "不小于 1 的整数",
  minCountRange: "不小于 1 的整数，或留空表示不设下限",
  pointsRange: (shown: string) => `分值 ${shown} 不在 0 到 100 之间。请填写 0 到 100 之间的数。`,
  capNegative: (shown: string) => `上限 ${shown} 是负数。请填写不小于 0 的数；留空表示不设上限。`,
  thresholdOrder: (higher: string, higherValue: string, lower: string, lowerValue: string) =>
    `${lower} ${lowerValue} 不低于${higher} ${higherValue}。分数线须从高到低：优秀 > 良好 > 合格 ≥ 0，请改正。`,
  thresholdNegative: (name: string, value: string) => `${name} ${value} 是负数。合格分数线须不小于 0，请改正。`,
  forGroup: (name: string, group: string) => `${name}（${group}）`,
  weightsAllZero: (groups: string) => `排名分组 ${groups} 的互评权重都是 0%，互评得分无法计算。请至少把一个分组的权重设为大于 0%，如 50%。`,
  weightMissing: (group: string, next: string) =>
    `排名分组“${group}”的单位在“上下互评”中评了分，但参数表没有“互评权重-${group}”。请在参数表 ${next} 加一行“互评权重-${group}”，值如 50%。`,
  badWordList: (shown: string, example: string) => `“${shown}”格式不对。请按“${example}”的格式填写：词=分数，用“、”分隔，分数在 0 到 100 之间。`,
  ballotWordsMismatch: (shown: string, example: string) =>
    `“${shown}”须恰好给出“满意”“基本满意”“不满意”三种票的分值。请按“${example}”的格式填写。`,
  notOneOf: (shown: string, allowed: string) => `“${shown}”不是可选的值。请填写 ${allowed} 之一。`,

  noUnits: () => `“考核对象”中没有任何单位。请从第 2 行起每行填写一个单位的名称和类别。`,
  nameMissing: () => `单位名称为空，但这一行填了其他内容。请填写单位名称，或删除这一行。`,
  duplicateUnit: (name: string, first: string) => `单位“${name}”与 ${first} 重复（名称去掉前后空格后相同）。每个单位只能有一行，请删除或改正重复的行。`,
  categoryMissing: (name: string) => `单位“${name}”的类别为空。请填写类别，如“乡镇”“政府部门”。`,
  unknownCategory: (name: string, category: string, allowed: string) =>
    `单位“${name}”的类别“${category}”不是考核方案的七类之一，也没有指标的适用类别用到它，按它计分会漏掉分类职责指标。请改为 ${allowed} 之一（可从下拉列表选择）；如确要新增这一类，请先在“考核指标”的适用类别中写上“${category}”。`,
  rankGroupAlone: (name: string, group: string, suggestions: string) =>
    `排名分组“${group}”只有单位“${name}”一个，参数表也没有用到它，像是笔误：照此计算，该单位将单独排名第1名。请改为“${suggestions}”，或留空按类别默认分组；如确要单独排名，请在参数表加一行“优秀分数线-${group}”或“互评权重-${group}”。`,
  rankGroupUnnamed: (group: string, names: string) =>
    `排名分组“${group}”不是默认分组，参数表也没有用到它；${names} 将在这一组内单独排名、评定等次。如是笔误，请改正或留空按类别默认分组。`,
  rankGroupSingle: (group: string, name: string) => `排名分组“${group}”只有单位“${name}”一个，该单位单独排名第1名，不评“排名最后”。如有误，请检查排名分组。`,
  lastRankRange: "正整数名次（如 3）",
  notGrade: (shown: string) => `“${shown}”不是等次。请填写 优秀、良好、合格、不合格 之一，或留空。`,

  codeMissing: () => `编号为空，但这一行填了其他内容。请填写指标编号，如“1.1”。`,
  codeFromNumber: (code: string) =>
    `编号是数字 ${code}，已按“${code}”读取。若原本想写的是“${code}0”之类末尾带 0 的编号，请先把该列设为文本格式再填写。`,
  duplicateCode: (code: string, first: string) => `指标编号“${code}”与 ${first} 重复。每个指标的编号须不同，请改正。`,
  maxPointsMissing: (code: string) => `指标“${code}”的分值为空。请填写大于 0 的分值，如 5 或 2.5。`,
  maxPointsNotPositive: (shown: string) => `分值 ${shown} 不大于 0。请填写大于 0 的分值，如 5 或 2.5。`,
  categoriesMissing: (code: string) => `指标“${code}”的适用类别为空。请填写“全部”，或用“、”分隔的类别名称，如“乡镇、政府部门”。`,
  unknownApplies: (name: string) =>
    `适用类别中的“${name}”既不是类别，也不是考核对象中的单位。请填写“全部”，或用“、”分隔的类别名称（如“乡镇、政府部门”）或单位名称。`,

  scoresMaxLabel: (shown: string) => `第 2 行应为分值行（A 列为“分值”），现为“${shown}”。第 2 行不作为单位读取；单位请从第 3 行起填写。`,
  maxPointsDiffers: (code: string, typed: string, real: string) =>
    `指标“${code}”在本表第 2 行的分值为 ${typed}，与“考核指标”中的分值 ${real} 不同，按 ${real} 计算。请改正其中之一。`,
  indicatorColumnMissing: (code: string, level2: string) =>
    `缺少指标“${code}”的列。请在第 1 行加一列，表头写“${code} ${level2}”，并为每个单位填写得分。`,
  unknownIndicatorColumn: (code: string) => `表头中的编号“${code}”不在“考核指标”中，该列未读取。请改正编号，或在“考核指标”中加入该指标。`,
  duplicateIndicatorColumn: (code: string, first: string) => `指标“${code}”的列与 ${first} 重复，该列未读取。请删除重复的列。`,
  unknownUnit: (name: string) => `单位“${name}”不在“考核对象”中。请改为“考核对象”中的单位名称，或先在“考核对象”中加入该单位。`,
  duplicateUnitRow: (name: string, first: string) => `单位“${name}”在 ${first} 已有一行。每个单位只能有一行，请合并或删除重复的行。`,
  unitWithoutScores: (name: string) => `单位“${name}”在“评分”表中没有评分行。请在评分表加一行，A 列填写“${name}”并填写各指标得分。`,
  unitsWithoutScores: (names: readonly string[]) =>
    `${names.length} 个单位在“评分”表中没有评分行：${names.join("、")}。请在评分表为每个单位加一行，A 列填写单位名称并填写各指标得分。`,
  scoreAbove: (max: string) => `分值为 ${max}，得分不能超过 ${max}。请填写 0 到 ${max} 之间的得分。`,
  scoreNegative: (max: string) => `得分不能为负数。请填写 0 到 ${max} 之间的得分。`,
  scoreBlank: (unit: string, code: string, max: string) =>
    `未评分：指标“${code}”适用于单位“${unit}”，但得分为空。请填写 0 到 ${max} 之间的得分；不适用的指标填“不适用”。`,
  scoreBlankZero: (unit: string, code: string) => `单位“${unit}”的指标“${code}”得分为空，按参数“空白评分=按0分”计 0 分。`,
  scoreNotApplicable: (unit: string, code: string) =>
    `指标“${code}”不适用于单位“${unit}”（按适用类别），这里填的分数不计入。请改为“不适用”或留空。`,

  satisfactionRange: (shown: string) => `满意度 ${shown} 不在 0 到 100 之间。请填写 0 到 100 之间的数，如 93.5（表示 93.5%）。`,
  satisfactionFraction: (shown: string, times100: string) =>
    `满意度 ${shown} 已按 ${shown}% 读取。满意度(%) 应填写 0 到 100 之间的数；如实际是 ${times100}%，请填写 ${times100}。`,
  satisfactionPercentText: (shown: string, value: string) => `“${shown}”已按满意度 ${value} 读取（表示 ${value}%）。满意度(%) 列直接填写数字即可，如 ${value}。`,
  ballotColumnMissing: (header: string, present: string) =>
    `有“${present}”票数列，却找不到表头为“${header}”的列，这一类票无法计入满意度。请把该列第 1 行的表头改为“${header}”（没有这类票也请保留该列，留空即可）。`,
  satisfactionBoth: () => `这一行既填了满意度(%)又填了票数，只能填其一。请删去满意度(%)或删去票数。`,
  ballotNotCount: (shown: string) => `票数“${shown}”不是不小于 0 的整数。请填写票数，如 12。`,
  notSurveyed: (name: string) => `单位“${name}”没有可计入的满意度票（满意、基本满意、不满意票数都为 0），按未调查处理，不计满意度。`,
  satisfactionColumns: (missing: string) =>
    `缺少满意度的列：${missing}。请保留“满意度(%)”列，或保留“满意”“基本满意”“不满意”“不了解”四列票数。`,

  ratingContext: (ratee: string, rater: string) => `${rater} 评 ${ratee}`,
  unknownRater: (name: string) => `评议单位“${name}”不在“考核对象”中，该列未读取。请把表头改为“考核对象”中的单位名称。`,
  duplicateRater: (name: string, first: string) => `评议单位“${name}”与 ${first} 重复，该列未读取。请删除重复的列。`,
  ratingRange: (shown: string) => `评分 ${shown} 不在 0 到 100 之间。请填写 0 到 100 之间的分数。`,
  notRating: (shown: string, words: string) => `“${shown}”不是评分。请填写 0 到 100 之间的分数，或填写 ${words} 之一；未评留空。`,

  adjustmentType: (shown: string) => `类型“${shown}”不对。请填写“加分”或“扣分”。`,
  adjustmentTypeMissing: () => `类型为空。请填写“加分”或“扣分”。`,
  adjustmentPointsMissing: () => `分值为空。请填写大于 0 的分值，如 1 或 0.5。`,
  adjustmentPointsNotPositive: (shown: string) => `分值 ${shown} 不大于 0。请填写大于 0 的分值（扣分也填正数，如 2），类型列写“扣分”。`,
  reasonMissing: () => `事由为空。建议写明加分或扣分的事由，便于核对。`,
} as const;

/** 审定调整 and 单位更名: what is wrong with a row and what to type instead. */
export const REVIEW_MSG = {
  nameMissing: () => `单位名称为空，但这一行填了其他内容。请填写“考核对象”中的单位名称，或删除这一行。`,
  unknownUnit: (name: string) => `单位“${name}”不在“考核对象”中，审定调整无法对应。请改为“考核对象”中的单位名称（可从“结果”表复制）。`,
  gradeMissing: (name: string) => `单位“${name}”的“调整为等次”为空。请填写 优秀、良好、合格、不合格 之一；不调整的单位请删除这一行。`,
  notGrade: (shown: string) => `“${shown}”不是等次。请填写 优秀、良好、合格、不合格 之一（如一票否决填“不合格”）。`,
  reasonMissing: (name: string) => `单位“${name}”的审定调整没有写事由。请写明调整的事由，如“发生重大法治问题，一票否决”。`,
  basisMissing: (name: string) => `单位“${name}”的审定调整没有写依据。请写明依据的会议或文件，如“县委常委会2027年第3次会议”。`,
  duplicate: (name: string, first: string) => `单位“${name}”在 ${first} 已有一行审定调整。每个单位只能有一行，请合并为一行或删除多余的行。`,
  renameFromMissing: () => `上年名称为空，但这一行填了本年名称。请填写该单位上年的名称（与上年“结果”表一致），或删除这一行。`,
  renameToMissing: (from: string) => `“${from}”的本年名称为空。请填写该单位在本年“考核对象”中的名称；上年有、本年已撤销的单位请删除这一行。`,
  renameUnknownTo: (to: string) => `本年名称“${to}”不在本年“考核对象”中。请改为“考核对象”中的单位名称。`,
  renameDuplicate: (from: string, first: string) => `上年名称“${from}”与 ${first} 重复。每个上年单位只能对应一个本年名称，请删除多余的行。`,
} as const;
