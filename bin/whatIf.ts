import { GRADES } from "../lib/model";
import { describeChanges, type WhatIfPreview } from "../lib/whatif";

/** Every text of 试算 on the command line. */
const TEXT = {
  title: "试算（按下列参数计算，与工作簿自己的参数相比；未写入任何文件）：",
  edit: (cell: string, name: string, before: string, after: string, added: boolean) =>
    added ? `  ${cell} 加一行 ${name} = ${after}` : `  ${cell} ${name}：${before} → ${after}`,
  blank: "（空）",
  counts: "各排名分组的等次人数（原 → 试算）：",
  group: (group: string, parts: string) => `  ${group}：${parts}`,
  grade: (grade: string, before: number, after: number) => (before === after ? `${grade} ${after}` : `${grade} ${before} → ${after}`),
  changes: "等次、名次或总分有变化的单位：",
  written: (path: string, kept: string) => `已写出：${path}（参数、结果、计算说明、汇总）。参数表已改为试算的值，原参数表改名为“${kept}”保留；其他输入表未作改动。`,
};

/** The line after a 试算 written with -o. */
export function whatIfWritten(path: string, kept: string): string {
  return TEXT.written(path, kept);
}

/** The lines 试算 prints: the 参数 cells it tried, the counts per group before → after, the units that change. */
export function whatIfLines(preview: WhatIfPreview): string[] {
  const shown = (value: unknown) => (value === null || value === "" ? TEXT.blank : String(value));
  const lines = [TEXT.title, ...preview.edits.map((e) => TEXT.edit(`${e.sheet}!${e.cell}`, e.name, shown(e.before), shown(e.after), e.added)), "", TEXT.counts];
  preview.after.forEach((after, index) => {
    const before = preview.before[index];
    const parts = GRADES.map((grade) => TEXT.grade(grade, before?.byGrade[grade] ?? 0, after.byGrade[grade])).join("，");
    lines.push(TEXT.group(after.rankGroup, parts));
  });
  lines.push("", TEXT.changes, ...describeChanges(preview.changes).map((line) => `  ${line}`));
  return lines;
}
