import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Endpoints of a running `stratdeck start`, so other commands join it instead of starting their own. */
export interface LocalStackInfo {
  pid: number;
  /** Embedded DynamoDB-compatible engine (loopback). */
  dynamoEndpoint: string;
  /** Access key id the embedded engine requires (secret; the file is readable by its owner only). */
  dynamoAccessKeyId?: string;
  /** Secret the embedded engine verifies request signatures with (secret, like the key id). */
  dynamoSecretAccessKey?: string;
  /** In-memory engine holding the snapshots table (written by the stream, never persisted). */
  snapshotEndpoint?: string;
  /** Simulator REST base URL (absent in live data mode). */
  simRestUrl?: string;
  /** Local API base URL. */
  apiUrl?: string;
  /** ms since epoch. */
  startedAt: number;
}

const FILE = "stack.json";

/** Creates the state folder, readable by its owner only. */
export function ensureStateDir(stateDir: string): void {
  mkdirSync(stateDir, { recursive: true, mode: 0o700 });
}

/** Records the running local stack in the state folder (mode 0600: it holds the engine credential). */
export function writeLocalStack(stateDir: string, info: LocalStackInfo): void {
  ensureStateDir(stateDir);
  const path = join(stateDir, FILE);
  writeFileSync(path, JSON.stringify(info, null, 2), { mode: 0o600 });
  chmodSync(path, 0o600);
}

/** Removes the record (on a clean stop). */
export function clearLocalStack(stateDir: string): void {
  rmSync(join(stateDir, FILE), { force: true });
}

/** True when process `pid` exists (signal 0 probes without signalling). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The running local stack, or null when none (a record whose process is gone is ignored). */
export function readLocalStack(stateDir: string): LocalStackInfo | null {
  const path = join(stateDir, FILE);
  if (!existsSync(path)) return null;
  try {
    const info = JSON.parse(readFileSync(path, "utf8")) as LocalStackInfo;
    if (typeof info.pid !== "number" || typeof info.dynamoEndpoint !== "string") return null;
    return processAlive(info.pid) ? info : null;
  } catch {
    return null;
  }
}
