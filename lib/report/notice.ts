/**
 * The 考核结果通报 as plain data (考核方案 §六): what a clerk would otherwise copy by hand from 结果 into Word.
 * The file layer lays it out (files/docx/); nothing here knows about Word.
 */
import { GRADES, type AssessmentResult, type Grade, type UnitResult } from "../model";
import { bigDrop, lastPlaceOf, needsAdviceLetter, needsSummons, twoYearsExcellent } from "../rules/notes";
import { NOTICE } from "./messages";

/** One block of the body: a first-level heading (一、), a second-level heading (（一）) or a paragraph. */
export type NoticeBlock = { kind: "heading1" | "heading2" | "paragraph"; text: string };

export interface Notice {
  /** 发文字号 with the serial blank: "濮法治办〔2025〕  号". */
  docNumber: string;
  title: string;
  /** 主送机关 with its colon. */
  mainTo: string;
  body: NoticeBlock[];
  /** 发文机关署名, one line each. */
  issuers: string[];
  /** 成文日期 ("2026年1月15日"), or blanks for the office to fill in. */
  date: string;
  /** The 抄送 line of the 版记, or null when 抄送机关 is empty. */
  copyTo: string | null;
  /** The units of each 等次 per 排名分组, as listed (for checks and for programs). */
  lists: { rankGroup: string; grades: Record<Grade, string[]> }[];
}

/** The units of one 排名分组, in 结果 order (名次, then 考核对象 order). */
function groupsOf(result: AssessmentResult): { rankGroup: string; units: UnitResult[] }[] {
  const groups = new Map<string, UnitResult[]>();
  for (const unit of result.units) {
    const list = groups.get(unit.unit.rankGroup) ?? [];
    list.push(unit);
    groups.set(unit.unit.rankGroup, list);
  }
  return [...groups].map(([rankGroup, units]) => ({ rankGroup, units }));
}

/** Who gets which measure of 考核方案 §六, by the final 等次 (after 审定), in 结果 order. */
export interface Measures {
  praise: UnitResult[];
  lastPlace: UnitResult[];
  bigDrop: UnitResult[];
  failed: UnitResult[];
  majorIssue: UnitResult[];
  advice: UnitResult[];
}

/** The measures of 考核方案 §六（二）–（四）, by the rules of spec §4.11 applied to the final 等次. */
export function measuresOf(result: AssessmentResult): Measures {
  const measures: Measures = { praise: [], lastPlace: [], bigDrop: [], failed: [], majorIssue: [], advice: [] };
  for (const { units } of groupsOf(result)) {
    const last = lastPlaceOf(units.map((unit) => unit.rank));
    for (const unit of units) {
      if (twoYearsExcellent(unit.unit.lastGrade, unit.grade)) measures.praise.push(unit);
      if (unit.rank === last) measures.lastPlace.push(unit);
      if (bigDrop(unit.rank, unit.unit.lastRank, result.params.bigDropPlaces) !== null) measures.bigDrop.push(unit);
      if (unit.grade === "不合格") measures.failed.push(unit);
      else if (needsSummons(unit.grade, unit.majorIssue)) measures.majorIssue.push(unit);
      if (needsAdviceLetter(unit.grade)) measures.advice.push(unit);
    }
  }
  return measures;
}

/**
 * Names separated by 、 in 结果 order; when the county has more than one 排名分组, each group's names are followed
 * by the group once ("城关镇、柳屯镇（乡镇），县司法局（县直单位）").
 */
function names(units: readonly UnitResult[], manyGroups: boolean): string {
  if (!manyGroups) return units.map((unit) => unit.unit.name).join("、");
  const byGroup = new Map<string, string[]>();
  for (const unit of units) byGroup.set(unit.unit.rankGroup, [...(byGroup.get(unit.unit.rankGroup) ?? []), unit.unit.name]);
  return [...byGroup].map(([group, list]) => NOTICE.withGroup(list.join("、"), group)).join("，");
}

