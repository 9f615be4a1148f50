import { describe, expect, it } from "vitest";
import type { CellValue } from "../lib/grid";
import { describeIssue } from "../lib/issue";
import { readAssessment } from "../lib/reader";
import { PARAM_ROWS } from "../lib/layout";
import { runAssessment } from "../lib/run";
import { appendRow, paramRow, removeSheet, setCell, sheetOf, validWorkbook } from "./helpers/workbook";
import { set, type IssueCase } from "./helpers/issueCase";

/**
 * Bad input, one case per row: what is changed in the valid workbook, and the exact problem expected
 * (level, sheet, cell, message), written out by hand. The valid workbook itself has no problem at all.
 *
 * In the valid workbook: 评分 row 3 is 城关镇 (乡镇), row 4 柳屯镇; columns C 1.1 (分值 5), D 2.1 (4.5), E 3.1 (10, 乡镇、政府部门),
 * F 3.2 (10, 法院检察院). 参数 rows follow the template: 小数位数 3, 互评权重-乡镇 6, -县直单位 7, 互评去掉最高最低分 8,
 * 互评等级分 11, 优秀分数线 16, 良好分数线 17, 优秀比例上限 19, 名次规则 20, 空白评分 22; an added row is row 23.
 */
type Case = IssueCase;
// A row appended to 参数 lands just below the template's rows (header + PARAM_ROWS), wherever new parameters are added.
const NEXT_PARAM_ROW = PARAM_ROWS.length + 2;
const param = (name: string, value: CellValue) => set("参数", `B${paramRow(name)}`, value);
const NOT_NUMBER = (text: string) => `“${text}”不是数字。请只填写数字，如 85 或 85.5；不适用的指标填“不适用”。`;
const UNKNOWN_UNIT = (name: string) => `单位“${name}”不在“考核对象”中。请改为“考核对象”中的单位名称，或先在“考核对象”中加入该单位。`;
const THRESHOLD_RULE = "分数线须从高到低：优秀 > 良好 > 合格 ≥ 0，请改正。";
const UNKNOWN_CATEGORY = (unit: string, category: string) =>
  `单位“${unit}”的类别“${category}”不是考核方案的七类之一，也没有指标的适用类别用到它，按它计分会漏掉分类职责指标。请改为 乡镇、党委机关、人大政协、政府部门、法院检察院、群团机关、驻县单位 之一（可从下拉列表选择）；如确要新增这一类，请先在“考核指标”的适用类别中写上“${category}”。`;
const YES_NO = (text: string) => `“${text}”不是“是”或“否”。请填写“是”或“否”（也可填 Y/N、√/×）；留空按“否”。`;

