import { SECTION_HEADING } from "./formsHeading";
/** Every text of the 导入工作安排 section (task pane and standalone page), in one place. */
export const PLAN_TEXT = {
  heading: SECTION_HEADING.plan,
  intro: "按“安排什么考核什么”，把年度工作安排中的每项任务变成考核指标表的一行。粘贴正文，或打开 .txt / .docx 文件，先预览，再写入。",
  textLabel: "工作安排正文",
  textPlaceholder: "把工作安排的正文粘贴到这里（从“一、……”开始即可）",
  openFile: "打开 .txt / .docx 文件",
  totalLabel: "每类指标总分",
  totalInvalid: "请填写 0.5 的整数倍的正数，如 40。",
  preview: "预览",
  write: "写入考核指标",
  noTasks: "没有找到任何工作任务。请确认粘贴的是工作安排的正文（任务以“1.”“（一）”等编号开头）。",
  found: (count: number) => `共找到 ${count} 项工作任务。分值按适用类别平均分配，写入后可以在考核指标表中调整。`,
  warningsTitle: (count: number) => `请留意以下 ${count} 条提示：`,
  warningLine: (line: number, message: string) => `第${line}行：${message}`,
  columns: ["编号", "一级指标", "二级指标", "考核主体", "适用类别", "分值"] as const,
  existing: (rows: number) => `工作簿的考核指标表已有 ${rows} 行指标。`,
  confirmReplace: "替换现有的考核指标（原表改名为“考核指标（原）”保留）",
  fileRead: (name: string) => `已读取：${name}`,
  fileUnreadable: (name: string) => `无法读取“${name}”。请在 Word 中另存为 .docx，或复制正文粘贴到上面。`,
  downloaded: (rows: number, kept: string | null) =>
    `已下载新工作簿：考核指标 ${rows} 行${kept === null ? "" : `，原表改名为“${kept}”保留`}；打开的文件没有改动。请打开新工作簿，点击“生成评分表”使评分表的列与新的考核指标一致。`,
  written: (rows: number, kept: string | null) =>
    `已写入考核指标 ${rows} 行${kept === null ? "" : `，原表改名为“${kept}”保留`}。评分表的列仍是原来的指标，请按新的考核指标调整评分表（第1行每列为“编号 二级指标”，第2行为分值）。`,
} as const;
