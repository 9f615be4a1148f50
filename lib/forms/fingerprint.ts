/**
 * The fingerprint of a master's 考核对象 and 考核指标: what decides which cells a form holds and how they are checked.
 * A form remembers the fingerprint of the master it was made from; a return whose fingerprint differs was made before
 * units or indicators changed, and is refused with what changed.
 *
 * One line per unit and per indicator, sorted, so that re-sorting 考核对象 or 考核指标 changes nothing. A unit line
 * holds 单位名称 and 类别; an indicator line holds 编号, 分值 (its shortest decimal text), 适用类别 (sorted) and
 * 考核主体. Wording (二级指标, 考核内容) is left out: fixing a typo there must not void the forms out. The lines are
 * turned into text by 核验's canonical form (lib/integrity) and hashed by the host's digest (Web Crypto, node:crypto).
 */
import { ALL_CATEGORIES, LIST_SEPARATOR } from "../layout";
import type { Indicator, Unit } from "../model";
import { canonicalText } from "../integrity/canonical";
import type { Digest } from "./types";

/** Separates the fields of a canonical line: a character nobody types in a name. */
export const FIELD = "\u001f";
const VERSION = "kaohe-forms-1";

export interface MasterLines {
  units: string[];
  indicators: string[];
}

export function unitLine(unit: Pick<Unit, "name" | "category">): string {
  return [unit.name, unit.category].join(FIELD);
}

export function indicatorLine(indicator: Pick<Indicator, "code" | "maxPoints" | "categories" | "assessor">): string {
  const categories = indicator.categories === "all" ? ALL_CATEGORIES : [...indicator.categories].sort().join(LIST_SEPARATOR);
  return [indicator.code, indicator.maxPoints.toString(), categories, indicator.assessor].join(FIELD);
}

/** The master's canonical lines, sorted. */
export function masterLines(units: readonly Pick<Unit, "name" | "category">[], indicators: readonly Pick<Indicator, "code" | "maxPoints" | "categories" | "assessor">[]): MasterLines {
  return { units: units.map(unitLine).sort(), indicators: indicators.map(indicatorLine).sort() };
}

export function masterCanonical(lines: MasterLines): string {
  return canonicalText({ form: VERSION, units: lines.units, indicators: lines.indicators });
}

/** The master's fingerprint: the host's digest of its canonical text. */
export function masterFingerprint(lines: MasterLines, digest: Digest): Promise<string> {
  return digest(masterCanonical(lines));
}

/** What changed between the master a form was made from and the master now, in words (empty when nothing did). */
export function describeChanges(then: MasterLines, now: MasterLines): string[] {
  const changes: string[] = [];
  const unitName = (line: string) => line.split(FIELD)[0] ?? "";
  const thenUnits = new Map(then.units.map((line) => [unitName(line), line]));
  const nowUnits = new Map(now.units.map((line) => [unitName(line), line]));
  const added = [...nowUnits.keys()].filter((name) => !thenUnits.has(name));
  const removed = [...thenUnits.keys()].filter((name) => !nowUnits.has(name));
  const recategorised = [...nowUnits].filter(([name, line]) => thenUnits.has(name) && thenUnits.get(name) !== line).map(([name, line]) => `${name}（类别 ${(thenUnits.get(name) ?? "").split(FIELD)[1] ?? ""} → ${line.split(FIELD)[1] ?? ""}）`);
  if (added.length > 0) changes.push(`考核对象新增 ${added.join("、")}`);
  if (removed.length > 0) changes.push(`考核对象删去 ${removed.join("、")}`);
  if (recategorised.length > 0) changes.push(`类别改变：${recategorised.join("、")}`);
  const code = (line: string) => line.split(FIELD)[0] ?? "";
  const thenIndicators = new Map(then.indicators.map((line) => [code(line), line.split(FIELD)]));
  const nowIndicators = new Map(now.indicators.map((line) => [code(line), line.split(FIELD)]));
  const addedCodes = [...nowIndicators.keys()].filter((c) => !thenIndicators.has(c));
  const removedCodes = [...thenIndicators.keys()].filter((c) => !nowIndicators.has(c));
  if (addedCodes.length > 0) changes.push(`考核指标新增 ${addedCodes.join("、")}`);
  if (removedCodes.length > 0) changes.push(`考核指标删去 ${removedCodes.join("、")}`);
  const labels = ["编号", "分值", "适用类别", "考核主体"];
  for (const [c, fields] of nowIndicators) {
    const old = thenIndicators.get(c);
    if (old === undefined) continue;
    for (let index = 1; index < labels.length; index += 1) {
      if (old[index] !== fields[index]) changes.push(`指标 ${c} 的${labels[index] ?? ""} ${old[index] ?? ""} → ${fields[index] ?? ""}`);
    }
  }
  return changes;
}
