/** Every text of 导入工作安排 that users read, in one place. */
export const PLAN_MESSAGES = {
  noTasks: "没有找到带编号的任务（如“一、”“（一）”“1.”开头的段落），请检查粘贴的是不是工作安排的正文。",
  strayText: (first: number, last: number): string =>
    `第${first === last ? first : `${first}–${last}`}行的段落不属于任何任务（前一项任务已列出牵头单位、责任单位，这一段后面又没有自己的），未导入；如果它是一项任务，请在段首加上编号或在其后写明牵头单位、责任单位。`,
  strayLabels: "这一行的牵头单位、责任单位前面没有任务内容，未导入；请把它放在所属任务的后面。",
  unnumbered: (code: string, after: string): string =>
    `这一段没有编号，但有自己的牵头单位、责任单位，已作为单独的任务导入（编号 ${code}，排在编号 ${after} 之后）；如它应是上一项任务的一部分，请合并这两行。`,
  noLabelsAnywhere: (count: number): string =>
    `全文没有“牵头单位”“责任单位”行：${count}项任务的考核主体都留空，适用类别都按“全部”，请在考核指标表中逐项填写。`,
  noLead: (code: string): string => `编号 ${code} 的任务没有“牵头单位”行，考核主体留空，请在考核指标表中填写。`,
  noResponsible: (code: string): string => `编号 ${code} 的任务没有“责任单位”行，适用类别按“全部”；如不是所有单位都承担这项任务，请修改适用类别。`,
  countyWide: (count: number, categories: string): string =>
    `“县直有关单位”“县直各单位”等说法按县直全部类别（${categories}）计，涉及${count}项任务；如只涉及其中部分单位，请修改这些任务的适用类别。`,
  vague: (code: string, words: string): string =>
    `编号 ${code} 的责任单位“${words}”没有说明是哪些单位，适用类别按“全部”，请核对。`,
  unknownUnit: (code: string, names: string): string =>
    `编号 ${code} 的责任单位中“${names}”不在考核对象中：已原样写入适用类别（只对名称完全相同的单位适用）；如果考核对象中的名称写法不同，请把其中一处改成一致。`,
  emptyTask: (code: string): string => `编号 ${code} 的任务只有编号、没有内容，二级指标留空，请补充。`,
  duplicateCode: (code: string, renamed: string): string =>
    `原文中编号 ${code} 出现了不止一次，这一项的编号改为 ${renamed}；请核对原文的编号。`,
  pointGroup: (categories: string, count: number, codes: string, total: string): string =>
    `适用类别为“${categories}”的${count}项任务（编号 ${codes}）合计${total}分：分值按适用类别分组各自合计，计算等次时按应得分换算；请按需调整分值。`,
  zeroPoints: (categories: string, count: number, total: string): string =>
    `适用类别为“${categories}”的任务有${count}项，${total}分按半分分配不够每项至少0.5分，有的任务分值为0；请合并任务或调整分值。`,
} as const;
