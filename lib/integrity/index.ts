/**
 * 核验 and 指纹: the canonical form of what was read and written, a fingerprint over it (the hash supplied by the
 * host), its record in 计算说明, and the check of a received workbook. Also for other features that need to know
 * whether some data changed (the forms of 分发与回收 fingerprint 考核对象 + 考核指标 with `valueSection`).
 *
 * @example
 *   const sections = [valueSection(SHEET.units, input.units), valueSection(SHEET.indicators, input.indicators)];
 *   const print = await fingerprint(sections, digest); // print.value: 64 hex digits
 */
export { canonicalText, CanonicalWriter, type ByteSink } from "./canonical";
export { DIGEST_ALGORITHM, isDigestHex, type Digest, type DigestStream } from "./digest";
export { fromUtf8, utf8Bound, writeUtf8 } from "./utf8";
export { combine, fingerprint, type Fingerprint } from "./fingerprint";
export { gridSection, INPUT_SECTION_SHEET, inputSections, OUTPUT_SECTION_SHEETS, sectionText, valueSection, type Section } from "./sections";
export { assessmentFingerprint, programName, sealOutcome, type OutputGrids, type SealOptions } from "./seal";
export { readStamp, stampAudit, stampOutputs, stampTime, type RecordedStamp, type Stamp } from "./stamp";
export { changedScoreLine, differenceLine, LISTED_DIFFERENCES, verifyWorkbook, type CellDifference, type VerifyOutcome } from "./verify";
export { changedScores, type ChangedScore } from "./changedScores";
export { STAMP_GROUP, STAMP_ITEM, VERIFY } from "./messages";
