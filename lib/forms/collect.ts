/**
 * Merging returns into the master (回收). Rules, in order:
 * - a refused form (not a form, another master, a wrong value, over the 好 quota) merges nothing and is recorded why;
 * - two returns giving one place different values is a conflict: nothing at all is merged;
 * - a return giving a place a value different from the master's is a conflict too, unless the return is named in
 *   `replaceFrom` (then the master's value is replaced and the replacement recorded);
 * - equal values change nothing, so collecting the same files again changes nothing, and the order of the returns
 *   does not matter.
 * The outcome is a list of cell edits of 评分, 上下互评 and 满意度 and the new 回收记录 sheet; the host writes them.
 */
import { cellAddress, type CellValue } from "../grid";
import { error, type Issue } from "../issue";
import { HEADERS, SCORES_MAX_ROW_LABEL, SHEET } from "../layout";
import { isNotApplicable, normalizeText, shownValue, textToDecimal, trimSpaces } from "../reader/cells";
import { indicatorsByAssessor, OFFICE } from "./assessors";
import { peerParties } from "./build";
import { KIND_WORDS } from "./identity";
import { peerPlaces, satisfactionPlaces, scorePlaces, valueAt, type SheetPlaces } from "./master";
import { COLLECT_TEXT, LOG_TEXT } from "./messages";
import type { FormReturn, MasterContext, MergeValue, ReturnedCell } from "./returns";
import type { FormKind } from "./types";
import { readLog, type LogRow } from "./log";

/** One cell to write into a master sheet (0-based row and column); null empties the cell. */
export interface CellEdit {
  sheet: string;
  row: number;
  column: number;
  value: MergeValue | null;
}

export interface CollectOptions {
  /** File names whose values replace different values already in the master (--replace-from). */
  replaceFrom?: ReadonlySet<string>;
}

export interface CollectOutcome {
  /** False when a conflict stops everything: then nothing may be written. */
  ok: boolean;
  edits: CellEdit[];
  /** The 回收记录 rows: this run's forms, earlier rows of other files, and forms not yet returned. */
  log: LogRow[];
  /** Conflicts (errors) and every problem found in the returns (errors of refused forms, warnings). */
  issues: Issue[];
  /** "评分!F7 原为 4，按“…”改为 5。" for each value replaced by --replace-from. */
  replaced: string[];
  /** Places that get a new value. */
  filled: number;
}


/** A value as compared: numbers by their decimal value, 不适用 and / alike, words after NFKC and trimming. */
function canonical(value: CellValue | MergeValue): string {
  if (value === null) return "";
  if (typeof value === "number") return textToDecimal(String(value))?.toString() ?? String(value);
  if (typeof value === "string") {
    if (isNotApplicable(value)) return "不适用";
    const number = textToDecimal(value);
    return number === null ? normalizeText(value) : number.toString();
  }
  return shownValue(value);
}

function sameValues(a: readonly (CellValue | MergeValue)[], b: readonly (CellValue | MergeValue)[]): boolean {
  return a.length === b.length && a.every((value, index) => canonical(value) === canonical(b[index] ?? null));
}

function shownValues(values: readonly (CellValue | MergeValue)[]): string {
  const texts = values.map((value) => (value === null ? "" : shownValue(value as CellValue)));
  return texts.length === 1 ? (texts[0] ?? "") : texts.join("/");
}

/** Where new rows and columns go, and the edits that make them. */
class Places {
  private readonly nextRow: number;
  private readonly nextColumn: number;
  private rowsAdded = 0;
  private columnsAdded = 0;
  readonly rows = new Map<string, number>();
  readonly columns = new Map<string, number>();

  constructor(
    readonly places: SheetPlaces,
    private readonly edits: CellEdit[],
    private readonly newRow: (unit: string) => (MergeValue | null)[],
    private readonly newColumn: (key: string) => (MergeValue | null)[],
  ) {
    this.nextRow = places.nextRow;
    this.nextColumn = places.nextColumn;
  }

  row(unit: string): number {
    const known = this.places.rows.get(unit) ?? this.rows.get(unit);
    if (known !== undefined) return known;
    const row = this.nextRow + this.rowsAdded;
    this.rowsAdded += 1;
    this.rows.set(unit, row);
    this.newRow(unit).forEach((value, column) => {
      if (value !== null) this.edits.push({ sheet: this.places.sheet, row, column, value });
    });
    return row;
  }

  column(key: string): number {
    const known = this.places.columns.get(key) ?? this.columns.get(key);
    if (known !== undefined) return known;
    const column = this.nextColumn + this.columnsAdded;
    this.columnsAdded += 1;
    this.columns.set(key, column);
    this.newColumn(key).forEach((value, row) => {
      if (value !== null) this.edits.push({ sheet: this.places.sheet, row, column, value });
    });
    return column;
  }
}

