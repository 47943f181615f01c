import { accessSync, constants, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { BacktestOptionError } from "./backtest-options";

/**
 * Checks, before any work, that a report can be written to `file`: its folder exists and is
 * writable and the path is not a folder; else a {@link BacktestOptionError} (exit 2) naming the flag.
 */
export function checkOutputPath(file: string | undefined, flag: string): void {
  if (file === undefined) return;
  const dir = dirname(resolve(file));
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new BacktestOptionError(`${flag} ${file}: folder ${dir} does not exist`);
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new BacktestOptionError(`${flag} ${file}: folder ${dir} is not writable`);
  }
  let target: ReturnType<typeof statSync> | undefined;
  try {
    target = statSync(file);
  } catch {
    target = undefined;
  }
  if (target?.isDirectory()) throw new BacktestOptionError(`${flag} ${file} is a folder, not a file`);
}

/** Writes a whole file or nothing: a temporary file beside it, renamed over it. */
export function writeWhole(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