const cases: Case[] = [
  // 评分: cell values
  { title: "4.5分 read with a warning", edit: set("评分", "C3", "4.5分"), level: "warning", sheet: "评分", cell: "C3", message: "“4.5分”是文本，已按数字 4.5 读取；如有误请改正。" },
  { title: "95% in a score cell", edit: set("评分", "C3", "95%"), level: "error", sheet: "评分", cell: "C3", message: NOT_NUMBER("95%") },
  { title: "a rating typed as 85分", edit: set("上下互评", "C2", "85分"), level: "warning", sheet: "上下互评", cell: "C2", message: "“85分”是文本，已按数字 85 读取；如有误请改正。" },
  { title: "a 加减分 分值 typed as 2分", edit: set("加减分", "C2", "2分"), level: "warning", sheet: "加减分", cell: "C2", message: "“2分”是文本，已按数字 2 读取；如有误请改正。" },
  { title: "八十五", edit: set("评分", "C3", "八十五"), level: "error", sheet: "评分", cell: "C3", message: NOT_NUMBER("八十五") },
  { title: "85.5.1", edit: set("评分", "C3", "85.5.1"), level: "error", sheet: "评分", cell: "C3", message: NOT_NUMBER("85.5.1") },
  { title: "NaN as text", edit: set("评分", "C3", "NaN"), level: "error", sheet: "评分", cell: "C3", message: NOT_NUMBER("NaN") },
  { title: "Infinity as text", edit: set("评分", "C3", "Infinity"), level: "error", sheet: "评分", cell: "C3", message: NOT_NUMBER("Infinity") },
  { title: "1e1 is not a plain decimal", edit: set("评分", "C3", "1e1"), level: "error", sheet: "评分", cell: "C3", message: NOT_NUMBER("1e1") },
  { title: "full-width ４．５ read with a warning", edit: set("评分", "C3", "４．５"), level: "warning", sheet: "评分", cell: "C3", message: "“４．５”是文本，已按数字 4.5 读取；如有误请改正。" },
  { title: "text with spaces read with a warning", edit: set("评分", "C3", "  4 "), level: "warning", sheet: "评分", cell: "C3", message: "“  4 ”是文本，已按数字 4 读取；如有误请改正。" },
  { title: "score above 分值", edit: set("评分", "C3", 6), level: "error", sheet: "评分", cell: "C3", message: "分值为 5，得分不能超过 5。请填写 0 到 5 之间的得分。" },
  { title: "score just above a half-point 分值", edit: set("评分", "D3", 4.51), level: "error", sheet: "评分", cell: "D3", message: "分值为 4.5，得分不能超过 4.5。请填写 0 到 4.5 之间的得分。" },
  { title: "negative score", edit: set("评分", "C3", -1), level: "error", sheet: "评分", cell: "C3", message: "得分不能为负数。请填写 0 到 5 之间的得分。" },
  {
    title: "a date in a score cell",
    edit: set("评分", "C3", new Date(Date.UTC(2025, 2, 1))),
    level: "error",
    sheet: "评分",
    cell: "C3",
    message: "单元格是日期（2025-03-01），不是数字。请只填写数字，如 85 或 85.5；不适用的指标填“不适用”。",
  },
  { title: "a boolean in a score cell", edit: set("评分", "C3", true), level: "error", sheet: "评分", cell: "C3", message: "单元格是逻辑值 TRUE，不是数字。请只填写数字，如 85 或 85.5；不适用的指标填“不适用”。" },
  { title: "error value #N/A", edit: set("评分", "C3", { error: "#N/A" }), level: "error", sheet: "评分", cell: "C3", message: "单元格为错误值 #N/A，请改正公式或直接填写数值。" },
  { title: "formula-cached #VALUE!", edit: set("评分", "D4", { error: "#VALUE!" }), level: "error", sheet: "评分", cell: "D4", message: "单元格为错误值 #VALUE!，请改正公式或直接填写数值。" },
  { title: "error value in a name cell", edit: set("考核对象", "B3", { error: "#REF!" }), level: "error", sheet: "考核对象", cell: "B3", message: "单元格为错误值 #REF!，请改正公式或直接填写数值。" },
  {
    title: "blank score under 空白评分=报错",
    edit: set("评分", "E4", null),
    level: "error",
    sheet: "评分",
    cell: "E4",
    message: "未评分：指标“3.1”适用于单位“柳屯镇”，但得分为空。请填写 0 到 10 之间的得分；不适用的指标填“不适用”。",
  },
  {
    title: "blank score under 空白评分=按0分",
    edit: (book) => {
      param("空白评分", "按0分")(book);
      setCell(book, "评分", "E4", null);
    },
    level: "warning",
    sheet: "评分",
    cell: "E4",
    message: "单位“柳屯镇”的指标“3.1”得分为空，按参数“空白评分=按0分”计 0 分。",
  },
  {
    title: "a score for an indicator that does not apply",
    edit: set("评分", "F3", 7),
    level: "warning",
    sheet: "评分",
    cell: "F3",
    message: "指标“3.2”不适用于单位“城关镇”（按适用类别），这里填的分数不计入。请改为“不适用”或留空。",
  },
  // 评分: rows and columns
  { title: "unit in 评分 not in 考核对象", edit: (book) => appendRow(book, "评分", ["县公安局", "政府部门", 5, 4, 9, "不适用"]), level: "error", sheet: "评分", cell: "A7", message: UNKNOWN_UNIT("县公安局") },
  {
    title: "unit in 考核对象 without a 评分 row",
    edit: (book) => appendRow(book, "考核对象", [5, "县公安局", "政府部门"]),
    level: "error",
    sheet: "考核对象",
    cell: "B6",
    message: "单位“县公安局”在“评分”表中没有评分行。请在评分表加一行，A 列填写“县公安局”并填写各指标得分。",
  },
  {
    title: "two 评分 rows for one unit",
    edit: (book) => appendRow(book, "评分", ["城关镇", "乡镇", 5, 4, 9, "不适用"]),
    level: "error",
    sheet: "评分",
    cell: "A7",
    message: "单位“城关镇”在 A3 已有一行。每个单位只能有一行，请合并或删除重复的行。",
  },
  {
    title: "indicator column with an unknown 编号",
    edit: set("评分", "F1", "3.3 公正司法"),
    level: "error",
    sheet: "评分",
    cell: "F1",
    message: "表头中的编号“3.3”不在“考核指标”中，该列未读取。请改正编号，或在“考核指标”中加入该指标。",
  },
  {
    title: "indicator without a column",
    edit: set("评分", "F1", "3.3 公正司法"),
    level: "error",
    sheet: "评分",
    cell: "A1",
    message: "缺少指标“3.2”的列。请在第 1 行加一列，表头写“3.2 公正司法”，并为每个单位填写得分。",
  },
  {
    title: "分值 row differs from 考核指标",
    edit: set("评分", "D2", 5),
    level: "warning",
    sheet: "评分",
    cell: "D2",
    message: "指标“2.1”在本表第 2 行的分值为 5，与“考核指标”中的分值 4.5 不同，按 4.5 计算。请改正其中之一。",
  },
  // sheets and headers
  { title: "missing sheet 评分", edit: (book) => removeSheet(book, "评分"), level: "error", sheet: "评分", cell: "A1", message: "找不到工作表“评分”。请加入名为“评分”的工作表（可用“加载考核模板”生成的模板对照）。" },
  { title: "missing sheet 满意度", edit: (book) => removeSheet(book, "满意度"), level: "warning", sheet: "满意度", cell: "A1", message: "没有工作表“满意度”，本次考核不计此项。如需计入，请加入名为“满意度”的工作表。" },
  {
    title: "sheet name with a trailing space",
    edit: (book) => {
      sheetOf(book, "评分").name = "评分 ";
    },
    level: "warning",
    sheet: "评分 ",
    cell: "A1",
    message: "工作表名“评分 ”前后有空格，已按“评分”读取。建议把表名改为“评分”。",
  },
  { title: "header renamed", edit: set("考核对象", "B1", "单位"), level: "error", sheet: "考核对象", cell: "B1", message: "找不到表头为“单位名称”的列（模板中位于 B1）。请在第 1 行把该列的表头改回“单位名称”。" },
  { title: "extra unknown column", edit: set("考核对象", "G1", "备注"), level: "warning", sheet: "考核对象", cell: "G1", message: "表头“备注”不是本表的列，该列已忽略。如需读取，请把表头改为模板中的列名。" },
  {
    title: "empty workbook",
    edit: (book) => {
      book.sheets = [];
    },
    level: "error",
    sheet: "考核对象",
    cell: "A1",
    message: "工作簿里没有任何工作表。请用“加载考核模板”（或命令 kaohe template）生成考核模板后填写。",
  },
  {
    title: "merged cells",
    edit: (book) => {
      sheetOf(book, "评分").merged = ["C3:D3"];
    },
    level: "warning",
    sheet: "评分",
    cell: "C3",
    message: "C3:D3 是合并单元格，只读取左上角 C3 的值，其余单元格按空白处理。建议取消合并，每格分别填写。",
  },
  {
    title: "hidden row",
    edit: (book) => {
      sheetOf(book, "评分").hiddenRows = [3];
    },
    level: "warning",
    sheet: "评分",
    cell: "A4",
    message: "第 4 行被隐藏，但仍照常读取并参与计算。如不应计入，请删除该行。",
  },
  // 考核对象
  {
    title: "duplicate unit",
    edit: (book) => appendRow(book, "考核对象", [5, "城关镇", "乡镇"]),
    level: "error",
    sheet: "考核对象",
    cell: "B6",
    message: "单位“城关镇”与 B2 重复（名称去掉前后空格后相同）。每个单位只能有一行，请删除或改正重复的行。",
  },
  {
    title: "duplicate unit differing by a full-width space",
    edit: (book) => appendRow(book, "考核对象", [5, "城关镇\u3000", "乡镇"]),
    level: "error",
    sheet: "考核对象",
    cell: "B6",
    message: "单位“城关镇”与 B2 重复（名称去掉前后空格后相同）。每个单位只能有一行，请删除或改正重复的行。",
  },
  { title: "blank 类别", edit: set("考核对象", "C3", null), level: "error", sheet: "考核对象", cell: "C3", message: "单位“柳屯镇”的类别为空。请填写类别，如“乡镇”“政府部门”。" },
  { title: "上年等次 not a grade", edit: set("考核对象", "F3", "很好"), level: "error", sheet: "考核对象", cell: "F3", message: "“很好”不是等次。请填写 优秀、良好、合格、不合格 之一，或留空。" },
  { title: "上年名次 zero", edit: set("考核对象", "E3", 0), level: "error", sheet: "考核对象", cell: "E3", message: "这里应填写正整数名次（如 3），现在是“0”。请改正。" },
  {
    title: "unknown 类别",
    edit: set("考核对象", "C3", "乡镇街道"),
    level: "error",
    sheet: "考核对象",
    cell: "C3",
    message: UNKNOWN_CATEGORY("柳屯镇", "乡镇街道"),
  },
  { title: "类别 镇 typed for 乡镇", edit: set("考核对象", "C3", "镇"), level: "error", sheet: "考核对象", cell: "C3", message: UNKNOWN_CATEGORY("柳屯镇", "镇") },
  {
    title: "排名分组 of one unit that 参数 does not name",
    edit: set("考核对象", "D4", "县直"),
    level: "error",
    sheet: "考核对象",
    cell: "D4",
    message:
      "排名分组“县直”只有单位“县司法局”一个，参数表也没有用到它，像是笔误：照此计算，该单位将单独排名第1名。请改为“乡镇”或“县直单位”，或留空按类别默认分组；如确要单独排名，请在参数表加一行“优秀分数线-县直”或“互评权重-县直”。",
  },
  {
    title: "排名分组 of several units that 参数 does not name",
    edit: (book) => {
      setCell(book, "考核对象", "D4", "政法单位");
      setCell(book, "考核对象", "D5", "政法单位");
    },
    level: "warning",
    sheet: "考核对象",
    cell: "D4",
    message: "排名分组“政法单位”不是默认分组，参数表也没有用到它；县司法局、县法院 将在这一组内单独排名、评定等次。如是笔误，请改正或留空按类别默认分组。",
  },
  {
    title: "排名分组 that only one unit is left in",
    edit: set("考核对象", "D2", "县直单位"),
    level: "warning",
    sheet: "考核对象",
    cell: "D3",
    message: "排名分组“乡镇”只有单位“柳屯镇”一个，该单位单独排名第1名，不评“排名最后”。如有误，请检查排名分组。",
  },
  { title: "不适用 typed as 无", edit: set("评分", "C3", "无"), level: "error", sheet: "评分", cell: "C3", message: NOT_NUMBER("无") },
  { title: "不适用 typed as a dash —", edit: set("评分", "C3", "—"), level: "error", sheet: "评分", cell: "C3", message: NOT_NUMBER("—") },
  { title: "重大法治问题 typed as 有", edit: set("加减分", "G2", "有"), level: "error", sheet: "加减分", cell: "G2", message: YES_NO("有") },
  { title: "类型 typed as 加 分", edit: set("加减分", "B2", "加 分"), level: "error", sheet: "加减分", cell: "B2", message: "类型“加 分”不对。请填写“加分”或“扣分”。" },
  {
    title: "ballot heading 基本满意 typed as 比较满意",
    edit: set("满意度", "D1", "比较满意"),
    level: "error",
    sheet: "满意度",
    cell: "D1",
    message: "有“满意、不满意”票数列，却找不到表头为“基本满意”的列，这一类票无法计入满意度。请把该列第 1 行的表头改为“基本满意”（没有这类票也请保留该列，留空即可）。",
  },
  // 考核指标
  { title: "分值 zero", edit: set("考核指标", "E2", 0), level: "error", sheet: "考核指标", cell: "E2", message: "分值 0 不大于 0。请填写大于 0 的分值，如 5 或 2.5。" },
  {
    title: "unknown name in 适用类别",
    edit: set("考核指标", "H4", "乡镇、政府单位"),
    level: "error",
    sheet: "考核指标",
    cell: "H4",
    message: "适用类别中的“政府单位”既不是类别，也不是考核对象中的单位。请填写“全部”，或用“、”分隔的类别名称（如“乡镇、政府部门”）或单位名称。",
  },
  { title: "duplicate 编号", edit: set("考核指标", "A3", "1.1"), level: "error", sheet: "考核指标", cell: "A3", message: "指标编号“1.1”与 A2 重复。每个指标的编号须不同，请改正。" },
  {
    title: "编号 typed as a number",
    edit: set("考核指标", "A2", 1.1),
    level: "warning",
    sheet: "考核指标",
    cell: "A2",
    message: "编号是数字 1.1，已按“1.1”读取。若原本想写的是“1.10”之类末尾带 0 的编号，请先把该列设为文本格式再填写。",
  },
  // 参数
  { title: "小数位数 7", edit: param("小数位数", 7), level: "error", sheet: "参数", cell: "B3", message: "这里应填写介于 0 到 6 之间的整数，现在是“7”。请改正。" },
  { title: "小数位数 2.5", edit: param("小数位数", 2.5), level: "error", sheet: "参数", cell: "B3", message: "这里应填写介于 0 到 6 之间的整数，现在是“2.5”。请改正。" },
  {
    title: "unknown parameter",
    edit: (book) => appendRow(book, "参数", ["优秀率", 0.3]),
    level: "error",
    sheet: "参数",
    cell: `A${NEXT_PARAM_ROW}`,
    message: "未知参数“优秀率”。参数名请从模板中复制，如“优秀分数线”或“优秀分数线-乡镇”；不需要的行请删除。",
  },
  { title: "duplicate parameter", edit: (book) => appendRow(book, "参数", ["小数位数", 3]), level: "error", sheet: "参数", cell: `A${NEXT_PARAM_ROW}`, message: "参数“小数位数”与 A3 重复，只按第一行计算。请删除重复的行。" },
  {
    title: "互评权重 without a group",
    edit: (book) => appendRow(book, "参数", ["互评权重", "50%"]),
    level: "error",
    sheet: "参数",
    cell: `A${NEXT_PARAM_ROW}`,
    message: "参数“互评权重”需要写明排名分组，如“互评权重-乡镇”“互评权重-县直单位”。请改正参数名。",
  },
  { title: "thresholds not descending", edit: param("良好分数线", 95), level: "error", sheet: "参数", cell: "B17", message: `良好分数线 95 不低于优秀分数线 90。${THRESHOLD_RULE}` },
  {
    title: "a group's threshold not descending",
    edit: (book) => appendRow(book, "参数", ["良好分数线-乡镇", 92]),
    level: "error",
    sheet: "参数",
    cell: `B${NEXT_PARAM_ROW}`,
    message: `良好分数线（乡镇） 92 不低于优秀分数线 90。${THRESHOLD_RULE}`,
  },
  {
    title: "per-group parameter for a group nobody is in",
    edit: (book) => appendRow(book, "参数", ["优秀分数线-街道", 95]),
    level: "warning",
    sheet: "参数",
    cell: `A${NEXT_PARAM_ROW}`,
    message: "参数“优秀分数线-街道”中的排名分组“街道”在“考核对象”中没有单位使用，此行不起作用。请检查分组名称是否写错。",
  },
  { title: "percent above 100%", edit: param("优秀比例上限", "120%"), level: "error", sheet: "参数", cell: "B19", message: "120% 超过 100%。请填写 0% 到 100% 之间的百分比，如 30%。" },
  { title: "percent typed as 30", edit: param("优秀比例上限", 30), level: "warning", sheet: "参数", cell: "B19", message: "30 大于 1，已按 30% 读取；如有误请改为如 30% 的百分比。" },
  {
    title: "weights all zero",
    edit: (book) => {
      param("互评权重-乡镇", "0%")(book);
      param("互评权重-县直单位", 0)(book);
    },
    level: "error",
    sheet: "参数",
    cell: "B6",
    message: "排名分组 乡镇、县直单位 的互评权重都是 0%，互评得分无法计算。请至少把一个分组的权重设为大于 0%，如 50%。",
  },
  {
    title: "a rating group without 互评权重",
    edit: set("考核对象", "D5", "政法单位"),
    level: "error",
    sheet: "参数",
    cell: `A${NEXT_PARAM_ROW}`,
    message: `排名分组“政法单位”的单位在“上下互评”中评了分，但参数表没有“互评权重-政法单位”。请在参数表 A${NEXT_PARAM_ROW} 加一行“互评权重-政法单位”，值如 50%。`,
  },
  { title: "是/否 parameter with another word", edit: param("互评去掉最高最低分", "可以"), level: "error", sheet: "参数", cell: "B8", message: YES_NO("可以") },
  { title: "名次规则 unknown", edit: param("名次规则", "并列排名"), level: "error", sheet: "参数", cell: "B20", message: "“并列排名”不是可选的值。请填写 中国式排名、跳位排名 之一。" },
  {
    title: "互评等级分 malformed",
    edit: param("互评等级分", "好=100、较好"),
    level: "error",
    sheet: "参数",
    cell: "B11",
    message: "“好=100、较好”格式不对。请按“好=100、较好=85、一般=70、差=55”的格式填写：词=分数，用“、”分隔，分数在 0 到 100 之间。",
  },
  // 满意度
  { title: "满意度 both percent and ballots", edit: set("满意度", "C2", 30), level: "error", sheet: "满意度", cell: "B2", message: "这一行既填了满意度(%)又填了票数，只能填其一。请删去满意度(%)或删去票数。" },
  { title: "满意度 above 100", edit: set("满意度", "B4", 105), level: "error", sheet: "满意度", cell: "B4", message: "满意度 105 不在 0 到 100 之间。请填写 0 到 100 之间的数，如 93.5（表示 93.5%）。" },
  { title: "满意度 as text 93.5%", edit: set("满意度", "B2", "93.5%"), level: "warning", sheet: "满意度", cell: "B2", message: "“93.5%”已按满意度 93.5 读取（表示 93.5%）。满意度(%) 列直接填写数字即可，如 93.5。" },
  {
    title: "满意度 typed as a fraction",
    edit: set("满意度", "B2", 0.935),
    level: "warning",
    sheet: "满意度",
    cell: "B2",
    message: "满意度 0.935 已按 0.935% 读取。满意度(%) 应填写 0 到 100 之间的数；如实际是 93.5%，请填写 93.5。",
  },
  { title: "ballot count not whole", edit: set("满意度", "C3", 2.5), level: "error", sheet: "满意度", cell: "C3", message: "票数“2.5”不是不小于 0 的整数。请填写票数，如 12。" },
  { title: "满意度 for an unknown unit", edit: (book) => appendRow(book, "满意度", ["县公安局", 90]), level: "error", sheet: "满意度", cell: "A5", message: UNKNOWN_UNIT("县公安局") },
  {
    title: "only 不了解 ballots",
    edit: (book) => appendRow(book, "满意度", ["县法院", null, 0, 0, 0, 7]),
    level: "warning",
    sheet: "满意度",
    cell: "C5",
    message: "单位“县法院”没有可计入的满意度票（满意、基本满意、不满意票数都为 0），按未调查处理，不计满意度。",
  },
  // 上下互评
  { title: "rater not in 考核对象", edit: set("上下互评", "F1", "县公安局"), level: "error", sheet: "上下互评", cell: "F1", message: "评议单位“县公安局”不在“考核对象”中，该列未读取。请把表头改为“考核对象”中的单位名称。" },
  { title: "ratee not in 考核对象", edit: (book) => appendRow(book, "上下互评", ["县公安局", 90]), level: "error", sheet: "上下互评", cell: "A6", message: UNKNOWN_UNIT("县公安局") },
  { title: "rating word not allowed", edit: set("上下互评", "B3", "很好"), level: "error", sheet: "上下互评", cell: "B3", message: "“很好”不是评分。请填写 0 到 100 之间的分数，或填写 好、较好、一般、差 之一；未评留空。" },
  { title: "rating above 100", edit: set("上下互评", "B3", 120), level: "error", sheet: "上下互评", cell: "B3", message: "评分 120 不在 0 到 100 之间。请填写 0 到 100 之间的分数。" },
  // 加减分
  { title: "加减分 for an unknown unit", edit: set("加减分", "A2", "县公安局"), level: "error", sheet: "加减分", cell: "A2", message: UNKNOWN_UNIT("县公安局") },
  { title: "类型 neither 加分 nor 扣分", edit: set("加减分", "B2", "奖励"), level: "error", sheet: "加减分", cell: "B2", message: "类型“奖励”不对。请填写“加分”或“扣分”。" },
  {
    title: "negative 分值 for a 扣分",
    edit: set("加减分", "C3", -2),
    level: "error",
    sheet: "加减分",
    cell: "C3",
    message: "分值 -2 不大于 0。请填写大于 0 的分值（扣分也填正数，如 2），类型列写“扣分”。",
  },
  { title: "情节严重 neither 是 nor 否", edit: set("加减分", "F3", "严重"), level: "error", sheet: "加减分", cell: "F3", message: YES_NO("严重") },
  { title: "事由 blank", edit: set("加减分", "D2", null), level: "warning", sheet: "加减分", cell: "D2", message: "事由为空。建议写明加分或扣分的事由，便于核对。" },
];

