/**
 * The ribbon's callbacks (built into main.js, which index.html loads when WPS starts the add-in). WPS calls them by the
 * names ribbon.xml gives (onLoad, onAction, getImage), as functions of index.html's window: so they are put there.
 * This page never shows; it only opens the task pane. It loads nothing else (no React, no lib/).
 */
import { WPS_PANE_TEXT } from "./messages";

/** The one button's id in ribbon.xml. */
export const PANE_BUTTON = "kaoheOpenPane";
/** The task pane page, next to index.html. */
export const PANE_PAGE = "taskpane.html";
/** The button's picture, relative to the add-in folder. */
export const BUTTON_IMAGE = "images/kaohe.png";

/** A task pane as WPS returns it from CreateTaskPane (the members used here). */
export interface WpsTaskPane {
  Visible: boolean;
}

interface PaneMaker {
  CreateTaskPane?: (url: string) => WpsTaskPane;
}

/** The globals the callbacks use: WPS puts `wps` and/or `Application` on the page. */
export interface RibbonWindow {
  wps?: PaneMaker;
  Application?: PaneMaker;
  location: { href: string };
  alert(message: string): void;
}

/** What WPS passes to a callback: the control, whose Id is the id in ribbon.xml. */
export interface RibbonControl {
  Id?: string;
}

/** The callbacks by the names ribbon.xml gives them. */
export interface RibbonCallbacks {
  OnAddinLoad(ribbonUI: unknown): boolean;
  OnAction(control: RibbonControl): boolean;
  GetImage(control: RibbonControl): string;
}

/**
 * The callbacks over one window. CreateTaskPane is looked for on `wps` (older WPS) and on `Application` (newer); the
 * pane is made once and shown again on later clicks (made anew if WPS has dropped it).
 */
export function createRibbon(win: RibbonWindow): RibbonCallbacks {
  let pane: WpsTaskPane | null = null;

  const paneMaker = (): ((url: string) => WpsTaskPane) | null => {
    for (const holder of [win.wps, win.Application]) {
      const make = holder?.CreateTaskPane;
      if (holder !== undefined && typeof make === "function") return (url) => make.call(holder, url);
    }
    return null;
  };

  const openPane = (): void => {
    if (pane !== null) {
      try {
        pane.Visible = true;
        return;
      } catch {
        pane = null;
      }
    }
    const make = paneMaker();
    if (make === null) {
      win.alert(WPS_PANE_TEXT.paneFailed);
      return;
    }
    pane = make(new URL(PANE_PAGE, win.location.href).href);
    pane.Visible = true;
  };

  return {
    OnAddinLoad: () => true,
    OnAction: (control) => {
      if (control.Id === PANE_BUTTON) openPane();
      return true;
    },
    GetImage: () => BUTTON_IMAGE,
  };
}
