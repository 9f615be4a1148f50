import { appendLine } from "./body";
import { MARKER_RANK, type MarkerKind, type PlanEntry } from "./lines";
import { PLAN_MESSAGES } from "./messages";
import type { PlanWarning } from "./types";

/** A value of a 牵头单位 or 责任单位 line and where it was. */
export interface LabelValue {
  value: string;
  line: number;
}

/** A task as found in the text, before its 编号, 适用类别 and 分值 are worked out. */
export interface RawTask {
  /** null: a paragraph without a number that has its own 牵头单位/责任单位. */
  marker: MarkerKind | null;
  number: number | null;
  /** Numbers of the enclosing headings, outermost first. */
  path: number[];
  /** Title of the nearest enclosing heading. */
  level1: string;
  body: string;
  lead: LabelValue[];
  responsible: LabelValue[];
  first: number;
  last: number;
  /** The numbered task this unnumbered paragraph follows (null: numbered, or nothing before it). */
  after: RawTask | null;
}

export interface PlanStructure {
  tasks: RawTask[];
  warnings: PlanWarning[];
}

interface Heading {
  rank: number;
  number: number;
  title: string;
  /** No task or item has come under it yet: a short line after it may still be the rest of its title. */
  fresh: boolean;
}

interface Pending {
  body: string;
  first: number;
  last: number;
}

// A line that ends no sentence: the last words of a heading or of a unit name broken by the layout.
const SENTENCE_MARK = /[。！？!?；;：:]/;
const SHORT_FRAGMENT = 15;

function isFragment(text: string): boolean {
  return text.length <= SHORT_FRAGMENT && !SENTENCE_MARK.test(text);
}

function nextEntry(entries: readonly PlanEntry[], index: number): PlanEntry | undefined {
  return entries[index + 1];
}

/**
 * Is this line the rest of the 牵头单位/责任单位 list above it ("县司法" / "局" broken by a page; a long list
 * wrapped in a PDF)? Not when it is indented (a new paragraph) or ends a sentence; yes when it is short, or when
 * no line of the text that follows ends a sentence before the next paragraph: a list of units has no 。, a paragraph has.
 */
function continuesLabel(entries: readonly PlanEntry[], index: number): boolean {
  const first = entries[index];
  if (first?.kind !== "text" || first.indented || SENTENCE_MARK.test(first.text)) return false;
  if (isFragment(first.text)) return true;
  for (let j = index; j < entries.length; j += 1) {
    const entry = entries[j];
    if (entry?.kind !== "text" || (j > index && entry.indented)) break;
    if (/[。！？!?]/.test(entry.text)) return false;
  }
  return true;
}

/** This line and the lines after it end no sentence before the next numbered line: the rest of a wrapped heading. */
function wrapsUpToItem(entries: readonly PlanEntry[], index: number): boolean {
  for (let j = index; j < entries.length; j += 1) {
    const entry = entries[j];
    if (entry?.kind === "item") return true;
    if (entry?.kind !== "text" || SENTENCE_MARK.test(entry.text)) return false;
  }
  return false;
}

/**
 * The length of a long line of this text (the upper quartile): whole paragraphs when it came from Word,
 * about 28 characters when it came from a PDF. A numbered line much shorter than that is a title on its own line.
 */
function typicalLineLength(entries: readonly PlanEntry[]): number {
  const lengths = entries
    .map((e) => (e.kind === "item" ? e.raw.length : e.kind === "text" ? e.text.length : 0))
    .filter((n) => n > 0)
    .sort((a, b) => a - b);
  return lengths[Math.floor((lengths.length - 1) * 0.75)] ?? 0;
}

/**
 * The tasks of a 工作安排, from its entries. Rules, in words:
 * - everything before the first numbered line is the document's header and is ignored;
 * - a numbered line is a heading when it has no sentence mark and the next line is a deeper numbered item
 *   (（一）健全政府机构职能体系 followed by 1.…); a section (一、) is a heading also when it has no sentence mark at all;
 *   the nearest heading gives 一级指标;
 * - any other numbered line starts a task, unless it is deeper than an open task, when it is one of its sub-items;
 * - unnumbered lines belong to the open task, until the task's 牵头单位/责任单位 lines close it;
 * - after a closed task, unnumbered paragraphs that have their own 牵头单位/责任单位 become a task of their own
 *   (with a warning); those that have none are not tasks (closing remarks) and are reported, not imported;
 * - lines right after a 牵头单位/责任单位 line that end no sentence are the rest of its list;
 * - a numbered line with no punctuation, much shorter than the text's long lines, is a title on its own line
 *   ("（一）指导思想"): the next line starts 考核内容.
 */