describe("readAssessment reports bad input at its cell", () => {
  it("finds nothing wrong in the valid workbook", () => {
    expect(readAssessment(validWorkbook()).issues).toEqual([]);
  });

  it.each(cases)("$title → $sheet!$cell", ({ edit, level, sheet, cell, message }) => {
    const book = validWorkbook();
    edit(book);
    const { issues } = readAssessment(book);
    expect(issues).toContainEqual(expect.objectContaining({ level, sheet, cell, message }));
  });

  it("has at least 35 cases", () => {
    expect(cases.length).toBeGreaterThanOrEqual(35);
  });
});

describe("a typo in what decides the rules never changes a result silently (issue 12 point 1)", () => {
  it("类别 镇 for 乡镇: an error, so nothing is scored or written", () => {
    const book = validWorkbook();
    setCell(book, "考核对象", "C3", "镇");
    const run = runAssessment(book);
    expect(run.result).toBeNull();
    expect(run.outputs).toBeNull();
  });

  it("a category a user added on purpose (named in an indicator's 适用类别) stays allowed, without a problem", () => {
    const book = validWorkbook();
    setCell(book, "考核对象", "C3", "街道");
    setCell(book, "考核对象", "D3", "乡镇"); // ranked with the 乡镇, as a 街道 would be
    setCell(book, "考核指标", "H4", "乡镇、政府部门、街道");
    setCell(book, "评分", "B4", "街道");
    expect(readAssessment(book).issues).toEqual([]);
  });

  it("a 排名分组 named in 参数 (互评权重-政法单位) is a group on purpose: no problem about it", () => {
    const book = validWorkbook();
    setCell(book, "考核对象", "D4", "政法单位");
    setCell(book, "考核对象", "D5", "政法单位");
    appendRow(book, "参数", ["互评权重-政法单位", 0.5, null]);
    expect(readAssessment(book).issues.filter((issue) => issue.sheet === "考核对象")).toEqual([]);
  });
});

