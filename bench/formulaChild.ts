/** Part 5 in its own process: `node --import tsx bench/formulaChild.ts <units> <dir>` prints one JSON line (FormulaFigures). */
import { measureFormulas } from "./formulas";

console.log(JSON.stringify(await measureFormulas(Number(process.argv[2]), process.argv[3] ?? "bench/out/lo")));
