import type Mammoth from "mammoth";

/** The plan file kinds a clerk can open: Word's .docx, or plain text. */
export function isDocxName(name: string): boolean {
  return /\.docx$/i.test(name);
}

/**
 * The text of a plain-text file: UTF-8 (a leading BOM dropped) when the bytes are valid UTF-8, else GB18030,
 * which covers GBK and GB2312 — what Notepad on a Chinese Windows saves as "ANSI".
 */
export function decodePlanText(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder("gb18030").decode(bytes);
  }
}

/** The raw text of a .docx (paragraphs as lines), via mammoth. Rejects when the bytes are not a Word document. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // mammoth's Node build reads `buffer`, its browser build `arrayBuffer`; each ignores the other, so give both.
  const input = { arrayBuffer, buffer: bytes } as unknown as Parameters<typeof Mammoth.extractRawText>[0];
  // Loaded only when a .docx is opened: mammoth is as large as the rest of the task pane together.
  const mammoth = ((await import("mammoth")) as unknown as { default: typeof Mammoth }).default;
  const result = await mammoth.extractRawText(input);
  return result.value;
}

/** The text of a 工作安排 file by its name: .docx through mammoth, anything else decoded as text. */
export async function planFileText(name: string, bytes: Uint8Array): Promise<string> {
  return isDocxName(name) ? docxText(bytes) : decodePlanText(bytes);
}
