import { execFileSync } from "node:child_process";
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A small RAM file system mounted for a test (needs root: `mount -t tmpfs`). */
export interface Tmpfs {
  dir: string;
  /** Fills the remaining space with a filler file (the disk is then full). */
  fill(): void;
  /** Removes the filler: the space is free again. */
  free(): void;
  /** Remounts read-only (`ro`) or writable again (`rw`). */
  remount(mode: "ro" | "rw"): void;
  /** Unmounts and removes the mount point. */
  unmount(): void;
}

/** Mounts a tmpfs of `sizeKb` on a fresh temporary folder; throws naming what is needed when it cannot. */
export function mountTmpfs(sizeKb: number): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), "stratdeck-tmpfs-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k,mode=0700`, "tmpfs", dir], {
      stdio: "pipe",
    });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(
      `these fault tests mount a tmpfs and need root (mount -t tmpfs): ${(err as Error).message}`,
    );
  }
  const filler = join(dir, "filler");
  return {
    dir,
    fill: () => {
      const fd = openSync(filler, "a");
      const chunk = Buffer.alloc(4096);
      try {
        for (;;) writeSync(fd, chunk);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== "ENOSPC") throw err;
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    remount: (mode) => execFileSync("mount", ["-o", `remount,${mode}`, dir], { stdio: "pipe" }),
    unmount: () => {
      execFileSync("umount", ["-l", dir], { stdio: "pipe" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
