// Issue 13 item 8: a kill during the write leaves a hidden `.OUT.xlsx.<pid>-<hex>.tmp` (up to a whole workbook); the
// next write of the same OUT removes such leftovers, and nothing else.
import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { buildWorkbook } from "../files/xlsx";
import { buildTemplate } from "../lib/template";
import { run } from "./helpers/cli";

/** The id of a process that has just ended (not running any more). */
function endedPid(): number {
  const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
  return Number(child.stdout);
}

describe("leftover temporary files of a killed write", () => {
  it("score -o OUT removes OUT's own stale temporary files only", async () => {
    const dir = await mkdtemp(join(tmpdir(), "kaohe-leftovers-"));
    const input = join(dir, "考核.xlsx");
    await writeFile(input, await buildWorkbook(buildTemplate({ year: 2025, example: true })));
    const dead = endedPid();
    const names = {
      killed: `.结果.xlsx.${dead}-0123456789ab.tmp`,
      running: `.结果.xlsx.${process.pid}-0123456789ab.tmp`,
      otherOut: `.别的.xlsx.${dead}-0123456789ab.tmp`,
      oldFormOld: ".结果.xlsx.abcdefabcdef.tmp",
      oldFormNew: ".结果.xlsx.fedcbafedcba.tmp",
      userFile: ".结果.xlsx.备份.tmp",
      notHex: `.结果.xlsx.${dead}-0123456789xz.tmp`,
    };
    for (const name of Object.values(names)) await writeFile(join(dir, name), "x");
    const hourAgo = new Date(Date.now() - 3600_000);
    await utimes(join(dir, names.oldFormOld), hourAgo, hourAgo);

    const result = await run("score", input, "-o", join(dir, "结果.xlsx"));
    expect(result.code).toBe(0);
    const left = await readdir(dir);
    expect(left).not.toContain(names.killed);
    expect(left).not.toContain(names.oldFormOld);
    for (const kept of [names.running, names.otherOut, names.oldFormNew, names.userFile, names.notHex]) expect(left).toContain(kept);
    // The write's own temporary file is gone too: only the input, the output and the files kept above.
    expect(left.sort()).toStrictEqual(["考核.xlsx", "结果.xlsx", names.running, names.otherOut, names.oldFormNew, names.userFile, names.notHex].sort());
  }, 60_000);
});
