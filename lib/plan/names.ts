const OPEN = "（(〔[【《";
const CLOSE = "）)〕]】》";
const SEPARATORS = "、，,；;";

/**
 * The unit names of a 牵头单位 or 责任单位 value: split on 、，,；; and spaces, but not inside brackets,
 * so that "乡（镇、办）" stays one name.
 */
export function splitNames(value: string): string[] {
  const names: string[] = [];
  let depth = 0;
  let current = "";
  const push = (): void => {
    const name = current.trim();
    if (name !== "") names.push(name);
    current = "";
  };
  for (const ch of value) {
    if (OPEN.includes(ch)) depth += 1;
    if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && (SEPARATORS.includes(ch) || /\s/.test(ch))) push();
    else current += ch;
  }
  push();
  return names;
}

/** A name as compared with 考核对象: spaces (including full-width) removed. */
export function nameKey(name: string): string {
  return name.replace(/\s/g, "");
}
