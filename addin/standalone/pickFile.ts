import type { FileLike } from "./fileHost";

/**
 * Shows the browser's file picker for an .xlsx file; resolves with the file, or null when the user cancels.
 * Must be called from a click or key press: browsers open pickers only for a user's action.
 */
export function pickFile(doc: Document = document): Promise<FileLike | null> {
  return new Promise((resolve) => {
    const input = doc.createElement("input");
    input.type = "file";
    input.accept = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    input.addEventListener("change", () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener("cancel", () => resolve(null), { once: true });
    input.click();
  });
}
