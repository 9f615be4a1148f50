/** The .xlsx host: bytes in, grids out; outputs in, bytes out. Isomorphic: used by the command line and the standalone page. */
export { readWorkbookGrids } from "./read";
export { writeOutputSheets, buildWorkbook } from "./write";
export { NotAWorkbookError } from "./errors";
export { XLSX_MESSAGES } from "./messages";
export type { Bytes } from "./library";
export { replaceSheets, type ReplaceOutcome } from "./replace";
export { DEFLATE_LEVELS, fromGzip, type Compressor, type DeflatedPart, type PartPieces } from "./deflate";
