import { cellAddress, type CellValue, type SheetGrid } from "../grid";
import { HEADERS, PARAM, PARAM_ROWS, RANK_RULE_WORDS, SHEET } from "../layout";
import type { Params } from "../model";
import { forGroup } from "../rules/grade";
import { plain, percentOf } from "../rules/numbers";
import { normalizeText, textToDecimal, trimSpaces } from "../reader/cells";
import { WHATIF_MSG } from "./messages";

/**
 * The parameters a 试算 may change: those the rules use after reading (分数线, 优秀比例上限, 名次规则, the caps,
 * 退步较大名次). Others (小数位数, 空白评分, 互评等级分 …) change how the sheets are read, so they are changed in 参数 itself.
 */
export const WHAT_IF_PARAMS = [
  PARAM.excellentLine,
  PARAM.goodLine,
  PARAM.passLine,
  PARAM.excellentQuota,
  PARAM.rankRule,
  PARAM.bonusCap,
  PARAM.penaltyCap,
  PARAM.totalCap,
  PARAM.bigDropPlaces,
] as const;

/** Those that may also be given for one 排名分组 ("优秀分数线-乡镇"). */
const PER_GROUP: readonly string[] = [PARAM.excellentLine, PARAM.goodLine, PARAM.passLine, PARAM.excellentQuota];

/** One parameter to try: its 参数!A name ("优秀分数线", "优秀分数线-乡镇") and its 值 as it would be typed. */
export interface ParamChange {
  name: string;
  value: CellValue;
}

/** One cell of 参数 that 应用 writes: where, which parameter, what it holds now and what it will hold. */
export interface ParamEdit {
  sheet: string;
  /** The 值 cell (B16), or, for a row to add, the row's 参数 cell and 值 cell (A24, B24). */
  cell: string;
  nameCell: string;
  name: string;
  before: CellValue;
  after: CellValue;
  /** The row does not exist yet: 应用 adds it below the table. */
  added: boolean;
}

/** Splits "优秀分数线-乡镇" at its first hyphen (half- or full-width), as the reader does. */
export function splitParamName(text: string): { base: string; group: string | null } {
  const dash = text.search(/[-－]/);
  if (dash < 0) return { base: normalizeText(text), group: null };
  return { base: normalizeText(text.slice(0, dash)), group: trimSpaces(text.slice(dash + 1)) };
}

function keyOf(text: string): string {
  const { base, group } = splitParamName(text);
  return group === null ? base : `${base}-${group}`;
}

/** A change's name checked against what a 试算 may change and the groups there are; null when fine, else the message. */
export function checkChangeName(name: string, groups: readonly string[]): string | null {
  const { base, group } = splitParamName(name);
  const allowed = (WHAT_IF_PARAMS as readonly string[]).includes(base) && (group === null || PER_GROUP.includes(base));
  if (!allowed) return WHATIF_MSG.notWhatIf(name, WHAT_IF_PARAMS.join("、"));
  if (group !== null && !groups.includes(group)) return WHATIF_MSG.unknownGroup(name, group, groups.join("、"));
  return null;
}

/**
 * A value as a clerk types it, as the cell it would become: blank → empty (a cap: none), a plain decimal → a number
 * (so it is read without the "text read as a number" 提示), anything else (30%, 跳位排名) → the text.
 */
export function typedValue(text: string): CellValue {
  const trimmed = trimSpaces(text);
  if (trimmed === "") return null;
  const number = textToDecimal(trimmed);
  return number === null ? trimmed : number.toNumber();
}

/** "优秀分数线=88" → the change, or null when it has no "=" or no name. */
export function parseSetting(text: string): ParamChange | null {
  const normal = text.replace("＝", "=");
  const at = normal.indexOf("=");
  if (at <= 0) return null;
  const name = trimSpaces(normal.slice(0, at));
  return name === "" ? null : { name, value: typedValue(normal.slice(at + 1)) };
}

/**
 * 参数 with the changes typed into it: the 值 of an existing row replaced, a missing row added below the table (with the
 * template's explanation); every other cell as it was. The later of two changes of one parameter wins.
 */
