import { randomBytes } from "node:crypto";
import { link, mkdir, readdir, readFile, realpath, rename, stat, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { CliError } from "./errors";
import { MSG } from "./messages";

/** Reads a whole file; a missing file, a folder or a refused read become a Chinese CliError. */
export async function readInputFile(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (cause) {
    throw fileError(cause, path, "read");
  }
}

/** Output files must be .xlsx: any other name would not open in Excel as a workbook. */
export function requireXlsxName(path: string): void {
  if (!/\.xlsx$/i.test(path)) throw new CliError(MSG.notXlsxName(path));
}

/**
 * Writes a file so that it is either the old file or the whole new file, never half of one:
 * the bytes go to a temporary file in the same folder, which then replaces the target by rename.
 * The folder is created when missing. With `overwrite: false` an existing target is never replaced, even if it appears meanwhile.
 */
export async function writeFileAtomically(path: string, bytes: Uint8Array, options: { overwrite: boolean }): Promise<void> {
  // A missing folder is made, as "save as" into a new folder would (`npm run demo` writes into demo/).
  await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
  await removeStaleTemporaries(path);
  const temporary = join(dirname(path), temporaryName(basename(path), process.pid, randomBytes(6).toString("hex")));
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    if (options.overwrite) await rename(temporary, path);
    else await linkWithoutOverwriting(temporary, path);
  } catch (cause) {
    await unlink(temporary).catch(() => undefined);
    if (cause instanceof CliError) throw cause;
    throw fileError(cause, path, "write");
  }
  await unlink(temporary).catch(() => undefined);
}

/**
 * The hidden file a write goes to first: `.OUT.xlsx.<pid>-<12 hex>.tmp`, beside OUT. The writer's process id is in the
 * name so that a later run can tell a leftover (its writer is gone, killed in the middle) from a write under way.
 */
export function temporaryName(base: string, pid: number, hex: string): string {
  return `.${base}.${pid}-${hex}.tmp`;
}

/** Leftovers of versions before the process id was in the name: removed once they are this old (no write takes so long). */
const OLD_LEFTOVER_MS = 10 * 60 * 1000;

/**
 * Removes the temporary files that earlier writes of the same OUT left when they were killed (up to the size of a
 * whole workbook each): only names of the exact form `.OUT.xlsx.<pid>-<12 hex>.tmp` whose process is no longer
 * running, and the older form `.OUT.xlsx.<12 hex>.tmp` once ten minutes old. Another file, another OUT's temporary file,
 * or one a running kaohe is writing is never touched. Best effort: a folder that cannot be listed is left alone.
 */
export async function removeStaleTemporaries(path: string): Promise<string[]> {
  const folder = dirname(path);
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(path))}\\.(?:(\\d+)-)?[0-9a-f]{12}\\.tmp$`);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (match === null) continue;
    const full = join(folder, name);
    const pid = match[1] === undefined ? null : Number(match[1]);
    const stale = pid === null ? await olderThan(full, OLD_LEFTOVER_MS) : pid !== process.pid && !isRunning(pid);
    if (stale && (await unlink(full).then(() => true, () => false))) removed.push(name);
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (cause) {
    // EPERM: a process of another user has that id; it runs.
    return errorCode(cause) === "EPERM";
  }
}

async function olderThan(path: string, ms: number): Promise<boolean> {
  try {
    return Date.now() - (await stat(path)).mtimeMs > ms;
  } catch {
    return false;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** link() fails when the target exists, which makes "create, never replace" one step; folders that cannot link fall back to a check. */
async function linkWithoutOverwriting(temporary: string, path: string): Promise<void> {
  try {
    await link(temporary, path);
  } catch (cause) {
    const code = errorCode(cause);
    if (code === "EEXIST") throw new CliError(MSG.outputExists(path));
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV" && code !== "ENOSYS") throw cause;
    if (await exists(path)) throw new CliError(MSG.outputExists(path));
    await rename(temporary, path);
  }
}

/** Whether anything (file or folder) is at the path. */
export async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** Whether two paths name the same file: same resolved path (ignoring case where the system does), or the same file on disk. */
export async function sameFile(first: string, second: string): Promise<boolean> {
  const [a, b] = [await canonical(first), await canonical(second)];
  const caseless = process.platform === "win32" || process.platform === "darwin";
  if (caseless ? a.toLowerCase() === b.toLowerCase() : a === b) return true;
  try {
    const [statA, statB] = [await stat(first), await stat(second)];
    return statA.dev === statB.dev && statA.ino === statB.ino && statA.ino !== 0;
  } catch {
    return false;
  }
}

async function canonical(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

function fileError(cause: unknown, path: string, action: "read" | "write"): CliError {
  const code = errorCode(cause) ?? "未知错误";
  switch (code) {
    case "ENOENT":
      return new CliError(action === "read" ? MSG.fileNotFound(path) : MSG.folderNotFound(dirname(resolve(path))));
    case "EISDIR":
      return new CliError(MSG.isDirectory(path));
    case "EACCES":
      return new CliError(MSG.noPermission(path));
    case "EBUSY":
    case "EPERM":
      return new CliError(action === "write" ? MSG.fileBusy(path) : MSG.noPermission(path));
    default:
      return new CliError(action === "read" ? MSG.cannotRead(path, code) : MSG.cannotWrite(path, code));
  }
}

function errorCode(cause: unknown): string | undefined {
  return typeof cause === "object" && cause !== null && typeof (cause as { code?: unknown }).code === "string" ? (cause as { code: string }).code : undefined;
}
