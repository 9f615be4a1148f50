/** What users read when a file is not something the .xlsx host can open. */
export const XLSX_MESSAGES = {
  notAWorkbook: "这不是 Excel 工作簿（.xlsx）文件，无法打开。如果是 .xls、.et、.csv 或其他格式，请用 Excel 或 WPS 另存为 .xlsx 后再打开。",
  noSheets: "这个 Excel 工作簿（.xlsx）中没有工作表，无法打开。请用 Excel 或 WPS 另存为 .xlsx 后再打开。",
} as const;
