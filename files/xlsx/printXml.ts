/**
 * A sheet's page setup (lib's PrintSetup) as worksheet XML, for the graft writer: the elements go where the schema
 * puts them (printOptions, pageMargins, pageSetup, headerFooter, rowBreaks after the data and the validations).
 * The repeated rows and columns are a defined name in the workbook part (printTitlesFormula), written by the graft.
 */
import type { PrintSetup } from "../../lib/format";
import { xmlText } from "./xmlEdit";

/** A4 in the paperSize codes of the file format. */
const PAPER_A4 = 9;
/** Excel's default margins, for a sheet without a page setup. */
const DEFAULT_MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';

/** <pageSetUpPr fitToPage="1"/> for <sheetPr> of a sheet with a page setup (always fitted to pages); "" otherwise. */
export function pageSetUpProperties(print: PrintSetup | undefined): string {
  return print === undefined ? "" : '<pageSetUpPr fitToPage="1"/>';
}

/** Everything after <dataValidations>: print options, margins, page setup, header and footer, page breaks. */
export function printXml(print: PrintSetup | undefined): string {
  if (print === undefined) return DEFAULT_MARGINS;
  const { margins } = print;
  const options = `${print.centerHorizontally ? ' horizontalCentered="1"' : ""}${print.gridLines ? ' gridLines="1"' : ""}`;
  const fit = ` fitToWidth="${print.fit.width}" fitToHeight="${print.fit.height}"`;
  const breaks = [...new Set(print.rowBreaks)].filter((row) => row > 0).sort((a, b) => a - b);
  return [
    options === "" ? "" : `<printOptions${options}/>`,
    `<pageMargins left="${margins.left}" right="${margins.right}" top="${margins.top}" bottom="${margins.bottom}" header="${margins.header}" footer="${margins.footer}"/>`,
    `<pageSetup paperSize="${PAPER_A4}" orientation="${print.orientation}"${fit}/>`,
    `<headerFooter>${print.header === "" ? "" : `<oddHeader>${xmlText(`&C${print.header}`)}</oddHeader>`}${print.footer === "" ? "" : `<oddFooter>${xmlText(`&C${print.footer}`)}</oddFooter>`}</headerFooter>`,
    // A break's id is the 0-based row that begins the new page (the 1-based number of the last row before it).
    breaks.length === 0 ? "" : `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((row) => `<brk id="${row}" max="16383" man="1"/>`).join("")}</rowBreaks>`,
  ].join("");
}
