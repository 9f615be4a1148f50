import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { FONT } from "./style";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function escape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");
}

/**
 * The font table names every face we use with the one Windows ships as its alternative (w:altName), so that a PC
 * without 仿宋_GB2312 or 方正小标宋简体 shows 仿宋 or 宋体 rather than Word's default face. The docx package writes
 * only embedded fonts into word/fontTable.xml, so the table is written here.
 */
export function withFontTable(bytes: Uint8Array): Uint8Array {
  const parts = unzipSync(bytes);
  const fonts = Object.values(FONT)
    .map(
      (font) =>
        `<w:font w:name="${escape(font.name)}"><w:altName w:val="${escape(font.fallback)}"/><w:charset w:val="86"/><w:family w:val="auto"/><w:pitch w:val="variable"/></w:font>`,
    )
    .join("");
  parts["word/fontTable.xml"] = strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="${W}">${fonts}</w:fonts>`);
  // The relationship and content type exist already (the docx package always writes a font table part).
  if (parts["word/_rels/document.xml.rels"] !== undefined && !strFromU8(parts["word/_rels/document.xml.rels"]).includes("fontTable.xml")) {
    throw new Error("withFontTable: the docx package no longer links word/fontTable.xml");
  }
  return zipSync(parts, { level: 6 });
}
