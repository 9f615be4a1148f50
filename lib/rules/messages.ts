import type { D } from "../decimal";
import type { Grade } from "../model";
import { plain } from "./numbers";

/** Problems reported to the user (Issue messages): what is wrong and what to do instead. */
export const MESSAGES = {
  selfRating: (rater: string) =>
    `本单位给自己的评分不计入：“${rater}”不评议本单位，请清空此单元格。`,
  uniformRater: (rater: string, value: D, units: number) =>
    `“${rater}”给${units}个单位的评分都是${plain(value)}分，按参数“互评同分票无效”，其评分全部不计入；如需计入，请按实际评议修改评分，或把该参数改为“否”。`,
  peerUnknownUnit: (name: string) =>
    `“${name}”不在考核对象表中，与其有关的互评评分不计入：请改为考核对象表中的单位名称。`,
  noPeerRatings: (unit: string) =>
    `无上下互评评分，此项不计，按实际应得分换算：“${unit}”没有收到可计入的互评评分；如有评分，请在上下互评表中填写。`,
  peerZeroWeight: (unit: string, groups: string) =>
    `“${unit}”的互评评分只来自互评权重为0的分组（${groups}），此项不计，按实际应得分换算；如需计入，请在参数表中为这些分组设置互评权重。`,
  fewRatings: (unit: string, count: number, minimum: number) =>
    `“${unit}”只收到 ${count} 份可计入的互评评分，少于参数“互评最少评议数”${minimum}，互评此项不计，按实际应得分换算。如有漏填的评分，请在上下互评表中补上；如不设下限，请清空该参数。`,
  fewBallots: (unit: string, count: string, minimum: number) =>
    `“${unit}”的满意度只有 ${count} 张有效票（满意、基本满意、不满意），少于参数“满意度最少有效票数”${minimum}，满意度此项不计，按实际应得分换算。如票数有误，请在满意度表中改正；如不设下限，请清空该参数。`,
  noCountableBallots: (unit: string) =>
    `“${unit}”的满意度只有“不了解”票，没有可计算的票数，按未参加满意度调查处理：请填写满意、基本满意、不满意的票数，或填写满意度(%)。`,
  possibleZero: (unit: string) =>
    `“${unit}”的应得分为0，无法计算得分：其指标都为不适用，也未参加满意度调查和上下互评。请在评分表中为适用的指标填写得分，或检查该单位的类别。`,
} as const;

/** The same problems told once for several units (groupIssues), naming them. */
export const GROUP_MESSAGES = {
  noPeerRatings: (units: readonly string[]) =>
    `${units.length} 个单位没有收到互评评分：${units.join("、")}，此项不计，按实际应得分换算。如有评分，请在上下互评表中填写。`,
  peerZeroWeight: (units: readonly string[]) =>
    `${units.length} 个单位的互评评分只来自互评权重为0的分组：${units.join("、")}，此项不计，按实际应得分换算。如需计入，请在参数表中为这些分组设置互评权重。`,
  fewRatings: (units: readonly string[]) =>
    `${units.length} 个单位收到的可计入互评评分少于参数“互评最少评议数”：${units.join("、")}，互评此项不计，按实际应得分换算（各单位收到几份写在结果的提示列）。如有漏填的评分，请在上下互评表中补上；如不设下限，请清空该参数。`,
  fewBallots: (units: readonly string[]) =>
    `${units.length} 个单位的满意度有效票少于参数“满意度最少有效票数”：${units.join("、")}，满意度此项不计，按实际应得分换算（各单位的票数写在结果的提示列）。如票数有误，请在满意度表中改正；如不设下限，请清空该参数。`,
  noCountableBallots: (units: readonly string[]) =>
    `${units.length} 个单位的满意度只有“不了解”票：${units.join("、")}，按未参加满意度调查处理。请填写满意、基本满意、不满意的票数，或填写满意度(%)。`,
  possibleZero: (units: readonly string[]) =>
    `${units.length} 个单位的应得分为0，无法计算得分：${units.join("、")}。其指标都为不适用，也未参加满意度调查和上下互评。请在评分表中为适用的指标填写得分，或检查这些单位的类别。`,
} as const;

