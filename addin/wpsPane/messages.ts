/** What the WPS add-in itself says (the pane's own texts are addin/ui/messages.ts). */
export const WPS_PANE_TEXT = {
  title: "法治考核",
  noWps: "请在 WPS 表格中通过“开始 > 法治考核”打开本加载项。没有 WPS 表格或 Excel 时，可使用独立网页版（kaohe.html，向信息中心索取）。",
  notEt: "本加载项只能在 WPS 表格中使用（WPS 文字、WPS 演示中不能用）。请打开考核工作簿所在的 WPS 表格，再点击“开始 > 法治考核”。",
  /** The ribbon: group and button. */
  group: "法治考核",
  button: "法治考核",
  screentip: "打开法治考核窗格：计算等次、检查数据、加载考核模板",
  paneFailed: "无法打开“法治考核”窗格：此版本的 WPS 不提供任务窗格接口（CreateTaskPane）。请升级 WPS，或使用独立网页版。",
} as const;
