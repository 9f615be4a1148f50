import type { Issue } from "../issue";
import type { AssessmentInput, AssessmentResult } from "../model";

export interface ScoreOutcome {
  result: AssessmentResult;
  issues: Issue[];
}

/** Spec §4, rules 1–11, for every unit. */
export function scoreAssessment(_input: AssessmentInput): ScoreOutcome {
  throw new Error("scoreAssessment: not implemented yet");
}
