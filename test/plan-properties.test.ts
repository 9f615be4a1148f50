import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { describeCategories } from "../lib/applies";
import { D } from "../lib/decimal";
import { parseWorkPlan } from "../lib/plan";

// Characters that can never start a numbered item, a label or a page number, so that generated text is only text.
const HAN = [..."法治政府建设考核推进落实依法行政规范执法监督公开诚信调解复议应诉信访宣传队伍机制制度体系改革服务"];
const han = (min: number, max: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...HAN), { minLength: min, maxLength: max }).map((cs) => cs.join(""));

const RESPONSIBLE = [
  "各乡镇人民政府、街道办事处，县直有关单位",
  "各乡镇人民政府、街道办事处，县政府各部门",
  "县法院、县检察院",
  "群团机关、人大政协",
] as const;
const LEADS = ["县司法局", "县政府办、县司法局", "县委编办"] as const;
const CN = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五", "十六", "十七", "十八", "十九", "二十"];

interface GenTask {
  title: string;
  sentences: string[];
  /** Where to break the body's text across lines (fractions of its length). */
  breaks: number[];
  lead: string | null;
  responsible: string | null;
  halfWidth: boolean;
}

const task: fc.Arbitrary<GenTask> = fc.record({
  title: han(2, 15),
  sentences: fc.array(han(1, 30), { minLength: 0, maxLength: 3 }),
  breaks: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 2 }),
  lead: fc.option(fc.constantFrom(...LEADS)),
  responsible: fc.option(fc.constantFrom(...RESPONSIBLE)),
  halfWidth: fc.boolean(),
});

const plan = fc.record({
  sections: fc.array(fc.record({ heading: han(2, 12), tasks: fc.array(task, { minLength: 1, maxLength: 4 }) }), { minLength: 1, maxLength: 4 }),
  restart: fc.boolean(),
  pageLines: fc.boolean(),
  total: fc.integer({ min: 1, max: 200 }).map((halves) => halves / 2),
});

type GenPlan = typeof plan extends fc.Arbitrary<infer T> ? T : never;

/** The body as written: title, 。, the sentences each ending in 。; the break points split it into lines. */
function bodyLines(t: GenTask): string[] {
  const body = `${t.title}。${t.sentences.map((s) => `${s}。`).join("")}`;
  // Lines break only after the title, so that a title is never cut (where a break in a title goes is ambiguous).
  const cuts = t.breaks.map((f) => t.title.length + 1 + Math.floor(f * (body.length - t.title.length - 1))).sort((a, b) => a - b);
  const lines: string[] = [];
  let from = 0;
  for (const cut of cuts) {
    if (cut > from && cut < body.length) {
      lines.push(body.slice(from, cut));
      from = cut;
    }
  }
  lines.push(body.slice(from));
  return lines;
}

function render(p: GenPlan): { text: string; bodies: string[] } {
  const out: string[] = ["某县2024年度法治政府建设工作安排", ""];
  const bodies: string[] = [];
  let running = 0;
  p.sections.forEach((section, s) => {
    out.push(`${CN[s]}、${section.heading}`, "");
    section.tasks.forEach((t, i) => {
      running += 1;
      const n = p.restart ? i + 1 : running;
      const [first, ...rest] = bodyLines(t);
      out.push(`${t.halfWidth ? "(" : "（"}${CN[n - 1]}${t.halfWidth ? ") " : "）"}${first}`);
      for (const line of rest) {
        out.push("");
        if (p.pageLines) out.push(`- ${running + 1} -`, "");
        out.push(line);
      }
      out.push("");
      if (t.lead !== null) out.push(`牵头单位：${t.lead}`, "");
      if (t.responsible !== null) out.push(`责任单位${t.halfWidth ? ": " : "："}${t.responsible}`, "");
      bodies.push(`${t.title}。${t.sentences.map((x) => `${x}。`).join("")}`);
    });
  });
  return { text: out.join("\n"), bodies };
}

const noSpace = (s: string): string => s.replace(/\s/g, "");

describe("parseWorkPlan laws", () => {
  it("the 分值 of each 适用类别 set sum to the chosen total, and each is a multiple of 0.5", () => {
    fc.assert(
      fc.property(plan, (p) => {
        const { rows } = parseWorkPlan(render(p).text, { total: p.total });
        const sums = new Map<string, D>();
        for (const row of rows) {
          expect(row.maxPoints.times(2).isInteger()).toBe(true);
          expect(row.maxPoints.gte(0)).toBe(true);
          const key = describeCategories(row.categories);
          sums.set(key, (sums.get(key) ?? new D(0)).plus(row.maxPoints));
        }
        for (const sum of sums.values()) expect(sum.toString()).toBe(new D(p.total).toString());
      }),
      { numRuns: 150 },
    );
  });

  it("loses no task text: one row per task, and title + 。 + content is the task's body", () => {
    fc.assert(
      fc.property(plan, (p) => {
        const { text, bodies } = render(p);
        const { rows } = parseWorkPlan(text);
        expect(rows).toHaveLength(bodies.length);
        rows.forEach((row, i) => {
          expect(noSpace(`${row.level2}。${row.content}`)).toBe(noSpace(bodies[i] ?? ""));
        });
      }),
      { numRuns: 150 },
    );
  });

  it("every non-space character of the task bodies appears in some row", () => {
    fc.assert(
      fc.property(plan, (p) => {
        const { text, bodies } = render(p);
        const all = parseWorkPlan(text).rows.map((r) => r.level2 + r.content).join("");
        for (const ch of noSpace(bodies.join("")).replace(/。/g, "")) expect(all).toContain(ch);
      }),
      { numRuns: 50 },
    );
  });

  it("gives every task a distinct 编号 and reads its 牵头单位 as 考核主体", () => {
    fc.assert(
      fc.property(plan, (p) => {
        const { rows } = parseWorkPlan(render(p).text);
        expect(new Set(rows.map((r) => r.code)).size).toBe(rows.length);
        const tasks = p.sections.flatMap((s) => s.tasks);
        rows.forEach((row, i) => expect(row.assessor).toBe(tasks[i]?.lead ?? ""));
      }),
      { numRuns: 100 },
    );
  });
});
