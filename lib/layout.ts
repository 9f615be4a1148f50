/**
 * The workbook layout of spec §1, once: sheet names, header texts, categories and parameters.
 * The template writes these, the reader finds columns by these texts, the writer uses the output headers.
 */

export const SHEET = {
  guide: "说明",
  params: "参数",
  units: "考核对象",
  indicators: "考核指标",
  scores: "评分",
  satisfaction: "满意度",
  peer: "上下互评",
  adjustments: "加减分",
  daily: "平时考核",
  review: "审定调整",
  /** 单位更名 (上年名称 → 本年名称): read only by 从上年结果导入, so not one of the sheets scoring needs. */
  renames: "单位更名",
  results: "结果",
  audit: "计算说明",
  summary: "汇总",
  quarterReview: "季度点评",
} as const;

/** Input sheets, in workbook order. The software never changes a cell in them after creating them. */
export const INPUT_SHEETS = [
  SHEET.guide,
  SHEET.params,
  SHEET.units,
  SHEET.indicators,
  SHEET.scores,
  SHEET.satisfaction,
  SHEET.peer,
  SHEET.adjustments,
  SHEET.daily,
  SHEET.review,
] as const;

/** Output sheets: each 计算等次 replaces them whole. */
export const OUTPUT_SHEETS = [SHEET.results, SHEET.audit, SHEET.summary] as const;

/** 平时考核 (seed 002 双月检查、季度点评): 12 months of 工作台账, 6 双月检查, 4 季度点评 per year. */
export const DAILY_MONTHS = 12;
export const DAILY_CHECKS = 6;
export const DAILY_QUARTERS = 4;
export const DAILY_HEADERS = {
  name: "单位名称",
  ledger: Array.from({ length: DAILY_MONTHS }, (_, i) => `${i + 1}月台账`),
  checks: Array.from({ length: DAILY_CHECKS }, (_, i) => `第${i + 1}次检查`),
  reviews: Array.from({ length: DAILY_QUARTERS }, (_, i) => `第${i + 1}季度点评`),
  disqualified: "取消评先资格",
  disqualifiedReason: "取消评先事由",
} as const;

/** 工作台账 each month: reported by the 5th (按时), later (逾期), or not at all (未报); blank = not yet due. */
export const LEDGER_WORDS = { onTime: "按时", late: "逾期", missing: "未报" } as const;
/** 季度点评: named for 经验介绍 (good progress) or 检查性发言 (lagging); blank = neither. */
export const REVIEW_WORDS = { experience: "经验介绍", selfCriticism: "检查性发言" } as const;

export const HEADERS = {
  params: ["参数", "值", "说明"],
  units: ["序号", "单位名称", "类别", "排名分组", "上年名次", "上年等次"],
  indicators: ["编号", "一级指标", "二级指标", "考核内容", "分值", "考核方式", "考核主体", "适用类别"],
  /** 评分 starts with these; one column per indicator follows, headed "编号 二级指标". Row 2 holds 分值. */
  scores: ["单位名称", "类别"],
  satisfaction: ["单位名称", "满意度(%)", "满意", "基本满意", "不满意", "不了解"],
  /** 上下互评 starts with this; one column per rater unit follows, headed by the rater's 单位名称. */
  peer: ["被评单位"],
  adjustments: ["单位名称", "类型", "分值", "事由", "依据", "情节严重", "重大法治问题"],
  daily: [
    DAILY_HEADERS.name,
    ...DAILY_HEADERS.ledger,
    ...DAILY_HEADERS.checks,
    ...DAILY_HEADERS.reviews,
    DAILY_HEADERS.disqualified,
    DAILY_HEADERS.disqualifiedReason,
  ],
  /** 审定调整: the 县委、县政府's decisions (考核方案 §六（一）), one row per unit whose 等次 they changed. */
  review: ["单位名称", "调整为等次", "事由", "依据（会议/文件）", "日期"],
  /** 单位更名: last year's name of a unit renamed or merged, and its name this year. */
  renames: ["上年名称", "本年名称"],
  quarterReview: ["单位名称", "排名分组", "本季度台账", "全年逾期", "全年未报", "本季度检查", "检查平均分", "检查名次", "上季度点评", "本年经验介绍", "提示"],
  /** 等次 is the 等次 the rules give (计算等次); 审定等次 the final one after 审定调整 (the same when not adjusted). */
  results: ["排名分组", "名次", "单位名称", "类别", "指标得分", "指标应得分", "满意度得分", "互评得分", "换算得分", "加分", "扣分", "总分", "等次", "审定等次", "提示"],
  audit: ["排名分组", "单位名称", "项目", "结果", "计算过程"],
  summary: ["排名分组", "单位数", "优秀", "良好", "合格", "不合格", "最高分", "最低分", "平均分", "说明"],
} as const;

