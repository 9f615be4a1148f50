import { PLAN_MESSAGES } from "./messages";
import type { RawTask } from "./structure";
import type { PlanWarning } from "./types";

function qualified(task: RawTask): string {
  return [...task.path, task.number].join(".");
}

/** Tasks of each numbering level have numbers of their own, none repeated: the plain number is enough. */
function plainNumbersUnique(tasks: readonly RawTask[]): (task: RawTask) => boolean {
  const byMarker = new Map<string, number[]>();
  for (const task of tasks) {
    if (task.marker === null || task.number === null) continue;
    byMarker.set(task.marker, [...(byMarker.get(task.marker) ?? []), task.number]);
  }
  const unique = new Set([...byMarker].filter(([, numbers]) => new Set(numbers).size === numbers.length).map(([marker]) => marker));
  return (task) => task.marker !== null && unique.has(task.marker);
}

/**
 * 编号 of each task, from the document's own numbers, in Arabic figures:
 * - when a numbering level runs on through the document ((一)…(三十五), or 1.…28.), the task's own number: "3";
 * - when it starts again under each heading, the numbers of the headings and the task joined by dots: "2.3";
 *   and so for every task when the two kinds of codes would clash;
 * - a paragraph without a number that is a task of its own: the 编号 of the task before it, a dash and a count: "4-1";
 * - a number the document repeats by mistake gets "-2", "-3"… with a warning.
 */
export function assignCodes(tasks: readonly RawTask[]): { codes: string[]; warnings: PlanWarning[] } {
  const plain = plainNumbersUnique(tasks);
  let numbered = tasks.map((task) => (task.number === null ? null : plain(task) ? String(task.number) : qualified(task)));
  const chosen = numbered.filter((code): code is string => code !== null);
  if (new Set(chosen).size !== chosen.length) {
    numbered = tasks.map((task) => (task.number === null ? null : qualified(task)));
  }
  const warnings: PlanWarning[] = [];
  const used = new Set<string>();
  const codeOf = new Map<RawTask, string>();
  const unnumberedCount = new Map<RawTask | null, number>();
  const codes = tasks.map((task, i) => {
    let code = numbered[i];
    if (code === null || code === undefined) {
      const count = (unnumberedCount.get(task.after) ?? 0) + 1;
      unnumberedCount.set(task.after, count);
      const base = task.after === null ? "0" : (codeOf.get(task.after) ?? "0");
      code = `${base}-${count}`;
    }
    if (used.has(code)) {
      let n = 2;
      while (used.has(`${code}-${n}`)) n += 1;
      const renamed = `${code}-${n}`;
      warnings.push({ line: task.first, code: "plan.duplicateCode", message: PLAN_MESSAGES.duplicateCode(code, renamed) });
      code = renamed;
    }
    used.add(code);
    codeOf.set(task, code);
    return code;
  });
  return { codes, warnings };
}
