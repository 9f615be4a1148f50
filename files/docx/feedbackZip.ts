import { zipSync } from "fflate";
import { feedbackFileName, type FeedbackBook } from "../../lib/report";
import { writeFeedbackDocx } from "./feedback";

/**
 * Every unit's 反馈单 as its own .docx, named as `kaohe report --feedback` names them (反馈单-城关镇.docx), in one .zip:
 * what the page and the task pane download, since a browser saves one file per click.
 */
export async function writeFeedbackZip(book: FeedbackBook): Promise<Uint8Array> {
  const entries: Record<string, Uint8Array> = {};
  for (const unit of book.units) entries[feedbackFileName(unit.name)] = await writeFeedbackDocx({ ...book, units: [unit] });
  // The .docx parts are compressed already: stored, the .zip is made at once and hardly larger.
  return zipSync(entries, { level: 0 });
}
