import { SECTION_HEADING } from "./formsHeading";
/** What the 试算 section and "what changed since the last run" say, in the users' words. */
export const TRIAL_UI_TEXT = {
  heading: SECTION_HEADING.trial,
  intro: "在下面改分数线、优秀比例上限、名次规则或上限，立即看到各组等次人数和哪些单位的等次、名次会变；试算不写入任何内容。满意后点“应用”才写入参数表。",
  start: "读取参数开始试算",
  reload: "重新读取",
  reading: "正在读取工作簿……",
  cannotStart: (errors: number) => `工作簿中有 ${errors} 个错误，无法计算，也就无法试算。请先改正下列错误（可点“检查数据”查看）。`,
  paramColumn: "参数",
  currentColumn: "现值",
  tryColumn: "试算值",
  blank: "（空）",
  follows: (name: string) => `同“${name}”`,
  followsPlaceholder: "不单独设定",
  inputLabel: (name: string) => `${name} 试算值`,
  noChange: "还没有改动：在“试算值”一栏改一个值，这里立即显示变化。",
  refused: "试算的值有错误，未计算。请按提示改正（这些值还没有写入任何地方）：",
  editsHeading: "“应用”将写入参数表的单元格（原值 → 新值）：",
  countsHeading: "各排名分组的等次人数（现在 → 试算）",
  groupColumn: "排名分组",
  count: (before: number, after: number) => (before === after ? String(after) : `${before} → ${after}`),
  changesHeading: "等次、名次或总分有变化的单位：",
  apply: "应用",
  applying: "正在写入并重新计算……",
  stale: "参数表在试算之后被改动过，未写入任何内容。下面是按现在的参数重新试算的结果，请再看一遍，确认后再点“应用”。",
  sinceLastHeading: "与上次计算相比",
  /** 应用 in a workbook that is open (Excel, WPS 表格). */
  appliedInWorkbook: (lines: readonly string[]) =>
    `已把试算的值写入参数表：${lines.join("；")}。原值已记入“计算说明”末尾的“试算应用”行，可照此改回；已按新参数重新计算等次。`,
  noParams: "工作簿中没有“参数”表，试算的值无处写入。请先点“加载考核模板”补上参数表（已有的表不会被改动），再试算。",
  applyExcel: "点“应用”后，上面列出的单元格写入本工作簿的“参数”表（原值记入“计算说明”末尾，可照此改回），并立即重新计算等次。其他表不变。",
  applyFile: "点“应用”后，改动写入本页中的工作簿（原参数表整张保留为“参数（原）”），并重新计算等次；电脑上的文件不变，需要时点“下载结果”保存。",
} as const;
