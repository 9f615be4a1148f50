import { NotAWorkbookError, readWorkbookGrids } from "../files/xlsx";
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
  return { bytes, book: await namingTheFile(path, () => readWorkbookGrids(bytes)) };
}

/**
 * Work on the workbook read from `path` (reading it, or writing a copy of it); when the .xlsx host refuses the file as
 * not a workbook, a CliError naming the file (exit 2). Writing can refuse a file that read: a damaged part only a
 * writer needs, such as its styles.
 */
export async function namingTheFile<T>(path: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (cause) {
    if (cause instanceof NotAWorkbookError) throw new CliError(MSG.notAWorkbook(path, cause.message));
    throw cause;
  }
}
