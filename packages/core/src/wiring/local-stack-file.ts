import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";

/** Endpoints of a running `stratdeck start`, so other commands join it instead of starting their own. */
export interface LocalStackInfo {
  pid: number;
  /** Embedded DynamoDB-compatible engine. */
  dynamoEndpoint: string;
  /** Simulator REST base URL (absent in live data mode). */
  simRestUrl?: string;
  /** Local API base URL. */
  apiUrl?: string;
  /** ms since epoch. */
  startedAt: number;
}

const FILE = "stack.json";

/** Records the running local stack in the state folder. */
export function writeLocalStack(stateDir: string, info: LocalStackInfo): void {
  mkdirSync(stateDir, { recursive: true });
  writeFileSync(join(stateDir, FILE), JSON.stringify(info, null, 2));
}

/** Removes the record (on a clean stop). */
export function clearLocalStack(stateDir: string): void {
  rmSync(join(stateDir, FILE), { force: true });
}

/** The running local stack, or null when none (a record whose process is gone is ignored). */
export function readLocalStack(stateDir: string): LocalStackInfo | null {
  const path = join(stateDir, FILE);
  if (!existsSync(path)) return null;
  try {
    const info = JSON.parse(readFileSync(path, "utf8")) as LocalStackInfo;
    if (typeof info.pid !== "number" || typeof info.dynamoEndpoint !== "string") return null;
    process.kill(info.pid, 0);
    return info;
  } catch {
    return null;
  }
}
