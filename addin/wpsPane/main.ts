// main.js of the WPS add-in: index.html loads it when WPS starts, and WPS then calls the ribbon's callbacks by name
// on this window (ribbon.xml: onLoad="OnAddinLoad", onAction="OnAction", getImage="GetImage").
import { createRibbon, type RibbonCallbacks, type RibbonWindow } from "./ribbon";

declare global {
  interface Window {
    OnAddinLoad?: RibbonCallbacks["OnAddinLoad"];
    OnAction?: RibbonCallbacks["OnAction"];
    GetImage?: RibbonCallbacks["GetImage"];
  }
}

Object.assign(window, createRibbon(window as unknown as RibbonWindow));
