// Bundled by test/wps-addin.test.ts (esbuild, IIFE) and run in Chromium before the WPS task pane's own scripts: it puts
// test/helpers/fakeWps.ts's fake WPS 表格 where WPS puts its object model (`window.wps.EtApplication()`), and a stub
// CreateTaskPane that records what the ribbon asks for.
import type { CellValue } from "../../lib/grid";
import { FakeWps } from "./fakeWps";

interface StubWindow {
  installFakeWps(sheets: Record<string, CellValue[][]>): void;
  fakeWps?: FakeWps;
  createdPanes: { url: string; Visible: boolean }[];
  wps?: unknown;
}

const stubWindow = window as unknown as StubWindow;
stubWindow.createdPanes = [];
stubWindow.installFakeWps = (sheets) => {
  const fake = new FakeWps(sheets);
  stubWindow.fakeWps = fake;
  stubWindow.wps = {
    EtApplication: () => fake.app,
    CreateTaskPane: (url: string) => {
      const pane = { url, Visible: false };
      stubWindow.createdPanes.push(pane);
      return pane;
    },
  };
};
