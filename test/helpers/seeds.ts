import { fileURLToPath } from "node:url";

/**
 * A source document in shared/seeds/, which stands beside the project's checkout (../shared) for developers and CI
 * alike, wherever the checkout is.
 */
export function seedPath(file: string): string {
  return fileURLToPath(new URL(`../../../shared/seeds/${file}`, import.meta.url));
}
