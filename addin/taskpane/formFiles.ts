/**
 * The file layer of 分发与回收 for the Excel host (which may not import files/): forms written and zipped, returned
 * files read as grids (the .zip is downloaded by the host's save, addin/ui/download). The task pane loads this module
 * on the first 分发 or 回收 only.
 */
import { writeForms, zipForms } from "../../files/forms";
import { NotAWorkbookError, readWorkbookGrids } from "../../files/xlsx";
import type { FormFiles } from "../excel/forms";

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
};
