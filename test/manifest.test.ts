// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const text = readFileSync(path.join(projectRoot, "manifest.xml"), "utf8");
const doc = new DOMParser().parseFromString(text, "application/xml");
const root = doc.documentElement;
const children = (element: Element) => Array.from(element.children).map((child) => child.localName);

/** The TaskPaneApp order of Microsoft's schema (learn.microsoft.com: manifest element ordering). */
const ORDER = [
  "Id",
  "AlternateId",
  "Version",
  "ProviderName",
  "DefaultLocale",
  "DisplayName",
  "Description",
  "IconUrl",
  "HighResolutionIconUrl",
  "SupportUrl",
  "AppDomains",
  "Hosts",
  "Requirements",
  "DefaultSettings",
  "Permissions",
  "VersionOverrides",
];

describe("manifest.xml", () => {
  it("is a TaskPaneApp with the required elements in the schema's order", () => {
    expect(root.localName).toBe("OfficeApp");
    expect(root.getAttribute("xsi:type")).toBe("TaskPaneApp");
    const names = children(root);
    for (const required of ["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "Hosts", "Requirements", "DefaultSettings", "Permissions"]) {
      expect(names).toContain(required);
    }
    const positions = names.map((name) => ORDER.indexOf(name));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("asks for ReadWriteDocument, a Workbook host, ExcelApi 1.4 and zh-CN", () => {
    expect(root.getElementsByTagName("Permissions")[0]?.textContent).toBe("ReadWriteDocument");
    expect(root.getElementsByTagName("DefaultLocale")[0]?.textContent).toBe("zh-CN");
    const set = root.getElementsByTagName("Requirements")[0]?.getElementsByTagName("Set")[0];
    expect(set?.getAttribute("Name")).toBe("ExcelApi");
    expect(set?.getAttribute("MinVersion")).toBe("1.4");
    expect(root.getElementsByTagName("Host")[0]?.getAttribute("Name")).toBe("Workbook");
    expect(root.getElementsByTagName("Id")[0]?.textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it("puts a 法治考核 button on the Home tab that opens the task pane", () => {
    const tab = root.getElementsByTagName("OfficeTab")[0];
    expect(tab?.getAttribute("id")).toBe("TabHome");
    const strings = new Map(Array.from(root.getElementsByTagName("bt:String")).map((s) => [s.getAttribute("id"), s.getAttribute("DefaultValue")]));
    const group = tab?.getElementsByTagName("Group")[0];
    expect(strings.get(group?.getElementsByTagName("Label")[0]?.getAttribute("resid") ?? "")).toBe("法治考核");
    const button = group?.getElementsByTagName("Control")[0];
    expect(strings.get(button?.getElementsByTagName("Label")[0]?.getAttribute("resid") ?? "")).toBe("法治考核");
    expect(button?.getElementsByTagName("Action")[0]?.getAttribute("xsi:type")).toBe("ShowTaskpane");
  });

  it("points every URL at the same host, and every icon at a file that exists", () => {
    const urls = Array.from(text.matchAll(/https?:\/\/[^"<\s]+/g), (m) => m[0]).filter((url) => !url.startsWith("http://schemas.") && !url.startsWith("http://www.w3.org"));
    expect(urls.length).toBeGreaterThan(5);
    expect(new Set(urls.map((url) => new URL(url).host))).toEqual(new Set(["localhost:3000"]));
    const icons = urls.filter((url) => url.endsWith(".png"));
    expect(icons.length).toBeGreaterThanOrEqual(3);
    for (const icon of icons) expect(existsSync(path.join(projectRoot, new URL(icon).pathname))).toBe(true);
    const sizes = Array.from(root.getElementsByTagName("bt:Image")).map((image) => image.getAttribute("size")).filter(Boolean);
    expect(new Set(sizes)).toEqual(new Set(["16", "32", "80"]));
  });
});