/** Short notes for the 提示 cell of 结果, joined by "；". */
export const NOTES = {
  notApplicable: (n: number) => `有${n}项指标不适用`,
  notSurveyed: "未参加满意度调查，按实际应得分换算",
  fewBallots: (count: string, minimum: number) => `满意度有效票${count}张，少于${minimum}张，此项不计，按实际应得分换算`,
  noPeer: "无互评评分，按实际应得分换算",
  fewRatings: (count: number, minimum: number) => `收到互评${count}份，少于${minimum}份，此项不计，按实际应得分换算`,
  peerZeroWeight: "互评评分所在分组权重为0，此项不计，按实际应得分换算",
  bonusCut: (sum: D, cap: D) => `加分合计${plain(sum)}分，按上限计${plain(cap)}分`,
  penaltyCut: (sum: D, cap: D) => `扣分合计${plain(sum)}分，按上限计${plain(cap)}分`,
  belowZero: "总分低于0，按0分计",
  aboveCap: (cap: D) => `总分超过上限，按${plain(cap)}分计`,
  tie: (rank: number) => `并列第${rank}名`,
  serious: "有情节严重的扣分情形，不得评为优秀，定为良好",
  quotaDemoted: (limit: number) => `超出优秀比例（上限${limit}个），定为良好`,
  quotaKeptByTie: (rank: number) => `并列第${rank}名跨过优秀比例界线，并列单位均为优秀`,
  lastPlace: "排名最后，通报警示",
  bigDrop: (places: number) => `比上年后退${places}名，退步较大，通报警示`,
  twoYearsExcellent: "连续两年优秀，建议通报表扬",
  adviceLetter: "制发法治建议书",
  summons: "约谈、责令整改",
  majorIssueSummons: "发生重大法治问题，约谈、责令整改",
  reviewed: (reason: string, basis: string) => `经审定调整：${reason}（${basis}）`,
  reviewConfirmed: (reason: string, basis: string) => `经审定维持原等次：${reason}（${basis}）`,
  reviewOverQuota: (limit: number) => `经审定定为优秀，超出优秀比例（上限${limit}个）`,
  reviewFreedPlace: (places: number) => `审定调整后本组空出${places}个优秀名额，本单位按总分在递补之列；是否递补由审定决定，如递补请在审定调整表中填写`,
} as const;

/** The 项目 column of 计算说明, in the order the lines are printed. */
export const AUDIT_ITEMS = {
  indicatorEarned: "指标得分",
  indicatorPossible: "指标应得分",
  satisfaction: "满意度得分",
  peer: "互评得分",
  possible: "应得分",
  earned: "实得分",
  normalised: "换算得分",
  bonus: "加分",
  penalty: "扣分",
  total: "总分",
  rank: "名次",
  grade: "等次",
  finalGrade: "审定等次",
} as const;

/** The value of a line whose item does not apply. */
export const NOT_APPLICABLE_VALUE = "不适用";

