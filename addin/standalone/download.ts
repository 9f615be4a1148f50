import { MIME_XLSX } from "./messages";

/**
 * Saves bytes as a file on the user's computer through a Blob URL and a temporary link.
 * Nothing leaves the computer: the URL is local to this page. The URL is revoked a little later,
 * because revoking it at once can cancel the download in some browsers.
 */
export function downloadBytes(bytes: Uint8Array, fileName: string, doc: Document = document): void {
  const blob = new Blob([bytes as BlobPart], { type: MIME_XLSX });
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
