import type { SheetOut } from "../format";
import type { Issue } from "../issue";
import type { AssessmentResult } from "../model";

/** 结果, 计算说明 and 汇总, with formats. */
export function renderOutputs(_result: AssessmentResult): SheetOut[] {
  throw new Error("renderOutputs: not implemented yet");
}

/** Spec §5 JSON. */
export interface ResultsJson {
  year: number | null;
  units: {
    name: string;
    category: string;
    rankGroup: string;
    indicatorEarned: string;
    indicatorPossible: string;
    satisfaction: string | null;
    peer: string | null;
    normalised: string;
    bonus: string;
    penalty: string;
    total: string;
    rank: number;
    grade: string;
    notes: string[];
  }[];
  issues: { level: "error" | "warning"; sheet: string; cell: string; message: string }[];
}

export function toJson(_result: AssessmentResult | null, _issues: readonly Issue[]): ResultsJson {
  throw new Error("toJson: not implemented yet");
}