export function applyParamChanges(grid: SheetGrid | null, changes: readonly ParamChange[]): { grid: SheetGrid; edits: ParamEdit[] } {
  const sheet = grid?.name ?? SHEET.params;
  const rows = grid === null ? [[...HEADERS.params] as CellValue[]] : grid.rows.map((row) => [...row]);
  const header = rows[0] ?? [];
  const column = (text: string, fallback: number) => {
    const found = header.findIndex((cell) => typeof cell === "string" && normalizeText(cell) === text);
    return found < 0 ? fallback : found;
  };
  const [NAME, VALUE, EXPLAIN] = HEADERS.params;
  const nameColumn = column(NAME, 0);
  const valueColumn = column(VALUE, 1);
  const explainColumn = column(EXPLAIN, 2);
  const rowOf = new Map<string, number>();
  rows.forEach((row, index) => {
    const name = row[nameColumn];
    if (index > 0 && typeof name === "string" && !rowOf.has(keyOf(name))) rowOf.set(keyOf(name), index);
  });
  const last = new Map<string, ParamChange>();
  for (const change of changes) last.set(keyOf(change.name), change);
  const edits: ParamEdit[] = [];
  for (const [key, change] of last) {
    let index = rowOf.get(key);
    const added = index === undefined;
    if (index === undefined) {
      index = rows.length;
      const row: CellValue[] = [];
      row[nameColumn] = key;
      row[explainColumn] = PARAM_ROWS.find((p) => p.name === splitParamName(key).base)?.explanation ?? null;
      rows.push(Array.from({ length: Math.max(row.length, valueColumn + 1) }, (_, i) => row[i] ?? null));
      rowOf.set(key, index);
    }
    const row = rows[index] ?? [];
    while (row.length <= valueColumn) row.push(null);
    const before = added ? null : (row[valueColumn] ?? null);
    row[valueColumn] = change.value;
    rows[index] = row;
    edits.push({ sheet, cell: cellAddress(index, valueColumn), nameCell: cellAddress(index, nameColumn), name: key, before, after: change.value, added });
  }
  return { grid: { ...(grid ?? {}), name: sheet, rows }, edits };
}

/** One field of the 试算 panel: the 参数 name it writes and the value in force now, as text. */
export interface WhatIfField {
  name: string;
  base: string;
  group: string | null;
  value: string;
}

/** The values in force, one field per parameter and (for the per-group ones) per 排名分组, for the 试算 panel. */
export function whatIfFields(params: Params, groups: readonly string[]): WhatIfField[] {
  const fields: WhatIfField[] = [];
  const lineText = (field: "excellent" | "good" | "pass", group: string) => plain(forGroup(params.thresholds, group)[field]);
  const quotaText = (group: string) => {
    const quota = forGroup(params.excellentQuota, group);
    return quota === null ? "" : percentOf(quota);
  };
  for (const group of groups) {
    fields.push({ name: `${PARAM.excellentLine}-${group}`, base: PARAM.excellentLine, group, value: lineText("excellent", group) });
    fields.push({ name: `${PARAM.goodLine}-${group}`, base: PARAM.goodLine, group, value: lineText("good", group) });
    fields.push({ name: `${PARAM.passLine}-${group}`, base: PARAM.passLine, group, value: lineText("pass", group) });
    fields.push({ name: `${PARAM.excellentQuota}-${group}`, base: PARAM.excellentQuota, group, value: quotaText(group) });
  }
  const cap = (value: Params["bonusCap"]) => (value === null ? "" : plain(value));
  fields.push({ name: PARAM.rankRule, base: PARAM.rankRule, group: null, value: RANK_RULE_WORDS[params.rankRule] });
  fields.push({ name: PARAM.bonusCap, base: PARAM.bonusCap, group: null, value: cap(params.bonusCap) });
  fields.push({ name: PARAM.penaltyCap, base: PARAM.penaltyCap, group: null, value: cap(params.penaltyCap) });
  fields.push({ name: PARAM.totalCap, base: PARAM.totalCap, group: null, value: cap(params.totalCap) });
  return fields;
}
