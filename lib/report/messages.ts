/**
 * The policy wording of the 通报 and the 反馈单, in one place. Sentences follow 考核方案 §六 (seed 000); every one is
 * written into the document as plain text, so that the office can edit it in Word before it is signed.
 */

export const NOTICE = {
  title: (year: number, region: string | null): string => `关于${year}年度${region ?? ""}法治建设考核结果的通报`,
  /** 发文字号 with the serial left blank: "濮法治办〔2025〕  号". */
  docNumber: (prefix: string | null, year: number): string => `${prefix ?? ""}〔${year}〕\u3000\u3000号`,
  mainTo: (mainTo: string): string => `${mainTo}：`,
  opening: (scheme: string | null, organisers: string, year: number, counts: string): string =>
    `根据${scheme === null ? "年度法治建设考核方案" : `《${scheme}》`}，${organisers}对全县${counts}${year}年度法治建设情况进行了考核。考核结果已经县委、县政府审定，现将有关情况通报如下。`,
  /** "20个乡镇" in the opening. */
  groupCount: (count: number, group: string): string => `${count}个${group}`,
  resultsHeading: "考核结果",
  groupHeading: (group: string, count: number): string => `${group}（${count}个）`,
  gradeLine: (grade: string, names: readonly string[]): string =>
    names.length === 0 ? `${grade}：无。` : `${grade}（${names.length}个）：${names.join("、")}。`,
  praiseHeading: "通报表扬",
  praise: (names: string): string => `对连续两年考核优秀的${names}予以通报表扬。`,
  warningHeading: "通报警示",
  warningLast: (names: string): string => `年度考核排名最后的${names}`,
  warningDrop: (names: string): string => `名次比上年退步较大的${names}`,
  warning: (parts: readonly string[]): string => `对${parts.join("，")}予以通报警示。`,
  summonsHeading: "约谈、责令整改",
  summonsFailed: (names: string): string => `考核等次为不合格的${names}`,
  summonsMajor: (names: string): string => `发生重大法治问题的${names}`,
  summons: (parts: readonly string[]): string => `对${parts.join("和")}，按照有关规定进行约谈、责令整改。`,
  adviceHeading: "制发法治建议书",
  advice: (names: string): string =>
    `对考核等次为合格、不合格的${names}制发法治建议书，向有关单位提出取消考核对象先进等次或评先资格建议。`,
  /** 考核方案 §六（二）, with the 抄送机关 of 参数. */
  copyUse: (bodies: string): string =>
    `考核结果抄送${bodies}等单位，作为党政领导班子和领导干部政绩考核、文明城市（文明单位）创建、平安建设创建、营商环境评价等项目相关内容的评分依据。中央、省、市驻县单位的考核结果同时抄送上级相关部门。`,
  /** 考核方案 §六（四）, last sentences, and the usual close of a 通报. */
  closing:
    "对考核中发现的问题，各乡（镇）、各单位要认真对照、逐项整改，并按照要求报告整改情况。希望受到通报表扬的单位珍惜荣誉、再接再厉；受到通报警示的单位要深刻反思、奋起直追，共同推动全县法治建设再上新台阶。",
  /** A group's names followed by the group when a list spans groups: "城关镇、柳屯镇（乡镇）". */
  withGroup: (names: string, group: string): string => `${names}（${group}）`,
  /** 成文日期 left blank for the office to fill in. */
  blankDate: "\u3000\u3000年\u3000\u3000月\u3000\u3000日",
  copyToLine: (bodies: readonly string[]): string => `抄送：${bodies.join("，")}。`,
  printedLine: "印发",
  /** The two organising offices named in the opening: "A和B". */
  organisers: (issuers: readonly string[]): string => (issuers.length === 0 ? "考核办" : issuers.join("和")),
  /** Numbering of first-level headings (一、二、…). */
  numeral: ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"] as readonly string[],
} as const;

export const FEEDBACK = {
  title: (year: number, region: string | null): string => `${year}年度${region ?? ""}法治建设考核反馈单`,
  unitLine: (name: string, category: string, group: string): string => `单位：${name}（${category}，${group}）`,
  standing: (total: string, rank: number, size: number, group: string, grade: string): string =>
    `总分 ${total} 分，在${group}${size}个单位中排第 ${rank} 名，等次为${grade}。`,
  reviewed: (computed: string, reason: string, basis: string): string =>
    `按评分计算的等次为${computed}，经审定调整（${reason}；${basis}）。`,
  scoresHeading: "一、各项得分与本组比较",
  tableHeaders: ["项目", "本单位得分", "应得分", "本组平均", "本组最高"] as readonly string[],
  satisfaction: "满意度",
  peer: "上下互评",
  normalised: "换算得分",
  bonus: "加分",
  penalty: "扣分",
  total: "总分",
  notApplicable: "不适用",
  adjustmentsHeading: "二、加减分情况",
  noAdjustments: "无加分、扣分记录。",
  adjustment: (type: string, points: string, reason: string, basis: string, flags: string): string =>
    `${type} ${points} 分：${reason}（依据：${basis === "" ? "未填写" : basis}）${flags}`,
  serious: "，情节严重",
  majorIssue: "，重大法治问题",
  capped: (kind: string, sum: string, counted: string): string => `${kind}合计 ${sum} 分，按上限计 ${counted} 分。`,
  lossesHeading: "三、失分较多的指标",
  noLosses: "各项指标均得满分。",
  loss: (code: string, level2: string, level1: string, score: string, max: string, lost: string): string =>
    `${code} ${level2}（${level1}）：得 ${score} 分，满分 ${max} 分，失 ${lost} 分。`,
  lossSatisfaction: (score: string, max: string, lost: string): string => `满意度：得 ${score} 分，满分 ${max} 分，失 ${lost} 分。`,
  lossPeer: (score: string, max: string, lost: string): string => `上下互评：得 ${score} 分，满分 ${max} 分，失 ${lost} 分。`,
  notesHeading: "四、提示",
  noNotes: "无。",
  adviceHeading: "法治建议书",
  advice: (grade: string): string =>
    `你单位本年度法治建设考核等次为${grade}。根据考核方案，考核等次为合格、不合格的，制发法治建议书，向有关单位提出取消考核对象先进等次或评先资格建议。请对照上述失分指标和扣分事项认真整改，并按照要求报告整改情况。`,
  summons: "按照有关规定，将对你单位进行约谈、责令整改。",
  praise: "你单位连续两年考核优秀，将报请予以通报表扬。",
  warning: "你单位将被通报警示。",
} as const;

/** What 生成通报 and 反馈单 say to the user. */
export const REPORT = {
  notScored: "工作簿还没有计算等次（没有“结果”表）：已按输入计算后生成。",
  inconsistent: "结果与输入不一致，没有生成：通报和反馈单须与输入一致。请重新计算等次（或查明被改动的单元格）后再生成。",
  cannotScore: "工作簿中的数据有错误，无法计算等次，没有生成。请改正下面的错误：",
} as const;