/** Merges the returns into the master: the edits to write, the 回收记录, every problem. */
export function collectReturns(master: MasterContext, returns: readonly FormReturn[], options: CollectOptions = {}): CollectOutcome {
  const replaceFrom = options.replaceFrom ?? new Set<string>();
  const issues: Issue[] = [];
  for (const form of returns) issues.push(...form.issues);
  const accepted = returns.filter((form) => form.refusal === null);
  const groups = new Map<string, { cell: ReturnedCell; file: string }[]>();
  for (const form of accepted) {
    for (const cell of form.cells) {
      const key = [cell.target, cell.unit, cell.key].join("\u0000");
      groups.set(key, [...(groups.get(key) ?? []), { cell, file: form.file }]);
    }
  }
  const { input, book } = master;
  const edits: CellEdit[] = [];
  const categoryOf = new Map(input.units.map((unit) => [unit.name, unit.category]));
  const byCode = new Map(input.indicators.map((indicator) => [indicator.code, indicator]));
  const sheets = {
    score: new Places(scorePlaces(book), edits, (unit) => [unit, categoryOf.get(unit) ?? null], (code) => {
      const indicator = byCode.get(code);
      return [indicator === undefined ? code : `${indicator.code} ${indicator.level2}`, indicator === undefined ? null : Number(indicator.maxPoints.toString())];
    }),
    peer: new Places(peerPlaces(book), edits, (unit) => [unit], (rater) => [rater]),
    satisfaction: new Places(satisfactionPlaces(book), edits, (unit) => [unit], (header) => [header]),
  };
  for (const [target, places] of Object.entries(sheets)) {
    if (places.places.grid === null) {
      const headers = target === "score" ? HEADERS.scores : target === "peer" ? HEADERS.peer : HEADERS.satisfaction;
      headers.forEach((header, column) => edits.push({ sheet: places.places.sheet, row: 0, column, value: header }));
      if (target === "score") edits.push({ sheet: places.places.sheet, row: 1, column: 0, value: SCORES_MAX_ROW_LABEL });
    }
  }
  const replaced: string[] = [];
  const newByFile = new Map<string, number>();
  const replacedByFile = new Map<string, string[]>();
  let conflicts = false;
  let filled = 0;
  // Sorted places and sources: the outcome does not depend on the order the files came in.
  for (const key of [...groups.keys()].sort()) {
    const sources = [...(groups.get(key) ?? [])].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    const first = sources[0];
    if (first === undefined) continue;
    const { target, unit } = first.cell;
    const clash = sources.find((source) => !sameValues(source.cell.values, first.cell.values));
    if (clash !== undefined) {
      conflicts = true;
      const label = target === "satisfaction" ? SHEET.satisfaction : first.cell.key;
      issues.push(error("collect.conflict", clash.cell.sheet, clash.cell.cell, COLLECT_TEXT.conflict(`${first.cell.sheet}!${first.cell.cell}`, first.cell.shown, `${clash.cell.sheet}!${clash.cell.cell}`, clash.cell.shown, unit, label)));
      continue;
    }
    const places = sheets[target];
    const headers = target === "satisfaction" ? HEADERS.satisfaction.slice(1) : [first.cell.key];
    const current = headers.map((header) => valueAt(places.places, unit, header));
    if (sameValues(current, first.cell.values)) continue;
    const empty = current.every((value) => value === null);
    const replacer = sources.find((source) => replaceFrom.has(source.file));
    if (!empty && replacer === undefined) {
      conflicts = true;
      const row = places.places.rows.get(unit) ?? 0;
      const column = places.places.columns.get(headers[0] ?? "") ?? 0;
      const masterCell = `${places.places.sheet}!${cellAddress(row, column)}`;
      const label = target === "satisfaction" ? SHEET.satisfaction : first.cell.key;
      issues.push(error("collect.overwrite", first.cell.sheet, first.cell.cell, COLLECT_TEXT.overwrite(masterCell, shownValues(current), `${first.cell.sheet}!${first.cell.cell}`, first.cell.shown, unit, label, first.file)));
      continue;
    }
    const row = places.row(unit);
    headers.forEach((header, index) => {
      const value = first.cell.values[index] ?? null;
      if (canonical(value) === canonical(current[index] ?? null)) return;
      edits.push({ sheet: places.places.sheet, row, column: places.column(header), value });
    });
    filled += 1;
    const credited = replacer ?? first;
    newByFile.set(credited.file, (newByFile.get(credited.file) ?? 0) + 1);
    if (!empty && replacer !== undefined) {
      const column = places.column(headers[0] ?? "");
      const note = COLLECT_TEXT.replaced(`${places.places.sheet}!${cellAddress(row, column)}`, shownValues(current), first.cell.shown, replacer.file);
      replaced.push(note);
      replacedByFile.set(replacer.file, [...(replacedByFile.get(replacer.file) ?? []), note]);
    }
  }
  const log = buildLog(master, returns, readLog(book), newByFile, replacedByFile, !conflicts);
  return { ok: !conflicts, edits: conflicts ? [] : edits, log, issues, replaced: conflicts ? [] : replaced, filled: conflicts ? 0 : filled };
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

/** A file's modified time as the clerk's computer shows it: 2027-01-14 16:05. */
export function localTime(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** After the deadline: modified on a later day than 截止日期 (a date YYYY-MM-DD, or any text Date can read). */
function isLate(modified: Date | null, deadline: string | null): boolean {
  if (modified === null || deadline === null) return false;
  const match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})/.exec(trimSpaces(deadline));
  if (match === null) return false;
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1);
  return modified.getTime() >= end.getTime();
}

