import type { TemplateAdjustment } from "../templateData";

/** A 情节严重 扣分 on a unit that would otherwise be 优秀: it can be 良好 at most. */
export const SERIOUS_UNIT = "县自然资源局";
/** A 重大法治问题 record: 约谈、责令整改 whatever the grade. */
export const MAJOR_ISSUE_UNIT = "县住房和城乡建设局";

/**
 * 加减分 register of the example. 城关镇's 加分 add up to 6.5 (cap 5 bites); 五星乡's 扣分 add up to 11 (cap 10 bites,
 * and with its low scores it falls below 60); the others are ordinary single records.
 */
export const EXAMPLE_ADJUSTMENTS: readonly TemplateAdjustment[] = [
  { unit: "城关镇", type: "加分", points: 2, reason: "获评省级法治政府建设示范项目", basis: "省委全面依法治省委员会办公室通报", serious: "否", majorIssue: "否" },
  { unit: "城关镇", type: "加分", points: 3, reason: "“一村一法律顾问”经验做法被省司法厅推广", basis: "省司法厅简报", serious: null, majorIssue: null },
  { unit: "城关镇", type: "加分", points: 1.5, reason: "基层矛盾纠纷化解工作受到市委、市政府表扬", basis: "市委办公室通报", serious: null, majorIssue: null },
  { unit: "文留镇", type: "加分", points: 1, reason: "法治文化阵地建设受到市司法局表扬", basis: "市司法局通报", serious: null, majorIssue: null },
  { unit: "县司法局", type: "加分", points: 2, reason: "行政执法协调监督工作体系建设被评为全省试点", basis: "省司法厅文件", serious: "否", majorIssue: "否" },
  { unit: "县人民法院", type: "加分", points: 1, reason: "诉源治理经验做法被市委政法委推广", basis: "市委政法委简报", serious: null, majorIssue: null },
  { unit: "五星乡", type: "扣分", points: 6, reason: "违法强制拆除案件被市政府通报批评", basis: "市政府办公室通报", serious: "否", majorIssue: "否" },
  { unit: "五星乡", type: "扣分", points: 5, reason: "行政复议决定未按期履行，造成负面舆情", basis: "县委依法治县办督查通报", serious: "否", majorIssue: "否" },
  { unit: SERIOUS_UNIT, type: "扣分", points: 2, reason: "违法批地问题被省委督察通报，情节严重", basis: "省委督察反馈意见", serious: "是", majorIssue: "否" },
  { unit: MAJOR_ISSUE_UNIT, type: "扣分", points: 3, reason: "行政诉讼败诉引发群体性上访，属重大法治问题", basis: "县委全面依法治县委员会办公室通报", serious: "否", majorIssue: "是" },
  { unit: "县市场监督管理局", type: "扣分", points: 1, reason: "行政执法案卷评查有2卷不合格", basis: "县司法局案卷评查通报", serious: null, majorIssue: null },
  { unit: "县交通运输局", type: "扣分", points: 0.5, reason: "政府信息公开不及时被网络检索发现", basis: "县政务公开办通报", serious: null, majorIssue: null },
];
