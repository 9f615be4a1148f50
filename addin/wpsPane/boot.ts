import type { WpsApplication } from "../wps/model";

/**
 * What the WPS task pane found when it started. WPS injects its object model into every page of an add-in, but which
 * names it injects differs between versions: newer ones give `wps.EtApplication()` (and `window.Application`), some
 * older ones only `window.Application`. Each is looked for, none assumed.
 */
export type WpsBoot = { kind: "et"; app: () => WpsApplication } | { kind: "notEt" } | { kind: "noWps" };

interface WpsGlobals {
  wps?: { EtApplication?: () => unknown; WpsApplication?: () => unknown; WppApplication?: () => unknown };
  Application?: unknown;
}

/** A spreadsheet Application: it has the members the host reads first (checked without calling anything). */
function looksLikeEt(app: unknown): app is WpsApplication {
  return typeof app === "object" && app !== null && "ActiveWorkbook" in app && "DisplayAlerts" in app;
}

/** Finds WPS 表格's Application in the page's globals. */
export function findWps(globals: WpsGlobals): WpsBoot {
  const wps = globals.wps;
  if (wps !== undefined && typeof wps.EtApplication === "function") {
    const et = wps.EtApplication.bind(wps);
    return { kind: "et", app: () => et() as WpsApplication };
  }
  if (looksLikeEt(globals.Application)) {
    const app = globals.Application;
    return { kind: "et", app: () => app };
  }
  // WPS 文字 or 演示: the add-in object is there, but no spreadsheet.
  if (wps !== undefined || globals.Application !== undefined) return { kind: "notEt" };
  return { kind: "noWps" };
}
