import { DEFAULT_INDICATORS } from "../indicators";
import type { TemplateData } from "../templateData";
import { EXAMPLE_ADJUSTMENTS } from "./adjustments";
import { COUNTY, exampleUnits } from "./county";
import { exampleLastYear } from "./lastYear";
import { examplePeer } from "./peer";
import { seededRandom } from "./random";
import { exampleSatisfaction } from "./satisfaction";
import { exampleScores } from "./scores";
import { exampleDaily } from "./daily";

// Any fixed seed will do; changing it changes every made-up figure of the example.
const SEED = 20240601;

/** The built-in example county 示例县, the same on every call. */
export function buildExample(): TemplateData {
  const random = seededRandom(SEED);
  const units = exampleUnits();
  const lastYear = exampleLastYear(units, random);
  return {
    county: COUNTY,
    // 考核方案 §五（七）: 县政府工作部门 and 乡（镇） rate each other (lib/template/example/peer.ts).
    peerRaters: "乡镇、政府部门",
    units: units.map((unit) => ({
      name: unit.name,
      category: unit.category,
      rankGroup: null,
      lastRank: lastYear.get(unit.name)?.rank ?? null,
      lastGrade: lastYear.get(unit.name)?.grade ?? null,
    })),
    scores: exampleScores(units, DEFAULT_INDICATORS, random),
    satisfaction: exampleSatisfaction(units, random),
    peer: examplePeer(units, random),
    adjustments: [...EXAMPLE_ADJUSTMENTS],
    daily: exampleDaily(units),
  };
}