/** 评分 row 2, column A. */
export const SCORES_MAX_ROW_LABEL = "分值";

/** 不适用 as typed: the word, or a slash (half- or full-width). */
export const NOT_APPLICABLE = "不适用";
export const NOT_APPLICABLE_MARKS = ["不适用", "/", "／"] as const;

/** 适用类别 meaning every category. */
export const ALL_CATEGORIES = "全部";
/** Separator of lists in one cell (适用类别, 互评等级分…). */
export const LIST_SEPARATOR = "、";

/** The seven categories of 考核方案 §二, in order: short name, the scheme's words, default 排名分组. */
export const CATEGORIES = [
  { name: "乡镇", full: "乡（镇）", rankGroup: "乡镇" },
  { name: "党委机关", full: "县纪委监委机关、县委工作机关及其管理的机关", rankGroup: "县直单位" },
  { name: "人大政协", full: "县人大常委会办公室、县政协办公室", rankGroup: "县直单位" },
  { name: "政府部门", full: "县政府办公室，县政府工作部门、直属特设机构、直属机构，部门管理机构", rankGroup: "县直单位" },
  { name: "法院检察院", full: "县法院、县检察院", rankGroup: "县直单位" },
  { name: "群团机关", full: "群团机关", rankGroup: "县直单位" },
  { name: "驻县单位", full: "中央、省、市驻县单位", rankGroup: "县直单位" },
] as const;

export const RANK_GROUPS = ["乡镇", "县直单位"] as const;

/** Default 排名分组 of a category: 乡镇 for 乡镇, 县直单位 for the six others and for categories users add. */
export function defaultRankGroup(category: string): string {
  return category === "乡镇" ? "乡镇" : "县直单位";
}

export const ADJUSTMENT_TYPES = { bonus: "加分", penalty: "扣分" } as const;
export const YES = "是";
export const NO = "否";

/** The parameter names of spec §3, as typed in 参数!A. Per-group rows add "-<排名分组>" to a name in PER_GROUP_PARAMS. */
export const PARAM = {
  year: "年度",
  region: "地区",
  decimals: "小数位数",
  satisfactionPoints: "满意度分值",
  peerPoints: "互评分值",
  peerWeight: "互评权重",
  trimPeer: "互评去掉最高最低分",
  trimMinCount: "互评去极值最少人数",
  uniformRaterInvalid: "互评同分票无效",
  ratingWords: "互评等级分",
  ballotValues: "满意度票值",
  bonusCap: "加分上限",
  penaltyCap: "扣分上限",
  totalCap: "总分上限",
  excellentLine: "优秀分数线",
  goodLine: "良好分数线",
  passLine: "合格分数线",
  excellentQuota: "优秀比例上限",
  rankRule: "名次规则",
  bigDropPlaces: "退步较大名次",
  blankScore: "空白评分",
  schemeName: "考核方案名称",
  issuer: "发文机关",
  docPrefix: "发文字号",
  issueDate: "发文日期",
  mainTo: "主送机关",
  copyTo: "抄送机关",
  checkWords: "检查等级分",
  checkIndicator: "双月检查指标",
  ledgerNoticeCount: "台账提示次数",
  ledgerMissingPenalty: "台账未报扣分",
  selfCriticismPenalty: "检查性发言扣分",
  experienceBonus: "经验介绍加分",
  deadline: "截止日期",
  goodShareCap: "互评“好”最多比例",
  ratingFormMode: "互评表评分方式",
  peerRaters: "互评评议单位",
  peerMinRatings: "互评最少评议数",
  satisfactionMinBallots: "满意度最少有效票数",
} as const;

/** 参数 rows that only the 通报 and 反馈单 read (考核方案 §六): they never change a figure. */
export const NOTICE_PARAMS = [PARAM.region, PARAM.schemeName, PARAM.issuer, PARAM.docPrefix, PARAM.issueDate, PARAM.mainTo, PARAM.copyTo] as const;