export function findTasks(entries: readonly PlanEntry[]): PlanStructure {
  const tasks: RawTask[] = [];
  const warnings: PlanWarning[] = [];
  const headings: Heading[] = [];
  let started = false;
  let current: RawTask | null = null;
  let closed = false;
  let titleOnItsLine = false;
  let pending: Pending | null = null;
  let lastLabel: LabelValue | null = null;
  let lastNumbered: RawTask | null = null;
  const shortLine = typicalLineLength(entries) * 0.7;

  const dropPending = (): void => {
    if (pending !== null) warnings.push({ line: pending.first, code: "plan.strayText", message: PLAN_MESSAGES.strayText(pending.first, pending.last) });
    pending = null;
  };
  const enclosing = (): { path: number[]; level1: string } => ({
    path: headings.map((h) => h.number),
    level1: headings.at(-1)?.title ?? "",
  });

  entries.forEach((entry, index) => {
    if (!started) {
      if (entry.kind !== "item") return;
      started = true;
    }
    if (entry.kind === "item") {
      lastLabel = null;
      const rank = MARKER_RANK[entry.marker];
      if (current !== null && !closed && current.marker !== null && rank > MARKER_RANK[current.marker]) {
        current.body = appendLine(current.body, entry.raw, true);
        current.last = entry.line;
        titleOnItsLine = false;
        return;
      }
      dropPending();
      current = null;
      while ((headings.at(-1)?.rank ?? -1) >= rank) headings.pop();
      headings.forEach((h) => (h.fresh = false));
      const next = nextEntry(entries, index);
      const deeperNext = next?.kind === "item" && MARKER_RANK[next.marker] > rank;
      const titleOnly = !SENTENCE_MARK.test(entry.text);
      // A section is a heading unless it reads like a task (a sentence, with nothing numbered under it).
      const heading = entry.marker === "section" ? titleOnly || deeperNext : titleOnly && deeperNext;
      if (heading) {
        headings.push({ rank, number: entry.number, title: entry.text.replace(/[：:]$/, ""), fresh: true });
        return;
      }
      const task: RawTask = {
        marker: entry.marker,
        number: entry.number,
        ...enclosing(),
        body: entry.text,
        lead: [],
        responsible: [],
        first: entry.line,
        last: entry.line,
        after: null,
      };
      tasks.push(task);
      current = task;
      lastNumbered = task;
      closed = false;
      titleOnItsLine = entry.text !== "" && entry.raw.length < shortLine && !/[。，,；;、]/.test(entry.text);
      return;
    }
    if (entry.kind === "labels") {
      if (pending !== null) {
        const task: RawTask = {
          marker: null,
          number: null,
          ...enclosing(),
          body: pending.body,
          lead: [],
          responsible: [],
          first: pending.first,
          last: pending.last,
          after: lastNumbered,
        };
        tasks.push(task);
        current = task;
        pending = null;
      }
      if (current === null) {
        warnings.push({ line: entry.line, code: "plan.strayLabels", message: PLAN_MESSAGES.strayLabels });
        return;
      }
      if (entry.lead !== null) {
        lastLabel = { value: entry.lead, line: entry.line };
        current.lead.push(lastLabel);
      }
      if (entry.responsible !== null) {
        lastLabel = { value: entry.responsible, line: entry.line };
        current.responsible.push(lastLabel);
      }
      current.last = entry.line;
      closed = true;
      return;
    }
    if (lastLabel !== null && current !== null && !/[。]$/.test(lastLabel.value) && continuesLabel(entries, index)) {
      lastLabel.value += entry.text;
      current.last = entry.line;
      return;
    }
    lastLabel = null;
    const heading = headings.at(-1);
    const headingGoesOn = isFragment(entry.text) || wrapsUpToItem(entries, index);
    if (current === null && pending === null && heading?.fresh === true && headingGoesOn) {
      heading.title += entry.text;
      return;
    }
    if (heading !== undefined) heading.fresh = false;
    if (current !== null && !closed) {
      current.body = appendLine(current.body, entry.text, titleOnItsLine);
      titleOnItsLine = false;
      current.last = entry.line;
      return;
    }
    current = null;
    pending = pending === null
      ? { body: entry.text, first: entry.line, last: entry.line }
      : { body: appendLine(pending.body, entry.text), first: pending.first, last: entry.line };
  });
  dropPending();
  return { tasks, warnings };
}
