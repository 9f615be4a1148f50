/** Media types of the files the hosts hand to the user, by extension; anything else is plain bytes. */
const MEDIA_TYPES: Record<string, string> = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  zip: "application/zip",
};

/** The media type of a file name: 考核结果通报.docx → Word's. */
export function mediaTypeOf(fileName: string): string {
  const extension = /\.([a-z]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? "";
  return MEDIA_TYPES[extension] ?? "application/octet-stream";
}

/**
 * Saves bytes as a file on the user's computer through a Blob URL and a temporary link (the page, and the task pane
 * where the Office host lets it: see the README on Excel for Mac). Nothing leaves the computer: the URL is local to
 * this page. The URL is revoked a little later, because revoking it at once can cancel the download in some browsers.
 */
export function downloadBytes(bytes: Uint8Array, fileName: string, doc: Document = document): void {
  const blob = new Blob([bytes as BlobPart], { type: mediaTypeOf(fileName) });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement("a");
  link.href = url;
  link.download = fileName;
  link.rel = "noopener";
  link.style.display = "none";
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