/** 抄送 of 考核方案 §六（二）, the default of 抄送机关. */
export const DEFAULT_COPY_TO = "县纪委监委、县委组织部、县文明办、县委政法委、县委营商环境办";
/** 考核方案 §三: the two offices that organise the 考核, the default of 发文机关 (joint issue, 、 between them). */
export const DEFAULT_ISSUER = "县委全面依法治县委员会办公室、县法治政府建设领导小组办公室";
export const DEFAULT_MAIN_TO = "各乡（镇）党委、政府，县直各单位";

/** Parameters that may be given per 排名分组 by adding "-<组名>". 互评权重 exists only per group. */
export const PER_GROUP_PARAMS = [PARAM.excellentLine, PARAM.goodLine, PARAM.passLine, PARAM.excellentQuota] as const;

export const RANK_RULE_WORDS = { dense: "中国式排名", competition: "跳位排名" } as const;
export const BLANK_SCORE_WORDS = { error: "报错", zero: "按0分" } as const;
/** 互评表评分方式: the 互评表 sent to each 评议单位 offers the words of 互评等级分 in a drop-down, or takes 0–100. */
export const RATING_FORM_WORDS = { words: "等级", points: "分数" } as const;

/**
 * The 参数 rows of a new template: name, default as typed, and the explanation shown in 参数!C.
 * The year row's value is filled in by the template from the chosen year.
 */
