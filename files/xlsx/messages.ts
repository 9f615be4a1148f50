/** What users read when a file is not something the .xlsx host can open. */
export const XLSX_MESSAGES = {
  notAWorkbook: "这不是 Excel 工作簿（.xlsx）文件，无法打开。如果是 .xls、.et、.csv 或其他格式，请用 Excel 或 WPS 另存为 .xlsx 后再打开。",
  emptyFile: "这不是 Excel 工作簿（.xlsx）文件：它是空的（0 字节），可能没有保存完或下载不完整。请在 Excel 或 WPS 中打开原来的工作簿，另存为 .xlsx 后再打开。",
  oldOrEncrypted:
    "这个文件是旧版 .xls（或 WPS 的 .et）格式，或者设置了打开密码，无法读取。请在 Excel 或 WPS 中打开它；如有打开密码，先取消密码（Excel：文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码后确定）；再用“另存为”保存为“Excel 工作簿（*.xlsx）”后打开。",
  partTooLarge: "文件中的某部分解压后过大，可能已损坏或不是考核工作簿，无法打开。请在 Excel 或 WPS 中打开原来的工作簿，另存为 .xlsx 后再打开。",
  unsafeEntryName:
    "这不是 Excel 工作簿（.xlsx）文件：文件内部含有不安全的路径（如 ../ 或 /tmp/ 开头的名称），为安全起见不予打开。请在 Excel 或 WPS 中打开原来的工作簿，另存为 .xlsx 后再打开。",
  noSheets: "这个 Excel 工作簿（.xlsx）中没有工作表，无法打开。请用 Excel 或 WPS 另存为 .xlsx 后再打开。",
} as const;

/** The title of the box Excel shows when a value outside a drop-down list is typed. */
export const VALIDATION_ERROR_TITLE = "输入有误";
