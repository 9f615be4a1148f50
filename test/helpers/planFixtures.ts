import { Document, Packer, Paragraph, TextRun } from "docx";
import { fileURLToPath } from "node:url";

/**
 * The project's own 工作安排 fixtures (test/fixtures/plan/), so that every rule of 导入工作安排 is tested in a plain
 * clone: 工作安排.txt (UTF-8), 工作安排-gbk.txt (the same text made GBK by iconv, an encoder other than ours), and a
 * .docx made from the text at test time with the `docx` package, as Word writes one: a paragraph per line, the
 * first-line indent of official documents on body paragraphs.
 */
export const PLAN_TXT = fixture("工作安排.txt");
export const PLAN_GBK = fixture("工作安排-gbk.txt");
export const SCHEME_TXT = fixture("实施方案.txt");

function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/plan/${name}`, import.meta.url));
}

/** A Word document of the lines, one paragraph each (empty lines become empty paragraphs). */
export async function planDocx(lines: readonly string[]): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: lines.map(
          (line) =>
            new Paragraph({
              // Body text is indented two characters (about 420 twips at 10.5 pt); headings and labels are not.
              indent: /^[（(一二三四五六七八九十牵责]/.test(line) ? undefined : { firstLine: 420 },
              children: [new TextRun({ text: line, font: "仿宋_GB2312" })],
            }),
        ),
      },
    ],
  });
  return Packer.toBuffer(doc);
}
