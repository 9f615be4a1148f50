import { defaultRankGroup } from "../layout";

/** What the 责任单位 of one task mean for 适用类别. */
export interface ResponsibleReading {
  categories: "all" | string[];
  /** Words such as 县直有关单位 were read as all six 县直 categories. */
  countyWide: boolean;
  /** Words that name no unit (有关单位): read as every category. */
  vague: string[];
  /** Names kept as named units. */
  named: string[];
}

const TOWNSHIP = "乡镇";
const GOVERNMENT = "政府部门";

// Trailing words that do not change who is responsible: "县政府其他部门按职责分工负责", "县公安局等".
const TRAILING = /(按职责(分工)?负责|按职责分工|分别负责|负责|等单位|等部门|等)$/;
const TOWNSHIP_WORDS = /^(乡镇|乡（镇|乡\(镇|乡、镇|街道|办事处|(乡|镇)(人民)?政府)/;
const COUNTY_WORDS = /^县直(属)?(各|有关|各有关|其他|相关)?(单位|部门|机关)/;
const GOVERNMENT_WORDS = /^县?(人民)?政府(各|有关|其他|所属|工作|各有关)?(部门|单位)/;
const VAGUE_WORDS = /^(有关|相关|其他)?(单位|部门)$/;

type Term = { kind: "category"; names: string[]; countyWide?: boolean } | { kind: "vague" } | { kind: "named"; name: string };

/** How one 责任单位 word is read; `known` are the 类别 names in use. */
function readTerm(word: string, known: readonly string[]): Term {
  const term = word.replace(/^各/, "").replace(TRAILING, "").trim();
  if (known.includes(term)) return { kind: "category", names: [term] };
  if (TOWNSHIP_WORDS.test(term)) return { kind: "category", names: [TOWNSHIP] };
  if (COUNTY_WORDS.test(term)) {
    return { kind: "category", names: known.filter((c) => defaultRankGroup(c) === "县直单位"), countyWide: true };
  }
  if (GOVERNMENT_WORDS.test(term)) return { kind: "category", names: [GOVERNMENT] };
  if (term === "" || VAGUE_WORDS.test(term)) return { kind: "vague" };
  return { kind: "named", name: word.replace(TRAILING, "").trim() };
}

/**
 * 适用类别 from the names of a 责任单位 line: township words → 乡镇; 县直有关单位 and the like → every 县直 category;
 * 县政府各部门 → 政府部门; a category's own name → itself; anything else is kept as a named unit.
 * When the categories found cover every known category the answer is "all" (全部).
 */
export function readResponsible(names: readonly string[], known: readonly string[]): ResponsibleReading {
  // No 责任单位 at all: every unit, as a task addressed to no one in particular is everyone's.
  if (names.length === 0) return { categories: "all", countyWide: false, vague: [], named: [] };
  const categories = new Set<string>();
  const named: string[] = [];
  const vague: string[] = [];
  let countyWide = false;
  for (const word of names) {
    const term = readTerm(word, known);
    if (term.kind === "category") {
      term.names.forEach((name) => categories.add(name));
      countyWide ||= term.countyWide === true;
    } else if (term.kind === "vague") {
      vague.push(word);
    } else if (!named.includes(term.name)) {
      named.push(term.name);
    }
  }
  const everyCategory = known.length > 0 && known.every((c) => categories.has(c));
  if (vague.length > 0 || everyCategory) return { categories: "all", countyWide, vague, named };
  // Known categories in their usual order, then categories users added, then named units in the document's order.
  const ordered = [...known.filter((c) => categories.has(c)), ...[...categories].filter((c) => !known.includes(c))];
  return { categories: [...ordered, ...named], countyWide, vague, named };
}
