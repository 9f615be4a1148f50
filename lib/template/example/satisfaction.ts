import { D } from "../../decimal";
import type { TemplateSatisfaction } from "../templateData";
import type { ExampleUnit } from "./county";
import type { Random } from "./random";

/** Units left out of the survey (no row): the item does not apply to them, so they are rescaled on what remains. */
export const NOT_SURVEYED: readonly string[] = ["县人大常委会办公室", "县政协办公室", "县委统战部", "县委编办", "县科协", "县残联"];

/** 满意度: 政府部门 and every other 驻县单位 by ballot counts, the others as a percentage in half points. */
export function exampleSatisfaction(units: readonly ExampleUnit[], random: Random): TemplateSatisfaction[] {
  return units.flatMap((unit, index): TemplateSatisfaction[] => {
    if (NOT_SURVEYED.includes(unit.name)) return [];
    const byBallots = unit.category === "政府部门" || (unit.category === "驻县单位" && index % 2 === 0);
    return [byBallots ? ballots(unit, random) : percent(unit, random)];
  });
}

function percent(unit: ExampleUnit, random: Random): TemplateSatisfaction {
  const halves = Math.min(200, 2 * unit.quality + random.int(-8, 4));
  return { unit: unit.name, percent: new D(halves).div(2).toNumber() };
}

// About `quality` % 满意 among the counted ballots; of the rest two thirds 基本满意; a few 不了解 on top.
function ballots(unit: ExampleUnit, random: Random): TemplateSatisfaction {
  const counted = random.int(30, 60);
  const share = Math.min(100, unit.quality + random.int(-8, 2));
  const satisfied = new D(counted).times(share).div(100).floor().toNumber();
  const rest = counted - satisfied;
  const basic = new D(rest).times(2).div(3).floor().toNumber();
  return { unit: unit.name, satisfied, basic, unsatisfied: rest - basic, unknown: random.int(0, 4) };
}
