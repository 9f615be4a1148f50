/**
 * 试算 recompute time: the workbook read once (prepareWhatIf), then one try of another 优秀分数线, as the 试算 panel
 * and `kaohe score --set` do. Run: npx tsx bench/whatIf.ts. Prints the median, fastest and slowest of nine tries.
 * Not yet part of `npm run bench` (docs/benchmarks.md): measured by hand, figures in the README's Benchmarks.
 */
import { prepareWhatIf } from "../lib/whatif";
import { generateBook } from "./generate";

for (const units of [60, 1000]) {
  const session = prepareWhatIf(generateBook(units));
  if (!("preview" in session)) throw new Error("the bench workbook does not score");
  const times: number[] = [];
  for (let i = 0; i < 9; i += 1) {
    const start = performance.now();
    session.preview([{ name: "优秀分数线", value: 85 + (i % 5) }]);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const ms = (value: number | undefined) => `${(value ?? 0).toFixed(0)} ms`;
  console.log(`试算 ${units} 个单位：中位 ${ms(times[4])}，最快 ${ms(times[0])}，最慢 ${ms(times[8])}`);
}
