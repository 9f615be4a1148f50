/**
 * Every Chinese text the output sheets add of their own. Unit names, notes and 计算说明 lines
 * come from the input and the rules and are copied as given.
 * None of these texts begins with = + - or @, so none can be taken for a formula.
 */

/** The end of a cell cut to Excel's limit, and the 提示 telling it. */
export const CELL_SHORTENED = (length: number): string => `（原文${length}字，超过 Excel 单元格最多 32767 字的限制，已截短）`;
export function cellShortenedIssue(length: number, limit: number): string {
  return `这一格的文字有${length}字，超过 Excel 单元格最多 ${limit} 字的限制，已截短并以“…”结尾。全文请看输入表中的原文（如加减分的事由）。`;
}

/** Joins a unit's 提示 in one cell. */
export const NOTE_SEPARATOR = "；";

/** 结果: the note under the table, saying which 名次规则 applied and the order of equal 总分 and of the groups. */
export const RESULTS_FOOTNOTE_LABEL = "注";
export const RESULTS_FOOTNOTE = (rule: string, explained: string): string =>
  `名次规则：${rule}，${explained}总分相同的单位名次相同，按“考核对象”表中的先后排列；排名分组按其在“考核对象”表中首次出现的先后排列。`;

/** 计算说明!A of the rows that explain the parameters, below the units. */
export const PARAMS_GROUP_LABEL = "参数";

export const CHART_TITLE = "等次分布";
export const CHART_HEADERS = ["排名分组", "等次", "单位数", "图示"] as const;
/** One block of the in-cell bar chart stands for one unit. */
export const BAR_BLOCK = "█";

export const NO_CAP = "不设上限";
export const NO_QUOTA = "不限";

/** 汇总!J when the group has no 优秀比例上限. */
export const SUMMARY_NO_QUOTA = "未设优秀比例上限";
export const QUOTA_EXCEEDED_BY_TIE = "因并列超出优秀比例";

/** 汇总!J when a quota applies: "优秀比例上限30%，本组最多3个优秀". */
export function summaryQuota(quota: string, limit: number | null): string {
  return limit === null ? `优秀比例上限${quota}` : `优秀比例上限${quota}，本组最多${limit}个优秀`;
}

/** 汇总!J: how many units' 等次 the 审定 changed; the 等次 counts of the row are after it. */
export function summaryAdjusted(count: number): string {
  return `经审定调整等次${count}个（各等次单位数按审定等次统计）`;
}

export function summaryOverQuotaByReview(count: number): string {
  return `审定定为优秀使本组超出优秀比例${count}个`;
}

export function summaryPlacesFreed(count: number): string {
  return `审定调整后空出优秀名额${count}个，未自动递补（以审定为准）`;
}

/** Item names of the parameter rows that have no single 参数 name. */
export const ITEM = {
  thresholds: "等次分数线",
} as const;

/** The explanations of the parameter rows of 计算说明: the rule applied, in words. */
export const EXPLAIN = {
  year: "考核年度。",
  decimals: (places: number): string =>
    places === 0
      ? "每个写出的分数按四舍五入取整；后面的分数用前面写出的分数计算，可用计算器逐项核对。"
      : `每个写出的分数按四舍五入保留${places}位小数；后面的分数用前面写出的分数计算，可用计算器逐项核对。`,
  satisfactionPoints: (points: string): string =>
    `满意度得分 = 满意度(%) ÷ 100 × ${points}；未调查的单位不计此项，按实际应得分换算。`,
  peerPoints: (points: string): string =>
    `互评得分 = 互评分 ÷ 100 × ${points}；无人评议的单位不计此项，按实际应得分换算。`,
  peerWeight: (group: string): string =>
    `排名分组为“${group}”的评议单位所给评分的权重；某组无人评分时，按其余各组的权重计算。`,
  trimOn: (count: number): string => `每组评分不少于${count}个时，去掉一个最高分和一个最低分后再平均。`,
  trimOff: "不去掉最高分和最低分，各组评分直接平均。",
  trimMinCount: "一组评分不少于此数，才去掉最高分和最低分。",
  uniformOn:
    "给所有单位打分都相同的评议单位，其评分全部不计。此规则不单调：这样的评议单位只要有一个评分不同，其全部评分就又都计入，被评单位的互评分可能因此升高。",
  uniformOff: "评议单位打分全部相同时，其评分照常计入。",
  ratingWords: "上下互评中填写的等级词按此折算为分数。",
  ballotValues: "按票数计算：满意度(%) = Σ(票数 × 票值) ÷（满意 + 基本满意 + 不满意票数），“不了解”票不计入。",
  bonusCap: (cap: string | null): string => (cap === null ? "加分按各项合计计算，不设上限。" : `加分合计超过${cap}分的，按${cap}分计。`),
  penaltyCap: (cap: string | null): string => (cap === null ? "扣分按各项合计计算，不设上限。" : `扣分合计超过${cap}分的，按${cap}分计。`),
  totalCap: (cap: string | null): string =>
    cap === null
      ? "总分 = 换算得分 + 加分 − 扣分，不低于0分，可因加分超过100分。"
      : `总分 = 换算得分 + 加分 − 扣分，不低于0分，不高于${cap}分。`,
  thresholds: (excellent: string, good: string, pass: string): string =>
    `总分不低于${excellent}分为优秀，不低于${good}分为良好，不低于${pass}分为合格，低于${pass}分为不合格。`,
  quotaOff: "不限制优秀单位所占比例。",
  quotaOn: (quota: string, count: number | null, limit: number | null): string =>
    count === null || limit === null
      ? `优秀单位最多占本组的${quota}（按人数向下取整）。`
      : `本组${count}个单位，优秀最多${limit}个（${count} × ${quota}，向下取整），按总分从高到低确定，其余改为良好。`,
  quotaTie: "名次并列的单位跨过比例界线时全部保留优秀，因并列超出优秀比例。",
  rankDense: "同分并列，下一名次连续（1、1、2）。",
  rankCompetition: "同分并列，下一名次跳过（1、1、3，同 Excel 的 RANK.EQ）。",
  bigDrop: (places: number): string => `名次比上年后退不少于${places}位的，提示“退步较大”（通报警示）。`,
  blankError: "适用指标的评分留空时报错。",
  blankZero: "适用指标的评分留空时按0分计算，并给出提示。",
} as const;
