import { describeCategories } from "../applies";
import { D } from "../decimal";
import { CATEGORIES, defaultRankGroup } from "../layout";
import { splitTitle } from "./body";
import { assignCodes } from "./codes";
import { planEntries } from "./lines";
import { PLAN_MESSAGES } from "./messages";
import { nameKey, splitNames } from "./names";
import { spreadPoints } from "./points";
import { readResponsible, type ResponsibleReading } from "./responsible";
import { findTasks, type LabelValue, type RawTask } from "./structure";
import type { PlanIndicator, PlanOptions, PlanOutcome, PlanWarning } from "./types";

/** 分值 each 适用类别 set sums to when the caller does not say. */
export const DEFAULT_PLAN_TOTAL = 40;

const DEFAULT_CATEGORIES: readonly string[] = CATEGORIES.map((c) => c.name);

function names(values: readonly LabelValue[]): string[] {
  return values.flatMap((v) => splitNames(v.value));
}

/** One key per 适用类别 set, the same whatever the order the names were written in. */
function setKey(categories: "all" | string[]): string {
  return categories === "all" ? "\u0000all" : [...categories].sort().join("\u0000");
}

interface Reading {
  task: RawTask;
  code: string;
  responsible: ResponsibleReading;
}

function taskWarnings(readings: readonly Reading[], units: PlanOptions["units"], known: readonly string[]): PlanWarning[] {
  const warnings: PlanWarning[] = [];
  const anyLabels = readings.some(({ task }) => task.lead.length > 0 || task.responsible.length > 0);
  if (!anyLabels && readings.length > 0) {
    warnings.push({ line: readings[0]?.task.first ?? 1, code: "plan.noLabels", message: PLAN_MESSAGES.noLabelsAnywhere(readings.length) });
  }
  const unitNames = units === undefined ? null : new Set(units.map((u) => nameKey(u.name)));
  for (const { task, code, responsible } of readings) {
    if (task.marker === null) {
      const after = task.after === null ? "0" : (readings.find((r) => r.task === task.after)?.code ?? "0");
      warnings.push({ line: task.first, code: "plan.unnumbered", message: PLAN_MESSAGES.unnumbered(code, after) });
    }
    if (task.body === "") warnings.push({ line: task.first, code: "plan.emptyTask", message: PLAN_MESSAGES.emptyTask(code) });
    if (!anyLabels) continue;
    const responsibleLine = task.responsible[0]?.line ?? task.first;
    if (task.lead.length === 0) warnings.push({ line: task.first, code: "plan.noLead", message: PLAN_MESSAGES.noLead(code) });
    if (task.responsible.length === 0) warnings.push({ line: task.first, code: "plan.noResponsible", message: PLAN_MESSAGES.noResponsible(code) });
    if (responsible.vague.length > 0) {
      warnings.push({ line: responsibleLine, code: "plan.vagueResponsible", message: PLAN_MESSAGES.vague(code, responsible.vague.join("、")) });
    }
    if (unitNames !== null && responsible.categories !== "all") {
      const unknown = responsible.named.filter((name) => !unitNames.has(nameKey(name)));
      if (unknown.length > 0) {
        warnings.push({ line: responsibleLine, code: "plan.unknownUnit", message: PLAN_MESSAGES.unknownUnit(code, unknown.join("、")) });
      }
    }
  }
  const countyWide = readings.filter((r) => r.responsible.countyWide);
  const firstCountyWide = countyWide[0];
  if (firstCountyWide !== undefined) {
    warnings.push({
      line: firstCountyWide.task.responsible[0]?.line ?? firstCountyWide.task.first,
      code: "plan.countyWide",
      message: PLAN_MESSAGES.countyWide(countyWide.length, countyCategories(known).join("、")),
    });
  }
  return warnings;
}

function pointWarnings(rows: readonly PlanIndicator[], total: D): PlanWarning[] {
  const groups = new Map<string, PlanIndicator[]>();
  rows.forEach((row) => {
    const key = setKey(row.categories);
    groups.set(key, [...(groups.get(key) ?? []), row]);
  });
  const warnings: PlanWarning[] = [];
  for (const members of groups.values()) {
    const head = members[0];
    if (head === undefined) continue;
    const described = describeCategories(head.categories);
    if (members.some((row) => row.maxPoints.isZero())) {
      warnings.push({ line: head.sourceLines[0], code: "plan.zeroPoints", message: PLAN_MESSAGES.zeroPoints(described, members.length, total.toString()) });
    }
    if (groups.size > 1) {
      const codes = members.map((row) => row.code).join("、");
      warnings.push({
        line: head.sourceLines[0],
        code: "plan.pointGroup",
        message: PLAN_MESSAGES.pointGroup(described, members.length, codes, total.toString()),
      });
    }
  }
  return warnings;
}

/**
 * 考核指标 rows from the plain text of a 工作安排 ("安排什么考核什么"): one row per task, with 编号 from the
 * document's numbering, 一级指标 from the nearest heading, 二级指标 the task's first sentence, 考核内容 the rest,
 * 考核主体 its 牵头单位, 适用类别 from its 责任单位, and 分值 spread so that each 适用类别 set sums to `total`.
 * @throws RangeError when options.total is not a positive multiple of 0.5.
 * @example parseWorkPlan("一、依法行政\n（一）加强规范性文件管理。严格备案审查。\n牵头单位：县司法局\n责任单位：县直有关单位")
 */
export function parseWorkPlan(text: string, options: PlanOptions = {}): PlanOutcome {
  const total = new D(options.total ?? DEFAULT_PLAN_TOTAL);
  const known = options.categories ?? DEFAULT_CATEGORIES;
  const structure = findTasks(planEntries(text));
  const { codes, warnings: codeWarnings } = assignCodes(structure.tasks);
  const readings: Reading[] = structure.tasks.map((task, i) => ({
    task,
    code: codes[i] ?? "",
    responsible: readResponsible(names(task.responsible), known),
  }));
  const points = spreadPoints(
    readings.map((r) => setKey(r.responsible.categories)),
    total,
  );
  const rows: PlanIndicator[] = readings.map(({ task, code, responsible }, i) => ({
    code,
    level1: task.level1,
    ...splitTitle(task.body),
    maxPoints: points[i] ?? new D(0),
    method: "",
    assessor: names(task.lead).join("、"),
    categories: responsible.categories,
    sourceLines: [task.first, task.last],
  }));
  const warnings = [...structure.warnings, ...codeWarnings, ...taskWarnings(readings, options.units, known), ...pointWarnings(rows, total)];
  if (rows.length === 0) warnings.push({ line: 1, code: "plan.noTasks", message: PLAN_MESSAGES.noTasks });
  warnings.sort((a, b) => a.line - b.line);
  return { rows, warnings };
}

/** The categories 县直有关单位 stands for: every known category ranked in 县直单位. */
export function countyCategories(known: readonly string[] = DEFAULT_CATEGORIES): string[] {
  return known.filter((c) => defaultRankGroup(c) === "县直单位");
}