export const PARAM_ROWS: readonly { name: string; value: string | number | null; explanation: string }[] = [
  { name: PARAM.year, value: null, explanation: "考核年度，显示在各表标题中。" },
  { name: PARAM.decimals, value: 2, explanation: "每个写出的分数按四舍五入保留的小数位数（0–6）。" },
  { name: PARAM.satisfactionPoints, value: 10, explanation: "满意度调查在百分制中所占分值；未调查的单位不计此项，按实际应得分换算。" },
  { name: PARAM.peerPoints, value: 10, explanation: "上下互评在百分制中所占分值；无人评议的单位不计此项，按实际应得分换算。" },
  { name: `${PARAM.peerWeight}-乡镇`, value: "50%", explanation: "排名分组为“乡镇”的评议单位所给评分的权重。某组无人评分时，其权重按比例分给其他组。" },
  { name: `${PARAM.peerWeight}-县直单位`, value: "50%", explanation: "排名分组为“县直单位”的评议单位所给评分的权重。" },
  { name: PARAM.trimPeer, value: YES, explanation: "是：每组评议单位去掉一个最高分和一个最低分后再平均（该组评分人数不少于下一行的人数时）。" },
  { name: PARAM.trimMinCount, value: 6, explanation: "一组评分不少于此人数才去掉最高最低分（即“参评人大于5人的去掉一个最高分和一个最低分”）。" },
  { name: PARAM.uniformRaterInvalid, value: NO, explanation: "是：某评议单位给所有单位打的分都相同（如全部100分），其评分全部不计，并给出提示。" },
  { name: PARAM.ratingWords, value: "好=100、较好=85、一般=70、差=55", explanation: "上下互评中可填写的等级词及其对应分数，用“、”分隔。" },
  { name: PARAM.ballotValues, value: "满意=100、基本满意=80、不满意=30", explanation: "满意度按票数计算时每票的分值；“不了解”票不计入。" },
  { name: PARAM.bonusCap, value: 5, explanation: "加分合计的上限（考核方案：累计加分最多不超过5分）；留空表示不设上限。" },
  { name: PARAM.penaltyCap, value: 10, explanation: "扣分合计的上限（考核方案：累计扣分原则上不超过10分）；留空表示不设上限。" },
  { name: PARAM.totalCap, value: null, explanation: "总分的上限；留空表示总分可因加分超过100分。" },
  { name: PARAM.excellentLine, value: 90, explanation: "总分不低于此分为“优秀”。可加一行“优秀分数线-乡镇”为某排名分组单独设定。" },
  { name: PARAM.goodLine, value: 80, explanation: "总分不低于此分为“良好”。" },
  { name: PARAM.passLine, value: 60, explanation: "总分不低于此分为“合格”，低于此分为“不合格”。" },
  { name: PARAM.excellentQuota, value: null, explanation: "每个排名分组中“优秀”最多所占比例（如 30%）；留空表示不限（考核方案未设比例）。" },
  { name: PARAM.rankRule, value: RANK_RULE_WORDS.dense, explanation: "中国式排名：同分并列，下一名次连续（1、1、2）；跳位排名：同分并列，下一名次跳过（1、1、3，同 Excel 的 RANK.EQ）。" },
  { name: PARAM.bigDropPlaces, value: 5, explanation: "名次比上年后退不少于此数，提示“退步较大”（通报警示）。" },
  { name: PARAM.blankScore, value: BLANK_SCORE_WORDS.error, explanation: "报错：适用指标的评分留空时报错；按0分：按0分计算并给出提示。" },
  { name: PARAM.schemeName, value: null, explanation: "通报开头引用的考核方案名称（不加书名号），如“法治濮阳县（法治政府）建设考核方案”。不影响计分。" },
  { name: PARAM.issuer, value: DEFAULT_ISSUER, explanation: "通报的发文机关（落款）；联合发文时用“、”分隔，每个机关一行。不影响计分。" },
  { name: PARAM.docPrefix, value: null, explanation: "发文字号中年份前的机关代字，如“濮法治办”：通报上为“濮法治办〔2025〕  号”，序号留空待填。不影响计分。" },
  { name: PARAM.issueDate, value: null, explanation: "通报的成文日期，如 2026-01-15 或“2026年1月15日”；留空则通报上留出日期待填。不影响计分。" },
  { name: PARAM.mainTo, value: DEFAULT_MAIN_TO, explanation: "通报的主送机关。不影响计分。" },
  { name: PARAM.copyTo, value: DEFAULT_COPY_TO, explanation: "通报的抄送机关（考核方案六（二）），用“、”分隔。不影响计分。" },
  { name: PARAM.checkWords, value: "好=100、较好=85、一般=70、差=55", explanation: "平时考核中双月检查结果可填0–100的分数，或这里列出的等级词（用“、”分隔）。" },
  { name: PARAM.checkIndicator, value: null, explanation: "填一个考核指标编号（如 1.5）时，该指标的得分由双月检查平均分换算（平均分 ÷ 100 × 分值），评分表中该格留空；留空表示检查结果只作展示。" },
  { name: PARAM.ledgerNoticeCount, value: 3, explanation: "工作台账逾期、未报合计达到此次数时，在结果中提示。" },
  { name: PARAM.ledgerMissingPenalty, value: null, explanation: "每个月工作台账未报扣的分数，计入扣分并受扣分上限约束；留空表示不扣分。" },
  { name: PARAM.selfCriticismPenalty, value: null, explanation: "每次在季度点评会议上作检查性发言扣的分数，计入扣分并受扣分上限约束；留空表示不扣分（只提示）。" },
  { name: PARAM.experienceBonus, value: null, explanation: "每次在季度点评会议上作经验介绍加的分数，计入加分并受加分上限约束；留空表示不加分。" },
  { name: PARAM.deadline, value: null, explanation: "分发评分表、互评表时写在表上的交回截止日期（如 2027-01-15）；回收时晚于此日期修改的表在回收记录中注明“逾期”。" },
  { name: PARAM.goodShareCap, value: null, explanation: "每个评议单位评“好”的单位最多占其所评单位的比例（如 30%）；超出的互评表回收时不予合并，检查数据时提示。留空表示不限。" },
  { name: PARAM.ratingFormMode, value: RATING_FORM_WORDS.words, explanation: "等级：互评表用下拉选择“好、较好、一般、差”（按互评等级分）；分数：互评表填写 0–100 的分数。" },
  { name: PARAM.peerRaters, value: null, explanation: "参加上下互评的评议单位的类别或排名分组（如“乡镇、政府部门”，用“、”分隔）：生成评分表时只为这些单位设评议列，分发时只给它们互评表，进度只催它们。留空：上下互评中已有评分或“/”的列为评议单位（还没有任何评分时为全部单位）。" },
  { name: PARAM.peerMinRatings, value: null, explanation: "一个单位收到的有效互评（不含自评和同分无效的评分）少于此数时，该单位不计互评得分（按实际应得分换算），并在提示中写明收到几份。留空表示不设下限。" },
  { name: PARAM.satisfactionMinBallots, value: null, explanation: "按票数计算满意度时，有效票（满意、基本满意、不满意，“不了解”不计）少于此数的单位不计满意度得分（按实际应得分换算），并在提示中写明票数。直接填写满意度(%)的不受此限。留空表示不设下限。" },
  { name: PARAM.region, value: null, explanation: "组织考核的地区或单位名称（如“某某县”），打印时显示在标题中：“2026年度某某县法治建设考核结果”。也用于考核结果通报的标题（“关于2026年度某某县法治建设考核结果的通报”）。可留空。" },
];
