/**
 * The layout of Chinese official documents (GB/T 9704-2012 党政机关公文格式) in Word's units, for the 通报 and the
 * 反馈单: A4; 版心 156 mm × 225 mm (天头 37 mm, 订口 28 mm); 22 lines of 28 characters, so a line pitch of
 * 225 mm / 22 ≈ 28.95 pt and a character pitch of 156 mm / 28 ≈ 15.8 pt (3号 is 16 pt, drawn 0.25 pt closer);
 * title 2号 小标宋, body 3号 仿宋, first-level headings 黑体, second-level 楷体; page numbers 4号 宋体 "— 1 —", right on
 * odd pages and left on even ones, each one character in from the edge.
 */
import { DocumentGridType, PageNumber, type IRunOptions } from "docx";

/** 1 mm in twips (1/20 pt): 1440 twips an inch, 25.4 mm an inch. */
const MM = 1440 / 25.4;
const twips = (mm: number): number => Math.round(mm * MM);

/** The page number sits 7 mm below the 版心: its line (about 364 twips for 4号) ends 35 − 7 mm above the page edge less that. */
export const PAGE = {
  width: twips(210),
  height: twips(297),
  margin: { top: twips(37), bottom: twips(35), left: twips(28), right: twips(26), header: twips(15), footer: twips(35 - 7) - 364 },
} as const;

/** 22 lines on 225 mm: each line 579 twips (28.95 pt). */
export const LINE_PITCH = 579;
/**
 * A line grid of that pitch, for documents that want one. The 通报 has none: its paragraphs sit on exact lines of
 * LINE_PITCH (22 a page) and its characters are spaced to 28 a line (CHAR_SPACING). A character grid took its pitch
 * from the default size (10–12 pt without a 3号 default: 18 characters a line in LibreOffice; with one, LibreOffice
 * gave each 16 pt character two 15.8 pt cells: 14 a line), and a line grid made LibreOffice set the title's two lines
 * two grid lines apart.
 */
export const GRID = { type: DocumentGridType.LINES, linePitch: LINE_PITCH } as const;

/** 3号 characters drawn 0.25 pt closer (twips): 28 × 15.75 pt = 441 pt fit the 156 mm (442.2 pt) line. */
export const CHAR_SPACING = -5;

/** Font sizes in half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt. */
export const SIZE = { title: 44, body: 32, small: 28 } as const;
/** One character of 3号 in twips, for indents (2 characters before a paragraph, as 公文 are set). */
export const CHAR = 320;

/**
 * Font names as Chinese government PCs have them, each with the name Windows itself ships (altName in the font table)
 * to fall back on: Word takes the alternative when the first is missing, LibreOffice its own nearest CJK face.
 */
export const FONT = {
  title: { name: "方正小标宋简体", fallback: "宋体" },
  body: { name: "仿宋_GB2312", fallback: "仿宋" },
  heading1: { name: "黑体", fallback: "SimHei" },
  heading2: { name: "楷体_GB2312", fallback: "楷体" },
  pageNumber: { name: "宋体", fallback: "SimSun" },
} as const;
export type FontRole = keyof typeof FONT;

/** Run options for a font role: the same face for Chinese and for digits and Latin letters. */
export function fontRun(role: FontRole, size: number = SIZE.body): Pick<IRunOptions, "font" | "size"> {
  const name = FONT[role].name;
  return { font: { ascii: name, eastAsia: name, hAnsi: name, cs: name }, size };
}

/** "— 1 —" in 4号 宋体. */
export function pageNumberRun(): IRunOptions {
  return { ...fontRun("pageNumber", SIZE.small), children: ["— ", PageNumber.CURRENT, " —"] };
}
