/**
 * The 年度 a clerk may type for a new template: a four-digit year from 2000 to 2100. One rule for the command
 * line's --year, the task pane and the standalone page. (buildTemplate itself takes any four-digit year: code that
 * calls it is trusted; this range is for what people type.)
 */
export const TEMPLATE_YEARS = { first: 2000, last: 2100 } as const;

/** What to type instead, for every host: "请填写 2000 到 2100 之间的年份". */
export const TEMPLATE_YEAR_HINT = `请填写 ${TEMPLATE_YEARS.first} 到 ${TEMPLATE_YEARS.last} 之间的年份`;

/** The year typed (spaces around it allowed) when it is four digits within TEMPLATE_YEARS; otherwise null. */
export function parseTemplateYear(typed: string): number | null {
  const text = typed.trim();
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year >= TEMPLATE_YEARS.first && year <= TEMPLATE_YEARS.last ? year : null;
}
