/** What the task pane found when it started. */
export type BootState = "excel" | "noOffice" | "notExcel";

interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  HostType?: { Excel?: unknown };
}

/** How long Office.onReady may take before the page says it is not inside Excel (office.js loaded but no host answers). */
export const READY_TIMEOUT_MS = 5000;

/**
 * Waits for Office: no `Office` global (office.js blocked or missing), onReady not resolving in time,
 * or a host other than Excel each give a state the page can explain instead of a blank pane.
 */
export async function waitForExcel(office: OfficeLike | undefined, timeoutMs = READY_TIMEOUT_MS): Promise<BootState> {
  if (office === undefined || typeof office.onReady !== "function") return "noOffice";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady().catch(() => null), timeout]);
    if (info === null) return "noOffice";
    // Outside any Office client onReady resolves with host null.
    if (info.host === null || info.host === undefined) return "noOffice";
    const excel = office.HostType?.Excel ?? "Excel";
    return info.host === excel ? "excel" : "notExcel";
  } finally {
    clearTimeout(timer);
  }
}