const KIND_ORDER: Record<FormKind, number> = { score: 0, rating: 1, satisfaction: 2 };

function listSome(items: readonly string[], limit: number): string {
  const shown = items.slice(0, limit).join("、");
  return items.length > limit ? `${shown}${LOG_TEXT.more(items.length)}` : shown;
}

function buildLog(
  master: MasterContext,
  returns: readonly FormReturn[],
  earlier: readonly LogRow[],
  newByFile: ReadonlyMap<string, number>,
  replacedByFile: ReadonlyMap<string, string[]>,
  merging: boolean,
): LogRow[] {
  const files = new Set(returns.map((form) => form.file));
  const rows: LogRow[] = returns.map((form) => {
    // The same file collected again brings nothing new: its earlier row stands, so a second collect changes nothing.
    const before = earlier.find((row) => row.file === form.file && row.result.startsWith(LOG_TEXT.merged) && row.modified === (form.modified === null ? "" : localTime(form.modified)));
    if (before !== undefined && merging && form.refusal === null && (newByFile.get(form.file) ?? 0) === 0 && !replacedByFile.has(form.file)) return before;
    const kind = form.identity === null ? "" : KIND_WORDS[form.identity.kind];
    const notes: string[] = [];
    if (form.refusal !== null) notes.push(form.refusal);
    const fresh = newByFile.get(form.file) ?? 0;
    if (form.refusal === null && fresh > 0) notes.push(LOG_TEXT.filledCells(fresh));
    notes.push(...(replacedByFile.get(form.file) ?? []));
    if (form.blanks.length > 0) notes.push(LOG_TEXT.blankCells(form.blanks.length, listSome(form.blanks, 10)));
    if (form.identity !== null && isLate(form.modified, form.identity.deadline ?? master.input.params.deadline)) notes.push(COLLECT_TEXT.late(form.identity.deadline ?? master.input.params.deadline ?? ""));
    const result = form.refusal !== null || !merging ? LOG_TEXT.refused : fresh > 0 ? LOG_TEXT.merged : LOG_TEXT.nothingNew;
    return {
      file: form.file,
      kind,
      owner: form.identity?.owner ?? "",
      modified: form.modified === null ? "" : localTime(form.modified),
      filled: form.identity === null || form.refusal !== null && form.cells.length === 0 ? null : form.cells.length,
      blank: form.identity === null ? null : form.blanks.length,
      result,
      note: notes.join("；"),
    };
  });
  const kept = earlier.filter((row) => row.result !== LOG_TEXT.missing && !files.has(row.file));
  const all = [...rows, ...kept];
  const returned = new Set(all.filter((row) => row.result !== LOG_TEXT.refused && row.result !== LOG_TEXT.missing).map((row) => `${row.kind}\u0000${row.owner}`));
  for (const [kind, owner] of expectedForms(master)) {
    if (!returned.has(`${KIND_WORDS[kind]}\u0000${owner}`)) {
      all.push({ file: "", kind: KIND_WORDS[kind], owner, modified: "", filled: null, blank: null, result: LOG_TEXT.missing, note: "" });
    }
  }
  const kindRank = (word: string) => {
    const found = (Object.entries(KIND_WORDS) as [FormKind, string][]).find(([, w]) => w === word);
    return found === undefined ? 3 : KIND_ORDER[found[0]];
  };
  const order = new Map(expectedForms(master).map(([kind, owner], index) => [`${KIND_WORDS[kind]}\u0000${owner}`, index]));
  return all.sort((a, b) => kindRank(a.kind) - kindRank(b.kind) || (order.get(`${a.kind}\u0000${a.owner}`) ?? 1e9) - (order.get(`${b.kind}\u0000${b.owner}`) ?? 1e9) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

/** Every form a master sends out: (kind, owner), in the order forms are made. */
export function expectedForms(master: Pick<MasterContext, "input" | "book">): [FormKind, string][] {
  const forms: [FormKind, string][] = [...indicatorsByAssessor(master.input.indicators).keys()].map((owner) => ["score", owner]);
  for (const rater of peerParties(master.input, peerPlaces(master.book)).raters) forms.push(["rating", rater]);
  forms.push(["satisfaction", OFFICE]);
  return forms;
}

