import type { SheetOut } from "../format";
import type { Grid } from "../grid";
import type { AssessmentInput } from "../model";
import type { RunOutcome } from "../run";
import { PROGRAM_NAME, PROGRAM_VERSION } from "../version";
import type { Digest } from "./digest";
import { fingerprint, type Fingerprint } from "./fingerprint";
import { gridSection, inputSections, OUTPUT_SECTION_SHEETS } from "./sections";
import { stampOutputs, stampTime } from "./stamp";

export interface SealOptions {
  /** The host's SHA-256 (Web Crypto in a browser, node:crypto on the command line). */
  digest: Digest;
  /** The time of 计算等次 (a parameter, so that tests and hosts agree on one). */
  now: Date;
  /** Defaults to "kaohe <version>". */
  program?: string;
}

/** The output sheets' grids a fingerprint covers, by name: rendered SheetOut rows or grids read back. */
export type OutputGrids = ReadonlyMap<string, Grid | SheetOut["rows"]>;

/**
 * The fingerprint of one scoring: the values read from each input sheet, then the figures of 结果 and 汇总.
 * An output sheet absent from `outputs` counts as empty.
 */
export async function assessmentFingerprint(input: AssessmentInput, outputs: OutputGrids, digest: Digest): Promise<Fingerprint> {
  const sections = [...inputSections(input), ...OUTPUT_SECTION_SHEETS.map((sheet) => gridSection(sheet, outputs.get(sheet) ?? []))];
  return fingerprint(sections, digest);
}

export function programName(): string {
  return `${PROGRAM_NAME} ${PROGRAM_VERSION}`;
}

/**
 * 计算等次's outcome with the fingerprint, program and time recorded at the end of 计算说明. An outcome without
 * outputs (errors) is returned as it is.
 */
export async function sealOutcome(outcome: RunOutcome, options: SealOptions): Promise<RunOutcome> {
  if (outcome.outputs === null || outcome.input === null) return outcome;
  const grids = new Map(outcome.outputs.map((sheet) => [sheet.name, sheet.rows] as const));
  const print = await assessmentFingerprint(outcome.input, grids, options.digest);
  const stamp = { fingerprint: print, program: options.program ?? programName(), time: stampTime(options.now) };
  return { ...outcome, outputs: stampOutputs(outcome.outputs, stamp) };
}