/** The 通报 of a scored assessment (its final 等次, after 审定 where there was one). */
export function buildNotice(result: AssessmentResult): Notice {
  const { notice, year } = result.params;
  const groups = groupsOf(result);
  const manyGroups = groups.length > 1;
  const lists = groups.map(({ rankGroup, units }) => {
    const grades = Object.fromEntries(GRADES.map((grade) => [grade, [] as string[]])) as Record<Grade, string[]>;
    for (const unit of units) grades[unit.grade].push(unit.unit.name);
    return { rankGroup, grades };
  });

  const sections: { heading: string; blocks: NoticeBlock[] }[] = [];
  const resultBlocks: NoticeBlock[] = [];
  lists.forEach(({ rankGroup, grades }, index) => {
    const count = GRADES.reduce((sum, grade) => sum + grades[grade].length, 0);
    resultBlocks.push({ kind: "heading2", text: `（${NOTICE.numeral[index] ?? String(index + 1)}）${NOTICE.groupHeading(rankGroup, count)}` });
    for (const grade of GRADES) resultBlocks.push({ kind: "paragraph", text: NOTICE.gradeLine(grade, grades[grade]) });
  });
  sections.push({ heading: NOTICE.resultsHeading, blocks: resultBlocks });

  const measures = measuresOf(result);
  if (measures.praise.length > 0) {
    sections.push({ heading: NOTICE.praiseHeading, blocks: [{ kind: "paragraph", text: NOTICE.praise(names(measures.praise, manyGroups)) }] });
  }
  const warnings: string[] = [];
  if (measures.lastPlace.length > 0) warnings.push(NOTICE.warningLast(names(measures.lastPlace, manyGroups)));
  if (measures.bigDrop.length > 0) warnings.push(NOTICE.warningDrop(names(measures.bigDrop, manyGroups)));
  if (warnings.length > 0) sections.push({ heading: NOTICE.warningHeading, blocks: [{ kind: "paragraph", text: NOTICE.warning(warnings) }] });
  const summons: string[] = [];
  if (measures.failed.length > 0) summons.push(NOTICE.summonsFailed(names(measures.failed, manyGroups)));
  if (measures.majorIssue.length > 0) summons.push(NOTICE.summonsMajor(names(measures.majorIssue, manyGroups)));
  if (summons.length > 0) sections.push({ heading: NOTICE.summonsHeading, blocks: [{ kind: "paragraph", text: NOTICE.summons(summons) }] });
  if (measures.advice.length > 0) {
    sections.push({ heading: NOTICE.adviceHeading, blocks: [{ kind: "paragraph", text: NOTICE.advice(names(measures.advice, manyGroups)) }] });
  }

  const counts = groups.map(({ rankGroup, units }) => NOTICE.groupCount(units.length, rankGroup)).join("、");
  const body: NoticeBlock[] = [{ kind: "paragraph", text: NOTICE.opening(notice.schemeName, NOTICE.organisers(notice.issuers), year, counts) }];
  sections.forEach((section, index) => {
    body.push({ kind: "heading1", text: `${NOTICE.numeral[index] ?? String(index + 1)}、${section.heading}` }, ...section.blocks);
  });
  if (notice.copyTo.length > 0) body.push({ kind: "paragraph", text: NOTICE.copyUse(notice.copyTo.join("、")) });
  body.push({ kind: "paragraph", text: NOTICE.closing });

  return {
    docNumber: NOTICE.docNumber(notice.docPrefix, year),
    title: NOTICE.title(year, notice.region),
    mainTo: NOTICE.mainTo(notice.mainTo),
    body,
    issuers: notice.issuers,
    date: notice.date ?? NOTICE.blankDate,
    copyTo: notice.copyTo.length === 0 ? null : NOTICE.copyToLine(notice.copyTo),
    lists,
  };
}
