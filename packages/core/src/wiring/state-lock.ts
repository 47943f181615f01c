import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";
import { ensureStateDir, processAlive, readLocalStack, type LocalStackInfo } from "./local-stack-file";

/** Who holds the state folder's engine lock. */
export interface LockHolder {
  pid: number;
  /** `stack` (`stratdeck start`) or the command name. */
  owner: string;
}

/** Thrown when the state folder stays locked past the wait budget, or a second stack is refused. */
export class StateLockedError extends Error {
  override readonly name = "StateLockedError";
  constructor(
    message: string,
    readonly holder: LockHolder,
  ) {
    super(message);
  }
}

/** Outcome of {@link lockStateDir}: this process owns the folder, or a stack started meanwhile. */
export type StateAccess = { kind: "owner"; release(): void } | { kind: "stack"; stack: LocalStackInfo };

/** Options of {@link lockStateDir}. */
export interface LockOptions {
  /** Recorded in the lock file: `stack` or the command name. */
  owner: string;
  /** Longest wait for another command to finish, ms (default 60 000). */
  waitMs?: number;
  /** Poll interval while waiting, ms (default 100). */
  pollMs?: number;
  /** Join a stack that appears while waiting (commands) instead of waiting it out (default true). */
  joinStack?: boolean;
  /** Called once when the lock is held by another process and this one starts waiting. */
  onWait?: (holder: LockHolder) => void;
}

const LOCK = "engine.lock";

function readHolder(path: string): LockHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, "utf8")) as LockHolder;
    return typeof h.pid === "number" ? h : null;
  } catch {
    return null;
  }
}

function tryCreate(path: string, holder: LockHolder): boolean {
  try {
    const fd = openSync(path, "wx", 0o600);
    writeSync(fd, JSON.stringify(holder));
    closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw err;
  }
}

/** Removes a lock whose process is gone (renamed first, so only one waiter removes it). */
function clearStale(path: string): void {
  const aside = `${path}.stale-${process.pid}`;
  try {
    renameSync(path, aside);
  } catch {
    return;
  }
  const taken = readHolder(aside);
  // A live holder got there between our read and the rename: give its lock back.
  if (taken && processAlive(taken.pid)) renameSync(aside, path);
  else rmSync(aside, { force: true });
}

/**
 * Takes the state folder's engine lock (an exclusive `engine.lock` file holding pid and owner,
 * created atomically), so only one process opens the embedded engine on the folder at a time.
 * A lock whose process died is cleared. While another command holds it this waits (calling
 * `onWait` once); a stack (`stratdeck start`) that appears meanwhile is joined instead. Past the
 * budget it throws {@link StateLockedError} naming the holder. The engine's own LevelDB lock
 * stays a second line of defence: the store is never opened twice.
 */
export async function lockStateDir(stateDir: string, options: LockOptions): Promise<StateAccess> {
  ensureStateDir(stateDir);
  const path = join(stateDir, LOCK);
  const me: LockHolder = { pid: process.pid, owner: options.owner };
  const pollMs = options.pollMs ?? 100;
  const polls = Math.ceil((options.waitMs ?? 60_000) / pollMs);
  let warned = false;
  for (let i = 0; ; i++) {
    if (options.joinStack !== false) {
      const stack = readLocalStack(stateDir);
      if (stack) return { kind: "stack", stack };
    }
    if (tryCreate(path, me)) {
      let released = false;
      return {
        kind: "owner",
        release: () => {
          if (released) return;
          released = true;
          if (readHolder(path)?.pid === process.pid) rmSync(path, { force: true });
        },
      };
    }
    const holder = readHolder(path);
    if (holder && !processAlive(holder.pid)) {
      clearStale(path);
      continue;
    }
    const shown = holder ?? { pid: -1, owner: "unknown" };
    if (i >= polls)
      throw new StateLockedError(
        `state folder ${stateDir} is in use by pid ${shown.pid} (stratdeck ${shown.owner}); try again when it ends, or pass --ephemeral for a throwaway in-memory run`,
        shown,
      );
    if (!warned) {
      warned = true;
      options.onWait?.(shown);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
