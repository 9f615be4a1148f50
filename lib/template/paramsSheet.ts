import type { ListValidation, SheetOut } from "../format";
import { BLANK_SCORE_WORDS, HEADERS, NO, PARAM, PARAM_ROWS, RANK_RULE_WORDS, SHEET, YES } from "../layout";
import { PROMPTS } from "./messages";
import { inputSheetFormat } from "./sheetFormat";

const YES_NO_PARAMS: readonly string[] = [PARAM.trimPeer, PARAM.uniformRaterInvalid];

/**
 * 参数: one row per PARAM_ROWS entry with the year (and the example's 地区, when given) filled in, explanations in C,
 * drop-downs where the value is a choice.
 */
export function paramsSheet(year: number, region: string | null = null, peerRaters: string | null = null): SheetOut {
  const filled = (name: string, value: string | number | null) =>
    name === PARAM.year ? year : name === PARAM.region && region !== null ? region : name === PARAM.peerRaters && peerRaters !== null ? peerRaters : value;
  const rows = [[...HEADERS.params], ...PARAM_ROWS.map((param) => [param.name, filled(param.name, param.value), param.explanation])];
  return {
    name: SHEET.params,
    rows,
    format: inputSheetFormat({
      columnWidths: [22, 36, 90],
      headerColumns: HEADERS.params.length,
      styles: [
        { range: `B2:B${rows.length}`, horizontal: "left" },
        { range: `C2:C${rows.length}`, wrap: true },
      ],
      validations: PARAM_ROWS.flatMap((param, index) => choiceFor(param.name, index + 2)),
    }),
  };
}

// A drop-down on the 值 cell of each parameter whose value is one of a few words.
function choiceFor(name: string, row: number): ListValidation[] {
  const range = `B${row}`;
  if (YES_NO_PARAMS.includes(name)) return [{ range, list: [YES, NO], prompt: PROMPTS.yesNo }];
  if (name === PARAM.rankRule) return [{ range, list: Object.values(RANK_RULE_WORDS), prompt: PROMPTS.rankRule }];
  if (name === PARAM.blankScore) return [{ range, list: Object.values(BLANK_SCORE_WORDS), prompt: PROMPTS.blankScore }];
  return [];
}