describe("提示 a person will read (issue 12 point 2)", () => {
  it("a problem at a score cell names the unit and the indicator beside the address", () => {
    const book = validWorkbook();
    setCell(book, "评分", "C3", 6);
    setCell(book, "评分", "E4", "4.5分");
    const lines = readAssessment(book).issues.map(describeIssue);
    expect(lines).toEqual([
      "[错误] 评分!C3（城关镇 · 1.1 主要负责人履职）：分值为 5，得分不能超过 5。请填写 0 到 5 之间的得分。",
      "[提示] 评分!E4（柳屯镇 · 3.1 依法行政）：“4.5分”是文本，已按数字 4.5 读取；如有误请改正。",
    ]);
  });

  it("a problem at a rating cell names who rates whom; at a 满意度 or 加减分 row, whose row it is", () => {
    const book = validWorkbook();
    setCell(book, "上下互评", "C2", "很好");
    setCell(book, "满意度", "B2", 105);
    setCell(book, "加减分", "F3", "严重");
    const lines = readAssessment(book).issues.map(describeIssue);
    expect(lines).toContain("[错误] 上下互评!C2（柳屯镇 评 城关镇）：“很好”不是评分。请填写 0 到 100 之间的分数，或填写 好、较好、一般、差 之一；未评留空。");
    expect(lines).toContain("[错误] 满意度!B2（城关镇）：满意度 105 不在 0 到 100 之间。请填写 0 到 100 之间的数，如 93.5（表示 93.5%）。");
    expect(lines).toContain("[错误] 加减分!F3（县司法局）：“严重”不是“是”或“否”。请填写“是”或“否”（也可填 Y/N、√/×）；留空按“否”。");
  });

  it("units without a 评分 row: one line naming them, at the first one's row of 考核对象, each row kept", () => {
    const book = validWorkbook();
    appendRow(book, "考核对象", [5, "县公安局", "政府部门"]);
    appendRow(book, "考核对象", [6, "县民政局", "政府部门"]);
    const missing = readAssessment(book).issues.filter((issue) => issue.code === "scores.unitMissing");
    expect(missing).toEqual([
      {
        level: "error",
        code: "scores.unitMissing",
        sheet: "考核对象",
        cell: "B6",
        message: "2 个单位在“评分”表中没有评分行：县公安局、县民政局。请在评分表为每个单位加一行，A 列填写单位名称并填写各指标得分。",
        places: [
          { sheet: "考核对象", cell: "B6" },
          { sheet: "考核对象", cell: "B7" },
        ],
      },
    ]);
  });
});

