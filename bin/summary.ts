import { GRADES, type AssessmentResult, type GroupSummary, type UnitResult } from "../lib/model";
import { figureText, groupFigureTexts } from "../lib/output/figures";
import { MSG } from "./messages";
import { renderTable } from "./table";
import { shorten } from "./width";

/** How wide 提示 may run in the console before it is cut with …; the whole text is in the 结果 sheet. */
const NOTES_WIDTH = 40;

/** The console summary: per 排名分组 a table (名次, 单位名称, 总分, 等次, 提示), then a line of counts per group. */
export function summaryLines(result: AssessmentResult): string[] {
  const places = result.params.decimals;
  const groups = result.groups.map((group) => group.rankGroup);
  const tables = groups.flatMap((group, index) => [
    ...(index > 0 ? [""] : []),
    MSG.groupTitle(group),
    ...renderTable(
      MSG.tableHeaders,
      result.units.filter((unit) => unit.unit.rankGroup === group).map((unit) => unitRow(unit, places)),
      ["right", "left", "right", "left", "left"],
    ),
  ]);
  return [...tables, "", ...result.groups.map((group) => countsLine(group, places))];
}

/** A unit's row, its 总分 as the library writes it (figureText, the spec §5 string). */
function unitRow(unit: UnitResult, places: number): string[] {
  return [String(unit.rank), unit.unit.name, figureText(unit.total, places), gradeCell(unit), shorten(unit.notes.join(MSG.noteSeparator), NOTES_WIDTH)];
}

/** The final 等次; when the 审定 changed it, the computed one before an arrow ("优秀→不合格"). */
function gradeCell(unit: UnitResult): string {
  const computed = unit.computedGrade ?? unit.grade;
  return computed === unit.grade ? unit.grade : `${computed}→${unit.grade}`;
}

function countsLine(group: GroupSummary, places: number): string {
  const grades = GRADES.map((grade) => MSG.gradeCount(grade, group.byGrade[grade])).join("、");
  const figures = groupFigureTexts(group, places);
  return MSG.groupCounts(group.rankGroup, group.count, grades, figures.highest, figures.lowest, figures.mean);
}
