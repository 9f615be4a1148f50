/**
 * A small valid assessment workbook as grids, for tests of the reader, the rules and the hosts.
 * Every call returns a fresh copy: edit it with setCell/appendRow/removeSheet and read it again.
 *
 * The workbook (all figures chosen to be checked by hand):
 * - 考核对象: 城关镇 and 柳屯镇 (乡镇), 县司法局 (政府部门), 县法院 (法院检察院); 排名分组 left blank (defaults).
 * - 考核指标: 1.1 (5 points, 全部), 2.1 (4.5, 全部), 3.1 (10, 乡镇、政府部门), 3.2 (10, 法院检察院).
 * - 评分: every applicable cell scored, every other cell 不适用.
 * - 满意度: 城关镇 93.5%, 柳屯镇 by ballots 40/8/2/5, 县司法局 88%, 县法院 not surveyed.
 * - 上下互评: every unit rates every other (numbers and the words 好、较好、一般), no self-ratings.
 * - 加减分: 城关镇 加分 2; 县司法局 扣分 1.5, 情节严重.
 * - 参数: the template's rows and defaults (PARAM_ROWS), 年度 2025.
 */
import type { CellValue, SheetGrid, WorkbookGrids } from "../../lib/grid";
import { HEADERS, PARAM, PARAM_ROWS, SHEET } from "../../lib/layout";

function paramsRows(): CellValue[][] {
  return [
    [...HEADERS.params],
    ...PARAM_ROWS.map((row) => [row.name, row.name === PARAM.year ? 2025 : row.value, row.explanation]),
  ];
}

/** A fresh valid workbook (see the file's comment for its content). */
export function validWorkbook(): WorkbookGrids {
  return {
    sheets: [
      { name: SHEET.guide, rows: [["填写说明"]] },
      { name: SHEET.params, rows: paramsRows() },
      {
        name: SHEET.units,
        rows: [
          [...HEADERS.units],
          [1, "城关镇", "乡镇", null, 2, "优秀"],
          [2, "柳屯镇", "乡镇", null, null, null],
          [3, "县司法局", "政府部门", null, 1, "良好"],
          [4, "县法院", "法院检察院", null, null, null],
        ],
      },
      {
        name: SHEET.indicators,
        rows: [
          [...HEADERS.indicators],
          ["1.1", "加强党的领导", "主要负责人履职", "履行推进法治建设第一责任人职责", 5, "日常评价", "县委依法治县办", "全部"],
          ["2.1", "共同职责", "学法用法", "领导干部学法制度", 4.5, "集中评查", "县司法局", "全部"],
          ["3.1", "分类职责", "依法行政", "推进法治政府建设", 10, "实地考核", "县司法局", "乡镇、政府部门"],
          ["3.2", "分类职责", "公正司法", "推进公正司法", 10, "监督督察", "县委政法委", "法院检察院"],
        ],
      },
      {
        name: SHEET.scores,
        rows: [
          ["单位名称", "类别", "1.1 主要负责人履职", "2.1 学法用法", "3.1 依法行政", "3.2 公正司法"],
          ["分值", null, 5, 4.5, 10, 10],
          ["城关镇", "乡镇", 5, 4, 9.5, "不适用"],
          ["柳屯镇", "乡镇", 4.5, 4.5, 8, "不适用"],
          ["县司法局", "政府部门", 3, 3.5, 10, "不适用"],
          ["县法院", "法院检察院", 4, 4, "不适用", 9],
        ],
      },
      {
        name: SHEET.satisfaction,
        rows: [
          [...HEADERS.satisfaction],
          ["城关镇", 93.5, null, null, null, null],
          ["柳屯镇", null, 40, 8, 2, 5],
          ["县司法局", 88, null, null, null, null],
        ],
      },
      {
        name: SHEET.peer,
        rows: [
          ["被评单位", "城关镇", "柳屯镇", "县司法局", "县法院"],
          ["城关镇", null, 90, "好", 85],
          ["柳屯镇", 80, null, "较好", "一般"],
          ["县司法局", 90, 85, null, 95],
          ["县法院", 88, 86, 92, null],
        ],
      },
      {
        name: SHEET.adjustments,
        rows: [
          [...HEADERS.adjustments],
          ["城关镇", "加分", 2, "获评省级法治示范乡镇", "豫法治办〔2025〕3号", "否", "否"],
          ["县司法局", "扣分", 1.5, "行政复议决定被纠错", "复议决定书", "是", "否"],
        ],
      },
      // Before 审定: the header only, as in a new template.
      { name: SHEET.review, rows: [[...HEADERS.review]] },
    ],
  };
}

/** The sheet named `name`; throws when absent (a mistake in the test). */
export function sheetOf(book: WorkbookGrids, name: string): SheetGrid {
  const sheet = book.sheets.find((candidate) => candidate.name === name);
  if (sheet === undefined) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** 0-based (row, column) of an A1 address: "F7" → (6, 5). */
export function parseAddress(a1: string): { row: number; column: number } {
  const match = /^([A-Z]+)(\d+)$/.exec(a1);
  if (match === null) throw new Error(`bad address ${a1}`);
  const letters = match[1] ?? "";
  let column = 0;
  for (const letter of letters) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

/** Writes one cell (growing the grid as needed); returns the book for chaining. */
export function setCell(book: WorkbookGrids, sheet: string, a1: string, value: CellValue): WorkbookGrids {
  const { row, column } = parseAddress(a1);
  const rows = sheetOf(book, sheet).rows;
  while (rows.length <= row) rows.push([]);
  const cells = rows[row] ?? [];
  while (cells.length <= column) cells.push(null);
  cells[column] = value;
  rows[row] = cells;
  return book;
}

/** Adds a row below the last one. */
export function appendRow(book: WorkbookGrids, sheet: string, row: CellValue[]): WorkbookGrids {
  sheetOf(book, sheet).rows.push(row);
  return book;
}

/** Removes a sheet by its exact name. */
export function removeSheet(book: WorkbookGrids, name: string): WorkbookGrids {
  book.sheets = book.sheets.filter((sheet) => sheet.name !== name);
  return book;
}

/** The 参数 row (A1 row number) of a parameter, e.g. paramRow("小数位数") → 3. */
export function paramRow(name: string): number {
  const index = PARAM_ROWS.findIndex((row) => row.name === name);
  if (index < 0) throw new Error(`no parameter ${name}`);
  return index + 2;
}
