/**
 * A form's identity, kept in a very hidden sheet 表单信息 of the form: which form it is, for whom, made from which
 * master (the fingerprint and the lines it was made from, so that a refusal can say what changed), when, and by
 * when it is due. A sheet, not a custom property: every host reads sheets as grids (the pane, the page, the command
 * line), and Excel, WPS and LibreOffice keep a hidden sheet through a save.
 */
import type { CellValue, WorkbookGrids } from "../grid";
import { trimSpaces } from "../reader/cells";
import { FIELD, type MasterLines } from "./fingerprint";
import type { FormKind, FormSheet } from "./types";

export const IDENTITY_SHEET = "表单信息";
/** Cell A1 of 表单信息: says the workbook is one of ours, and which layout of identity it carries. */
export const IDENTITY_MARK = "kaohe-form-1";

export const KIND_WORDS: Record<FormKind, string> = { score: "评分表", rating: "互评表", satisfaction: "满意度汇总表" };

export interface FormIdentity {
  kind: FormKind;
  owner: string;
  fingerprint: string;
  /** YYYY-MM-DD the form was made. */
  made: string;
  /** 截止日期 as 参数 gives it, or null. */
  deadline: string | null;
  lines: MasterLines;
}

const KEY = { kind: "表单", owner: "填报单位", fingerprint: "指纹", made: "生成日期", deadline: "截止日期", unit: "考核对象", indicator: "考核指标" } as const;

export function identitySheet(identity: FormIdentity): FormSheet {
  const rows: (string | null)[][] = [
    [IDENTITY_MARK, "本表记录这份表由哪个考核工作簿生成，回收时据此核对，请勿修改。"],
    [KEY.kind, KIND_WORDS[identity.kind]],
    [KEY.owner, identity.owner],
    [KEY.fingerprint, identity.fingerprint],
    [KEY.made, identity.made],
    [KEY.deadline, identity.deadline],
    ...identity.lines.units.map((line) => [KEY.unit, ...line.split(FIELD)]),
    ...identity.lines.indicators.map((line) => [KEY.indicator, ...line.split(FIELD)]),
  ];
  return {
    name: IDENTITY_SHEET,
    rows,
    format: { columnWidths: [12, 40], frozenRows: 0, frozenColumns: 0, styles: [{ range: `A1:E${rows.length}`, numberFormat: "@" }], validations: [] },
    protect: true,
    unlocked: [],
    rangeValidations: [],
    notes: [],
    hidden: true,
    headerHeight: null,
    print: null,
  };
}

function text(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return trimSpaces(value);
  if (typeof value === "number") return String(value);
  return "";
}

/**
 * The identity of a returned workbook, or null when it carries none (not one of our forms). A 分值 that a spreadsheet
 * turned into a number on the way (5 for "5") reads back as the same text.
 */
export function readIdentity(book: WorkbookGrids): FormIdentity | null {
  const sheet = book.sheets.find((s) => trimSpaces(s.name) === IDENTITY_SHEET);
  if (sheet === undefined || text(sheet.rows[0]?.[0]) !== IDENTITY_MARK) return null;
  const values = new Map<string, string>();
  const units: string[] = [];
  const indicators: string[] = [];
  for (const row of sheet.rows.slice(1)) {
    const key = text(row[0]);
    const fields = row.slice(1).map(text);
    if (key === KEY.unit) units.push(fields.slice(0, 2).join(FIELD));
    else if (key === KEY.indicator) indicators.push(fields.slice(0, 4).join(FIELD));
    else values.set(key, fields[0] ?? "");
  }
  const kindWord = values.get(KEY.kind) ?? "";
  const kind = (Object.entries(KIND_WORDS) as [FormKind, string][]).find(([, word]) => word === kindWord)?.[0];
  const owner = values.get(KEY.owner) ?? "";
  const fingerprint = values.get(KEY.fingerprint) ?? "";
  if (kind === undefined || owner === "" || fingerprint === "") return null;
  const deadline = values.get(KEY.deadline) ?? "";
  return { kind, owner, fingerprint, made: values.get(KEY.made) ?? "", deadline: deadline === "" ? null : deadline, lines: { units: units.sort(), indicators: indicators.sort() } };
}
