import { NotAWorkbookError, readWorkbookGrids } from "../addin/xlsx";
import type { WorkbookGrids } from "../lib/grid";
import { CliError } from "./errors";
import { readInputFile } from "./files";
import { MSG } from "./messages";

export interface LoadedWorkbook {
  bytes: Uint8Array;
  book: WorkbookGrids;
}

/** Reads an .xlsx file from disk into grids; a file that is not a workbook is a CliError naming the file. */
export async function loadWorkbookFile(path: string): Promise<LoadedWorkbook> {
  const bytes = await readInputFile(path);
  try {
    return { bytes, book: await readWorkbookGrids(bytes) };
  } catch (cause) {
    if (cause instanceof NotAWorkbookError) throw new CliError(MSG.notAWorkbook(path, cause.message));
    throw cause;
  }
}
