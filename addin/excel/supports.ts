/** Whether the running Excel has a requirement set (ExcelApi "1.7" …); injected so tests can say yes or no. */
export type Supports = (version: string) => boolean;

/** Office's own answer. */
export const officeSupports: Supports = (version) => Office.context.requirements.isSetSupported("ExcelApi", version);

/** Freeze panes and tab colour. */
export const FREEZE_AND_TAB_SET = "1.7";
/** Data validation (drop-down lists). */
export const VALIDATION_SET = "1.8";
/** Page layout for printing (orientation, fit to pages, print titles, header and footer, page breaks). */
export const PAGE_LAYOUT_SET = "1.9";
/** Charts whose series take the groups as x-axis values. */
export const CHART_SET = "1.7";
/** Range.copyFrom: a new output is copied into the existing sheet, which keeps its identity. */
export const COPY_SET = "1.9";