/** Words used inside 计算说明 explanations. */
export const AUDIT_TEXT = {
  scoreTerm: (code: string, score: string) => `${code} 得${score}`,
  pointsTerm: (code: string, points: string) => `${code} ${points}分`,
  itemCount: (n: number, notApplicable: readonly string[]) =>
    notApplicable.length > 0 ? `（共${n}项；不适用：${notApplicable.join("、")}）` : `（共${n}项）`,
  noIndicators: (notApplicable: readonly string[]) =>
    notApplicable.length > 0 ? `无适用指标（不适用：${notApplicable.join("、")}）` : "无适用指标",
  ballots: (p: { satisfied: string; basic: string; unsatisfied: string; values: [string, string, string]; weighted: string; countable: string; percent: string }) =>
    `票数：满意${p.satisfied}×${p.values[0]} + 基本满意${p.basic}×${p.values[1]} + 不满意${p.unsatisfied}×${p.values[2]} = ${p.weighted}，÷ ${p.countable}票 = ${p.percent}%`,
  unknownBallots: (unknown: string) => `（不了解${unknown}票不计）`,
  typedPercent: (typed: string, percent: string) =>
    typed === percent ? `填报满意度${percent}%` : `填报满意度${typed}%，四舍五入为${percent}%`,
  satisfactionPoints: (percent: string, points: string, score: string) => `${percent}% × ${points} = ${score}`,
  notSurveyed: "未参加满意度调查，此项不计",
  fewBallots: (count: string, minimum: number) => `有效票${count}张，少于参数“满意度最少有效票数”${minimum}，此项不计`,
  noCountableBallots: "只有“不了解”票，无可计票数，按未参加满意度调查处理，此项不计",
  peerGroup: (group: string, n: number, values: string) => `${group}组${n}人评分（${values}）`,
  peerTrimmed: (highest: string, lowest: string, kept: number, total: string, mean: string) =>
    `，去掉最高${highest}、最低${lowest}，余${kept}人平均 = ${total} ÷ ${kept} = ${mean}`,
  peerMean: (n: number, total: string, mean: string) => `，平均 = ${total} ÷ ${n} = ${mean}`,
  peerWeighted: (terms: string, weightSum: string, score: string) => `(${terms}) ÷ ${weightSum} = ${score}`,
  peerOneGroup: (missing: string, present: string, mean: string, score: string) =>
    `${missing}组未评，其权重由${present}组承担：互评分 = ${present}组平均 ${mean} = ${score}`,
  peerGroupsMissing: (missing: string, present: string) => `（${missing}组未评，其权重按比例由${present}组承担）`,
  uniformVoided: (raters: string) =>
    `；评议单位${raters}给所有单位的评分都相同，按参数“互评同分票无效”其评分全部不计入。此规则不单调：该评议单位只要有一个评分不同，其全部评分就又都计入，被评单位的互评分可能因此升高`,
  peerPoints: (score: string, points: string, peer: string) => `${score} ÷ 100 × ${points} = ${peer}`,
  noPeer: "无上下互评评分，此项不计",
  fewRatings: (count: number, minimum: number) => `共${count}份评分，少于参数“互评最少评议数”${minimum}，此项不计`,
  peerZeroWeight: "评分只来自互评权重为0的分组，此项不计",
  possible: (terms: string, possible: string) => `${terms} = ${possible}`,
  possibleIndicators: (v: string) => `指标应得分 ${v}`,
  possibleSatisfaction: (v: string) => `满意度分值 ${v}`,
  possiblePeer: (v: string) => `互评分值 ${v}`,
  earnedIndicators: (v: string) => `指标得分 ${v}`,
  earnedSatisfaction: (v: string) => `满意度得分 ${v}`,
  earnedPeer: (v: string) => `互评得分 ${v}`,
  normalised: (earned: string, possible: string, normalised: string) => `实得分 ${earned} ÷ 应得分 ${possible} × 100 = ${normalised}`,
  cannotNormalise: "应得分为0，无法换算",
  noRecords: (kind: string, value: string) => `无${kind}记录 = ${value}`,
  recordTerm: (reason: string, points: string, serious: boolean) => `${reason} ${points}${serious ? "（情节严重）" : ""}`,
  recordsCut: (terms: string, sum: string, cap: string, value: string) => `${terms} = ${sum}，超过上限${cap}，按上限计 = ${value}`,
  recordsWithinCap: (terms: string, value: string, cap: string) => `${terms} = ${value}（上限${cap}）`,
  recordsNoCap: (terms: string, value: string) => `${terms} = ${value}（不设上限）`,
  total: (normalised: string, bonus: string, penalty: string, raw: string) => `换算得分 ${normalised} + 加分 ${bonus} − 扣分 ${penalty} = ${raw}`,
  totalFloored: (value: string) => `，低于0，按0计 = ${value}`,
  totalCapped: (cap: string, value: string) => `，超过总分上限${cap}，按上限计 = ${value}`,
  rank: (group: string, rule: string, total: string, rank: number) => `${group}组按总分从高到低排名（${rule}），总分${total}为第${rank}名`,
  rankTie: (others: string) => `，与${others}并列`,
  gradeMet: (total: string, line: string, points: string, grade: Grade) => `总分${total} ≥ ${line}${points} → ${grade}`,
  gradeBelow: (total: string, points: string) => `总分${total} < 合格分数线${points} → 不合格`,
  lineNames: { 优秀: "优秀分数线", 良好: "良好分数线", 合格: "合格分数线" } satisfies Record<Exclude<Grade, "不合格">, string>,
  serious: "；有情节严重的扣分情形，不得评为优秀，定为良好",
  quotaDemoted: (limit: number) => `；超出优秀比例（上限${limit}个），定为良好`,
  quotaKeptByTie: (rank: number) => `；并列第${rank}名跨过优秀比例界线，并列单位均为优秀`,
  notReviewed: (grade: Grade) => `未经审定调整，同计算等次 → ${grade}`,
  reviewed: (computed: Grade, grade: Grade, reason: string, basis: string, date: string | null, cell: string) =>
    `经审定调整（${cell}）：计算等次 ${computed} → 审定等次 ${grade}。事由：${reason}；依据：${basis}${date === null ? "" : `；日期：${date}`}`,
  reviewConfirmed: (grade: Grade, reason: string, basis: string, date: string | null, cell: string) =>
    `经审定维持（${cell}）：审定等次 ${grade}，与计算等次相同。事由：${reason}；依据：${basis}${date === null ? "" : `；日期：${date}`}`,
  reviewOverQuota: (limit: number) => `；本组优秀因此超出比例上限（${limit}个），以审定为准`,
  reviewFreedPlace: (places: number) => `；审定调整后本组空出${places}个优秀名额，本单位按总分在递补之列，未自动递补（等次以审定为准）`,
} as const;
