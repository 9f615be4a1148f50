/** What kaohe forms and kaohe collect print. */
export const FORMS_MSG = {
  needFolder: "缺少输出文件夹。请加 -o 文件夹名/，例如：kaohe forms 考核.xlsx -o 评分表/",
  formsRefused: "考核对象、考核指标或参数有错误，未生成任何表。请改正上面的错误后重试（kaohe check 可列出全部问题）。",
  formsExist: (folder: string, names: string, count: number) =>
    `文件夹 ${folder} 中已有 ${count} 个同名文件（如 ${names}），为免覆盖已收回的表，没有写入。请换一个文件夹；确要覆盖时，加上 --force。`,
  formWritten: (name: string) => `  ${name}`,
  formsWritten: (folder: string, scores: number, ratings: number, deadline: string | null) =>
    `已在 ${folder} 生成 ${scores} 份评分表、${ratings} 份互评表和 1 份满意度汇总表${deadline === null ? "（参数“截止日期”为空，表上未写截止日期）" : `，截止日期 ${deadline}`}。请分发给各单位，收回后用 kaohe collect 合并。`,
  needReturns: "缺少收回的表。请在工作簿后面给出收回的 .xlsx 文件或所在文件夹，例如：kaohe collect 考核.xlsx 收回/ -o 合并.xlsx",
  needOutput: "缺少输出文件。请加 -o 合并后的工作簿.xlsx，例如：kaohe collect 考核.xlsx 收回/ -o 考核（已回收）.xlsx",
  noXlsxIn: (folder: string) => `文件夹 ${folder} 中没有 .xlsx 文件。请确认收回的表放在这个文件夹里（WPS 的 .et 请先另存为 .xlsx）。`,
  outputExists: (path: string) => `文件已存在：${path}。为免覆盖，没有写入。请换一个文件名；确要覆盖时，加上 --force。`,
  replaceUnknown: (name: string) => `--replace-from 给出的“${name}”不在这次回收的文件中。请写收回文件的文件名，如 评分表-县司法局.xlsx。`,
  logTitle: "回收记录：",
  refusedLine: (file: string, reason: string) => `[未合并] ${file}：${reason}`,
  conflicts: "回收的表之间、或与工作簿已有的值之间有冲突，未写出任何文件。请按上面的说明处理后重试。",
  merged: (path: string, filled: number, forms: number) =>
    `已写出：${path}（从 ${forms} 份表合并 ${filled} 处新值，加上“回收记录”表）。输入的工作簿未作改动。`,
  nothingNew: (path: string) => `已写出：${path}。收回的表中没有新的值（与工作簿已有的相同），只更新了“回收记录”。`,
  refusedCount: (count: number) => `有 ${count} 份表未合并，原因见上；改正后可再次回收（已合并的值不会重复）。`,
  replacedLine: (text: string) => `[已替换] ${text}`,
} as const;
