/**
 * SHA-256 of a text as hex, through Web Crypto: the browser's `crypto.subtle`, which Node 20 also offers as a global,
 * so the command line and the page give the same fingerprint for the same master.
 */
export async function sha256Hex(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const hash = await globalThis.crypto.subtle.digest("SHA-256", bytes);
  return [...new Uint8Array(hash)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}
