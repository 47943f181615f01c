import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { readLogFile, tableDamage } from "./level-format";
import { manifestState, type ManifestState } from "./manifest";

const DATA_FILE = /^(\d+)\.(ldb|sst|log)$|^MANIFEST-\d+$/;

const name6 = (n: number, ext: string): string => `${String(n).padStart(6, "0")}.${ext}`;

/** The table file of number `n` in `files` (`.ldb`, or the older `.sst`), or null. */
function tableFile(files: readonly string[], n: number): string | null {
  return [name6(n, "ldb"), name6(n, "sst")].find((f) => files.includes(f)) ?? null;
}

/** The MANIFEST named by CURRENT, read and checked; a string says what is wrong. */
function readManifest(dir: string, files: readonly string[]): ManifestState | string {
  const dataFiles = files.filter((f) => DATA_FILE.test(f));
  if (!files.includes("CURRENT"))
    return `CURRENT is missing while ${dataFiles.length} data files remain (${dataFiles.slice(0, 4).join(", ")}); opening it would start an empty store and delete them`;
  const current = readFileSync(join(dir, "CURRENT"), "utf8");
  const m = /^(MANIFEST-\d+)\n$/.exec(current);
  if (!m) return `CURRENT does not name a MANIFEST (it holds ${JSON.stringify(current.slice(0, 40))})`;
  const manifest = m[1] ?? "";
  if (!files.includes(manifest)) return `CURRENT names ${manifest}, which is missing`;
  const log = readLogFile(readFileSync(join(dir, manifest)));
  if (log.damage) return `${manifest} is damaged: ${log.damage}`;
  if (log.tornTail) return `${manifest} is truncated: its last record is cut off`;
  let state: ManifestState;
  try {
    state = manifestState(log.records);
  } catch (err) {
    return `${manifest} is damaged: ${(err as Error).message}`;
  }
  if (state.logNumber === null || state.nextFile === null || state.lastSequence === null)
    return `${manifest} is incomplete (no log number, next file number or last sequence)`;
  return state;
}

/** What is wrong with the live tables and write-ahead logs the MANIFEST lists, or null. */
function filesDamage(dir: string, files: readonly string[], state: ManifestState): string | null {
  for (const [n, size] of state.tables) {
    const file = tableFile(files, n);
    if (!file) return `table ${name6(n, "ldb")} listed in the MANIFEST is missing`;
    const actual = statSync(join(dir, file)).size;
    if (actual !== size) return `${file} is ${actual} bytes where the MANIFEST records ${size}`;
    const damage = tableDamage(readFileSync(join(dir, file)));
    if (damage) return `${file} is damaged: ${damage}`;
  }
  const minLog = Math.min(state.logNumber ?? 0, state.prevLogNumber || Infinity);
  const logs = files.filter((f) => /^\d+\.log$/.test(f) && Number.parseInt(f, 10) >= minLog);
  if (!logs.some((f) => Number.parseInt(f, 10) === state.logNumber))
    return `the write-ahead log ${name6(state.logNumber ?? 0, "log")} named by the MANIFEST is missing`;
  for (const f of logs) {
    const damage = readLogFile(readFileSync(join(dir, f))).damage;
    if (damage) return `${f} is damaged: ${damage}`;
  }
  return null;
}

/**
 * Checks a LevelDB folder before it is opened: CURRENT names an existing MANIFEST, the MANIFEST
 * reads to its end with every checksum right, every table it lists is present, of the recorded
 * size and checksum-clean, and the write-ahead logs it needs are present and undamaged (a log
 * whose last record was cut off by a crash is normal). Returns what is wrong, or null when the
 * folder is sound or holds no store yet.
 */
export function levelFolderDamage(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const files = readdirSync(dir);
  if (!files.some((f) => DATA_FILE.test(f) || f === "CURRENT")) return null;
  const state = readManifest(dir, files);
  return typeof state === "string" ? state : filesDamage(dir, files, state);
}
