import type { SheetFormat } from "../../lib/format";
import type { Operation } from "./batches";
import { OPERATION_BYTES } from "./budget";
import { VALIDATION_SET, type Supports } from "./supports";

/**
 * 评分's number checks (0 to 分值) as Excel data validation: a warning, so that 不适用 can still be typed after Excel
 * asks. Data validation is ExcelApi 1.8; where it is missing the sheet is correct without it (the reader checks every
 * value anyway).
 */
export function decimalValidationOperations(sheet: Excel.Worksheet, format: SheetFormat, supports: Supports): Operation[] {
  if (!supports(VALIDATION_SET)) return [];
  return (format.decimalValidations ?? []).map((validation) => ({
    bytes: OPERATION_BYTES * 3 + validation.prompt.length * 3,
    queue: () => {
      const range = sheet.getRange(validation.range);
      range.dataValidation.ignoreBlanks = true;
      range.dataValidation.rule = { decimal: { formula1: validation.min, formula2: validation.max, operator: "Between" } };
      range.dataValidation.errorAlert = { showAlert: true, style: "Warning", title: "输入有误", message: validation.prompt };
    },
  }));
}