describe("every problem at once", () => {
  it("reports all bad cells of a sheet, not just the first", () => {
    const book = validWorkbook();
    setCell(book, "评分", "C3", "85分");
    setCell(book, "评分", "D4", -1);
    setCell(book, "评分", "E5", null);
    setCell(book, "加减分", "B2", "奖励");
    const errors = readAssessment(book).issues.filter((issue) => issue.level === "error");
    expect(errors.map((issue) => `${issue.sheet}!${issue.cell}`)).toEqual(["评分!C3", "评分!D4", "评分!E5", "加减分!B2"]);
  });

  it("still builds the input when there are errors", () => {
    const book = validWorkbook();
    setCell(book, "评分", "C3", "85分");
    const read = readAssessment(book);
    expect(read.input).not.toBeNull();
    expect(read.input?.scores.get("城关镇")?.has("1.1")).toBe(false);
  });

  it("returns no input when 考核对象 is missing", () => {
    const read = readAssessment(removeSheet(validWorkbook(), "考核对象"));
    expect(read.input).toBeNull();
    expect(read.issues).toContainEqual(expect.objectContaining({ level: "error", sheet: "考核对象", cell: "A1", message: "找不到工作表“考核对象”。请加入名为“考核对象”的工作表（可用“加载考核模板”生成的模板对照）。" }));
  });

  it("returns no input for an empty workbook, with one clear error", () => {
    const read = readAssessment({ sheets: [] });
    expect(read.input).toBeNull();
    expect(read.issues).toHaveLength(1);
  });

  it("an indicator with a bad 分值 does not also make its 评分 column unknown", () => {
    const book = validWorkbook();
    setCell(book, "考核指标", "E2", "五分");
    const codes = readAssessment(book).issues.map((issue) => issue.code);
    expect(codes).toEqual(["cell.notNumber"]);
  });
});

describe("columns without a header", () => {
  it("warns about data in a column past the last header", () => {
    const book = validWorkbook();
    setCell(book, "考核对象", "H3", "备注文字");
    expect(readAssessment(book).issues).toEqual([
      expect.objectContaining({ level: "warning", sheet: "考核对象", cell: "H1", message: "这一列第 1 行没有表头，但下面有内容，该列已忽略。请填写表头或删除该列。" }),
    ]);
  });
});
