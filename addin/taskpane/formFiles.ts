/**
 * The file layer of 分发与回收 for the Excel host (which may not import files/): forms written and zipped, returned
 * files read as grids, a .zip offered as a download. The task pane loads this module on the first 分发 or 回收 only.
 */
import { writeForms, zipForms } from "../../files/forms";
import { NotAWorkbookError, readWorkbookGrids } from "../../files/xlsx";
import type { FormFiles } from "../excel/forms";

/**
 * A download through a Blob URL and a temporary link: Excel on the web and Excel for Windows (WebView2) save it
 * (Windows shows the download in the task pane); Excel for Mac's WebView does not download at all, which the pane's
 * note says (use the standalone page or the command line there). The URL is revoked later: at once can cancel it.
 */
export function downloadBytes(bytes: Uint8Array, fileName: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/zip" }));
  const link = doc.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

export const formFiles: FormFiles = {
  zipForms: async (forms) => zipForms(await writeForms(forms)),
  readBook: async (bytes) => {
    try {
      // A copy: the reader may detach the buffer it is given, and the pane keeps the files for 写入.
      return { book: await readWorkbookGrids(bytes.slice(0)) };
    } catch (error) {
      if (error instanceof NotAWorkbookError) return { book: null, reason: error.message };
      throw error;
    }
  },
  save: downloadBytes,
};
